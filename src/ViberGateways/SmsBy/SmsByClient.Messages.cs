using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Http;

namespace ViberGateways.SmsBy
{
    internal partial interface ISmsByClient
    {
        /// <summary>Sends a Viber message: a quick message to one recipient, a bulk mailing to several.</summary>
        Task<SmsBySendResult> SendViberAsync(SmsByMessage message, CancellationToken cancellationToken = default);

        /// <summary>Reads the delivery status of every recipient of a message sent with <see cref="SendViberAsync"/>.</summary>
        Task<IReadOnlyList<SmsByDeliveryStatus>> GetDeliveryStatusAsync(SmsBySendResult sent, CancellationToken cancellationToken = default);
    }

    // Conveniences over the generated operations: the token from the options, the documented content rules
    // checked before any I/O, and a reply with an `error` or a status other than OK turned into a GatewayException.
    internal partial class SmsByClient
    {
        /// <inheritdoc />
        public virtual Task<SmsBySendResult> SendViberAsync(SmsByMessage message, CancellationToken cancellationToken = default) =>
            SendViberAsync(message, null, cancellationToken);

        /// <summary>The send; <paramref name="clientIds"/> are the ids the SDK gave the recipients (SMS.by carries none; they are logged).</summary>
        private async Task<SmsBySendResult> SendViberAsync(SmsByMessage message, IReadOnlyList<long?>? clientIds, CancellationToken cancellationToken)
        {
            var recipients = SmsByRules.Check(message);
            var token = Options.RequireApiKey();
            if (!SmsByRules.IsMailing(message, recipients.Count))
            {
                var form = SmsByMapping.ToQuickMessage(message, recipients[0].Digits, token);
                SmsBySendQuickViberMessageReply reply;
                using (new RequestDetails(1, clientIds: clientIds).Declare())
                {
                    reply = await SendQuickViberMessageAsync(form, cancellationToken).ConfigureAwait(false);
                }

                ThrowIfFailed(reply.Status, reply.Error, "quick message", send: true);
                return new SmsBySendResult(message.Recipients.ToList(), reply.Result?.MessageId ?? throw Unreadable("quick message", "has no id", send: true), null);
            }

            var mailing = SmsByMapping.ToSameMessageMailing(message, recipients.Select(r => r.Digits).ToList());
            var uuid = await SendMailingAsync(token, mailing, recipients.Count, cancellationToken, clientIds).ConfigureAwait(false);
            return new SmsBySendResult(message.Recipients.ToList(), null, uuid);
        }

        /// <summary>One sendBulkViber request carrying one mailing; its uuid, or a <see cref="GatewayRejectedException"/>.</summary>
        private async Task<string> SendMailingAsync(string token, SmsByBulkViberMailing mailing, int recipients, CancellationToken cancellationToken, IReadOnlyList<long?>? clientIds = null)
        {
            var request = new SmsBySendBulkViberRequest { Token = token, Messages = { mailing } };
            SmsBySendBulkViberReply bulk;
            using (new RequestDetails(recipients, clientIds: clientIds).Declare())
            {
                bulk = await SendBulkViberAsync(request, cancellationToken).ConfigureAwait(false);
            }

            ThrowIfFailed(bulk.Success, bulk.Error, "mailing", send: true);
            return bulk.Uuid ?? throw Unreadable("mailing", "has no id", send: true);
        }

        /// <inheritdoc />
        public virtual async Task<IReadOnlyList<SmsByDeliveryStatus>> GetDeliveryStatusAsync(SmsBySendResult sent, CancellationToken cancellationToken = default)
        {
            _ = sent ?? throw new ArgumentNullException(nameof(sent));

            var token = Options.RequireApiKey();
            if (sent.MessageId is { } messageId)
            {
                SmsByGetViberDeliveryDataReply reply;
                using (new RequestDetails(gatewayIds: new[] { messageId.ToString(CultureInfo.InvariantCulture) }).Declare())
                {
                    reply = await GetViberDeliveryDataAsync(new SmsByGetViberDeliveryDataForm { Token = token, MessageId = messageId }, cancellationToken).ConfigureAwait(false);
                }

                ThrowIfFailed(reply.Status, reply.Error, "delivery data", send: false);
                var data = reply.Result ?? throw Unreadable("delivery data", "has no id", send: false);
                return new[] { new SmsByDeliveryStatus(data.Phone ?? sent.Recipients.FirstOrDefault() ?? "", data.Status ?? "") };
            }

            var uuid = sent.MailingUuid ?? throw new ArgumentException("The result has neither a message id nor a mailing uuid.", nameof(sent));
            IList<SmsByBulkMailingStatus> mailings;
            using (new RequestDetails(gatewayIds: new[] { uuid }).Declare())
            {
                mailings = await StatusBulkViberAsync(token, uuid, cancellationToken).ConfigureAwait(false);
            }

            var errors = mailings.SelectMany(m => m.Errors ?? new List<string>()).ToList();
            if (errors.Count > 0)
            {
                throw new GatewayRejectedException($"SMS.by rejected the mailing: {string.Join("; ", errors)}", null, errors[0], null);
            }

            return mailings.SelectMany(m => m.Success ?? new List<SmsByBulkDeliveryStatus>())
                .Select(d => new SmsByDeliveryStatus(d.Phone ?? "", d.Status ?? ""))
                .ToList();
        }

        /// <summary>
        /// SMS.by reports failures inside HTTP 200: an <c>error</c> field or a status other than OK. A reply with
        /// neither (<c>{}</c>) is no documented refusal: unreadable, so a send's outcome is unknown rather than rejected.
        /// </summary>
        private static void ThrowIfFailed(string? status, string? error, string what, bool send)
        {
            if (error is null && status is null)
            {
                throw Unreadable(what, "has neither a status nor an error", send);
            }

            if (error != null || !string.Equals(status, "OK", StringComparison.OrdinalIgnoreCase))
            {
                throw new GatewayRejectedException($"SMS.by rejected the {what}: {error ?? "status " + (status ?? "missing")}", status, error, null);
            }
        }

        /// <summary>A reply not in the documented form: of unknown outcome for a send (it may have been accepted), the gateway's error for a query.</summary>
        private static GatewayException Unreadable(string what, string problem, bool send) => send
            ? new GatewayOutcomeUnknownException($"The SMS.by {what} reply {problem}; the message may have been accepted", 200, null, null)
            : new GatewayException($"The SMS.by {what} reply {problem}", 200, null, null, null);
    }
}
