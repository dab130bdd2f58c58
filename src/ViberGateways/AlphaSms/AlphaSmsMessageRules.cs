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

    /// <summary>A message that passed <see cref="AlphaSmsMessageRules"/>, with what the checks worked out.</summary>
    internal sealed class CheckedAlphaSmsMessage
    {
        public CheckedAlphaSmsMessage(int index, AlphaSmsMessage message, PhoneNumber recipient, AlphaSmsContent content)
        {
            Index = index;
            Message = message;
            Recipient = recipient;
            Content = content;
        }

        public int Index { get; }

        public AlphaSmsMessage Message { get; }

        public PhoneNumber Recipient { get; }

        public AlphaSmsContent Content { get; }

        /// <summary>The client id to send the message with, when the SDK assigned one (bulk sends over JSON and XML).</summary>
        public long? AssignedClientId { get; set; }

        /// <summary>The client id the message goes out with: its own, or the assigned one.</summary>
        public long? ClientId => Message.ClientId ?? AssignedClientId;
    }

    /// <summary>
    /// The documented AlphaSMS rules for a message on a given transport, checked before any network I/O. Every
    /// violation of every message is reported at once; the field paths use the caller's names
    /// (<c>messages[2].Button.Caption</c>).
    /// </summary>
    internal static class AlphaSmsMessageRules
    {
        public const int MaxTextLength = 1000;
        public const int MaxSenderLength = 11;
        public const int MaxCaptionLength = 19;
        public const int MinLifetimeSeconds = 60;
        public const int MaxHttpLifetimeSeconds = 86400;

        public static IReadOnlyList<CheckedAlphaSmsMessage> Check(IEnumerable<AlphaSmsMessage> messages, AlphaSmsTransport transport, string field)
        {
            if (messages is null)
            {
                throw new ArgumentNullException(field);
            }

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
                else if (CheckOne(message, transport, path, errors) is { } content && PhoneNumber.TryParse(message.Recipient, out var recipient, out _))
                {
                    checkedMessages.Add(new CheckedAlphaSmsMessage(index, message, recipient, content));
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

        /// <summary>One message of a bulk send, checked on its own: a violation rejects this message only.</summary>
        /// <exception cref="RequestValidationException">The message breaks a rule; it is not sent.</exception>
        public static CheckedAlphaSmsMessage CheckBulkMessage(AlphaSmsMessage? message, AlphaSmsTransport transport, string path)
        {
            var errors = new ValidationErrors();
            if (message is null)
            {
                errors.Add(path, "required", "must not be null");
            }
            else if (CheckOne(message, transport, path, errors) is { } content && errors.IsEmpty && PhoneNumber.TryParse(message.Recipient, out var recipient, out _))
            {
                return new CheckedAlphaSmsMessage(0, message, recipient, content);
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
            if (message is null)
            {
                throw new ArgumentNullException(nameof(message));
            }

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
            errors.ThrowIfAny();
            return content!.Value;
        }

        private static AlphaSmsContent? CheckOne(AlphaSmsMessage message, AlphaSmsTransport transport, string path, ValidationErrors errors)
        {
            if (!PhoneNumber.TryParse(message.Recipient, out _, out var phoneProblem))
            {
                errors.Add(path + ".Recipient", "phone", phoneProblem!);
            }

            return CheckContent(message, transport, path, errors);
        }

        private static AlphaSmsContent? CheckContent(AlphaSmsMessage message, AlphaSmsTransport transport, string path, ValidationErrors errors)
        {
            TextRules.Required(message.Sender, path + ".Sender", MaxSenderLength, errors);
            if (message.Text != null)
            {
                TextRules.Required(message.Text, path + ".Text", MaxTextLength, errors);
            }

            if (message.ImageUrl != null)
            {
                UrlRules.Image(message.ImageUrl, path + ".ImageUrl", errors);
            }

            if (message.Button != null)
            {
                TextRules.Length(message.Button.Caption, path + ".Button.Caption", 1, MaxCaptionLength, errors);
                UrlRules.Absolute(message.Button.Url, path + ".Button.Url", errors);
            }

            CheckTransportFields(message, transport, path, errors);
            return Content(message, transport, path, errors);
        }

        private static void CheckTransportFields(AlphaSmsMessage message, AlphaSmsTransport transport, string path, ValidationErrors errors)
        {
            void NotCarried(string name, string alternative) =>
                errors.Add(path + "." + name, "transport", $"the AlphaSMS {transport} transport cannot carry it; {alternative}");

            if (message.Lifetime is { } lifetime)
            {
                var seconds = lifetime.TotalSeconds;
                if (transport == AlphaSmsTransport.Xml)
                {
                    NotCarried(nameof(message.Lifetime), "use the JSON or HTTP transport");
                }
                else if (seconds % 1 != 0)
                {
                    errors.Add(path + ".Lifetime", "wholeSeconds", "must be a whole number of seconds");
                }
                else if (seconds < MinLifetimeSeconds || (transport == AlphaSmsTransport.Http && seconds > MaxHttpLifetimeSeconds) || seconds > int.MaxValue)
                {
                    var range = transport == AlphaSmsTransport.Http ? $"{MinLifetimeSeconds} to {MaxHttpLifetimeSeconds} seconds" : $"at least {MinLifetimeSeconds} seconds";
                    errors.Add(path + ".Lifetime", "range", $"must be {range} on the {transport} transport");
                }
            }

            if (message.SmsFallback is { } fallback)
            {
                if (transport == AlphaSmsTransport.Xml)
                {
                    NotCarried(nameof(message.SmsFallback), "use the JSON or HTTP transport");
                }
                else
                {
                    TextRules.SenderName(fallback.Sender, path + ".SmsFallback.Sender", MaxSenderLength, errors);
                    TextRules.Required(fallback.Text, path + ".SmsFallback.Text", int.MaxValue, errors);
                }
            }

            if (transport == AlphaSmsTransport.Http && message.SmsFallback is null && !string.IsNullOrWhiteSpace(message.Sender) && !TextRules.IsSenderName(message.Sender))
            {
                // The HTTP API's required `from` repeats the sender when there is no SMS fallback, and `from` allows less.
                errors.Add(path + ".Sender", "pattern",
                    "the AlphaSMS Http transport also sends it as `from`, which allows only Latin letters, digits, dot, dash and underscore; set an SmsFallback sender or use another transport");
            }

            if (message.ClientId is { } clientId)
            {
                if (transport == AlphaSmsTransport.Http)
                {
                    NotCarried(nameof(message.ClientId), "use the JSON or XML transport, or leave it unset and query the status by the returned gateway id");
                }
                else if (clientId <= 0)
                {
                    errors.Add(path + ".ClientId", "minimum", "must be a positive number");
                }
            }

            if (message.ShortenLinks.HasValue && transport != AlphaSmsTransport.Json)
            {
                NotCarried(nameof(message.ShortenLinks), "use the JSON transport");
            }

            if (message.StatusCallbackUrl != null)
            {
                if (transport != AlphaSmsTransport.Json)
                {
                    NotCarried(nameof(message.StatusCallbackUrl), "use the JSON transport");
                }
                else
                {
                    UrlRules.Absolute(message.StatusCallbackUrl, path + ".StatusCallbackUrl", errors);
                }
            }

            if (message.ScheduledAt.HasValue && transport == AlphaSmsTransport.Json)
            {
                NotCarried(nameof(message.ScheduledAt), "use the XML or HTTP transport");
            }
        }

        /// <summary>The Viber type the message maps to, or a violation naming what the transport cannot show.</summary>
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

            // JSON: text, image, text+link, text+image+link. XML and HTTP: text, image (text + picture), button (text + picture + button).
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
