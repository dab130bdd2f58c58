using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ViberGateways.SmsBy
{
    /// <summary>
    /// An <see cref="SmsByMessage"/> as the generated quick-message form or sendBulkViber mailing, and which of their
    /// fields carries which message field (so a limit the spec puts on <c>content.button_link</c> is reported as the caller's
    /// <c>Button.Url</c>).
    /// </summary>
    internal static class SmsByMapping
    {
        // Keyed by the generated models' properties (as SpecLimits names them), so no wire name is written here.
        public static readonly IReadOnlyDictionary<string, string> QuickMessageFields = new Dictionary<string, string>
        {
            [nameof(SmsBySendQuickViberMessageForm.VibernameId)] = nameof(SmsByMessage.SenderId),
            [nameof(SmsBySendQuickViberMessageForm.Phone)] = nameof(SmsByMessage.Recipients),
            [nameof(SmsBySendQuickViberMessageForm.Message)] = nameof(SmsByMessage.Text),
            [nameof(SmsBySendQuickViberMessageForm.ImageUrl)] = nameof(SmsByMessage.ImageUrl),
            [nameof(SmsBySendQuickViberMessageForm.Button)] = "Button.Caption",
            [nameof(SmsBySendQuickViberMessageForm.ButtonLink)] = "Button.Url",
        };

        public static readonly IReadOnlyDictionary<string, string> MailingFields = new Dictionary<string, string>
        {
            [nameof(SmsByBulkViberMailing.AlphanameId)] = nameof(SmsByMessage.SenderId),
            [nameof(SmsByBulkViberMailing.Name)] = nameof(SmsByMessage.MailingName),
            [nameof(SmsByBulkViberMailing.ScheduleTime)] = nameof(SmsByMessage.ScheduledAt),
            [nameof(SmsByBulkViberSameMessageMailing.DeliveryList)] = nameof(SmsByMessage.Recipients),
            [Content(nameof(SmsByBulkViberContent.Text))] = nameof(SmsByMessage.Text),
            [Content(nameof(SmsByBulkViberContent.ImageUrl))] = nameof(SmsByMessage.ImageUrl),
            [Content(nameof(SmsByBulkViberContent.ButtonLink))] = "Button.Url",
            [Content(nameof(SmsByBulkViberContent.Caption))] = "Button.Caption",
        };

        /// <summary>The fields of a bulk send's mailing, whose recipients come later.</summary>
        public static readonly IReadOnlyDictionary<string, string> TemplateMailingFields =
            MailingFields.ToDictionary(pair => pair.Key, pair => pair.Key == nameof(SmsByBulkViberSameMessageMailing.DeliveryList) ? "" : pair.Value);

        public static readonly IReadOnlyDictionary<string, string> PersonalDeliveryFields = new Dictionary<string, string>
        {
            [nameof(SmsByPersonalDelivery.Phone)] = nameof(SmsByPersonalRecipient.Phone),
            [nameof(SmsByPersonalDelivery.Text)] = nameof(SmsByPersonalRecipient.Text),
            [nameof(SmsByPersonalDelivery.ButtonLink)] = nameof(SmsByPersonalRecipient.ButtonUrl),
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

        private static string Content(string field) => nameof(SmsByBulkViberMailing.Content) + "." + field;

        /// <summary>sendBulkViber's <c>schedule_time</c>: <c>YYYY-MM-DDTHH:mm:ss</c> (seed 004).</summary>
        private static string? ScheduleTime(SmsByMessage message) => message.ScheduledAt?.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
    }
}
