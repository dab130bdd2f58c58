using System;
using System.Collections.Generic;

namespace ViberGateways.AlphaSms
{
    /// <summary>What a message shows, which decides its Viber type on each transport.</summary>
    internal enum AlphaSmsContent
    {
        Text,
        Image,
        TextAndImage,
        TextAndButton,
        TextImageAndButton,
    }

    /// <summary>A message that passed <see cref="AlphaSmsRules"/>: its client id (its own, or one the SDK assigned) and its transport's wire model, already checked against the spec.</summary>
    internal sealed class CheckedAlphaSmsMessage(int index, AlphaSmsMessage message, long? clientId, object wire)
    {
        public int Index { get; } = index;

        public AlphaSmsMessage Message { get; } = message;

        public long? ClientId { get; } = clientId;

        public object Wire { get; } = wire;
    }

    /// <summary>
    /// Checks a message for a transport before any network I/O. Lengths, ranges and patterns are the spec's: each
    /// message is mapped to its transport's generated model and checked against the limits the spec declares, each
    /// reported under the caller's field. What a spec cannot say is checked here, each rule naming the document line
    /// it implements: which content a transport can show, which fields it can carry, and text every transport can
    /// carry. Every violation of every message is reported at once (<c>messages[2].Button.Caption</c>).
    /// </summary>
    internal static class AlphaSmsRules
    {
        public static IReadOnlyList<CheckedAlphaSmsMessage> Check(IEnumerable<AlphaSmsMessage> messages, AlphaSmsTransport transport, string field)
        {
            _ = messages ?? throw new ArgumentNullException(field);

            var errors = new ValidationErrors();
            var checkedMessages = new List<CheckedAlphaSmsMessage>();
            var index = 0;
            foreach (var message in messages)
            {
                var path = field == "message" ? field : $"{field}[{index}]";
                if (message is null)
                {
                    errors.Add(path, "required", "must not be null");
                }
                else if (CheckOne(message, index, transport, path, errors, assignClientId: transport == AlphaSmsTransport.Json) is { } checkedMessage)
                {
                    checkedMessages.Add(checkedMessage);
                }

                index++;
            }

            if (index == 0)
            {
                errors.Add(field, "minItems", "must contain at least one message");
            }

            errors.ThrowIfAny();
            return checkedMessages;
        }

        /// <summary>
        /// One message of a bulk send, checked on its own: a violation rejects this message only. Over JSON and XML it
        /// gets its client id when it is read, so a request that fails as a whole still reports each message's id.
        /// </summary>
        /// <exception cref="RequestValidationException">The message breaks a rule; it is not sent.</exception>
        public static CheckedAlphaSmsMessage CheckBulkMessage(AlphaSmsMessage? message, AlphaSmsTransport transport, string path)
        {
            var errors = new ValidationErrors();
            if (message is null)
            {
                errors.Add(path, "required", "must not be null");
            }
            else if (CheckOne(message, 0, transport, path, errors, assignClientId: transport != AlphaSmsTransport.Http) is { } checkedMessage && errors.IsEmpty)
            {
                return checkedMessage;
            }

            errors.ThrowIfAny();
            throw new InvalidOperationException("A message failed its checks without a violation.");
        }

