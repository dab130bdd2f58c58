using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace ViberGateways.Sandbox.AlphaSms
{
    /// <summary>One Viber message as any AlphaSMS transport carries it, in transport-neutral terms.</summary>
    internal sealed class AlphaSmsViberInput
    {
        public long? ClientId { get; init; }

        public string? Phone { get; init; }

        public string? Sender { get; init; }

        /// <summary>The documented type: JSON text/image/text+link/text+image+link, XML and HTTP text/image/button.</summary>
        public string? Type { get; init; }

        public string? Text { get; init; }

        public string? Image { get; init; }

        public string? ButtonCaption { get; init; }

        public string? ButtonUrl { get; init; }

        public int? Lifetime { get; init; }

        public bool SmsFallback { get; init; }

        public string? SmsSender { get; init; }

        public string? SmsText { get; init; }

        public DateTimeOffset? ScheduledFor { get; init; }
    }

    /// <summary>An AlphaSMS rejection: the XML code and the text the JSON and HTTP replies carry.</summary>
    internal sealed record AlphaSmsRejection(int Code, string Text);

    /// <summary>The documented AlphaSMS checks for a Viber message, as the gateway would apply them.</summary>
    internal static class AlphaSmsViberRules
    {
        public const int ErrUnknown = 200;
        public const int ErrSender = 202;
        public const int ErrRecipient = 203;
        public const int ErrLength = 204;
        public const int ErrDuplicate = 208;

        private static readonly Regex Digits = new Regex(@"^\+?[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        // The image formats the XML and HTTP pages name (.jpg .jpeg .png .gif) are the picture's, not the URL's
        // spelling, and the JSON pages name none: an image link is any absolute http(s) URL, as the specs say, so a
        // CDN URL without an extension (https://cdn.example.com/img/12345) is accepted on every transport.
        private static readonly Regex ImageUrl = new Regex(@"^https?://\S+$", RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.IgnoreCase);
        private static readonly Regex LinkUrl = new Regex(@"^https?://\S+$", RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.IgnoreCase);

        /// <summary>The first broken rule, or null for a message the gateway accepts.</summary>
        /// <param name="input">The message.</param>
        /// <param name="maxLifetime">The transport's largest lifetime (HTTP 86400), or null for none.</param>
        /// <param name="isDuplicate">Whether the client id is already taken in the account and the transport documents refusing it (XML 208 only).</param>
        /// <param name="textAlwaysRequired">XML and HTTP require text with every type; JSON sends an image alone.</param>
        public static AlphaSmsRejection? Check(AlphaSmsViberInput input, int? maxLifetime, Func<long, bool> isDuplicate, bool textAlwaysRequired)
        {
            if (input.ClientId is { } id && isDuplicate(id))
            {
                // XML documents only the code (gateways.md line 51); this text is never sent, since JSON and HTTP do not refuse a repeat.
                return new AlphaSmsRejection(ErrDuplicate, "ERR_DUPLICATE");
            }

            if (string.IsNullOrEmpty(input.Phone) || !Digits.IsMatch(input.Phone!))
            {
                return new AlphaSmsRejection(ErrRecipient, "Invalid phone number");
            }

            if (string.IsNullOrWhiteSpace(input.Sender) || input.Sender!.Length > 11)
            {
                return new AlphaSmsRejection(ErrSender, "Error in Alpha-name");
            }

            var (needsText, needsImage, needsButton) = input.Type switch
            {
                "text" => (true, false, false),
                "image" => (false, true, false),
                "text+link" => (true, false, true),
                "text+image+link" => (true, true, true),
                "button" => (true, true, true),
                _ => (false, false, false),
            };
            if (!needsText && !needsImage)
            {
                return new AlphaSmsRejection(ErrUnknown, "Invalid Viber message type");
            }

            if ((needsText || textAlwaysRequired) && string.IsNullOrWhiteSpace(input.Text))
            {
                return new AlphaSmsRejection(ErrLength, "Empty message text");
            }

            if (input.Text != null && Wire.CharacterCount(input.Text) > 1000)
            {
                return new AlphaSmsRejection(ErrLength, "Message text is too long");
            }

            if ((needsImage || input.Image != null) && (input.Image is null || !ImageUrl.IsMatch(input.Image)))
            {
                return new AlphaSmsRejection(ErrUnknown, "Invalid image link");
            }

            if (needsButton && (input.ButtonCaption is not { Length: >= 1 and <= 19 } || input.ButtonUrl is null || !LinkUrl.IsMatch(input.ButtonUrl)))
            {
                return new AlphaSmsRejection(ErrUnknown, "Invalid button");
            }

            if (input.Lifetime is { } lifetime && (lifetime < 60 || (maxLifetime is { } max && lifetime > max)))
            {
                return new AlphaSmsRejection(ErrUnknown, "Invalid lifetime");
            }

            if (input.SmsFallback && (string.IsNullOrWhiteSpace(input.SmsSender) || input.SmsSender!.Length > 11 || string.IsNullOrWhiteSpace(input.SmsText)))
            {
                return new AlphaSmsRejection(ErrSender, "Invalid SMS sender or text");
            }

            return null;
        }

        /// <summary>Where the message type says there is a button or a picture, the stored kind.</summary>
        public static string Kind(string type) => type switch
        {
            "text+link" or "text+image+link" or "button" => "button",
            "image" => "image",
            _ => "text",
        };
    }
}
