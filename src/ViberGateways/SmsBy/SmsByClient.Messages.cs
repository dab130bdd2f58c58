using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Http;

namespace ViberGateways.SmsBy
{
    public partial interface ISmsByClient
    {
        /// <summary>Sends a Viber message: a quick message to one recipient, a bulk mailing to several.</summary>
        /// <param name="message">The message.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The quick message id or the mailing uuid.</returns>
        Task<SmsBySendResult> SendViberAsync(SmsByMessage message, CancellationToken cancellationToken = default);

        /// <summary>Reads the delivery status of every recipient of a message sent with <see cref="SendViberAsync"/>.</summary>
        /// <param name="sent">What the send returned.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>One status per recipient the gateway reports.</returns>
        Task<IReadOnlyList<SmsByDeliveryStatus>> GetDeliveryStatusAsync(SmsBySendResult sent, CancellationToken cancellationToken = default);
    }

    // Conveniences over the generated operations: the token from the options, the documented content rules
    // checked before any I/O, and a reply with an `error` or a status other than OK turned into a GatewayException.
    public partial class SmsByClient
    {
        private const int MaxButtonLinkLength = 150;

        /// <inheritdoc />
        public virtual async Task<SmsBySendResult> SendViberAsync(SmsByMessage message, CancellationToken cancellationToken = default)
        {
            var recipients = Check(message);
            var token = Options.RequireToken();
            if (recipients.Count == 1 && message.ScheduledAt is null && message.MailingName is null)
            {
                var form = new SmsBySendQuickViberMessageForm
                {
                    Token = token,
                    VibernameId = message.SenderId,
                    Phone = recipients[0].Digits,
                    TypeMessage = message.Button != null ? SmsByViberMessageType.Button : message.Text is null ? SmsByViberMessageType.Image : SmsByViberMessageType.Text,
                    Message = message.Text,
                    ImageUrl = message.ImageUrl,
                    Button = message.Button?.Caption,
                    ButtonLink = message.Button?.Url,
                };
                SmsBySendQuickViberMessageReply reply;
                using (new RequestDetails(1).Declare())
                {
                    reply = await SendQuickViberMessageAsync(form, cancellationToken).ConfigureAwait(false);
                }

                ThrowIfFailed(reply.Status, reply.Error, "quick message");
                return new SmsBySendResult(message.Recipients.ToList(), reply.Result?.MessageId ?? throw Unreadable("quick message"), null);
            }

            var mailing = SameMessageMailing(message, recipients.Select(r => r.Digits).ToList());
            var uuid = await SendMailingAsync(token, mailing, recipients.Count, cancellationToken).ConfigureAwait(false);
            return new SmsBySendResult(message.Recipients.ToList(), null, uuid);
        }

        /// <summary>One sendBulkViber request carrying one mailing; its uuid, or a <see cref="GatewayRejectedException"/>.</summary>
        private async Task<string> SendMailingAsync(string token, SmsByBulkViberMailing mailing, int recipients, CancellationToken cancellationToken)
        {
            var request = new SmsBySendBulkViberRequest { Token = token, Messages = { mailing } };
            SmsBySendBulkViberReply bulk;
            using (new RequestDetails(recipients).Declare())
            {
                bulk = await SendBulkViberAsync(request, cancellationToken).ConfigureAwait(false);
            }

            ThrowIfFailed(bulk.Success, bulk.Error, "mailing");
            return bulk.Uuid ?? throw Unreadable("mailing");
        }

        private static SmsByBulkViberSameMessageMailing SameMessageMailing(SmsByMessage message, IList<string> deliveryList) => new SmsByBulkViberSameMessageMailing
        {
            AlphanameId = message.SenderId.ToString(CultureInfo.InvariantCulture),
            Name = message.MailingName,
            ScheduleTime = ScheduleTime(message),
            Content = new SmsByBulkViberContent
            {
                Type = message.Button != null ? SmsByBulkViberContentType.Button : message.Text is null ? SmsByBulkViberContentType.Image : SmsByBulkViberContentType.Text,
                Text = message.Text,
                ImageUrl = message.ImageUrl,
                ButtonLink = message.Button?.Url,
                Caption = message.Button?.Caption,
            },
            DeliveryList = deliveryList,
        };

        private static string? ScheduleTime(SmsByMessage message) => message.ScheduledAt?.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

