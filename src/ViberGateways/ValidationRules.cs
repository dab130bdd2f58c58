using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ViberGateways
{
    /// <summary>Text rules shared by every gateway's checks. Lengths count Unicode characters (an emoji counts once).</summary>
    internal static class TextRules
    {
        private static readonly Regex SenderNamePattern = new Regex("^[A-Za-z0-9._-]+$", RegexOptions.CultureInvariant);

        /// <summary>Present, not blank, at most <paramref name="maxLength"/> characters, and made of sendable characters.</summary>
        public static void Required(string? value, string field, int maxLength, ValidationErrors errors)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(field, "required", "must not be empty");
                return;
            }

            Length(value, field, 1, maxLength, errors);
        }

        /// <summary>Between <paramref name="minLength"/> and <paramref name="maxLength"/> characters, made of sendable characters.</summary>
        public static void Length(string? value, string field, int minLength, int maxLength, ValidationErrors errors)
        {
            if (value is null)
            {
                errors.Add(field, "required", "must not be null");
                return;
            }

            if (!Sendable(value, out var problem))
            {
                errors.Add(field, "characters", problem!);
                return;
            }

            var length = CharacterCount(value);
            if (length < minLength || length > maxLength)
            {
                var rule = length > maxLength ? "maxLength" : "minLength";
                var limit = minLength == maxLength ? $"exactly {maxLength}" : minLength <= 1 && length > maxLength ? $"at most {maxLength}" : $"{minLength} to {maxLength}";
                errors.Add(field, rule, $"must have {limit} characters, not {length}");
            }
        }

        /// <summary>An SMS sender name: Latin letters, digits, dot, dash or underscore, at most <paramref name="maxLength"/>.</summary>
        public static void SenderName(string? value, string field, int maxLength, ValidationErrors errors)
        {
            Required(value, field, maxLength, errors);
            if (!string.IsNullOrWhiteSpace(value) && !IsSenderName(value!))
            {
                errors.Add(field, "pattern", "may contain only Latin letters, digits, dot, dash and underscore");
            }
        }

        /// <summary>Whether the text is made only of the characters an SMS sender name allows.</summary>
        public static bool IsSenderName(string value) => SenderNamePattern.IsMatch(value);

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
        /// Characters every transport can carry: well-formed UTF-16 and no control characters other than tab and line
        /// breaks (XML 1.0 cannot represent the others, and no gateway documents them).
        /// </summary>
        private static bool Sendable(string value, out string? problem)
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
                    problem = $"has a broken surrogate pair at position {i}";
                    return false;
                }
                else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF')
                {
                    problem = $"has the control character U+{(int)c:X4} at position {i}";
                    return false;
                }
            }

            problem = null;
            return true;
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
                if (PhoneNumber.TryParse(recipients[i], out var number, out var problem))
                {
                    numbers.Add(number);
                }
                else
                {
                    errors.Add($"{field}[{i}]", "phone", problem!);
                }
            }

            return numbers;
        }

        /// <summary>One recipient of a bulk send: a valid international number, or a violation naming <paramref name="field"/>.</summary>
        /// <exception cref="RequestValidationException">The number is not valid; the recipient is not sent to.</exception>
        public static PhoneNumber ParseOne(string? recipient, string field)
        {
            if (!PhoneNumber.TryParse(recipient, out var number, out var problem))
            {
                throw new RequestValidationException(new[] { new ValidationViolation(field, "phone", problem!) });
            }

            return number;
        }
    }

    /// <summary>URL rules shared by every gateway's checks.</summary>
    internal static class UrlRules
    {
        private static readonly string[] ImageExtensions = { ".jpg", ".jpeg", ".png", ".gif" };

        /// <summary>An absolute http or https URL.</summary>
        public static bool Absolute(string? value, string field, ValidationErrors errors)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(field, "required", "must not be empty");
                return false;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || value!.Trim() != value)
            {
                errors.Add(field, "url", "must be an absolute http or https URL");
                return false;
            }

            return true;
        }

        /// <summary>An absolute http(s) URL whose path ends in .jpg, .jpeg, .png or .gif.</summary>
        public static void Image(string? value, string field, ValidationErrors errors)
        {
            if (Absolute(value, field, errors))
            {
                var path = new Uri(value!).AbsolutePath;
                if (Array.TrueForAll(ImageExtensions, e => !path.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                {
                    errors.Add(field, "imageFormat", "must point to a .jpg, .jpeg, .png or .gif image");
                }
            }
        }
    }
}
