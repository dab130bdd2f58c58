using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace ViberGateways
{
    /// <summary>
    /// Masks credentials in text that may reach an exception message or a log: query and form parameters
    /// (<c>key=…</c>, <c>pass=…</c>, <c>token=…</c>, <c>apitoken=…</c>, <c>auth=…</c>), JSON properties of the same
    /// names and the XML <c>key</c> attribute. Hand-written because no library covers these three encodings at once.
    /// </summary>
    public static class SecretRedactor
    {
        /// <summary>The longest reply snippet kept in an exception.</summary>
        public const int MaxSnippetLength = 256;

        /// <summary>What a masked value is replaced with.</summary>
        public const string Mask = "***";

        private const string SecretNames = "key|api_key|apikey|pass|password|token|apitoken|auth";

        private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

        // name=value in a query string, a form body or a URL; the value runs to the next separator or the end.
        // A quoted value is an XML attribute, left to XmlAttribute below.
        private static readonly Regex QueryParameter = new Regex(
            @"(?<prefix>(?:^|[?&;\s])(?:" + SecretNames + @")=)(?![""'])[^&;\s#]*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);

        // "name": "value" in JSON; an unterminated value (a cut-off snippet) is masked to the end.
        private static readonly Regex JsonProperty = new Regex(
            @"(?<prefix>""(?:" + SecretNames + @")""\s*:\s*)(?:""(?:[^""\\]|\\.)*(?:""|$)|[^,}\]\s]+)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);

        // key="value" as an XML attribute (AlphaSMS <package key="…">), either quote style.
        private static readonly Regex XmlAttribute = new Regex(
            @"(?<prefix>\s(?:" + SecretNames + @")\s*=\s*)(?:""[^""]*(?:""|$)|'[^']*(?:'|$))",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);

        // name="token" in a multipart part header; the value is the part's first body line.
        private static readonly Regex MultipartField = new Regex(
            @"name=""?(?:" + SecretNames + @")""?[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n(?<value>[^\r\n]*)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);

        /// <summary>The credential values in a request (query, form, JSON, XML or multipart text), to mask them wherever they come back.</summary>
        /// <param name="text">The request's URL and body text.</param>
        /// <returns>The values found (at least four characters long).</returns>
        internal static IReadOnlyCollection<string> SecretValues(string text)
        {
            var values = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                foreach (Match match in QueryParameter.Matches(text))
                {
                    values.Add(Uri.UnescapeDataString(match.Value.Substring(match.Groups["prefix"].Length)));
                }

                foreach (var pattern in new[] { JsonProperty, XmlAttribute })
                {
                    foreach (Match match in pattern.Matches(text))
                    {
                        values.Add(match.Value.Substring(match.Groups["prefix"].Length).Trim('"', '\''));
                    }
                }

                foreach (Match match in MultipartField.Matches(text))
                {
                    values.Add(match.Groups["value"].Value);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // Nothing found in pathological text; the name-based redaction still applies.
            }

            values.RemoveWhere(v => v.Length < 4 || v == Mask);
            return values;
        }

        /// <summary>Returns <paramref name="text"/> with every credential value replaced by <see cref="Mask"/>.</summary>
        /// <param name="text">A URL, query string, form body, JSON or XML text.</param>
        /// <returns>The redacted text.</returns>
        public static string Redact(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            try
            {
                text = QueryParameter.Replace(text, "${prefix}" + Mask);
                text = JsonProperty.Replace(text, "${prefix}\"" + Mask + "\"");
                return XmlAttribute.Replace(text, "${prefix}\"" + Mask + "\"");
            }
            catch (RegexMatchTimeoutException)
            {
                // Never risk leaking: text too pathological to scan is not shown at all.
                return "[" + text.Length + " characters withheld]";
            }
        }

        /// <summary>The first <see cref="MaxSnippetLength"/> characters of a reply body, redacted, or <c>null</c> for no body.</summary>
        /// <param name="body">The reply body.</param>
        /// <returns>A bounded, redacted snippet.</returns>
        public static string? Snippet(string? body)
        {
            if (string.IsNullOrEmpty(body))
            {
                return null;
            }

            // Redact a wider window first so a secret cut by the final bound is still recognised by its name.
            var window = body!.Length > MaxSnippetLength * 4 ? body.Substring(0, MaxSnippetLength * 4) : body;
            var redacted = Redact(window);
            return redacted.Length > MaxSnippetLength ? redacted.Substring(0, MaxSnippetLength) + "…" : redacted;
        }
    }
}
