using System.Collections.Generic;
using ViberGateways.Bulk;

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

    /// <summary>
    /// Checks a <see cref="ViberMessage"/> for a transport before any network I/O, every violation under the caller's
    /// field (<c>messages[2].Button.Caption</c>). Lengths, ranges and patterns are the spec's: each recipient's wire
    /// model is checked against the limits the spec declares (<see cref="AlphaSmsMapping"/> names the fields). What a
    /// spec cannot say is checked here, each rule naming the document line it implements: which content a transport
    /// can show, which fields it can carry, and text every transport can carry.
    /// </summary>
    internal static class AlphaSmsRules
    {
        /// <summary>
        /// Adds the wire model of each of the message's recipients to <paramref name="entries"/> (numbered from
        /// <paramref name="index"/>), or the violations to <paramref name="errors"/>. Returns the next index.
        /// </summary>
        public static long CheckMessage(ViberMessage message, string path, long index, AlphaSmsTransport transport, AlphaSmsOptions options,
            ValidationErrors errors, List<BulkEntry<object>> entries)
        {
            if (message.Recipients is not { Count: > 0 } recipients)
            {
                errors.Add(path + ".Recipients", "minItems", "must contain at least one recipient");
                return index;
            }

            // A loop rather than a LINQ projection, whose closure and iterators cost about 240 bytes per send.
            var clientIds = new long?[recipients.Count];
            for (var r = 0; r < clientIds.Length; r++)
            {
                clientIds[r] = AlphaSmsMapping.ClientIdOf(message, r, transport, path, errors);
            }

            AlphaSmsContent? content = null;
            for (var r = 0; r < recipients.Count; r++, index++)
            {
                var digits = RecipientRules.Check(recipients[r], $"{path}.Recipients[{r}]", errors)?.Digits;
                if (r == 0)
                {
                    content = CheckContent(message, transport, options, path, errors);
                }

                if (CheckedWire(message, content, digits ?? "", clientIds[r], path, transport, options, errors) is { } wire && digits != null)
                {
                    entries.Add(new BulkEntry<object>(index, recipients[r], wire));
                }
            }

            return index;
        }

        /// <summary>
        /// One recipient of a personalised bulk send's message (<paramref name="item"/>), checked on its own:
        /// a violation rejects this recipient only. Over JSON and XML it gets its client id when it is read, so a
        /// request that fails as a whole still reports each message's id.
        /// </summary>
        /// <exception cref="RequestValidationException">The message breaks a rule; it is not sent to this recipient.</exception>
        public static object CheckBulkRecipient(BulkRecipient<object> item, AlphaSmsTransport transport, AlphaSmsOptions options)
        {
            var message = item.RequireMessage();
            var (recipient, path) = (item.Position, item.Path);
            var errors = new ValidationErrors();
            var clientId = AlphaSmsMapping.ClientIdOf(message, recipient, transport, path, errors);
            errors.ThrowIfAny();
            var digits = RecipientRules.Check(item.Recipient, $"{path}.Recipients[{recipient}]", errors)?.Digits;
            var wire = CheckedWire(message, CheckContent(message, transport, options, path, errors), digits ?? "", clientId, path, transport, options, errors);

            // Content that cannot be shown is always a violation: no wire model is returned without one.
            errors.ThrowIfAny();
            return wire!;
        }

        /// <summary>
        /// The message a bulk send sends to every recipient: every rule but the recipient's, which each recipient
        /// supplies (its client id too: the message's plus the recipient's index, or one the SDK assigns).
        /// </summary>
        /// <exception cref="RequestValidationException">The message breaks a rule; nothing is sent.</exception>
        public static AlphaSmsContent CheckBulkTemplate(ViberMessage message, AlphaSmsTransport transport, AlphaSmsOptions options)
        {
            var errors = new ValidationErrors();
            NeutralResults.NoRecipientsInTemplate(message, "message", errors);
            errors.ThrowIfAny();

            var content = CheckContent(message, transport, options, "message", errors);

            // No recipient yet: every other field is checked against the spec as it will be sent.
            CheckedWire(message, content, "", transport == AlphaSmsTransport.Http ? null : message.ClientId ?? 1, "message", transport, options, errors);

            errors.ThrowIfAny();
            return content!.Value;
        }

        /// <summary>A bulk template's message to one recipient (the template was checked; the recipient is parsed here).</summary>
        /// <exception cref="RequestValidationException">The recipient is not a valid phone number; it is not sent to.</exception>
        public static object ForRecipient(ViberMessage template, AlphaSmsContent content, string recipient, long index, AlphaSmsTransport transport, AlphaSmsOptions options)
        {
            var phone = RecipientRules.ParseOne(recipient, $"recipients[{index}]");
            long? clientId = transport == AlphaSmsTransport.Http ? null : template.ClientIdOfBulkRecipient(index) ?? ClientMessageIds.Next();
            return AlphaSmsMapping.ToWire(template, content, phone.Digits, clientId, transport, options).Wire;
        }

        /// <summary>The message to one recipient as its wire model, checked against the spec; null when the content cannot be shown.</summary>
        private static object? CheckedWire(ViberMessage message, AlphaSmsContent? content, string digits, long? clientId, string path,
            AlphaSmsTransport transport, AlphaSmsOptions options, ValidationErrors errors)
        {
            if (content is not { } shown)
            {
                return null;
            }

            var (wire, fields) = AlphaSmsMapping.ToWire(message, shown, digits, clientId, transport, options);
            SpecLimits.Check(wire, path, fields, errors);
            return wire;
        }

        private static AlphaSmsContent? CheckContent(ViberMessage message, AlphaSmsTransport transport, AlphaSmsOptions options, string path, ValidationErrors errors)
        {
            Sender(message.Sender ?? options.Sender, path + ".Sender", $"AlphaSMS ({transport} transport) needs a Viber sender: set {path}.Sender or AlphaSmsOptions.Sender", errors);
            TextRules.SendableIfSet(message.Text, path + ".Text", errors);
            ButtonRules.Check(message.Button, path, errors);
            if (message.SmsFallback is { } fallback)
            {
                Sender(fallback.Sender ?? options.SmsSender, path + ".SmsFallback.Sender",
                    $"AlphaSMS ({transport} transport) needs an SMS sender for the fallback: set {path}.SmsFallback.Sender or AlphaSmsOptions.SmsSender", errors);
                TextRules.Present(fallback.Text, path + ".SmsFallback.Text", errors);
            }

            CheckTransportFields(message, transport, path, errors);
            return Content(message, transport, path, errors);
        }

        /// <summary>A sender the message or the options must give; a missing one names both places it can be set.</summary>
        private static void Sender(string? sender, string field, string missing, ValidationErrors errors)
        {
            if (string.IsNullOrWhiteSpace(sender))
            {
                errors.Add(field, "required", missing);
            }
            else
            {
                TextRules.SendableIfSet(sender, field, errors);
            }
        }

        private static void CheckTransportFields(ViberMessage message, AlphaSmsTransport transport, string path, ValidationErrors errors)
        {
            // JSON and HTTP carry the lifetime as a number of seconds.
            if (message.Lifetime is { } lifetime && transport != AlphaSmsTransport.Xml && lifetime.TotalSeconds % 1 != 0)
            {
                errors.Add(path + ".Lifetime", "wholeSeconds", "must be a whole number of seconds");
            }

            bool xml = transport == AlphaSmsTransport.Xml, json = transport == AlphaSmsTransport.Json;
            foreach (var (set, carried, field, alternative) in new[]
            {
                // XML: "XML has no lifetime, hook, short-link or SMS-fallback field for Viber" (reference, AlphaSMS XML API).
                (message.Lifetime != null, !xml, nameof(message.Lifetime), "use the JSON or HTTP transport"),
                (message.SmsFallback != null, !xml, nameof(message.SmsFallback), "use the JSON or HTTP transport"),
                // HTTP: seed 002's send parameters have no client id; JSON `id` and XML `msg id` do.
                (message.ClientId != null, transport != AlphaSmsTransport.Http, nameof(message.ClientId),
                    "use the JSON or XML transport, or leave it unset and query the status by the returned gateway id"),
                // JSON only: `short_link` (seed 000) and `hook` (reference, JSON Viber item fields).
                (message.AlphaSms?.ShortenLinks != null, json, "AlphaSms.ShortenLinks", "use the JSON transport"),
                (message.AlphaSms?.StatusCallbackUrl != null, json, "AlphaSms.StatusCallbackUrl", "use the JSON transport"),
                // Scheduling: XML `date_beg` (reference) and HTTP `ask_date` (seed 002); the JSON item has no such field.
                (message.ScheduledAt.HasValue, !json, nameof(message.ScheduledAt), "use the XML or HTTP transport"),
            })
            {
                if (set && !carried)
                {
                    errors.Add(path + "." + field, "transport", $"the AlphaSMS {transport} transport cannot carry it; {alternative}");
                }
            }
        }

        /// <summary>
        /// The Viber type the message maps to, or a violation naming what the transport cannot show. JSON
        /// (<c>viber_type</c>, reference): text, image, text+link, text+image+link. XML (seed 001 <c>type</c>) and
        /// HTTP (seed 002 <c>viber_type</c>): text, image (text with a picture), button (text, picture and button).
        /// </summary>
        private static AlphaSmsContent? Content(ViberMessage message, AlphaSmsTransport transport, string path, ValidationErrors errors)
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
