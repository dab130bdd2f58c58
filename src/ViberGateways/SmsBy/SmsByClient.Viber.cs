using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Http;
using ViberGateways.Bulk;

namespace ViberGateways.SmsBy
{
    // The gateway-neutral API over this gateway's operations:
    //   send     one recipient (without a schedule or a mailing name) → a quick message (sendQuickViberMessage,
    //            vibername_id = SmsBy.SenderId ?? SmsByOptions.QuickMessageSenderId); otherwise one bulk mailing
    //            (sendBulkViber, alphaname_id = SmsBy.SenderId ?? SmsByOptions.MailingSenderId). SMS.by sends by
    //            sender id, so ViberMessage.Sender (a name) is not used; it has no SMS fallback of its own text and no
    //            message lifetime, so SmsFallback and Lifetime are refused; ClientId is not sent and only comes back
    //            in the reference. References: a quick message's GatewayId is its message_id; a mailing's MailingId
    //            is its uuid, with the recipient's digits.
    //   status   quick messages through getViberDeliveryData (one message per request); mailings through
    //            statusBulkViber (one uuid per request, as documented), each recipient found by phone number.
    //   balance  not supported: SMS.by documents no balance method for its API.
    //   senders  getAlphanames: the account's alpha names (the mailings' sender ids).
    internal partial class SmsByClient : IViberClient
    {
        // The SMS.by message's fields under the neutral message's names (the others have the same name in both).
        private static readonly IReadOnlyDictionary<string, string> NeutralFields = new Dictionary<string, string>
        {
            [nameof(SmsByMessage.SenderId)] = "SmsBy.SenderId",
            [nameof(SmsByMessage.MailingName)] = "SmsBy.MailingName",
        };

        /// <inheritdoc />
        public Gateway Gateway => Gateway.SmsBy;

