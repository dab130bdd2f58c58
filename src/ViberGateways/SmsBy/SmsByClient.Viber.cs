using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Http;

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
    //   bulk     one message to many as mailings; personalised messages each as its send would go, a quick message
    //            to one recipient and a mailing to several (SmsByClient.Bulk.cs).
    //   status   quick messages through getViberDeliveryData (one message per request); mailings through
    //            statusBulkViber (one uuid per request, as documented), each recipient found by phone number.
    //   balance  not supported: SMS.by documents no balance method for its API.
    //   senders  getAlphanames: the account's alpha names (the mailings' sender ids).
    internal partial class SmsByClient : IViberClient
    {
        /// <inheritdoc />
        public Gateway Gateway => Gateway.SmsBy;

        async Task<IReadOnlyList<SendResult>> IViberClient.SendAsync(ViberMessage message, CancellationToken cancellationToken) =>
            await SendCheckedAsync(Check(message ?? throw new ArgumentNullException(nameof(message)), "message"), cancellationToken).ConfigureAwait(false);

        Task<IReadOnlyList<SendResult>> IViberClient.SendAsync(IEnumerable<ViberMessage> messages, CancellationToken cancellationToken) =>
            NeutralResults.SendEachAsync(messages, (message, path) => Check(message, path), SendCheckedAsync, cancellationToken);

        /// <summary>
        /// Quick messages are asked one per getViberDeliveryData request, mailings one uuid per statusBulkViber request
        /// (each recipient found by phone number). A mailing the gateway refused (statusBulkViber's <c>errors</c>), a
        /// phone number its reply does not list, and a quick message whose query SMS.by refused are
        /// <see cref="DeliveryState.Unknown"/> with the gateway's text as the error, and the other statuses are kept;
        /// only when SMS.by refused every query (a wrong key, most likely) is the refusal thrown.
        /// </summary>
        Task<IReadOnlyList<DeliveryStatus>> IViberClient.GetStatusAsync(IEnumerable<MessageReference> references, CancellationToken cancellationToken) =>
            NeutralResults.StatusesAsync(references, Gateway,
                reference => reference.MailingId is null && NeutralResults.NumericGatewayId(reference) is null
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
                using var declared = new RequestDetails(gatewayIds: new[] { mailing.Key }).Declare();
                var reply = await StatusBulkViberAsync(token, mailing.Key, cancellationToken).ConfigureAwait(false);

                answered = true;
                foreach (var i in mailing)
                {
                    statuses[i] = MailingStatus(all[i], reply);
                }
            }

            foreach (var quick in Enumerable.Range(0, all.Count).Where(i => all[i].MailingId is null).GroupBy(i => NeutralResults.NumericGatewayId(all[i])!.Value))
            {
                using var declared = new RequestDetails(gatewayIds: new[] { quick.Key.ToString(CultureInfo.InvariantCulture) }).Declare();
                var reply = await GetViberDeliveryDataAsync(new SmsByGetViberDeliveryDataForm { Token = token, MessageId = quick.Key }, cancellationToken).ConfigureAwait(false);

                var why = Refusal(reply.Status, reply.Error) is { } refused ? "SMS.by refused the delivery data query: " + refused : null;
                refusal ??= why is null ? null : new GatewayRejectedException(why, reply.Status, reply.Error, null);
                answered |= why is null;
                foreach (var i in quick)
                {
                    statuses[i] = why != null ? NeutralResults.NotReported(all[i], why)
                        : reply.Result is { } data ? SmsByStatusMapping.Status(all[i], data.Status, data.ErrorCode)
                        : NeutralResults.NotReported(all[i], "SMS.by's delivery data reply has no result");
                }
            }

            return !answered && refusal != null ? throw refusal : statuses;
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
        private async Task<IReadOnlyList<SendResult>> SendCheckedAsync(CheckedMessage<object> message, CancellationToken cancellationToken)
        {
            (string? GatewayId, string? MailingId) sent;
            try
            {
                sent = await SendAsync(message.Message, message.Digits.Count, message.ClientIds, cancellationToken).ConfigureAwait(false);
            }
            catch (GatewayException failure)
            {
                return NeutralResults.Failed(Gateway, message.Recipients, failure);
            }

            return message.Recipients.Select((recipient, i) => new SendResult(Gateway, recipient, SendOutcome.Accepted)
            {
                Index = i,
                Reference = new MessageReference(Gateway, message.Digits[i], message.ClientIds[i], sent.GatewayId, sent.MailingId),
            }).ToList();
        }

        /// <summary>
        /// The message as the quick-message form or the mailing it is sent as, checked; every violation at once, named
        /// as the caller wrote the message. A one-to-many bulk send's message (<paramref name="bulk"/>) is a mailing
        /// without recipients: they come from the bulk send's list.
        /// </summary>
        private CheckedMessage<object> Check(ViberMessage message, string path, bool bulk = false)
        {
            var errors = new ValidationErrors();
            var digits = new List<string>();
            var (request, _) = Check(message, path, bulk ? RecipientsFrom.BulkList : RecipientsFrom.Message, bulk || SmsByRules.IsMailing(message), digits, errors);
            message.CheckClientIds(path, errors);
            errors.ThrowIfAny();
            return new CheckedMessage<object>(request, digits, message);
        }

        /// <summary>
        /// The message's request (a mailing or a quick message) and sender id, its violations added to
        /// <paramref name="errors"/>; the recipients' digits, when the message's own are checked here, added to <paramref name="digits"/>.
        /// </summary>
        private (object Request, long? SenderId) Check(ViberMessage message, string path, RecipientsFrom recipientsFrom, bool mailing, List<string> digits, ValidationErrors errors)
        {
            SmsByRules.CheckCarried(message, path, errors);
            var senderId = SmsByMapping.SenderId(Options, message, path, mailing, errors);
            if (recipientsFrom == RecipientsFrom.Message)
            {
                digits.AddRange(RecipientRules.Parse(message.Recipients, path + "." + nameof(ViberMessage.Recipients), errors).ConvertAll(number => number.Digits));
            }
            else if (recipientsFrom == RecipientsFrom.BulkList)
            {
                NeutralResults.NoRecipientsInTemplate(message, path, errors);
            }

            SmsByRules.CheckContent(message, path, mailing, errors);
            object request = mailing ? SmsByMapping.ToMailing(message, senderId, digits) : SmsByMapping.ToQuickMessage(message, senderId, digits.FirstOrDefault() ?? "");
            SpecLimits.Check(request, path, SmsByMapping.Fields(mailing, recipientsFrom == RecipientsFrom.Message, senderId), errors);
            return (request, senderId);
        }

        /// <summary>Where a checked message's recipients come from.</summary>
        private enum RecipientsFrom
        {
            /// <summary>The message's own, checked with it.</summary>
            Message,

            /// <summary>A one-to-many bulk send's list: the message names none.</summary>
            BulkList,

            /// <summary>The message's own, each checked as a personalised bulk send reads it.</summary>
            EachAsRead,
        }

        /// <summary>
        /// Sends a checked quick-message form or mailing (<paramref name="clientIds"/> are logged: SMS.by carries none);
        /// the quick message's id or the mailing's uuid, or a <see cref="GatewayException"/>.
        /// </summary>
        private async Task<(string? GatewayId, string? MailingId)> SendAsync(object request, int recipients, IReadOnlyList<long?>? clientIds, CancellationToken cancellationToken)
        {
            var token = Options.RequireApiKey();
            if (request is SmsByBulkViberSameMessageMailing mailing)
            {
                return (null, await SendMailingAsync(token, mailing, recipients, clientIds, cancellationToken).ConfigureAwait(false));
            }

            var form = (SmsBySendQuickViberMessageForm)request;
            form.Token = token;
            using var declared = new RequestDetails(1, clientIds: clientIds).Declare();
            var reply = await SendQuickViberMessageAsync(form, cancellationToken).ConfigureAwait(false);

            ThrowIfFailed(reply.Status, reply.Error, "quick message");
            var id = reply.Result?.MessageId ?? throw Unreadable("quick message", "has no id");
            return (id.ToString(CultureInfo.InvariantCulture), null);
        }

        /// <summary>One sendBulkViber request carrying one mailing; its uuid, or a <see cref="GatewayRejectedException"/>.</summary>
        private async Task<string> SendMailingAsync(string token, SmsByBulkViberMailing mailing, int recipients, IReadOnlyList<long?>? clientIds, CancellationToken cancellationToken)
        {
            using var declared = new RequestDetails(recipients, clientIds: clientIds).Declare();
            var reply = await SendBulkViberAsync(new SmsBySendBulkViberRequest { Token = token, Messages = { mailing } }, cancellationToken).ConfigureAwait(false);

            ThrowIfFailed(reply.Success, reply.Error, "mailing");
            return reply.Uuid ?? throw Unreadable("mailing", "has no id");
        }

        /// <summary>
        /// SMS.by reports failures inside HTTP 200: an <c>error</c> field or a status other than OK. A reply with
        /// neither (<c>{}</c>) is no documented refusal: unreadable, so the send's outcome is unknown rather than rejected.
        /// </summary>
        private static void ThrowIfFailed(string? status, string? error, string what)
        {
            if (error is null && status is null)
            {
                throw Unreadable(what, "has neither a status nor an error");
            }

            if (Refusal(status, error) is { } refused)
            {
                throw new GatewayRejectedException($"SMS.by rejected the {what}: {refused}", status, error, null);
            }
        }

        /// <summary>Why SMS.by refused a call (its <c>error</c>, or a status other than OK), or null when it accepted it.</summary>
        private static string? Refusal(string? status, string? error) =>
            error != null || !string.Equals(status, "OK", StringComparison.OrdinalIgnoreCase) ? error ?? "status " + (status ?? "missing") : null;

        /// <summary>A send's reply not in the documented form: of unknown outcome (the message may have been accepted).</summary>
        private static GatewayException Unreadable(string what, string problem) =>
            new GatewayOutcomeUnknownException($"The SMS.by {what} reply {problem}; the message may have been accepted", 200, null, null);

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
                // status_time's time zone is not documented, so UpdatedAt is left unset rather than guessed; unlike
                // getViberDeliveryData, statusBulkViber documents no error_code.
                return new DeliveryStatus(reference, SmsByStatusMapping.State(delivery.Status ?? ""), delivery.Status ?? "");
            }

            var errors = reply.SelectMany(m => m.Errors ?? new List<string>()).ToList();
            return NeutralResults.NotReported(reference, errors.Count > 0
                ? $"SMS.by's statusBulkViber reply does not list this recipient; it refused mailings of the batch: {string.Join("; ", errors)}"
                : $"SMS.by's statusBulkViber reply for mailing {reference.MailingId} does not list this recipient");
        }
    }
}
