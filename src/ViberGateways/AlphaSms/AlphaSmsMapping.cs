using System;
using System.Collections.Generic;
using System.Globalization;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// An <see cref="AlphaSmsMessage"/> as each transport's generated wire model, and which wire field carries which
    /// message field (so a limit the spec puts on <c>viber_message</c> is reported as the caller's <c>Text</c>).
    /// </summary>
    internal static class AlphaSmsMapping
    {
        private static readonly IReadOnlyDictionary<string, string> JsonFields = new Dictionary<string, string>
        {
            ["id"] = nameof(AlphaSmsMessage.ClientId),
            ["phone"] = nameof(AlphaSmsMessage.Recipient),
            ["viber_signature"] = nameof(AlphaSmsMessage.Sender),
            ["viber_message"] = nameof(AlphaSmsMessage.Text),
            ["viber_image"] = nameof(AlphaSmsMessage.ImageUrl),
            ["viber_button"] = "Button.Caption",
            ["viber_link"] = "Button.Url",
            ["viber_lifetime"] = nameof(AlphaSmsMessage.Lifetime),
            ["short_link"] = nameof(AlphaSmsMessage.ShortenLinks),
            ["hook"] = nameof(AlphaSmsMessage.StatusCallbackUrl),
            ["sms_signature"] = "SmsFallback.Sender",
            ["sms_message"] = "SmsFallback.Text",
        };

        private static readonly IReadOnlyDictionary<string, string> XmlFields = new Dictionary<string, string>
        {
            ["id"] = nameof(AlphaSmsMessage.ClientId),
            ["date_beg"] = nameof(AlphaSmsMessage.ScheduledAt),
            ["phone"] = nameof(AlphaSmsMessage.Recipient),
            ["sender"] = nameof(AlphaSmsMessage.Sender),
            ["text"] = nameof(AlphaSmsMessage.Text),
            ["image"] = nameof(AlphaSmsMessage.ImageUrl),
            ["button"] = "Button.Caption",
            ["url"] = "Button.Url",
        };

        private static readonly IReadOnlyDictionary<string, string> HttpFields = HttpFieldsWith(nameof(AlphaSmsMessage.Sender), nameof(AlphaSmsMessage.Text));
        private static readonly IReadOnlyDictionary<string, string> HttpFieldsWithSmsFallback = HttpFieldsWith("SmsFallback.Sender", "SmsFallback.Text");

        /// <summary>The message as <paramref name="transport"/>'s wire model, with the wire-field-to-message-field names.</summary>
        public static (object Wire, IReadOnlyDictionary<string, string> Fields) ToWire(AlphaSmsMessage message, AlphaSmsContent content, string recipientDigits, long? clientId,
            AlphaSmsTransport transport) => transport switch
        {
            AlphaSmsTransport.Json => (ToJsonItem(message, content, recipientDigits, clientId ?? 0), JsonFields),
            AlphaSmsTransport.Xml => (ToXmlMessage(message, content, recipientDigits, clientId), XmlFields),
            _ => (ToHttpParameters(message, content, recipientDigits), message.SmsFallback is null ? HttpFields : HttpFieldsWithSmsFallback),
        };

        private static AlphaSmsJsonViberItem ToJsonItem(AlphaSmsMessage message, AlphaSmsContent content, string recipientDigits, long clientId)
        {
            var item = message.SmsFallback is { } fallback
                ? new AlphaSmsJsonViberSmsItem { SmsSignature = fallback.Sender, SmsMessage = fallback.Text }
                : new AlphaSmsJsonViberItem();
            item.Id = clientId;
            item.Phone = long.TryParse(recipientDigits, NumberStyles.None, CultureInfo.InvariantCulture, out var phone) ? phone : 0;
            item.ViberType = content switch
            {
                AlphaSmsContent.Text => AlphaSmsJsonViberType.Text,
                AlphaSmsContent.Image => AlphaSmsJsonViberType.Image,
                AlphaSmsContent.TextAndButton => AlphaSmsJsonViberType.TextLink,
                _ => AlphaSmsJsonViberType.TextImageLink,
            };
            item.ViberSignature = message.Sender;
            item.ViberMessage = message.Text;
            item.ViberImage = message.ImageUrl;
            item.ViberButton = message.Button?.Caption;
            item.ViberLink = message.Button?.Url;
            item.ViberLifetime = message.Lifetime is { } lifetime ? (int)Math.Min(lifetime.TotalSeconds, int.MaxValue) : null;
            item.ShortLink = message.ShortenLinks;
            item.Hook = message.StatusCallbackUrl;
            return item;
        }

        private static AlphaSmsXmlMessage ToXmlMessage(AlphaSmsMessage message, AlphaSmsContent content, string recipientDigits, long? clientId) => new AlphaSmsXmlMessage
        {
            Id = clientId,
            DateBeg = message.ScheduledAt?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            Phone = "+" + recipientDigits,
            Sender = message.Sender,
            Type = content switch
            {
                AlphaSmsContent.Text => AlphaSmsXmlMessageType.Text,
                AlphaSmsContent.TextAndImage => AlphaSmsXmlMessageType.Image,
                _ => AlphaSmsXmlMessageType.Button,
            },
            Text = message.Text!,
            Image = message.ImageUrl,
            Button = message.Button?.Caption,
            Url = message.Button?.Url,
        };

        /// <summary>The send parameters without the credentials and protocol version, which the client adds.</summary>
        private static AlphaSmsHttpParameters ToHttpParameters(AlphaSmsMessage message, AlphaSmsContent content, string recipientDigits) => new AlphaSmsHttpParameters
        {
            Command = AlphaSmsHttpCommand.Send,
            // `from` and `message` are required: they carry the SMS fallback, or repeat the Viber sender and text.
            From = message.SmsFallback?.Sender ?? message.Sender,
            To = recipientDigits,
            Message = message.SmsFallback?.Text ?? message.Text,
            Viber = AlphaSmsHttpFlag.One,
            ViberType = content switch
            {
                AlphaSmsContent.Text => AlphaSmsHttpViberType.Text,
                AlphaSmsContent.TextAndImage => AlphaSmsHttpViberType.Image,
                _ => AlphaSmsHttpViberType.Button,
            },
            ViberMessage = message.Text,
            ViberFrom = message.Sender,
            ViberLifetime = message.Lifetime is { } lifetime ? (int)Math.Min(lifetime.TotalSeconds, int.MaxValue) : AlphaSmsHttpClient.DefaultLifetimeSeconds,
            // The table says 1, the documented example sends true; the SDK follows the example.
            ViberSms = message.SmsFallback is null ? null : AlphaSmsHttpFlag.True,
            ViberImage = message.ImageUrl,
            ViberUrl = message.Button?.Url,
            ViberButton = message.Button?.Caption,
            AskDate = message.ScheduledAt is { } at ? DocumentedDateTime(at) : null,
        };

        private static IReadOnlyDictionary<string, string> HttpFieldsWith(string from, string smsText) => new Dictionary<string, string>
        {
            ["from"] = from,
            ["to"] = nameof(AlphaSmsMessage.Recipient),
            ["message"] = smsText,
            ["viber_message"] = nameof(AlphaSmsMessage.Text),
            ["viber_from"] = nameof(AlphaSmsMessage.Sender),
            ["viber_lifetime"] = nameof(AlphaSmsMessage.Lifetime),
            ["viber_image"] = nameof(AlphaSmsMessage.ImageUrl),
            ["viber_url"] = "Button.Url",
            ["viber_button"] = "Button.Caption",
            ["ask_date"] = nameof(AlphaSmsMessage.ScheduledAt),
        };

        /// <summary>The HTTP page's ISO 8601 form: <c>2024-08-15T15:52:01+0200</c>.</summary>
        private static string DocumentedDateTime(DateTimeOffset time) =>
            time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            + (time.Offset < TimeSpan.Zero ? "-" : "+") + time.Offset.ToString("hhmm", CultureInfo.InvariantCulture);
    }
}
