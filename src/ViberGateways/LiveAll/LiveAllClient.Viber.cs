using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways.LiveAll
{
    // The gateway-neutral API over this gateway's operations:
    //   send     SendIM, one request per message (sender: message.Sender ?? LiveAllOptions.Sender; the SMS fallback's
    //            sender: SmsFallback.Sender ?? LiveAllOptions.SmsSender; price category: LiveAll.LowCostSms).
    //            LiveAll has no lifetime, schedule or client-id field: Lifetime and ScheduledAt are refused, ClientId
    //            is not sent and only comes back in the reference.
    //   status   GetSMSStatus, many smsids per request.
    //   balance  GetAccountBalance (the reference says euros; the reply states no currency, so Currency is null).
    //   senders  none: LiveAll documents no list of senders (a sender is a name written in the message).
    internal partial class LiveAllClient : IViberClient
    {
        // LiveAll documents no limit on the smsids of one GetSMSStatus request; 500 is our choice, keeping the form
        // (about 6 KB of ids) and the reply well within what any server takes.
        private const int StatusIdsPerRequest = 500;

        // The LiveAll message's fields under the neutral message's names (the others have the same name in both).
        private static readonly IReadOnlyDictionary<string, string> NeutralFields = new Dictionary<string, string>
        {
            [nameof(LiveAllMessage.SenderName)] = nameof(ViberMessage.Sender),
            ["SmsFallback.SenderId"] = "SmsFallback.Sender",
            ["SmsFallback.PriceCategory"] = "LiveAll.LowCostSms",
        };

        /// <inheritdoc />
        public Gateway Gateway => Gateway.LiveAll;

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

            // As the LiveAll personalised bulk send: one message (one recipient) per SendIM request.
            var plan = new BulkPlan<ViberMessage, (LiveAllMessage Message, string Digits, long? ClientId)>(Gateway.LiveAll, 1, 1,
                (message, index) =>
                {
                    var path = $"messages[{index}]";
                    if (message is null)
                    {
                        throw RequestValidationException.Of(path, "required", "must not be null");
                    }

                    var liveAll = ToLiveAllMessage(message, path, out var errors);
                    var recipient = NeutralResults.Checked(errors, path, NeutralFields, () => LiveAllRules.CheckPersonalised(liveAll, path));
                    return new BulkEntry<(LiveAllMessage, string, long?)>(index, message.Recipients[0], (liveAll, recipient.Digits, message.ClientId));
                },
                message => message?.Recipients?.FirstOrDefault() ?? "",
                (entries, request, cancellation) => SendRequestAsync(entries[0].Item.Message, entries, item => item.Digits, entry => entry.Item.ClientId, request, cancellation))
            {
                StopOnFirstRefusal = false,
            };
            return BulkSender.Run(messages, options, plan, cancellationToken);
        }

        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(ViberMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options, CancellationToken cancellationToken)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));

            var liveAll = ToLiveAllMessage(message, "message", out var errors);
            return NeutralResults.Checked(errors, "message", NeutralFields, () => SendBulkAsync(liveAll, recipients, options, message.ClientIdOfBulkRecipient, cancellationToken));
        }

        Task<IReadOnlyList<DeliveryStatus>> IViberClient.GetStatusAsync(IEnumerable<MessageReference> references, CancellationToken cancellationToken) =>
            NeutralResults.StatusesAsync(references, Gateway,
                reference => SmsId(reference) is null ? "the reference has no LiveAll smsid (GatewayId): only an accepted send's reference can be asked about" : null,
                AskStatusAsync, cancellationToken);

        private async Task<IReadOnlyList<DeliveryStatus>> AskStatusAsync(List<MessageReference> all, CancellationToken cancellationToken)
        {

            var ids = all.Select(reference => SmsId(reference)!.Value).Distinct().ToList();
            var records = new Dictionary<long, LiveAllSmsStatus>();
            for (var start = 0; start < ids.Count; start += StatusIdsPerRequest)
            {
                var chunk = ids.GetRange(start, Math.Min(StatusIdsPerRequest, ids.Count - start));
                foreach (var record in await GetSmsStatusAsync(chunk, cancellationToken).ConfigureAwait(false))
                {
                    records[record.SmsId] = record;
                }
            }

            return all.Select(reference => records.TryGetValue(SmsId(reference)!.Value, out var record)
                ? new DeliveryStatus(reference, record.State, record.StatusText.Length > 0 ? record.StatusText : record.StatusCode.ToString(CultureInfo.InvariantCulture))
                {
                    UpdatedAt = record.LastStatusAt,
                }
                : NeutralResults.NotReported(reference, $"LiveAll's GetSMSStatus reply has no record for smsid {reference.GatewayId}")).ToList();
        }

        /// <summary>The LiveAll balance. The reference says it is in euros, but the reply states no currency, so <see cref="AccountBalance.Currency"/> is null.</summary>
        async Task<AccountBalance> IViberClient.GetBalanceAsync(CancellationToken cancellationToken) =>
            new AccountBalance(Gateway, (await GetAccountBalanceAsync(cancellationToken).ConfigureAwait(false)).Balance, null);

        /// <summary>An empty list: LiveAll documents no list of senders (the sender is a name written in the message).</summary>
        Task<IReadOnlyList<SenderInfo>> IViberClient.GetSendersAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SenderInfo>>(Array.Empty<SenderInfo>());

        /// <summary>One SendIM request for a checked message; a whole-request failure becomes one result per recipient.</summary>
        private async Task<IReadOnlyList<SendResult>> SendCheckedAsync(CheckedMessage<LiveAllMessage> message, CancellationToken cancellationToken)
        {
            var recipients = message.Message.Recipients;
            long?[] ids;
            try
            {
                ids = MessageIds(message.Digits, await SendToAsync(message.Message, message.Digits, cancellationToken, message.ClientIds).ConfigureAwait(false));
            }
            catch (GatewayException failure)
            {
                return NeutralResults.Failed(Gateway, recipients, failure);
            }

            return recipients.Select((recipient, i) => ids[i] is { } smsId
                ? new SendResult(Gateway, recipient, SendOutcome.Accepted)
                {
                    Index = i,
                    Reference = new MessageReference(Gateway, message.Digits[i], message.ClientIds[i], smsId.ToString(CultureInfo.InvariantCulture)),
                }
                : new SendResult(Gateway, recipient, SendOutcome.Unknown)
                {
                    Index = i,
                    Error = "LiveAll accepted the request but its reply has no message id for this recipient",
                }).ToList();
        }

        /// <summary>The neutral message as a LiveAll message, checked; violations named as the caller wrote the message.</summary>
        private CheckedMessage<LiveAllMessage> Check(ViberMessage message, string path)
        {
            var liveAll = ToLiveAllMessage(message, path, out var errors);
            var recipients = NeutralResults.Checked(errors, path, NeutralFields, () => LiveAllRules.Check(liveAll));
            return new CheckedMessage<LiveAllMessage>(liveAll, recipients.Select(r => r.Digits).ToList(), message);
        }

        /// <summary>
        /// The LiveAll message a neutral one becomes, with the configured senders filled in; <paramref name="errors"/>
        /// gets what LiveAll cannot carry and the senders neither the message nor the options give.
        /// </summary>
        private LiveAllMessage ToLiveAllMessage(ViberMessage message, string path, out List<ValidationViolation> errors)
        {
            errors = new List<ValidationViolation>();
            if (message.Lifetime != null)
            {
                NeutralResults.NotCarried(errors, path, nameof(ViberMessage.Lifetime), "LiveAll", "SendIM has no message lifetime");
            }

            if (message.ScheduledAt != null)
            {
                NeutralResults.NotCarried(errors, path, nameof(ViberMessage.ScheduledAt), "LiveAll", "SendIM has no scheduled send");
            }

            var sender = message.Sender ?? Options.Sender;
            if (string.IsNullOrWhiteSpace(sender))
            {
                errors.Add(new ValidationViolation(path + "." + nameof(ViberMessage.Sender), "required",
                    $"LiveAll needs an approved Viber sender name: set it here or in {nameof(LiveAllOptions)}.{nameof(LiveAllOptions.Sender)}"));
            }

            LiveAllSmsFallback? fallback = null;
            if (message.SmsFallback is { } sms)
            {
                var smsSender = sms.Sender ?? Options.SmsSender;
                if (string.IsNullOrWhiteSpace(smsSender))
                {
                    errors.Add(new ValidationViolation(path + ".SmsFallback.Sender", "required",
                        $"LiveAll's SMS fallback needs an SMS sender id: set it here or in {nameof(LiveAllOptions)}.{nameof(LiveAllOptions.SmsSender)}"));
                }

                fallback = new LiveAllSmsFallback(smsSender ?? "", sms.Text, message.LiveAll?.LowCostSms == true ? LiveAllPriceCategory.LowCost : LiveAllPriceCategory.Normal);
            }

            return new LiveAllMessage
            {
                Recipients = message.Recipients,
                SenderName = sender ?? "",
                Text = message.Text ?? "",
                ImageUrl = message.ImageUrl,
                Button = message.Button is null ? null : new LiveAllButton(message.Button.Caption, message.Button.Url),
                SmsFallback = fallback,
            };
        }

        private static long? SmsId(MessageReference reference) =>
            long.TryParse(reference.GatewayId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}
