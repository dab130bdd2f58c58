using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ViberGateways.ContractTests.Infrastructure
{
    /// <summary>One request the SDK sent to Prism and Prism's answer.</summary>
    public sealed class PrismExchange
    {
        private const int MaxShownBody = 4000;

        public PrismExchange(string method, Uri uri, string? requestContentType, string requestBody, int status, string reason, string? responseContentType, string responseBody, string? violationsHeader)
        {
            Method = method;
            Uri = uri;
            RequestContentType = requestContentType;
            RequestBody = requestBody;
            Status = status;
            Reason = reason;
            ResponseContentType = responseContentType;
            ResponseBody = responseBody;
            Violations = ReadViolations(status, responseContentType, responseBody, violationsHeader);
        }

        public string Method { get; }

        public Uri Uri { get; }

        public string? RequestContentType { get; }

        public string RequestBody { get; }

        public int Status { get; }

        public string Reason { get; }

        public string? ResponseContentType { get; }

        public string ResponseBody { get; }

        /// <summary>
        /// Prism's request validation messages: the <c>validation</c> list of its 422 problem reply, or the
        /// <c>sl-violations</c> header it adds when it answers with an error response the spec declares (e.g. 400).
        /// </summary>
        public IReadOnlyList<string> Violations { get; }

        /// <summary>Prism replied (<see cref="Status"/> is 0 when the request got no reply at all).</summary>
        public bool Answered => Status != 0;

        /// <summary>Prism served the spec's example: a 2xx reply and no validation message.</summary>
        public bool Accepted => Status >= 200 && Status <= 299 && Violations.Count == 0;

        /// <summary>The request body as JSON (for the JSON operations).</summary>
        public JObject RequestJson() => JObject.Parse(RequestBody);

        /// <summary>The form fields or query parameters of the request, decoded (the last value of a repeated name wins).</summary>
        public IReadOnlyDictionary<string, string> FormFields()
        {
            var encoded = RequestContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
                ? RequestBody
                : Uri.Query.TrimStart('?');
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in encoded.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = pair.Split(new[] { '=' }, 2);
                fields[Decode(parts[0])] = parts.Length > 1 ? Decode(parts[1]) : "";
            }

            return fields;
        }

        private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

        public override string ToString()
        {
            var text = new StringBuilder();
            text.Append(Method).Append(' ').Append(Uri.PathAndQuery).Append(" -> ").Append(Answered ? Status + " " + Reason : Reason).AppendLine();
            text.Append("  request Content-Type: ").AppendLine(RequestContentType ?? "(none)");
            text.Append("  request body: ").AppendLine(Shown(RequestBody));
            if (Violations.Count > 0)
            {
                text.AppendLine("  Prism's validation messages:");
                foreach (var violation in Violations)
                {
                    text.Append("    - ").AppendLine(violation);
                }
            }

            text.Append("  reply (").Append(ResponseContentType ?? "no content type").Append("): ").AppendLine(Shown(ResponseBody));
            return text.ToString();
        }

        private static string Shown(string body)
        {
            if (body.Length == 0)
            {
                return "(empty)";
            }

            // Binary parts (an uploaded image) are shown as dots.
            var text = new StringBuilder(Math.Min(body.Length, MaxShownBody));
            foreach (var c in body.Length <= MaxShownBody ? body : body.Substring(0, MaxShownBody))
            {
                text.Append(char.IsControl(c) && c != '\r' && c != '\n' && c != '\t' || c == '\uFFFD' ? '.' : c);
            }

            return body.Length <= MaxShownBody ? text.ToString() : text + $"… ({body.Length} characters)";
        }

        private static IReadOnlyList<string> ReadViolations(int status, string? responseContentType, string responseBody, string? violationsHeader)
        {
            var violations = new List<string>();
            if (!string.IsNullOrWhiteSpace(violationsHeader))
            {
                violations.AddRange(Describe(Parse(violationsHeader!)));
            }

            if (status == 422 && responseContentType?.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0
                && Parse(responseBody) is JObject problem && problem["validation"] is JArray validation)
            {
                violations.AddRange(Describe(validation));
            }

            return violations;
        }

        private static JToken? Parse(string json)
        {
            try
            {
                return JToken.Parse(json);
            }
            catch (JsonReaderException)
            {
                // Not JSON: shown as it is.
                return new JArray(new JObject { ["message"] = json });
            }
        }

        private static IEnumerable<string> Describe(JToken? violations) =>
            (violations as JArray ?? new JArray()).OfType<JObject>().Select(v =>
                $"[{string.Join(".", (v["location"] as JArray ?? new JArray()).Select(l => (string?)l))}] {(string?)v["message"]}" +
                $" ({(string?)v["severity"] ?? "?"}{(v["code"] is { } code ? ", " + code : "")})");
    }

    /// <summary>Records every exchange that passes through; optionally asks Prism for a named example (<c>Prefer: example=NAME</c>).</summary>
    internal sealed class PrismRecordingHandler : DelegatingHandler
    {
        private readonly object _gate = new object();
        private readonly List<PrismExchange> _exchanges = new List<PrismExchange>();
        private readonly string? _preferredExample;

        public PrismRecordingHandler(string? preferredExample)
            : base(new HttpClientHandler())
        {
            _preferredExample = preferredExample;
        }

        public IReadOnlyList<PrismExchange> Exchanges
        {
            get
            {
                lock (_gate)
                {
                    return _exchanges.ToList();
                }
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_preferredExample != null)
            {
                request.Headers.TryAddWithoutValidation("Prefer", "example=" + _preferredExample);
            }

            // Reading buffers the content; it is still sent whole.
            var requestBody = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Recorded so that the failure shows what was sent; the SDK sees the exception as it is.
                Record(new PrismExchange(request.Method.Method, request.RequestUri!, request.Content?.Headers.ContentType?.ToString(), requestBody, 0, "no reply: " + e.Message, null, "", null));
                throw;
            }

            await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            var responseBody = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            var violations = response.Headers.TryGetValues("sl-violations", out var values) ? string.Join(",", values) : null;
            Record(new PrismExchange(
                request.Method.Method, request.RequestUri!, request.Content?.Headers.ContentType?.ToString(), requestBody,
                (int)response.StatusCode, response.ReasonPhrase ?? "", response.Content.Headers.ContentType?.ToString(), responseBody, violations));
            return response;
        }

        private void Record(PrismExchange exchange)
        {
            lock (_gate)
            {
                _exchanges.Add(exchange);
            }
        }
    }
}