        async Task<IReadOnlyList<SendResult>> IViberClient.SendAsync(ViberMessage message, CancellationToken cancellationToken)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));
            return await SendCheckedAsync(Check(message, "message"), cancellationToken).ConfigureAwait(false);
        }

        Task<IReadOnlyList<SendResult>> IViberClient.SendAsync(IEnumerable<ViberMessage> messages, CancellationToken cancellationToken) =>
            NeutralResults.SendEachAsync(messages, Check, SendCheckedAsync, cancellationToken);

        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(IAsyncEnumerable<ViberMessage> messages, BulkSendOptions? options, CancellationToken cancellationToken)
        {
            _ = messages ?? throw new ArgumentNullException(nameof(messages));

            // Each message has one recipient and goes out as a quick message, one per request: the messages may differ
            // in everything, which one personal mailing (one sender, image and button caption) cannot carry.
            var plan = new BulkPlan<ViberMessage, CheckedMessage<SmsByMessage>>(Gateway.SmsBy, 1, 1,
                (message, index) =>
                {
                    var path = $"messages[{index}]";
                    if (message is null)
                    {
                        throw RequestValidationException.Of(path, "required", "must not be null");
                    }

                    if (message.Recipients is { Count: > 1 })
                    {
                        throw RequestValidationException.Of(path + ".Recipients", "maxItems", "a personalised message has exactly one recipient; send one message to many with SendBulkAsync(message, recipients)");
                    }

                    return new BulkEntry<CheckedMessage<SmsByMessage>>(index, message.Recipients?.FirstOrDefault() ?? "", Check(message, path));
                },
                message => message?.Recipients?.FirstOrDefault() ?? "",
                async (entries, request, cancellation) =>
                {
                    var sent = await SendViberAsync(entries[0].Item.Message, cancellation).ConfigureAwait(false);
                    return new[]
                    {
                        entries[0].Result(Gateway, SendOutcome.Accepted, request, reference: new MessageReference(Gateway, NeutralResults.Digits(entries[0].Recipient),
                            entries[0].Item.ClientId, sent.MessageId?.ToString(CultureInfo.InvariantCulture), sent.MailingUuid)),
                    };
                })
            {
                // A refusal may concern one message's content: three in a row stop the send.
                StopOnFirstRefusal = false,
            };
            return BulkSender.Run(messages, options, plan, cancellationToken);
        }

        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(ViberMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options, CancellationToken cancellationToken)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));

            // Every request is a mailing, whatever its size: the sender is the mailing's (alphaname_id).
            var smsBy = ToSmsByMessage(message, "message", mailing: true, out var errors);
            return NeutralResults.Checked(errors, "message", NeutralFields, () => SendBulkAsync(smsBy, recipients, options, message.ClientIdOfBulkRecipient, cancellationToken),
                AlreadyReported(errors, "message"));
        }

        /// <summary>
        /// Quick messages are asked one per getViberDeliveryData request, mailings one uuid per statusBulkViber request
        /// (each recipient found by phone number). A mailing the gateway refused (statusBulkViber's <c>errors</c>), a
        /// phone number its reply does not list, and a quick message whose query SMS.by refused are
        /// <see cref="DeliveryState.Unknown"/> with the gateway's text as the error, and the other statuses are kept;
        /// only when SMS.by refused every query (a wrong key, most likely) is the refusal thrown.
        /// </summary>
        Task<IReadOnlyList<DeliveryStatus>> IViberClient.GetStatusAsync(IEnumerable<MessageReference> references, CancellationToken cancellationToken) =>
            NeutralResults.StatusesAsync(references, Gateway,
                reference => reference.MailingId is null && QuickMessageId(reference) is null
                    ? "the reference has neither an SMS.by mailing uuid (MailingId) nor a quick message id (GatewayId): only an accepted send's reference can be asked about"
                    : null,
                AskStatusAsync, cancellationToken);

        private async Task<IReadOnlyList<DeliveryStatus>> AskStatusAsync(List<MessageReference> all, CancellationToken cancellationToken)
        {
            var token = Options.RequireApiKey();
            var statuses = new DeliveryStatus[all.Count];
            GatewayRejectedException? refusal = null;
            var answered = false;

            foreach (var mailing in Enumerable.Range(0, all.Count).Where(i => all[i].MailingId != null).GroupBy(i => all[i].MailingId!, StringComparer.Ordinal))
            {
                IList<SmsByBulkMailingStatus> reply;
                using (new RequestDetails(gatewayIds: new[] { mailing.Key }).Declare())
                {
                    reply = await StatusBulkViberAsync(token, mailing.Key, cancellationToken).ConfigureAwait(false);
                }

                answered = true;
                foreach (var i in mailing)
                {
                    statuses[i] = MailingStatus(all[i], reply);
                }
            }

            foreach (var quick in Enumerable.Range(0, all.Count).Where(i => all[i].MailingId is null).GroupBy(i => QuickMessageId(all[i])!.Value))
            {
                SmsByGetViberDeliveryDataReply reply;
                using (new RequestDetails(gatewayIds: new[] { quick.Key.ToString(CultureInfo.InvariantCulture) }).Declare())
                {
                    reply = await GetViberDeliveryDataAsync(new SmsByGetViberDeliveryDataForm { Token = token, MessageId = quick.Key }, cancellationToken).ConfigureAwait(false);
                }

                var refused = reply.Error != null || !string.Equals(reply.Status, "OK", StringComparison.OrdinalIgnoreCase);
                if (refused)
                {
                    var text = reply.Error ?? "status " + (reply.Status ?? "missing");
                    refusal ??= new GatewayRejectedException($"SMS.by refused the delivery data query: {text}", reply.Status, reply.Error, null);
                }
                else
                {
                    answered = true;
                }

                foreach (var i in quick)
                {
                    statuses[i] = refused ? NeutralResults.NotReported(all[i], "SMS.by refused the delivery data query: " + (reply.Error ?? "status " + (reply.Status ?? "missing")))
                        : reply.Result is { } data ? new DeliveryStatus(all[i], new SmsByDeliveryStatus(data.Phone ?? all[i].Recipient, data.Status ?? "").State, data.Status ?? "")
                        : NeutralResults.NotReported(all[i], "SMS.by's delivery data reply has no result");
                }
            }

            if (!answered && refusal != null)
            {
                throw refusal;
            }

            return statuses;
        }

        /// <summary>
        /// No amount, without a request: SMS.by documents no balance method for its API, so the SDK does not guess one.
        /// </summary>
        Task<AccountBalance> IViberClient.GetBalanceAsync(CancellationToken cancellationToken) =>
            Task.FromResult(new AccountBalance(Gateway.SmsBy, amount: null, currency: null)
            {
                Error = "SMS.by documents no balance method for its API; read the balance in the SMS.by account",
            });

        /// <summary>The account's alpha names (getAlphanames): the sender ids of mailings (<see cref="SmsByOptions.MailingSenderId"/>).</summary>
        async Task<IReadOnlyList<SenderInfo>> IViberClient.GetSendersAsync(CancellationToken cancellationToken)
        {
            var names = await GetAlphanamesAsync(Options.RequireApiKey(), cancellationToken).ConfigureAwait(false);

            // The v1 error shape, {"error": "TEXT"}, reads as a map with one key that is not an id.
            if (names.TryGetValue("error", out var error))
            {
                throw new GatewayRejectedException($"SMS.by rejected the alpha name query: {error}", null, error, null);
            }

            return names.Select(pair => new SenderInfo(pair.Key, pair.Value ?? "")).ToList();
        }

        /// <summary>One send of a checked message; a whole-request failure becomes one result per recipient.</summary>
        private async Task<IReadOnlyList<SendResult>> SendCheckedAsync(CheckedMessage<SmsByMessage> message, CancellationToken cancellationToken)
        {
            var recipients = message.Message.Recipients;
            SmsBySendResult sent;
            try
            {
                sent = await SendViberAsync(message.Message, message.ClientIds, cancellationToken).ConfigureAwait(false);
            }
            catch (GatewayException failure)
            {
                return NeutralResults.Failed(Gateway, recipients, failure);
            }

            return recipients.Select((recipient, i) => new SendResult(Gateway, recipient, SendOutcome.Accepted)
            {
                Index = i,
                Reference = new MessageReference(Gateway, message.Digits[i], message.ClientIds[i], sent.MessageId?.ToString(CultureInfo.InvariantCulture), sent.MailingUuid),
            }).ToList();
        }

        /// <summary>The neutral message as an SMS.by message, checked; violations named as the caller wrote the message.</summary>
        private CheckedMessage<SmsByMessage> Check(ViberMessage message, string path)
        {
            // A sender id the message gives is of the kind its whole recipient list needs (an alpha name for several):
            // a part split off by a router keeps that kind of send. Without one, the options give the part's kind.
            var count = message.SmsBy?.SenderId is null ? message.Recipients?.Count ?? 0 : message.OriginalRecipientCount;
            var mailing = message.Recipients is null
                || SmsByRules.IsMailing(new SmsByMessage { ScheduledAt = message.ScheduledAt, MailingName = message.SmsBy?.MailingName }, count);
            var smsBy = ToSmsByMessage(message, path, mailing, out var errors);
            var recipients = NeutralResults.Checked(errors, path, NeutralFields, () => SmsByRules.Check(smsBy), AlreadyReported(errors, path));
            return new CheckedMessage<SmsByMessage>(smsBy, recipients.Select(r => r.Digits).ToList(), message);
        }

        /// <summary>
        /// The SMS.by message a neutral one becomes, with the configured sender id of a quick message or a mailing;
        /// <paramref name="errors"/> gets what SMS.by cannot carry and a sender id neither the message nor the options give.
        /// </summary>
        private SmsByMessage ToSmsByMessage(ViberMessage message, string path, bool mailing, out List<ValidationViolation> errors)
        {
            errors = new List<ValidationViolation>();
            if (message.SmsFallback != null)
            {
                NeutralResults.NotCarried(errors, path, nameof(ViberMessage.SmsFallback), "SMS.by", "its Viber methods send no SMS of a text of its own");
            }

            if (message.Lifetime != null)
            {
                NeutralResults.NotCarried(errors, path, nameof(ViberMessage.Lifetime), "SMS.by", "its Viber methods have no message lifetime");
            }

            var senderId = message.SmsBy?.SenderId ?? (mailing ? Options.MailingSenderId : Options.QuickMessageSenderId);
            if (senderId is null)
            {
                errors.Add(mailing
                    ? new ValidationViolation($"{nameof(SmsByOptions)}.{nameof(SmsByOptions.MailingSenderId)}", "required",
                        "SMS.by sends a mailing (several recipients, a schedule or a mailing name) from an alpha name id (alphaname_id): set it, or "
                        + $"{path}.SmsBy.SenderId; list the account's alpha names with GetSendersAsync (`viber senders smsby`)")
                    : new ValidationViolation($"{nameof(SmsByOptions)}.{nameof(SmsByOptions.QuickMessageSenderId)}", "required",
                        "SMS.by sends a quick message (one recipient) from a Viber name id (vibername_id): set it, or "
                        + $"{path}.SmsBy.SenderId; the ids are those of the SMS.by account's Viber names (getVibernames, whose reply SMS.by does not document; "
                        + "GetSendersAsync and `viber senders smsby` list the alpha names, the mailings' sender ids)"));
            }

            return new SmsByMessage
            {
                Recipients = message.Recipients ?? new List<string>(),
                SenderId = senderId ?? 0,
                Text = message.Text,
                ImageUrl = message.ImageUrl,
                Button = message.Button is null ? null : new SmsByButton(message.Button.Caption, message.Button.Url),
                MailingName = message.SmsBy?.MailingName,
                ScheduledAt = message.ScheduledAt,
                SendAsMailing = mailing,
            };
        }

        /// <summary>
        /// One recipient's status in a statusBulkViber reply, found by phone number among the created mailings' deliveries.
        /// A recipient the reply does not list is unknown, with the reply's errors (a refused mailing's) as the reason.
        /// </summary>
        private static DeliveryStatus MailingStatus(MessageReference reference, IList<SmsByBulkMailingStatus> reply)
        {
            var delivery = reply.SelectMany(m => m.Success ?? new List<SmsByBulkDeliveryStatus>())
                .LastOrDefault(d => d.Phone != null && NeutralResults.Digits(d.Phone) == reference.Recipient);
            if (delivery != null)
            {
                // status_time's time zone is not documented, so UpdatedAt is left unset rather than guessed.
                return new DeliveryStatus(reference, new SmsByDeliveryStatus(delivery.Phone!, delivery.Status ?? "").State, delivery.Status ?? "");
            }

            var errors = reply.SelectMany(m => m.Errors ?? new List<string>()).ToList();
            return NeutralResults.NotReported(reference, errors.Count > 0
                ? $"SMS.by's statusBulkViber reply does not list this recipient; it refused mailings of the batch: {string.Join("; ", errors)}"
                : $"SMS.by's statusBulkViber reply for mailing {reference.MailingId} does not list this recipient");
        }

        /// <summary>The fields already reported in the caller's terms; a missing sender id is reported as the setting to make.</summary>
        private static List<string> AlreadyReported(List<ValidationViolation> errors, string path)
        {
            var fields = errors.Select(e => e.Field).ToList();
            if (fields.Exists(f => f.StartsWith(nameof(SmsByOptions) + ".", StringComparison.Ordinal)))
            {
                fields.Add(path + ".SmsBy.SenderId");
            }

            return fields;
        }

        private static long? QuickMessageId(MessageReference reference) =>
            long.TryParse(reference.GatewayId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}