        /// <inheritdoc />
        public virtual async Task<IReadOnlyList<SmsByDeliveryStatus>> GetDeliveryStatusAsync(SmsBySendResult sent, CancellationToken cancellationToken = default)
        {
            if (sent is null)
            {
                throw new ArgumentNullException(nameof(sent));
            }

            var token = Options.RequireToken();
            if (sent.MessageId is { } messageId)
            {
                var reply = await GetViberDeliveryDataAsync(new SmsByGetViberDeliveryDataForm { Token = token, MessageId = messageId }, cancellationToken).ConfigureAwait(false);
                ThrowIfFailed(reply.Status, reply.Error, "delivery data");
                var data = reply.Result ?? throw Unreadable("delivery data");
                return new[] { new SmsByDeliveryStatus(data.Phone ?? sent.Recipients.FirstOrDefault() ?? "", data.Status ?? "") };
            }

            var mailings = await StatusBulkViberAsync(token, sent.MailingUuid ?? throw new ArgumentException("The result has neither a message id nor a mailing uuid.", nameof(sent)), cancellationToken).ConfigureAwait(false);
            var errors = mailings.SelectMany(m => m.Errors ?? new List<string>()).ToList();
            if (errors.Count > 0)
            {
                throw new GatewayRejectedException($"SMS.by rejected the mailing: {string.Join("; ", errors)}", null, errors[0], null);
            }

            return mailings.SelectMany(m => m.Success ?? new List<SmsByBulkDeliveryStatus>())
                .Select(d => new SmsByDeliveryStatus(d.Phone ?? "", d.Status ?? ""))
                .ToList();
        }

        /// <summary>SMS.by reports failures inside HTTP 200: an <c>error</c> field or a status other than OK.</summary>
        private static void ThrowIfFailed(string? status, string? error, string what)
        {
            if (error != null || !string.Equals(status, "OK", StringComparison.OrdinalIgnoreCase))
            {
                throw new GatewayRejectedException($"SMS.by rejected the {what}: {error ?? "status " + (status ?? "missing")}", status, error, null);
            }
        }

        private static GatewayException Unreadable(string what) => new GatewayException($"The SMS.by {what} reply has no id", 200, null, null, null);

        private static List<PhoneNumber> Check(SmsByMessage message)
        {
            if (message is null)
            {
                throw new ArgumentNullException(nameof(message));
            }

            var errors = new ValidationErrors();
            var recipients = RecipientRules.Parse(message.Recipients, "message.Recipients", errors);
            CheckContent(message, mailing: recipients.Count > 1 || message.ScheduledAt != null || message.MailingName != null, errors);
            errors.ThrowIfAny();
            return recipients;
        }

        /// <summary>The sender and content rules of a quick message, or of a bulk mailing (<paramref name="mailing"/>).</summary>
        private static void CheckContent(SmsByMessage message, bool mailing, ValidationErrors errors)
        {
            CheckSender(message, errors);
            if (message.Text != null)
            {
                TextRules.Required(message.Text, "message.Text", int.MaxValue, errors);
            }

            if (message.ImageUrl != null)
            {
                UrlRules.Absolute(message.ImageUrl, "message.ImageUrl", errors);
            }

            if (message.Button != null)
            {
                CheckButton(message.Button, errors);
                if (message.Text is null)
                {
                    errors.Add("message.Text", "required", "a button needs text to go with it");
                }
            }
            else if (message.Text != null && message.ImageUrl != null)
            {
                errors.Add("message", "content", "SMS.by sends an image alone, or text, image and button together; add a button or drop the image");
            }
            else if (message.Text is null && message.ImageUrl is null)
            {
                errors.Add("message", "content", "needs Text, ImageUrl or both with a Button");
            }

            if (mailing && message.Button != null && message.ImageUrl is null)
            {
                errors.Add("message.ImageUrl", "required", "a mailing with a button needs an image (sendBulkViber's button variant)");
            }
        }

        private static void CheckSender(SmsByMessage message, ValidationErrors errors)
        {
            if (message.SenderId <= 0)
            {
                errors.Add("message.SenderId", "minimum", "must be the positive id of an approved sender (vibername_id or alphaname_id)");
            }
        }

        private static void CheckButton(SmsByButton button, ValidationErrors errors)
        {
            TextRules.Required(button.Caption, "message.Button.Caption", int.MaxValue, errors);
            CheckButtonLink(button.Url, "message.Button.Url", errors);
        }

        private static void CheckButtonLink(string? url, string field, ValidationErrors errors)
        {
            if (UrlRules.Absolute(url, field, errors) && url!.Length > MaxButtonLinkLength)
            {
                errors.Add(field, "maxLength", $"must have at most {MaxButtonLinkLength} characters, not {url.Length}");
            }
        }
    }
}
