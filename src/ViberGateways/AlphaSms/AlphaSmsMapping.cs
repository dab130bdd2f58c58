using System;
using System.Collections.Generic;
using System.Globalization;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// An <see cref="AlphaSmsMessage"/> as each transport's generated wire model, and which of the model's fields carries
    /// which message field (so a limit the spec puts on <c>viber_message</c> is reported as the caller's <c>Text</c>).
    /// </summary>
    internal static class AlphaSmsMapping
    {
        // Keyed by the generated model's property (as SpecLimits names it), so no wire name is written here.
        private static readonly IReadOnlyDictionary<string, string> JsonFields = new Dictionary<string, string>
        {
            [nameof(AlphaSmsJsonViberItem.Id)] = nameof(AlphaSmsMessage.ClientId),
            [nameof(AlphaSmsJsonViberItem.Phone)] = nameof(AlphaSmsMessage.Recipient),
            [nameof(AlphaSmsJsonViberItem.ViberSignature)] = nameof(AlphaSmsMessage.Sender),
            [nameof(AlphaSmsJsonViberItem.ViberMessage)] = nameof(AlphaSmsMessage.Text),
            [nameof(AlphaSmsJsonViberItem.ViberImage)] = nameof(AlphaSmsMessage.ImageUrl),
            [nameof(AlphaSmsJsonViberItem.ViberButton)] = "Button.Caption",
            [nameof(AlphaSmsJsonViberItem.ViberLink)] = "Button.Url",
            [nameof(AlphaSmsJsonViberItem.ViberLifetime)] = nameof(AlphaSmsMessage.Lifetime),
            [nameof(AlphaSmsJsonViberItem.ShortLink)] = nameof(AlphaSmsMessage.ShortenLinks),
            [nameof(AlphaSmsJsonViberItem.Hook)] = nameof(AlphaSmsMessage.StatusCallbackUrl),
            [nameof(AlphaSmsJsonViberSmsItem.SmsSignature)] = "SmsFallback.Sender",
            [nameof(AlphaSmsJsonViberSmsItem.SmsMessage)] = "SmsFallback.Text",
        };

        private static readonly IReadOnlyDictionary<string, string> XmlFields = new Dictionary<string, string>
        {
            [nameof(AlphaSmsXmlMessage.Id)] = nameof(AlphaSmsMessage.ClientId),
            [nameof(AlphaSmsXmlMessage.DateBeg)] = nameof(AlphaSmsMessage.ScheduledAt),
            [nameof(AlphaSmsXmlMessage.Phone)] = nameof(AlphaSmsMessage.Recipient),
            [nameof(AlphaSmsXmlMessage.Sender)] = nameof(AlphaSmsMessage.Sender),
            [nameof(AlphaSmsXmlMessage.Text)] = nameof(AlphaSmsMessage.Text),
            [nameof(AlphaSmsXmlMessage.Image)] = nameof(AlphaSmsMessage.ImageUrl),
            [nameof(AlphaSmsXmlMessage.Button)] = "Button.Caption",
            [nameof(AlphaSmsXmlMessage.Url)] = "Button.Url",
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
            // Required (seed 002 marks viber_sms required): the table says 1 for the fallback, the documented
            // example sends true, and the SDK follows the example; without fallback it sends 0, the value that is not 1.
            ViberSms = message.SmsFallback is null ? AlphaSmsHttpSmsFallbackFlag.Off : AlphaSmsHttpSmsFallbackFlag.True,
            ViberImage = message.ImageUrl,
            ViberUrl = message.Button?.Url,
            ViberButton = message.Button?.Caption,
            AskDate = message.ScheduledAt is { } at ? DocumentedDateTime(at) : null,
        };

        private static IReadOnlyDictionary<string, string> HttpFieldsWith(string from, string smsText) => new Dictionary<string, string>
        {
            [nameof(AlphaSmsHttpParameters.From)] = from,
            [nameof(AlphaSmsHttpParameters.To)] = nameof(AlphaSmsMessage.Recipient),
            [nameof(AlphaSmsHttpParameters.Message)] = smsText,
            [nameof(AlphaSmsHttpParameters.ViberMessage)] = nameof(AlphaSmsMessage.Text),
            [nameof(AlphaSmsHttpParameters.ViberFrom)] = nameof(AlphaSmsMessage.Sender),
            [nameof(AlphaSmsHttpParameters.ViberLifetime)] = nameof(AlphaSmsMessage.Lifetime),
            [nameof(AlphaSmsHttpParameters.ViberImage)] = nameof(AlphaSmsMessage.ImageUrl),
            [nameof(AlphaSmsHttpParameters.ViberUrl)] = "Button.Url",
            [nameof(AlphaSmsHttpParameters.ViberButton)] = "Button.Caption",
            [nameof(AlphaSmsHttpParameters.AskDate)] = nameof(AlphaSmsMessage.ScheduledAt),
        };

        /// <summary>The HTTP page's ISO 8601 form: <c>2024-08-15T15:52:01+0200</c>.</summary>
        private static string DocumentedDateTime(DateTimeOffset time) =>
            time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            + (time.Offset < TimeSpan.Zero ? "-" : "+") + time.Offset.ToString("hhmm", CultureInfo.InvariantCulture);
    }
}
