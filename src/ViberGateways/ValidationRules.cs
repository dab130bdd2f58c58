using System;
using System.Collections.Generic;

namespace ViberGateways
{
    /// <summary>
    /// Text rules shared by every gateway's checks, for what no spec states: a value that must be given is not blank,
    /// and text holds only characters every transport can carry. Lengths are the specs' (SpecLimits), counted in
    /// Unicode characters (an emoji counts once).
    /// </summary>
    internal static class TextRules
    {
        /// <summary>Present, not blank, and made of sendable characters.</summary>
        public static void Present(string? value, string field, ValidationErrors errors)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(field, "required", "must not be empty");
                return;
            }

            SendableIfSet(value, field, errors);
        }

        /// <summary>When set, not blank and made of sendable characters (an empty value is left to the spec's minLength).</summary>
        public static void SendableIfSet(string? value, string field, ValidationErrors errors)
        {
            if (string.IsNullOrEmpty(value))
            {
                return;
            }

            if (value!.Trim().Length == 0)
            {
                errors.Add(field, "required", "must not be empty");
            }
            else if (Unsendable(value) is { } problem)
            {
                errors.Add(field, "characters", problem);
            }
        }

        /// <summary>Unicode characters (code points), so a surrogate pair counts once.</summary>
        public static int CharacterCount(string value)
        {
            var count = 0;
            for (var i = 0; i < value.Length; i++)
            {
                if (!char.IsHighSurrogate(value[i]) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>
        /// What keeps <paramref name="value"/> from being characters every transport can carry, or null: they must be
        /// well-formed UTF-16 with no control characters other than tab and line breaks (XML 1.0 cannot represent the
        /// others, and no gateway documents them).
        /// </summary>
        private static string? Unsendable(string value)
        {
            for (var i = 0; i < value.Length; i++)
            {
                var c = value[i];
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(c))
                {
                    return $"has a broken surrogate pair at position {i}";
                }
                else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF')
                {
                    return $"has the control character U+{(int)c:X4} at position {i}";
                }
            }

            return null;
        }
    }

    /// <summary>Recipient rules shared by every gateway's checks.</summary>
    internal static class RecipientRules
    {
        /// <summary>At least one recipient, each a valid international number; the parsed numbers, in order.</summary>
        public static List<PhoneNumber> Parse(IList<string>? recipients, string field, ValidationErrors errors)
        {
            var numbers = new List<PhoneNumber>();
            if (recipients is null || recipients.Count == 0)
            {
                errors.Add(field, "minItems", "must contain at least one recipient");
                return numbers;
            }

            for (var i = 0; i < recipients.Count; i++)
            {
                if (Check(recipients[i], $"{field}[{i}]", errors) is { } number)
                {
                    numbers.Add(number);
                }
            }

            return numbers;
        }

        /// <summary>One recipient: a valid international number, or null and a violation naming <paramref name="field"/>.</summary>
        public static PhoneNumber? Check(string? recipient, string field, ValidationErrors errors)
        {
            if (PhoneNumber.TryParse(recipient, out var number, out var problem))
            {
                return number;
            }

            errors.Add(field, "phone", problem!);
            return null;
        }

        /// <summary>One recipient of a bulk send: a valid international number, or a violation naming <paramref name="field"/>.</summary>
        /// <exception cref="RequestValidationException">The number is not valid; the recipient is not sent to.</exception>
        public static PhoneNumber ParseOne(string? recipient, string field) =>
            PhoneNumber.TryParse(recipient, out var number, out var problem) ? number : throw RequestValidationException.Of(field, "phone", problem!);
    }

    /// <summary>
    /// URL rules for the few links no generated model can check: NJsonSchema puts no limits on the items of a list of
    /// strings (LiveAll <c>im_image_urls</c>), so their spec pattern — an absolute http(s) URL — is checked here.
    /// </summary>
    internal static class UrlRules
    {
        /// <summary>An absolute http or https URL.</summary>
        public static void Absolute(string? value, string field, ValidationErrors errors)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(field, "required", "must not be empty");
            }
            else if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || value!.Trim() != value)
            {
                errors.Add(field, "url", "must be an absolute http or https URL");
            }
        }
    }

    /// <summary>
    /// A button has both its caption and the URL it opens, on every gateway: a spec that makes the link optional
    /// (AlphaSMS <c>viber_link</c>, SMS.by <c>button_link</c>) would otherwise send half a button. The caption's
    /// length and the URL's form are the specs'.
    /// </summary>
    internal static class ButtonRules
    {
        public static void Check(ViberButton? button, string path, ValidationErrors errors)
        {
            if (button is null)
            {
                return;
            }

            if (button.Caption is null)
            {
                errors.Add(path + ".Button.Caption", "required", "is required: a button needs its caption");
            }
            else
            {
                TextRules.SendableIfSet(button.Caption, path + ".Button.Caption", errors);
            }

            if (button.Url is null)
            {
                errors.Add(path + ".Button.Url", "required", "is required: a button needs the URL it opens");
            }
        }
    }
}
