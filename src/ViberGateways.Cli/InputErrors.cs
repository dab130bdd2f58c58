using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ViberGateways.Cli
{
    /// <summary>
    /// Says what is wrong with the user's input in the user's terms: the SDK names the field it checked
    /// (<c>message.Sender</c>, <c>message.Recipients[1]</c>, <c>LiveAllOptions.ApiKey</c>); the user typed an option
    /// (<c>--from</c>, <c>--to 12</c>, <c>--api-key</c>). The one table from field to option is here.
    /// </summary>
    internal static class InputErrors
    {
        /// <summary>A field path (after its <c>message.</c> or <c>XOptions.</c> prefix), and the option that sets it; the first match wins.</summary>
        private static readonly (string Field, string Option)[] Options =
        {
            ("Recipients", "--to"),
            ("Recipient", "--to"),
            ("recipient", "--to"),
            ("Destinations", "--to"),
            ("Sender", "--from"),
            ("Text", "--text"),
            ("ImageUrl", "--image"),
            ("Button.Caption", "--button-caption"),
            ("Button.Url", "--button-url"),
            ("Button", "--button-caption/--button-url"),
            ("SmsFallback.Text", "--sms-fallback-text"),
            ("SmsFallback.Sender", "--sms-sender"),
            ("SmsFallback", "--sms-fallback-text"),
            ("SmsSender", "--sms-sender"),
            ("Lifetime", "--lifetime"),
            ("ScheduledAt", "--schedule"),
            ("ClientId", "--id"),
            ("AlphaSms.ShortenLinks", "--short-link"),
            ("AlphaSms.StatusCallbackUrl", "--hook"),
            ("LiveAll.LowCostSms", "--price-category"),
            ("SmsBy.SenderId", "--sender-id"),
            ("SenderId", "--sender-id"),
            ("QuickMessageSenderId", "--sender-id"),
            ("MailingSenderId", "--sender-id"),
            ("via", "--via"),
            ("ApiKey", "--api-key"),
            ("Login", "--api-key"),
            ("BaseAddress", "--base-url"),
            ("Transport", "--transport"),
            ("Routing", "--config (Routing)"),
            ("configuration", "--config"),
            ("references", "reference"),
        };

        private static readonly Regex Prefix = new(@"^(messages?(\[\d+\])?|\w+Options)(\.|$)", RegexOptions.CultureInvariant);
        /// <summary>
        /// A field the SDK names inside a violation's text ("set message.Sender or AlphaSmsOptions.Sender"): the
        /// message's (<c>message.X</c>, <c>messages[2].X</c>) or a gateway options class's (<c>LiveAllOptions.Sender</c>).
        /// </summary>
        private static readonly Regex FieldInText = new(@"\b(?:messages?(?:\[\d+\])?|(?<options>AlphaSms|LiveAll|SmsBy)Options)\.(?<path>[A-Za-z]+(?:\[\d+\])?(?:\.[A-Za-z]+)*)", RegexOptions.CultureInvariant);

        /// <summary>Gateway settings the command line sets by an option of its own; the others only a <c>--config</c> file sets.</summary>
        private static readonly Dictionary<string, string> SettingOptions = new(StringComparer.Ordinal)
        {
            ["ApiKey"] = "--api-key",
            ["Login"] = "--api-key",
            ["BaseAddress"] = "--base-url",
            ["Transport"] = "--transport",
            ["UseHttpGet"] = "--http-get",
        };

        private static readonly Regex Index = new(@"^(?<name>[A-Za-z.]+)\[(?<index>\d+)\]", RegexOptions.CultureInvariant);

        /// <summary>
        /// The violations as one line, each starting with the option it concerns, each said once (a router reports
        /// every gateway tried for each recipient, often for the same reason).
        /// </summary>
        /// <param name="invalid">What the SDK refused.</param>
        /// <param name="recipients">The recipients as the user typed them, to name the one a <c>Recipients[i]</c> violation is about.</param>
        public static string Describe(RequestValidationException invalid, IReadOnlyList<string>? recipients = null) =>
            "invalid input, nothing was sent: " + string.Join("; ", invalid.Violations.Select(v => $"{OptionFor(v.Field, recipients)}: {InUserTerms(v.Message, recipients)}").Distinct());

        /// <summary>
        /// A violation's text with every SDK field it names replaced by what the user sets: <c>message.Sender</c> by
        /// <c>--from</c>, <c>AlphaSmsOptions.Sender</c> by "Sender in the --config file's AlphaSms section".
        /// </summary>
        public static string InUserTerms(string text, IReadOnlyList<string>? recipients = null) =>
            FieldInText.Replace(text, match =>
            {
                var path = match.Groups["path"].Value;
                if (!match.Groups["options"].Success)
                {
                    return OptionFor("message." + path, recipients);
                }

                return SettingOptions.TryGetValue(path, out var option) ? option : $"{path} in the --config file's {match.Groups["options"].Value} section";
            });

        /// <summary>The option that sets <paramref name="field"/> (with the value typed, for one of several <c>--to</c>); the field itself when no option sets it.</summary>
        public static string OptionFor(string field, IReadOnlyList<string>? recipients = null)
        {
            var path = Prefix.Replace(field, "");
            if (path.Length == 0)
            {
                return "the message (--text, --image, --button-caption)";
            }

            int? index = null;
            if (Index.Match(path) is { Success: true } indexed)
            {
                index = int.Parse(indexed.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
                path = indexed.Groups["name"].Value + path.Substring(indexed.Length);
            }

            foreach (var (name, option) in Options)
            {
                if (path == name || path.StartsWith(name + ".", StringComparison.Ordinal) || path.StartsWith(name + "[", StringComparison.Ordinal))
                {
                    return option == "--to" && index is { } i && recipients != null && i < recipients.Count ? $"--to {recipients[i]}" : option;
                }
            }

            return field;
        }
    }
}
