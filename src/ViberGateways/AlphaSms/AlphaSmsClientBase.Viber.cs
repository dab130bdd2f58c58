using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways.AlphaSms
{
    // The gateway-neutral API over this gateway's operations: each recipient of a ViberMessage becomes one
    // AlphaSmsMessage sent by the checked path every AlphaSMS send takes (AlphaSmsRules, AlphaSmsMapping, the
    // transport's SendCheckedAsync); each result carries a MessageReference any transport can ask the status with.
    internal abstract partial class AlphaSmsClientBase : IViberClient
    {
        /// <summary>
        /// Status queries per request over JSON (<c>status</c> items) and XML (<c>&lt;msg&gt;</c> queries in one
        /// package). Our choice: AlphaSMS documents no maximum per request; 500 is the size bulk sends use
        /// (<see cref="AlphaSmsBulk.DefaultMessagesPerRequest"/>), so 10,000 references take 20 requests.
        /// </summary>
        internal const int StatusQueriesPerRequest = AlphaSmsBulk.DefaultMessagesPerRequest;

        /// <inheritdoc />
        public Gateway Gateway => Gateway.AlphaSms;

        /// <summary>Whether this transport asks the status by client id (JSON, XML).</summary>
        private protected abstract bool AsksStatusByClientId { get; }

        /// <summary>Whether this transport asks the status by the gateway's id (XML, HTTP).</summary>
        private protected abstract bool AsksStatusByGatewayId { get; }

        /// <inheritdoc />
        /// <remarks>
        /// Over JSON and XML every recipient's message carries a client id: <see cref="ViberMessage.ClientId"/> plus the
        /// recipient's position (so the first recipient's is the message's own; keep that range free), or one the SDK
        /// assigns when the message sets none. Sending the same message again is de-duplicated over XML (208, reported
        /// accepted); over JSON no document says so: after an unknown outcome ask the status by the reference first.
        /// The HTTP transport carries no client id: its references hold the gateway's id only.
        /// </remarks>
        async Task<IReadOnlyList<SendResult>> IViberClient.SendAsync(ViberMessage message, CancellationToken cancellationToken) =>
            await SendNeutralAsync(new[] { message ?? throw new ArgumentNullException(nameof(message)) }, "message", cancellationToken).ConfigureAwait(false);

        /// <inheritdoc />
        /// <remarks>
        /// Client ids as for one message; over JSON and XML the recipients of all the messages go in requests of up to
        /// 500 (<see cref="AlphaSmsBulk.DefaultMessagesPerRequest"/>), one after another, results in order.
        /// </remarks>
        async Task<IReadOnlyList<SendResult>> IViberClient.SendAsync(IEnumerable<ViberMessage> messages, CancellationToken cancellationToken) =>
            await SendNeutralAsync((messages ?? throw new ArgumentNullException(nameof(messages))).ToList(), "messages", cancellationToken).ConfigureAwait(false);

        /// <inheritdoc />
        /// <remarks>
        /// Each recipient of each message is one entry of the bulk send: <see cref="SendResult.Index"/> counts
        /// recipients, message by message (the message's position when each has one recipient). Client ids as for
        /// <see cref="IViberClient.SendAsync(ViberMessage, CancellationToken)"/>.
        /// </remarks>
        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(IAsyncEnumerable<ViberMessage> messages, BulkSendOptions? options, CancellationToken cancellationToken)
        {
            _ = messages ?? throw new ArgumentNullException(nameof(messages));
            return AlphaSmsBulk.Items(EachRecipient(messages, cancellationToken), options, Transport, SendCheckedAsync, CheckBulkItem,
                item => item.Message?.Recipient ?? "", cancellationToken);
        }

        /// <inheritdoc />
        /// <remarks>
        /// The message sets no recipients and no client id: each recipient's message gets its own client id over JSON
        /// and XML, assigned by the SDK.
        /// </remarks>
        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(ViberMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options, CancellationToken cancellationToken)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));
            _ = recipients ?? throw new ArgumentNullException(nameof(recipients));
            var template = AlphaSmsViberMapping.ToAlphaSms(message, "", message.ClientId, Options);
            try
            {
                if (message.Recipients is { Count: > 0 })
                {
                    throw RequestValidationException.Of("message.Recipients", "bulk", "must be empty: every recipient comes from `recipients`");
                }

                return AlphaSmsBulk.ToRecipients(template, recipients, options, Transport, SendCheckedAsync, cancellationToken);
            }
            catch (RequestValidationException invalid)
            {
                throw AlphaSmsViberMapping.Neutral(invalid, _ => new NeutralPath("message", "message.Recipients"), Transport);
            }
        }

        /// <inheritdoc />
        /// <remarks>
        /// JSON asks by client id only (its <c>status</c> item has only <c>id</c>), in requests of up to 500 items;
        /// XML by client id or the gateway's id, 500 queries per package; HTTP by the gateway's id only, one request
        /// per message. A reference this transport cannot look up (a gateway id only, over JSON; a client id only,
        /// over HTTP) is <see cref="DeliveryState.Unknown"/> with <see cref="DeliveryStatus.Error"/> naming the
        /// transport that can.
        /// </remarks>
        async Task<IReadOnlyList<DeliveryStatus>> IViberClient.GetStatusAsync(IEnumerable<MessageReference> references, CancellationToken cancellationToken)
        {
            var all = (references ?? throw new ArgumentNullException(nameof(references))).ToList();
            var errors = new ValidationErrors();
            for (var i = 0; i < all.Count; i++)
            {
                if (all[i] is null)
                {
                    errors.Add($"references[{i}]", "required", "must not be null");
                }
                else if (all[i].Gateway != Gateway.AlphaSms)
                {
                    errors.Add($"references[{i}]", "gateway", $"is a {all[i].Gateway} reference: ask the {all[i].Gateway} client (or a ViberRouter) for its status");
                }
            }

            errors.ThrowIfAny();

            var statuses = new DeliveryStatus[all.Count];
            var asked = new List<(int Index, AlphaSmsMessageId Id)>();
            for (var i = 0; i < all.Count; i++)
            {
                if (StatusIdOf(all[i]) is { } id)
                {
                    asked.Add((i, id));
                }
                else
                {
                    statuses[i] = new DeliveryStatus(all[i], DeliveryState.Unknown, "") { Error = CannotAsk(all[i]), Unanswerable = true };
                }
            }

            for (var start = 0; start < asked.Count; start += StatusQueriesPerRequest)
            {
                var chunk = asked.GetRange(start, Math.Min(StatusQueriesPerRequest, asked.Count - start));
                var answers = await ReadStatusesAsync(chunk.Select(a => a.Id).ToList(), cancellationToken).ConfigureAwait(false);
                for (var k = 0; k < chunk.Count; k++)
                {
                    statuses[chunk[k].Index] = AlphaSmsViberMapping.ToDeliveryStatus(all[chunk[k].Index], answers[k]);
                }
            }

            return statuses;
        }

        /// <inheritdoc />
        async Task<AccountBalance> IViberClient.GetBalanceAsync(CancellationToken cancellationToken)
        {
            var balance = await GetBalanceAsync(cancellationToken).ConfigureAwait(false);
            return new AccountBalance(Gateway.AlphaSms, balance.Amount, balance.Currency);
        }

        /// <inheritdoc />
        /// <remarks>AlphaSMS documents no list of senders (a sender is a name written in each message): always empty, without a request.</remarks>
        Task<IReadOnlyList<SenderInfo>> IViberClient.GetSendersAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SenderInfo>>(Array.Empty<SenderInfo>());

        /// <summary>
        /// Reads the statuses of up to <see cref="StatusQueriesPerRequest"/> messages, each by an id of a kind the
        /// transport asks by: one answer per id, in order (matched to the reply by id: <see cref="AnswersById{TEntry}"/>); a
        /// refusal for one message is its answer, a refusal of the request is thrown.
        /// </summary>
        private protected abstract Task<IReadOnlyList<AlphaSmsStatusAnswer>> ReadStatusesAsync(IReadOnlyList<AlphaSmsMessageId> messageIds, CancellationToken cancellationToken);

        /// <summary>
        /// The answer to each of <paramref name="messageIds"/> from the reply entry that names its id (the client id or
        /// the gateway's, as asked), whatever the reply's order; an entry naming neither id is taken by its position (the
        /// reply's documented order). An id without an entry is answered with an error, never another message's status.
        /// </summary>
        private protected static IReadOnlyList<AlphaSmsStatusAnswer> AnswersById<TEntry>(IReadOnlyList<AlphaSmsMessageId> messageIds, IList<TEntry>? entries,
            Func<TEntry, long?> clientIdOf, Func<TEntry, long?> gatewayIdOf, Func<AlphaSmsMessageId, TEntry, AlphaSmsStatusAnswer> answer, string reply)
            where TEntry : class
        {
            entries ??= Array.Empty<TEntry>();
            var byClientId = new Dictionary<long, TEntry>();
            var byGatewayId = new Dictionary<long, TEntry>();
            foreach (var entry in entries)
            {
                // The gateway writes 0 for an id it does not know (sms_id="0"): that names no message.
                if (clientIdOf(entry) is { } clientId and not 0 && !byClientId.ContainsKey(clientId))
                {
                    byClientId.Add(clientId, entry);
                }

                if (gatewayIdOf(entry) is { } gatewayId and not 0 && !byGatewayId.ContainsKey(gatewayId))
                {
                    byGatewayId.Add(gatewayId, entry);
                }
            }

            var answers = new AlphaSmsStatusAnswer[messageIds.Count];
            for (var i = 0; i < messageIds.Count; i++)
            {
                var messageId = messageIds[i];
                if (!(messageId.IsClientId ? byClientId : byGatewayId).TryGetValue(messageId.Value, out var entry) && i < entries.Count && NamesNoId(entries[i]))
                {
                    entry = entries[i];
                }

                answers[i] = entry is null
                    ? new AlphaSmsStatusAnswer(new GatewayException($"{reply} has no entry for {messageId}", 200, null, null, null))
                    : answer(messageId, entry);
            }

            return answers;

            bool NamesNoId(TEntry entry) => clientIdOf(entry) is null or 0 && gatewayIdOf(entry) is null or 0;
        }

        private async Task<IReadOnlyList<SendResult>> SendNeutralAsync(IReadOnlyList<ViberMessage?> messages, string field, CancellationToken cancellationToken)
        {
            var errors = new ValidationErrors();
            var alphaSms = new List<AlphaSmsMessage>();
            var paths = new List<NeutralPath>();
            if (messages.Count == 0)
            {
                errors.Add(field, "minItems", "must contain at least one message");
            }

            for (var m = 0; m < messages.Count; m++)
            {
                var path = field == "message" ? field : $"{field}[{m}]";
                if (messages[m] is not { } message)
                {
                    errors.Add(path, "required", "must not be null");
                    continue;
                }

                if (message.Recipients is not { Count: > 0 } recipients)
                {
                    errors.Add(path + ".Recipients", "minItems", "must contain at least one recipient");
                    continue;
                }

                for (var r = 0; r < recipients.Count; r++)
                {
                    var clientId = AlphaSmsViberMapping.ClientIdOf(message, r, Transport, path, out var outOfRange);
                    if (outOfRange != null)
                    {
                        errors.Add(outOfRange.Field, outOfRange.Rule, outOfRange.Message);
                    }

                    alphaSms.Add(AlphaSmsViberMapping.ToAlphaSms(message, recipients[r], clientId, Options));
                    paths.Add(new NeutralPath(path, $"{path}.Recipients[{r}]"));
                }
            }

            IReadOnlyList<CheckedAlphaSmsMessage> checkedMessages = Array.Empty<CheckedAlphaSmsMessage>();
            try
            {
                if (alphaSms.Count > 0)
                {
                    checkedMessages = AlphaSmsRules.Check(alphaSms, Transport, "messages");
                }
            }
            catch (RequestValidationException invalid)
            {
                foreach (var violation in AlphaSmsViberMapping.Neutral(invalid, i => paths[i], Transport).Violations)
                {
                    errors.Add(violation.Field, violation.Rule, violation.Message);
                }
            }

            errors.ThrowIfAny();

            try
            {
                // Over JSON and XML, requests of as many messages as a bulk send puts in one; a refused request (a wrong
                // key) would be refused again, so it stops the rest. HTTP sends one message per request by itself.
                var results = await AlphaSmsSendResults.InRequestsAsync(checkedMessages,
                    Transport == AlphaSmsTransport.Http ? int.MaxValue : AlphaSmsBulk.DefaultMessagesPerRequest,
                    SendCheckedAsync, _ => true, cancellationToken).ConfigureAwait(false);
                return results.Select((result, i) => AlphaSmsViberMapping.ToSendResult(result, i)).ToList();
            }
            catch (GatewayException failure)
            {
                // A failure before any request was answered (a wrong key, an unreadable reply) is every recipient's result, never thrown.
                return checkedMessages.Select(message => AlphaSmsViberMapping.Failed(message, failure)).ToList();
            }
        }

        /// <summary>
        /// The bulk input recipient by recipient, each with its neutral paths; a null message, or one without
        /// recipients, is one item that the check rejects.
        /// </summary>
        private async IAsyncEnumerable<BulkItem> EachRecipient(IAsyncEnumerable<ViberMessage> messages, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            long m = 0;
            await foreach (var message in messages.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var path = "messages[" + m.ToString(CultureInfo.InvariantCulture) + "]";
                m++;
                if (message?.Recipients is not { Count: > 0 } recipients)
                {
                    yield return new BulkItem(null, new NeutralPath(path, path + ".Recipients"),
                        message is null ? null : new ValidationViolation(path + ".Recipients", "minItems", "must contain at least one recipient"));
                    continue;
                }

                for (var r = 0; r < recipients.Count; r++)
                {
                    var clientId = AlphaSmsViberMapping.ClientIdOf(message, r, Transport, path, out var outOfRange);
                    yield return new BulkItem(AlphaSmsViberMapping.ToAlphaSms(message, recipients[r], clientId, Options), new NeutralPath(path, $"{path}.Recipients[{r}]"), outOfRange);
                }
            }
        }

        private CheckedAlphaSmsMessage CheckBulkItem(BulkItem item, long index)
        {
            if (item.Problem is { } problem)
            {
                throw new RequestValidationException(new[] { problem });
            }

            try
            {
                return AlphaSmsRules.CheckBulkMessage(item.Message, Transport, "message");
            }
            catch (RequestValidationException invalid)
            {
                throw AlphaSmsViberMapping.Neutral(invalid, _ => item.Path, Transport);
            }
        }

        private AlphaSmsMessageId? StatusIdOf(MessageReference reference)
        {
            if (AsksStatusByClientId && reference.ClientId is { } clientId)
            {
                return AlphaSmsMessageId.Client(clientId);
            }

            return AsksStatusByGatewayId && long.TryParse(reference.GatewayId, NumberStyles.None, CultureInfo.InvariantCulture, out var gatewayId)
                ? AlphaSmsMessageId.Gateway(gatewayId)
                : null;
        }

        private string CannotAsk(MessageReference reference) => (AsksStatusByClientId, AsksStatusByGatewayId) switch
        {
            (true, false) => $"the AlphaSMS {Transport} transport asks the status by client id only, and this reference has none: ask with the XML or HTTP transport",
            (false, true) => $"the AlphaSMS {Transport} transport asks the status by the gateway's id only, and this reference has none: ask with the JSON or XML transport",
            _ => $"the reference has no client id and no AlphaSMS gateway id ('{reference.GatewayId}' is not one)",
        };

        /// <summary>One recipient's message of a neutral bulk send, or why it cannot be sent (no recipients, a client id out of range; a null message is left to the checks).</summary>
        private sealed class BulkItem(AlphaSmsMessage? message, NeutralPath path, ValidationViolation? problem)
        {
            public AlphaSmsMessage? Message { get; } = message;

            public NeutralPath Path { get; } = path;

            public ValidationViolation? Problem { get; } = problem;
        }
    }
}
