using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ViberGateways.Bulk;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// A <see cref="ViberMessage"/>'s recipient as each transport's generated wire model (JSON item, XML message, HTTP
    /// parameters), which model property carries which of the caller's fields (so a limit the spec puts on
    /// <c>viber_message</c> is reported as <c>message.Text</c>), and the replies as <see cref="SendResult"/>s and
    /// <see cref="DeliveryStatus"/>es.
    /// </summary>
    internal static class AlphaSmsMapping
    {
        // Keyed by the generated models' properties (as SpecLimits names them), so no wire name is written here: one map
        // for the three transports' models, a name that recurs meaning the same field (HTTP `id`, a status query's, is
        // never set on a send). The recipient maps to "": its phone number is checked (and named) before it reaches the
        // model. HTTP `from` and `message` carry the SMS fallback when there is one, else the Viber sender and text.
        private static readonly IReadOnlyDictionary<string, string> Fields = FieldsWith(nameof(ViberMessage.Sender), nameof(ViberMessage.Text));
        private static readonly IReadOnlyDictionary<string, string> FieldsWithSmsFallback = FieldsWith("SmsFallback.Sender", "SmsFallback.Text");

        /// <summary>
        /// The message to one recipient (<paramref name="digits"/>) as <paramref name="transport"/>'s wire model, with the
        /// model-property-to-message-field names. Senders the message leaves unset are the options'.
        /// </summary>
        public static (object Wire, IReadOnlyDictionary<string, string> Fields) ToWire(ViberMessage message, AlphaSmsContent content, string digits, long? clientId,
            AlphaSmsTransport transport, AlphaSmsOptions options)
        {
            var sender = message.Sender ?? options.Sender ?? "";
            var fallback = message.SmsFallback is { } sms ? (Sender: sms.Sender ?? options.SmsSender ?? "", sms.Text) : default((string Sender, string Text)?);
            return (transport switch
            {
                AlphaSmsTransport.Json => ToJsonItem(message, content, sender, fallback, digits, clientId ?? 0),
                AlphaSmsTransport.Xml => ToXmlMessage(message, content, sender, digits, clientId),
                _ => (object)ToHttpParameters(message, content, sender, fallback, digits),
            }, fallback is null ? Fields : FieldsWithSmsFallback);
        }

        /// <summary>
        /// The client id of the message to recipient <paramref name="recipient"/> (0-based): over JSON and XML
        /// <see cref="ViberMessage.ClientId"/> plus the recipient's position when the message sets one (so sending the
        /// same message again is de-duplicated over XML, 208, and asks the same status over JSON), else one the SDK
        /// assigns; over HTTP the message's own (the rules reject it: the transport cannot carry one).
        /// </summary>
        public static long? ClientIdOf(ViberMessage message, int recipient, AlphaSmsTransport transport, string path, ValidationErrors errors)
        {
            if (transport == AlphaSmsTransport.Http)
            {
                return message.ClientId;
            }

            return message.ClientId is null ? ClientMessageIds.Next() : message.ClientIdOf(recipient, path, errors);
        }

        /// <summary>The client id a wire model carries (JSON <c>id</c>, XML <c>msg id</c>; the HTTP parameters have none).</summary>
        public static long? ClientIdOf(object wire) => wire switch
        {
            AlphaSmsJsonViberItem item => item.Id,
            AlphaSmsXmlMessage message => message.Id,
            _ => null,
        };

        public static MessageReference? ReferenceOf(string recipient, long? clientId, long? gatewayId) =>
            (clientId != null || gatewayId != null) && PhoneNumber.TryParse(recipient, out var number, out _)
                ? new MessageReference(Gateway.AlphaSms, number.Digits, clientId, gatewayId?.ToString(CultureInfo.InvariantCulture))
                : null;

        /// <summary>What the gateway did with the message to one recipient; its reference holds whichever ids it has.</summary>
        public static SendResult Result(BulkEntry<object> entry, SendOutcome outcome, long? clientId, long? gatewayId = null, int? parts = null,
            string? errorCode = null, string? error = null, GatewayException? failure = null) =>
            new(Gateway.AlphaSms, entry.Recipient, outcome)
            {
                Index = entry.Index,
                Reference = ReferenceOf(entry.Recipient, clientId, gatewayId),
                Parts = parts,
                ErrorCode = errorCode,
                Error = error,
                Failure = failure,
            };

        /// <summary>
        /// The message of a request that failed as a whole: rejected when the gateway refused it (a wrong key), not
        /// sent when it was unavailable, unknown otherwise (a timeout, an unreadable reply); it keeps its client id.
        /// </summary>
        public static SendResult Failed(BulkEntry<object> entry, GatewayException failure) =>
            Result(entry, failure.Outcome, ClientIdOf(entry.Item), errorCode: failure.GatewayErrorCode, error: failure.Message, failure: failure);

        /// <summary>
        /// A status as the gateway reported it. <paramref name="times"/> are when it reached it, where the transport
        /// says: XML <c>date_completed</c> (final states), HTTP <c>status_time</c> (a date: the day's start), the JSON
        /// times of the replies; the latest is taken. The documentation names no time zone: a time without an offset
        /// is read as UTC.
        /// </summary>
        public static DeliveryStatus Status(MessageReference reference, DeliveryState state, string rawStatus, IEnumerable<string?> times) =>
            new(reference, state, rawStatus)
            {
                UpdatedAt = times.Select(time => DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : (DateTimeOffset?)null).Max(),
            };

        /// <summary>The status of a message the gateway would not report on (an unknown id).</summary>
        public static DeliveryStatus Refused(MessageReference reference, GatewayException refusal) =>
            new(reference, DeliveryState.Unknown, "") { Error = refusal.Message };

        private static AlphaSmsJsonViberItem ToJsonItem(ViberMessage message, AlphaSmsContent content, string sender, (string Sender, string Text)? fallback,
            string digits, long clientId)
        {
            var item = fallback is { } sms
                ? new AlphaSmsJsonViberSmsItem { SmsSignature = sms.Sender, SmsMessage = sms.Text }
                : new AlphaSmsJsonViberItem();
            item.Id = clientId;
            item.Phone = long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var phone) ? phone : 0;
            item.ViberType = content switch
            {
                AlphaSmsContent.Text => AlphaSmsJsonViberType.Text,
                AlphaSmsContent.Image => AlphaSmsJsonViberType.Image,
                AlphaSmsContent.TextAndButton => AlphaSmsJsonViberType.TextLink,
                _ => AlphaSmsJsonViberType.TextImageLink,
            };
            item.ViberSignature = sender;
            item.ViberMessage = message.Text;
            item.ViberImage = message.ImageUrl;
            item.ViberButton = message.Button?.Caption;
            item.ViberLink = message.Button?.Url;
            item.ViberLifetime = message.Lifetime is { } lifetime ? (int)Math.Min(lifetime.TotalSeconds, int.MaxValue) : null;
            item.ShortLink = message.AlphaSms?.ShortenLinks;
            item.Hook = message.AlphaSms?.StatusCallbackUrl;
            return item;
        }

        private static AlphaSmsXmlMessage ToXmlMessage(ViberMessage message, AlphaSmsContent content, string sender, string digits, long? clientId) => new AlphaSmsXmlMessage
        {
            Id = clientId,
            IdAssigned = message.ClientId is null,
            DateBeg = message.ScheduledAt?.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            Phone = "+" + digits,
            Sender = sender,
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
        private static AlphaSmsHttpParameters ToHttpParameters(ViberMessage message, AlphaSmsContent content, string sender, (string Sender, string Text)? fallback,
            string digits) => new AlphaSmsHttpParameters
        {
            Command = AlphaSmsHttpCommand.Send,
            // `from` and `message` are required: they carry the SMS fallback, or repeat the Viber sender and text.
            From = fallback?.Sender ?? sender,
            To = digits,
            Message = fallback?.Text ?? message.Text,
            Viber = AlphaSmsHttpFlag.One,
            ViberType = content switch
            {
                AlphaSmsContent.Text => AlphaSmsHttpViberType.Text,
                AlphaSmsContent.TextAndImage => AlphaSmsHttpViberType.Image,
                _ => AlphaSmsHttpViberType.Button,
            },
            ViberMessage = message.Text,
            ViberFrom = sender,
            ViberLifetime = message.Lifetime is { } lifetime ? (int)Math.Min(lifetime.TotalSeconds, int.MaxValue) : AlphaSmsHttpClient.DefaultLifetimeSeconds,
            // Required (seed 002 marks viber_sms required): the table says 1 for the fallback, the documented
            // example sends true, and the SDK follows the example; without fallback it sends 0, the value that is not 1.
            ViberSms = fallback is null ? AlphaSmsHttpSmsFallbackFlag.Off : AlphaSmsHttpSmsFallbackFlag.True,
            ViberImage = message.ImageUrl,
            ViberUrl = message.Button?.Url,
            ViberButton = message.Button?.Caption,
            AskDate = message.ScheduledAt is { } at ? DocumentedDateTime(at) : null,
        };

        private static IReadOnlyDictionary<string, string> FieldsWith(string smsSender, string smsText) => new Dictionary<string, string>
        {
            [nameof(AlphaSmsJsonViberItem.Id)] = nameof(ViberMessage.ClientId),
            [nameof(AlphaSmsJsonViberItem.Phone)] = "",
            [nameof(AlphaSmsJsonViberItem.ViberSignature)] = nameof(ViberMessage.Sender),
            [nameof(AlphaSmsJsonViberItem.ViberMessage)] = nameof(ViberMessage.Text),
            [nameof(AlphaSmsJsonViberItem.ViberImage)] = nameof(ViberMessage.ImageUrl),
            [nameof(AlphaSmsJsonViberItem.ViberButton)] = "Button.Caption",
            [nameof(AlphaSmsJsonViberItem.ViberLink)] = "Button.Url",
            [nameof(AlphaSmsJsonViberItem.ViberLifetime)] = nameof(ViberMessage.Lifetime),
            [nameof(AlphaSmsJsonViberItem.ShortLink)] = "AlphaSms.ShortenLinks",
            [nameof(AlphaSmsJsonViberItem.Hook)] = "AlphaSms.StatusCallbackUrl",
            [nameof(AlphaSmsJsonViberSmsItem.SmsSignature)] = "SmsFallback.Sender",
            [nameof(AlphaSmsJsonViberSmsItem.SmsMessage)] = "SmsFallback.Text",
            [nameof(AlphaSmsXmlMessage.DateBeg)] = nameof(ViberMessage.ScheduledAt),
            [nameof(AlphaSmsXmlMessage.Sender)] = nameof(ViberMessage.Sender),
            [nameof(AlphaSmsXmlMessage.Text)] = nameof(ViberMessage.Text),
            [nameof(AlphaSmsXmlMessage.Image)] = nameof(ViberMessage.ImageUrl),
            [nameof(AlphaSmsXmlMessage.Button)] = "Button.Caption",
            [nameof(AlphaSmsXmlMessage.Url)] = "Button.Url",
            [nameof(AlphaSmsHttpParameters.From)] = smsSender,
            [nameof(AlphaSmsHttpParameters.To)] = "",
            [nameof(AlphaSmsHttpParameters.Message)] = smsText,
            [nameof(AlphaSmsHttpParameters.ViberFrom)] = nameof(ViberMessage.Sender),
            [nameof(AlphaSmsHttpParameters.ViberUrl)] = "Button.Url",
            [nameof(AlphaSmsHttpParameters.AskDate)] = nameof(ViberMessage.ScheduledAt),
        };

        /// <summary>The HTTP page's ISO 8601 form: <c>2024-08-15T15:52:01+0200</c>.</summary>
        private static string DocumentedDateTime(DateTimeOffset time) =>
            time.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)
            + (time.Offset < TimeSpan.Zero ? "-" : "+") + time.Offset.ToString("hhmm", CultureInfo.InvariantCulture);
    }
}
