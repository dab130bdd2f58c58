using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways.AlphaSms
{
    // The gateway-neutral API over this gateway's operations: each recipient of a ViberMessage becomes one wire model
    // (AlphaSmsRules, AlphaSmsMapping) sent by the transport's SendRequestAsync; each result carries a MessageReference
    // any transport can ask the status with.
    internal abstract partial class AlphaSmsClientBase : IViberClient
    {
        private const string Cancelled = "Not sent: the send was cancelled before this message went out";

        private const string Unavailable = "Not sent: the gateway was unavailable for an earlier message: ";

        private const string RefusedAccount = "Not sent: the gateway refused the account for an earlier message: ";

        /// <inheritdoc />
        public Gateway Gateway => Gateway.AlphaSms;

        /// <inheritdoc />
        /// <remarks>
        /// Over JSON and XML every recipient's message carries a client id: <see cref="ViberMessage.ClientId"/> plus the
        /// recipient's position (so the first recipient's is the message's own; keep that range free), or one the SDK
        /// assigns when the message sets none. Sending the same message again is de-duplicated over XML (208, reported
        /// accepted); over JSON no document says so: after an unknown outcome ask the status by the reference first.
        /// The HTTP transport carries no client id: its references hold the gateway's id only.
        /// </remarks>
        async Task<IReadOnlyList<SendResult>> IViberClient.SendAsync(ViberMessage message, CancellationToken cancellationToken) =>
            await SendAsync(new[] { message ?? throw new ArgumentNullException(nameof(message)) }, "message", cancellationToken).ConfigureAwait(false);

        /// <inheritdoc />
        /// <remarks>
        /// Client ids as for one message; over JSON and XML the recipients of all the messages go in requests of up to
        /// 500 (<see cref="MessagesPerRequest"/>), one after another, results in order.
        /// </remarks>
        async Task<IReadOnlyList<SendResult>> IViberClient.SendAsync(IEnumerable<ViberMessage> messages, CancellationToken cancellationToken) =>
            await SendAsync((messages ?? throw new ArgumentNullException(nameof(messages))).ToList(), "messages", cancellationToken).ConfigureAwait(false);

        /// <inheritdoc />
        /// <remarks>
        /// JSON asks by client id only (its <c>status</c> item has only <c>id</c>), in requests of up to 500 items;
        /// XML by client id or the gateway's id, 500 queries per package; HTTP by the gateway's id only, one request
        /// per message. A reference this transport cannot look up (a gateway id only, over JSON; a client id only,
        /// over HTTP) is <see cref="DeliveryState.Unknown"/> with <see cref="DeliveryStatus.Error"/> naming the
        /// transport that can.
        /// </remarks>
        Task<IReadOnlyList<DeliveryStatus>> IViberClient.GetStatusAsync(IEnumerable<MessageReference> references, CancellationToken cancellationToken) =>
            NeutralResults.StatusesAsync(references, Gateway.AlphaSms, reference => StatusIdOf(reference) is null ? CannotAsk(reference) : null, AskStatusAsync, cancellationToken);

        private async Task<IReadOnlyList<DeliveryStatus>> AskStatusAsync(List<MessageReference> asked, CancellationToken cancellationToken)
        {
            var statuses = new List<DeliveryStatus>(asked.Count);
            for (var start = 0; start < asked.Count; start += MessagesPerRequest)
            {
                var chunk = asked.GetRange(start, Math.Min(MessagesPerRequest, asked.Count - start));
                statuses.AddRange(await ReadStatusesAsync(chunk.Select(reference => (reference, StatusIdOf(reference)!.Value)).ToList(), cancellationToken).ConfigureAwait(false));
            }

            return statuses;
        }

        /// <inheritdoc />
        Task<AccountBalance> IViberClient.GetBalanceAsync(CancellationToken cancellationToken) => ReadBalanceAsync(cancellationToken);

        /// <inheritdoc />
        /// <remarks>AlphaSMS documents no list of senders (a sender is a name written in each message): always empty, without a request.</remarks>
        Task<IReadOnlyList<SenderInfo>> IViberClient.GetSendersAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SenderInfo>>(Array.Empty<SenderInfo>());

        /// <summary>
        /// Sends entries in requests of at most <paramref name="perRequest"/>, one after another, and keeps every
        /// answered request's results. A request's failure is its messages' result (rejected, not sent, unknown);
        /// once the gateway is unavailable, refuses the account (<paramref name="refusesAccount"/>) or the caller
        /// cancels, the messages not yet sent are not sent, with the reason (a message in flight at the cancellation is
        /// unknown). Such a failure before any request was answered is thrown, as is any failure of a send that is one
        /// request: nothing answered can be lost, and the caller reads it as the whole send's.
        /// </summary>
        private protected static Task<IReadOnlyList<SendResult>> InRequestsAsync(IReadOnlyList<BulkEntry<object>> entries, int perRequest,
            Func<IReadOnlyList<BulkEntry<object>>, CancellationToken, Task<IReadOnlyList<SendResult>>> send, Func<GatewayRejectedException, bool> refusesAccount,
            CancellationToken cancellationToken) =>
            // One request is the caller's to await: a single send pays for no state machine or closure of the loop.
            entries.Count <= perRequest ? send(entries, cancellationToken) : InSeveralRequestsAsync(entries, perRequest, send, refusesAccount, cancellationToken);

        private static async Task<IReadOnlyList<SendResult>> InSeveralRequestsAsync(IReadOnlyList<BulkEntry<object>> entries, int perRequest,
            Func<IReadOnlyList<BulkEntry<object>>, CancellationToken, Task<IReadOnlyList<SendResult>>> send, Func<GatewayRejectedException, bool> refusesAccount,
            CancellationToken cancellationToken)
        {
            var results = new List<SendResult>(entries.Count);
            string? stopped = null;
            GatewayException? stoppedBy = null;
            for (var start = 0; start < entries.Count; start += perRequest)
            {
                var request = entries.Skip(start).Take(perRequest).ToList();
                if (stopped is null && cancellationToken.IsCancellationRequested)
                {
                    if (results.Count == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    stopped = Cancelled;
                }

                if (stopped != null)
                {
                    results.AddRange(request.Select(entry => AlphaSmsMapping.Result(entry, SendOutcome.NotSent, AlphaSmsMapping.ClientIdOf(entry.Item),
                        errorCode: stoppedBy?.GatewayErrorCode, error: stopped, failure: stoppedBy)));
                    continue;
                }

                try
                {
                    var sent = await send(request, cancellationToken).ConfigureAwait(false);
                    results.AddRange(sent);
                    if (sent.Count > 0 && sent.All(result => result.Outcome == SendOutcome.NotSent && result.Failure is GatewayUnavailableException))
                    {
                        stoppedBy = (GatewayException)sent[0].Failure!;
                        stopped = Unavailable + stoppedBy.Message;
                    }
                }
                catch (OperationCanceledException cancelled) when (cancellationToken.IsCancellationRequested && results.Count > 0)
                {
                    var inFlight = new GatewayOutcomeUnknownException("The send was cancelled while this request was in flight: it may have reached the gateway", 0, cancelled);
                    results.AddRange(request.Select(entry => AlphaSmsMapping.Failed(entry, inFlight)));
                    stopped = Cancelled;
                }
                catch (GatewayException failure) when (results.Count > 0 || !RefusesAccount(failure))
                {
                    results.AddRange(request.Select(entry => AlphaSmsMapping.Failed(entry, failure)));
                    if (failure is GatewayUnavailableException || RefusesAccount(failure))
                    {
                        stoppedBy = failure;
                        stopped = (failure is GatewayUnavailableException ? Unavailable : RefusedAccount) + failure.Message;
                    }
                }
            }

            return results;

            bool RefusesAccount(GatewayException failure) => failure is GatewayRejectedException refusal && refusesAccount(refusal);
        }

        private async Task<IReadOnlyList<SendResult>> SendAsync(IReadOnlyList<ViberMessage?> messages, string field, CancellationToken cancellationToken)
        {
            var errors = new ValidationErrors();
            var entries = new List<BulkEntry<object>>();
            if (messages.Count == 0)
            {
                errors.Add(field, "minItems", "must contain at least one message");
            }

            long index = 0;
            for (var m = 0; m < messages.Count; m++)
            {
                var path = field == "message" ? field : $"{field}[{m}]";
                if (messages[m] is not { } message)
                {
                    errors.Add(path, "required", "must not be null");
                    continue;
                }

                index = AlphaSmsRules.CheckMessage(message, path, index, Transport, Options, errors, entries);
            }

            errors.ThrowIfAny();

            try
            {
                // Over JSON and XML, requests of as many messages as a bulk send puts in one; a refused request (a wrong
                // key) would be refused again, so it stops the rest. HTTP sends one message per request by itself.
                return await InRequestsAsync(entries, Transport == AlphaSmsTransport.Http ? int.MaxValue : MessagesPerRequest,
                    SendRequestAsync, _ => true, cancellationToken).ConfigureAwait(false);
            }
            catch (GatewayException failure)
            {
                // A failure before any request was answered (a wrong key, an unreadable reply) is every recipient's result, never thrown.
                return entries.Select(entry => AlphaSmsMapping.Failed(entry, failure)).ToList();
            }
        }

        private AlphaSmsMessageId? StatusIdOf(MessageReference reference)
        {
            if (AsksStatusByClientId && reference.ClientId is { } clientId)
            {
                return new AlphaSmsMessageId(clientId, isClientId: true);
            }

            return AsksStatusByGatewayId && long.TryParse(reference.GatewayId, NumberStyles.None, CultureInfo.InvariantCulture, out var gatewayId)
                ? new AlphaSmsMessageId(gatewayId, isClientId: false)
                : null;
        }

        private string CannotAsk(MessageReference reference) => (AsksStatusByClientId, AsksStatusByGatewayId) switch
        {
            (true, false) => $"the AlphaSMS {Transport} transport asks the status by client id only, and this reference has none: ask with the XML or HTTP transport",
            (false, true) => $"the AlphaSMS {Transport} transport asks the status by the gateway's id only, and this reference has none: ask with the JSON or XML transport",
            _ => $"the reference has no client id and no AlphaSMS gateway id ('{reference.GatewayId}' is not one)",
        };
    }
}
