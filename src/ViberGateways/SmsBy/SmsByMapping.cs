using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ViberGateways.SmsBy
{
    /// <summary>
    /// An <see cref="SmsByMessage"/> as the generated quick-message form or sendBulkViber mailing, and which wire field
    /// carries which message field (so a limit the spec puts on <c>content.button_link</c> is reported as the caller's
    /// <c>Button.Url</c>).
    /// </summary>
    internal static class SmsByMapping
    {
        public static readonly IReadOnlyDictionary<string, string> QuickMessageFields = new Dictionary<string, string>
        {
            ["vibername_id"] = nameof(SmsByMessage.SenderId),
            ["phone"] = nameof(SmsByMessage.Recipients),
            ["message"] = nameof(SmsByMessage.Text),
            ["image_url"] = nameof(SmsByMessage.ImageUrl),
            ["button"] = "Button.Caption",
            ["button_link"] = "Button.Url",
        };

        public static readonly IReadOnlyDictionary<string, string> MailingFields = new Dictionary<string, string>
        {
            ["alphaname_id"] = nameof(SmsByMessage.SenderId),
            ["name"] = nameof(SmsByMessage.MailingName),
            ["schedule_time"] = nameof(SmsByMessage.ScheduledAt),
            ["delivery_list"] = nameof(SmsByMessage.Recipients),
            ["content.text"] = nameof(SmsByMessage.Text),
            ["content.image_url"] = nameof(SmsByMessage.ImageUrl),
            ["content.button_link"] = "Button.Url",
            ["content.caption"] = "Button.Caption",
        };

        /// <summary>The fields of a bulk send's mailing, whose recipients come later.</summary>
        public static readonly IReadOnlyDictionary<string, string> TemplateMailingFields =
            MailingFields.ToDictionary(pair => pair.Key, pair => pair.Key == "delivery_list" ? "" : pair.Value);

        public static readonly IReadOnlyDictionary<string, string> PersonalDeliveryFields = new Dictionary<string, string>
        {
            ["phone"] = nameof(SmsByPersonalRecipient.Phone),
            ["text"] = nameof(SmsByPersonalRecipient.Text),
            ["button_link"] = nameof(SmsByPersonalRecipient.ButtonUrl),
        };

        public static SmsBySendQuickViberMessageForm ToQuickMessage(SmsByMessage message, string phoneDigits, string token) => new SmsBySendQuickViberMessageForm
        {
            Token = token,
            VibernameId = message.SenderId,
            Phone = phoneDigits,
            TypeMessage = message.Button != null ? SmsByViberMessageType.Button : message.Text is null ? SmsByViberMessageType.Image : SmsByViberMessageType.Text,
            Message = message.Text,
            ImageUrl = message.ImageUrl,
            Button = message.Button?.Caption,
            ButtonLink = message.Button?.Url,
        };

        public static SmsByBulkViberSameMessageMailing ToSameMessageMailing(SmsByMessage message, IList<string> deliveryList) => new SmsByBulkViberSameMessageMailing
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

        public static SmsByBulkViberPersonalMailing ToPersonalMailing(SmsByMessage message, IList<SmsByPersonalDelivery> deliveries) => new SmsByBulkViberPersonalMailing
        {
            AlphanameId = message.SenderId.ToString(CultureInfo.InvariantCulture),
            Name = message.MailingName,
            ScheduleTime = ScheduleTime(message),
            Content = new SmsByBulkViberContent
            {
                Type = message.Button != null ? SmsByBulkViberContentType.Button : SmsByBulkViberContentType.Text,
                ImageUrl = message.ImageUrl,
                Caption = message.Button?.Caption,
            },
            DeliveryList = deliveries,
        };

        public static SmsByPersonalDelivery ToPersonalDelivery(SmsByMessage message, SmsByPersonalRecipient recipient, string phoneDigits) => new SmsByPersonalDelivery
        {
            Phone = phoneDigits,
            Text = recipient.Text,
            ButtonLink = message.Button is null ? null : recipient.ButtonUrl ?? message.Button.Url,
        };

        /// <summary>sendBulkViber's <c>schedule_time</c>: <c>YYYY-MM-DDTHH:mm:ss</c> (seed 004).</summary>
        private static string? ScheduleTime(SmsByMessage message) => message.ScheduledAt?.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
