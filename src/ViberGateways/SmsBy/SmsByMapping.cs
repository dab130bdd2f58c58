using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ViberGateways.SmsBy
{
    /// <summary>
    /// A <see cref="ViberMessage"/> as the generated quick-message form or sendBulkViber mailing, its sender id from the
    /// message or the options, and which model property carries which message field (so a limit the spec puts on
    /// <c>content.button_link</c> is reported as the caller's <c>Button.Url</c>).
    /// </summary>
    internal static class SmsByMapping
    {
        private const string SenderField = nameof(ViberMessage.SmsBy) + "." + nameof(SmsByMessageOptions.SenderId);

        // Keyed by the generated models' properties (as SpecLimits names them), so no wire name is written here.
        private static readonly IReadOnlyDictionary<string, string> QuickMessageFields = new Dictionary<string, string>
        {
            [nameof(SmsBySendQuickViberMessageForm.VibernameId)] = SenderField,
            [nameof(SmsBySendQuickViberMessageForm.Phone)] = nameof(ViberMessage.Recipients),
            [nameof(SmsBySendQuickViberMessageForm.Message)] = nameof(ViberMessage.Text),
            [nameof(SmsBySendQuickViberMessageForm.ImageUrl)] = nameof(ViberMessage.ImageUrl),
            [nameof(SmsBySendQuickViberMessageForm.Button)] = "Button.Caption",
            [nameof(SmsBySendQuickViberMessageForm.ButtonLink)] = "Button.Url",
        };

        private static readonly IReadOnlyDictionary<string, string> MailingFields = new Dictionary<string, string>
        {
            [nameof(SmsByBulkViberMailing.AlphanameId)] = SenderField,
            [nameof(SmsByBulkViberMailing.Name)] = nameof(ViberMessage.SmsBy) + "." + nameof(SmsByMessageOptions.MailingName),
            [nameof(SmsByBulkViberMailing.ScheduleTime)] = nameof(ViberMessage.ScheduledAt),
            [nameof(SmsByBulkViberSameMessageMailing.DeliveryList)] = nameof(ViberMessage.Recipients),
            [Content(nameof(SmsByBulkViberContent.Text))] = nameof(ViberMessage.Text),
            [Content(nameof(SmsByBulkViberContent.ImageUrl))] = nameof(ViberMessage.ImageUrl),
            [Content(nameof(SmsByBulkViberContent.ButtonLink))] = "Button.Url",
            [Content(nameof(SmsByBulkViberContent.Caption))] = "Button.Caption",
        };

        /// <summary>
        /// The fields of a mailing or a quick message. Recipients not the message's own (a bulk send's, checked on their
        /// own) are left out, and so is a missing sender id, as it is reported as the setting to make.
        /// </summary>
        public static IReadOnlyDictionary<string, string> Fields(bool mailing, bool ownRecipients, long? senderId)
        {
            var fields = mailing ? MailingFields : QuickMessageFields;
            return ownRecipients && senderId != null ? fields : fields.ToDictionary(pair => pair.Key,
                pair => (pair.Value == SenderField && senderId is null) || (pair.Value == nameof(ViberMessage.Recipients) && !ownRecipients) ? "" : pair.Value);
        }

        /// <summary>
        /// The message's sender id, or the configured one of a quick message or a mailing; a missing one is reported as
        /// the setting to make.
        /// </summary>
        public static long? SenderId(SmsByOptions options, ViberMessage message, string path, bool mailing, ValidationErrors errors)
        {
            var senderId = message.SmsBy?.SenderId ?? (mailing ? options.MailingSenderId : options.QuickMessageSenderId);
            if (senderId is null && mailing)
            {
                errors.Add($"{nameof(SmsByOptions)}.{nameof(SmsByOptions.MailingSenderId)}", "required",
                    "SMS.by sends a mailing (several recipients, a schedule or a mailing name) from an alpha name id (alphaname_id): set it, or "
                    + $"{path}.SmsBy.SenderId; list the account's alpha names with GetSendersAsync (`viber senders smsby`)");
            }
            else if (senderId is null)
            {
                errors.Add($"{nameof(SmsByOptions)}.{nameof(SmsByOptions.QuickMessageSenderId)}", "required",
                    "SMS.by sends a quick message (one recipient) from a Viber name id (vibername_id): set it, or "
                    + $"{path}.SmsBy.SenderId; the ids are those of the SMS.by account's Viber names (getVibernames, whose reply SMS.by does not document; "
                    + "GetSendersAsync and `viber senders smsby` list the alpha names, the mailings' sender ids)");
            }

            return senderId;
        }

        /// <summary>A quick message's form; its token is set when it is sent.</summary>
        public static SmsBySendQuickViberMessageForm ToQuickMessage(ViberMessage message, long? senderId, string phoneDigits) => new SmsBySendQuickViberMessageForm
        {
            Token = "",
            VibernameId = senderId ?? 0,
            Phone = phoneDigits,
            TypeMessage = message.Button != null ? SmsByViberMessageType.Button : message.Text is null ? SmsByViberMessageType.Image : SmsByViberMessageType.Text,
            Message = message.Text,
            ImageUrl = message.ImageUrl,
            Button = message.Button?.Caption,
            ButtonLink = message.Button?.Url,
        };

        public static SmsByBulkViberSameMessageMailing ToMailing(ViberMessage message, long? senderId, IList<string> deliveryList) => new SmsByBulkViberSameMessageMailing
        {
            AlphanameId = (senderId ?? 0).ToString(CultureInfo.InvariantCulture),
            Name = message.SmsBy?.MailingName,
            // seed 004: schedule_time is YYYY-MM-DDTHH:mm:ss.
            ScheduleTime = message.ScheduledAt?.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
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

        private static string Content(string field) => nameof(SmsByBulkViberMailing.Content) + "." + field;
    }
}
