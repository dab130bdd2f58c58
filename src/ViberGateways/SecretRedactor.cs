using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using ViberGateways.Http;

namespace ViberGateways
{
    /// <summary>
    /// Masks credentials in text that may reach an exception message or a log: query and form parameters, JSON
    /// properties, XML attributes and multipart fields named as the specs name the gateways' credentials
    /// (<c>x-secrets</c>: <c>auth</c>, <c>key</c>, <c>pass</c>, <c>apitoken</c>, <c>token</c>). Hand-written because no
    /// library covers these encodings at once.
    /// </summary>
    internal static class SecretRedactor
    {
        /// <summary>The longest reply snippet kept in an exception.</summary>
        public const int MaxSnippetLength = 256;

        /// <summary>What a masked value is replaced with.</summary>
        public const string Mask = "***";

        // Every credential name the generated clients declare, as one regex alternation.
        private static readonly string SecretNames = string.Join("|", typeof(SecretRedactor).Assembly.GetTypes()
            .Select(type => type.GetCustomAttribute<SecretFieldNamesAttribute>()?.Names)
            .Where(names => names != null)
            .SelectMany(names => names!.Split(','))
            .Select(name => Regex.Escape(name.Trim()))
            .Where(name => name.Length > 0)
            .Distinct()
            .OrderByDescending(name => name.Length));

        // A guard against pathological input, not a budget for ordinary text: generous enough that a loaded machine
        // never trips it. The patterns are interpreted (no RegexOptions.Compiled), so a first use does not spend the
        // timeout JIT-compiling them. NonBacktracking is not an option: QueryParameter needs its lookahead.
        private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

        private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

        // name=value in a query string, a form body or a URL; the value runs to the next separator or the end.
        // A quoted value is an XML attribute, left to XmlAttribute below.
        private static readonly Regex QueryParameter = Scanner(
            @"(?<prefix>(?:^|[?&;\s])(?:" + SecretNames + @")=)(?![""'])[^&;\s#]*");

        // "name": "value" in JSON; an unterminated value (a cut-off snippet) is masked to the end.
        private static readonly Regex JsonProperty = Scanner(
            @"(?<prefix>""(?:" + SecretNames + @")""\s*:\s*)(?:""(?:[^""\\]|\\.)*(?:""|$)|[^,}\]\s]+)");

        // key="value" as an XML attribute (AlphaSMS <package key="…">), either quote style.
        private static readonly Regex XmlAttribute = Scanner(
            @"(?<prefix>\s(?:" + SecretNames + @")\s*=\s*)(?:""[^""]*(?:""|$)|'[^']*(?:'|$))");

        // name="token" in a multipart part's headers; the value is the part's first body line.
        private static readonly Regex MultipartField = Scanner(
            @"(?<prefix>name=""?(?:" + SecretNames + @")""?[^\r\n]*\r?\n(?:[^\r\n]+\r?\n)*\r?\n)[^\r\n]*");

        private static Regex Scanner(string pattern) => new(pattern, Options, MatchTimeout);

        /// <summary>Returns <paramref name="text"/> with every credential value replaced by <see cref="Mask"/>.</summary>
        public static string Redact(string text)
        {
            _ = text ?? throw new ArgumentNullException(nameof(text));

            try
            {
                text = QueryParameter.Replace(text, "${prefix}" + Mask);
                text = JsonProperty.Replace(text, "${prefix}\"" + Mask + "\"");
                text = MultipartField.Replace(text, "${prefix}" + Mask);
                return XmlAttribute.Replace(text, "${prefix}\"" + Mask + "\"");
            }
            catch (RegexMatchTimeoutException)
            {
                // Never risk leaking: text too pathological to scan is not shown at all.
                return "[" + text.Length + " characters withheld]";
            }
        }

        /// <summary>The first <see cref="MaxSnippetLength"/> characters of a reply body, redacted, or <c>null</c> for no body.</summary>
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