        /// <summary>
        /// The message a bulk send sends to every recipient: every rule but the recipient's, which each recipient
        /// supplies, and no client id (the SDK gives each recipient's message its own).
        /// </summary>
        /// <exception cref="RequestValidationException">The message breaks a rule; nothing is sent.</exception>
        public static AlphaSmsContent CheckBulkTemplate(AlphaSmsMessage message, AlphaSmsTransport transport)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));

            var errors = new ValidationErrors();
            if (!string.IsNullOrEmpty(message.Recipient))
            {
                errors.Add("message.Recipient", "bulk", "must be empty: every recipient comes from `recipients`");
            }

            if (message.ClientId != null)
            {
                errors.Add("message.ClientId", "bulk", "must be empty: a client id identifies one message, and each recipient's message gets its own");
            }

            var content = CheckContent(message, transport, "message", errors);
            if (content is { } shown)
            {
                // No recipient yet: every other field is checked against the spec as it will be sent.
                var (wire, fields) = AlphaSmsMapping.ToWire(message, shown, "", transport == AlphaSmsTransport.Http ? null : 1, transport);
                SpecLimits.Check(wire, "message", fields, errors);
            }

            errors.ThrowIfAny();
            return content!.Value;
        }

        /// <summary>A bulk template's message to one recipient (the template was checked; the recipient is parsed here).</summary>
        /// <exception cref="RequestValidationException">The recipient is not a valid phone number; it is not sent to.</exception>
        public static CheckedAlphaSmsMessage ForRecipient(AlphaSmsMessage template, AlphaSmsContent content, string recipient, long index, AlphaSmsTransport transport)
        {
            var phone = RecipientRules.ParseOne(recipient, $"recipients[{index}]");
            var message = template.WithRecipient(recipient);
            long? clientId = transport == AlphaSmsTransport.Http ? null : ClientMessageIds.Next();
            return new CheckedAlphaSmsMessage(0, message, clientId, AlphaSmsMapping.ToWire(message, content, phone.Digits, clientId, transport).Wire);
        }

        private static CheckedAlphaSmsMessage? CheckOne(AlphaSmsMessage message, int index, AlphaSmsTransport transport, string path, ValidationErrors errors, bool assignClientId)
        {
            var recipient = PhoneNumber.TryParse(message.Recipient, out var phone, out var phoneProblem) ? phone.Digits : null;
            if (recipient is null)
            {
                errors.Add(path + ".Recipient", "phone", phoneProblem!);
            }

            if (CheckContent(message, transport, path, errors) is not { } content)
            {
                return null;
            }

            var clientId = message.ClientId ?? (assignClientId ? ClientMessageIds.Next() : null);
            var (wire, fields) = AlphaSmsMapping.ToWire(message, content, recipient ?? "", clientId, transport);
            SpecLimits.Check(wire, path, fields, errors);
            return recipient is null ? null : new CheckedAlphaSmsMessage(index, message, clientId, wire);
        }

        private static AlphaSmsContent? CheckContent(AlphaSmsMessage message, AlphaSmsTransport transport, string path, ValidationErrors errors)
        {
            TextRules.Present(message.Sender, path + ".Sender", errors);
            TextRules.SendableIfSet(message.Text, path + ".Text", errors);
            TextRules.SendableIfSet(message.Button?.Caption, path + ".Button.Caption", errors);
            if (message.SmsFallback is { } fallback)
            {
                TextRules.Present(fallback.Sender, path + ".SmsFallback.Sender", errors);
                TextRules.Present(fallback.Text, path + ".SmsFallback.Text", errors);
            }

            CheckTransportFields(message, transport, path, errors);
            return Content(message, transport, path, errors);
        }

        private static void CheckTransportFields(AlphaSmsMessage message, AlphaSmsTransport transport, string path, ValidationErrors errors)
        {
            void NotCarried(string name, string alternative) =>
                errors.Add(path + "." + name, "transport", $"the AlphaSMS {transport} transport cannot carry it; {alternative}");

            // XML: "XML has no lifetime, hook, short-link or SMS-fallback field for Viber" (reference, AlphaSMS XML API).
            if (message.Lifetime is { } lifetime)
            {
                if (transport == AlphaSmsTransport.Xml)
                {
                    NotCarried(nameof(message.Lifetime), "use the JSON or HTTP transport");
                }
                else if (lifetime.TotalSeconds % 1 != 0)
                {
                    // JSON and HTTP carry the lifetime as a number of seconds.
                    errors.Add(path + ".Lifetime", "wholeSeconds", "must be a whole number of seconds");
                }
            }

            if (message.SmsFallback != null && transport == AlphaSmsTransport.Xml)
            {
                NotCarried(nameof(message.SmsFallback), "use the JSON or HTTP transport");
            }

            // HTTP: seed 002's send parameters have no client id; JSON `id` and XML `msg id` do.
            if (message.ClientId != null && transport == AlphaSmsTransport.Http)
            {
                NotCarried(nameof(message.ClientId), "use the JSON or XML transport, or leave it unset and query the status by the returned gateway id");
            }

            // JSON only: `short_link` (seed 000) and `hook` (reference, JSON Viber item fields).
            if (message.ShortenLinks.HasValue && transport != AlphaSmsTransport.Json)
            {
                NotCarried(nameof(message.ShortenLinks), "use the JSON transport");
            }

            if (message.StatusCallbackUrl != null && transport != AlphaSmsTransport.Json)
            {
                NotCarried(nameof(message.StatusCallbackUrl), "use the JSON transport");
            }

            // Scheduling: XML `date_beg` (reference) and HTTP `ask_date` (seed 002); the JSON item has no such field.
            if (message.ScheduledAt.HasValue && transport == AlphaSmsTransport.Json)
            {
                NotCarried(nameof(message.ScheduledAt), "use the XML or HTTP transport");
            }
        }

        /// <summary>
        /// The Viber type the message maps to, or a violation naming what the transport cannot show. JSON
        /// (<c>viber_type</c>, reference): text, image, text+link, text+image+link. XML (seed 001 <c>type</c>) and
        /// HTTP (seed 002 <c>viber_type</c>): text, image (text with a picture), button (text, picture and button).
        /// </summary>
        private static AlphaSmsContent? Content(AlphaSmsMessage message, AlphaSmsTransport transport, string path, ValidationErrors errors)
        {
            bool text = message.Text != null, image = message.ImageUrl != null, button = message.Button != null;
            AlphaSmsContent? content = (text, image, button) switch
            {
                (true, false, false) => AlphaSmsContent.Text,
                (false, true, false) => AlphaSmsContent.Image,
                (true, true, false) => AlphaSmsContent.TextAndImage,
                (true, false, true) => AlphaSmsContent.TextAndButton,
                (true, true, true) => AlphaSmsContent.TextImageAndButton,
                _ => null,
            };

            if (content is null)
            {
                errors.Add(path, "content", text || image || button
                    ? "a button needs text to go with it"
                    : "needs Text, ImageUrl or both (a button needs text)");
                return null;
            }

            var supported = transport == AlphaSmsTransport.Json
                ? content != AlphaSmsContent.TextAndImage
                : content is AlphaSmsContent.Text or AlphaSmsContent.TextAndImage or AlphaSmsContent.TextImageAndButton;
            if (!supported)
            {
                var hint = (transport, content) switch
                {
                    (AlphaSmsTransport.Json, AlphaSmsContent.TextAndImage) => "JSON sends an image alone, or text and image together with a button",
                    (_, AlphaSmsContent.Image) => $"{transport} requires Text with the image",
                    _ => $"{transport} puts a button only on a message with text and an image",
                };
                errors.Add(path, "transport", $"the AlphaSMS {transport} transport cannot carry this combination: {hint}");
                return null;
            }

            return content;
        }
    }
}
