using System;
using System.Collections.Generic;
using System.Globalization;

namespace ViberGateways.Sandbox
{
    /// <summary>
    /// A failure the sandbox plays instead of (or after) handling a request, for testing how an application copes.
    /// Queue one with <see cref="SandboxGateway.InjectFault"/>, make every request take it for a while with
    /// <see cref="SandboxGateway.StartOutage"/>, or send the request with an <c>X-Sandbox-Fault</c> header
    /// (<see cref="Parse"/> lists the forms).
    /// </summary>
    public sealed class SandboxFault
    {
        private SandboxFault(SandboxFaultKind kind, string description)
        {
            Kind = kind;
            Description = description;
        }

        /// <summary>What the fault does.</summary>
        public SandboxFaultKind Kind { get; }

        /// <summary>The HTTP status of a status fault.</summary>
        public int StatusCode { get; private set; }

        /// <summary>The <c>Retry-After</c> header sent with a status fault, if any.</summary>
        public TimeSpan? RetryAfter { get; private set; }

        /// <summary>How long a delay fault waits.</summary>
        public TimeSpan Delay { get; private set; }

        /// <summary>
        /// Whether the request is handled first (the message is accepted and stored) and only the reply fails:
        /// the case where a client cannot know whether its message went out.
        /// </summary>
        public bool AfterProcessing { get; private set; }

        /// <summary>The fault as one line, e.g. <c>429 Retry-After 2s</c>.</summary>
        public string Description { get; }

        /// <summary>HTTP 429, with <c>Retry-After</c> unless <paramref name="retryAfter"/> is null; the request is not handled.</summary>
        /// <param name="retryAfter">The delay the client is asked to wait; null sends no <c>Retry-After</c>.</param>
        /// <returns>The fault.</returns>
        public static SandboxFault TooManyRequests(TimeSpan? retryAfter) =>
            new SandboxFault(SandboxFaultKind.Status, retryAfter is { } delay ? $"429 Retry-After {delay.TotalSeconds:0.###}s" : "429") { StatusCode = 429, RetryAfter = retryAfter };

        /// <summary>HTTP 503, optionally with <c>Retry-After</c>; the request is not handled.</summary>
        /// <param name="retryAfter">The delay the client is asked to wait, if any.</param>
        /// <returns>The fault.</returns>
        public static SandboxFault ServiceUnavailable(TimeSpan? retryAfter = null) =>
            new SandboxFault(SandboxFaultKind.Status, "503") { StatusCode = 503, RetryAfter = retryAfter };

        /// <summary>HTTP 500; the request is not handled.</summary>
        /// <returns>The fault.</returns>
        public static SandboxFault ServerError() => new SandboxFault(SandboxFaultKind.Status, "500") { StatusCode = 500 };

        /// <summary>An HTML error page (HTTP 502 by default), as a proxy in front of a gateway would send; the request is not handled.</summary>
        /// <param name="statusCode">The HTTP status of the page.</param>
        /// <returns>The fault.</returns>
        public static SandboxFault HtmlErrorPage(int statusCode = 502) =>
            new SandboxFault(SandboxFaultKind.HtmlPage, $"HTML {statusCode}") { StatusCode = statusCode };

        /// <summary>Waits before answering; with <paramref name="afterProcessing"/> the request is handled first.</summary>
        /// <param name="delay">How long to wait.</param>
        /// <param name="afterProcessing">Handle the request before waiting (the default), so a client that times out cannot know the outcome.</param>
        /// <returns>The fault.</returns>
        public static SandboxFault Delayed(TimeSpan delay, bool afterProcessing = true) =>
            new SandboxFault(SandboxFaultKind.Delay, $"delay {delay.TotalMilliseconds:0}ms{(afterProcessing ? " after handling" : "")}") { Delay = delay, AfterProcessing = afterProcessing };

        /// <summary>Closes the connection without an answer; with <paramref name="afterProcessing"/> the request is handled first.</summary>
        /// <param name="afterProcessing">Handle the request before dropping the connection.</param>
        /// <returns>The fault.</returns>
        public static SandboxFault DropConnection(bool afterProcessing = false) =>
            new SandboxFault(SandboxFaultKind.Drop, afterProcessing ? "drop after handling" : "drop") { AfterProcessing = afterProcessing };

        /// <summary>Handles the request, then sends half of the reply and closes the connection.</summary>
        /// <returns>The fault.</returns>
        public static SandboxFault TruncatedBody() =>
            new SandboxFault(SandboxFaultKind.Truncate, "truncated body") { AfterProcessing = true };

        /// <summary>Handles the request, then answers HTTP 200 with a body cut in half (complete on the wire, unreadable).</summary>
        /// <returns>The fault.</returns>
        public static SandboxFault MalformedBody() =>
            new SandboxFault(SandboxFaultKind.Malformed, "malformed body") { AfterProcessing = true };

        /// <summary>
        /// Reads an <c>X-Sandbox-Fault</c> header: <c>429</c> or <c>429;retry-after=2</c>, <c>503</c>, <c>500</c>,
        /// <c>html</c> or <c>html=502</c>, <c>delay=1500</c> (milliseconds, after handling), <c>drop</c>,
        /// <c>drop-after</c>, <c>truncate</c>, <c>malformed</c>. In the header, <c>;outage</c> makes the fault an outage
        /// that this request starts and every later request takes until <c>DELETE /_sandbox/faults</c> (or
        /// <see cref="SandboxGateway.ClearFaults"/>); <c>;outage=30</c> ends it after 30 seconds on the sandbox's clock;
        /// <c>;outage-requests=5</c> after 5 requests, this one included (e.g. <c>503;outage-requests=4</c>).
        /// </summary>
        /// <param name="header">The header value.</param>
        /// <returns>The fault.</returns>
        /// <exception cref="FormatException">The value is none of the above.</exception>
        public static SandboxFault Parse(string header) => ParseDeclaringOutage(header, out _);

        /// <summary>Reads a header value and the outage it declares, if any (null when it declares none).</summary>
        internal static SandboxFault ParseDeclaringOutage(string header, out (TimeSpan? Duration, int? Requests)? outage)
        {
            var parts = new List<string>(header.Split(';'));
            var head = parts[0].Trim().ToLowerInvariant();
            var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in parts.GetRange(1, parts.Count - 1))
            {
                var pair = part.Split(new[] { '=' }, 2);
                settings[pair[0].Trim()] = pair.Length == 2 ? pair[1].Trim() : "";
            }

            outage = null;
            var lasts = settings.TryGetValue("outage", out var outageSeconds);
            var counted = settings.TryGetValue("outage-requests", out var outageRequests);
            if (lasts || counted)
            {
                var duration = string.IsNullOrEmpty(outageSeconds) ? (TimeSpan?)null : TimeSpan.FromSeconds(double.Parse(outageSeconds, CultureInfo.InvariantCulture));
                var requests = counted ? int.Parse(outageRequests!, CultureInfo.InvariantCulture) : (int?)null;
                if (duration <= TimeSpan.Zero || requests < 1)
                {
                    throw new FormatException($"An outage lasts a positive number of seconds and requests: '{header}'.");
                }

                outage = (duration, requests);
            }

            TimeSpan? retryAfter = settings.TryGetValue("retry-after", out var seconds) ? TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)) : null;
            var name = head.Split('=')[0];
            var value = head.Contains('=') ? head.Substring(head.IndexOf('=') + 1) : null;
            return name switch
            {
                "429" => TooManyRequests(retryAfter ?? TimeSpan.FromSeconds(1)),
                "503" => ServiceUnavailable(retryAfter),
                "500" => ServerError(),
                "html" => HtmlErrorPage(value is null ? 502 : int.Parse(value, CultureInfo.InvariantCulture)),
                "delay" => Delayed(TimeSpan.FromMilliseconds(int.Parse(value ?? "1000", CultureInfo.InvariantCulture))),
                "drop" => DropConnection(),
                "drop-after" => DropConnection(afterProcessing: true),
                "truncate" => TruncatedBody(),
                "malformed" => MalformedBody(),
                _ => throw new FormatException($"Unknown sandbox fault '{header}'."),
            };
        }

        /// <inheritdoc />
        public override string ToString() => Description;
    }

    /// <summary>The kinds of <see cref="SandboxFault"/>.</summary>
    public enum SandboxFaultKind
    {
        /// <summary>An HTTP error status (429, 500, 503).</summary>
        Status,

        /// <summary>An HTML error page.</summary>
        HtmlPage,

        /// <summary>A delay before the answer.</summary>
        Delay,

        /// <summary>A closed connection.</summary>
        Drop,

        /// <summary>A reply cut off mid-body.</summary>
        Truncate,

        /// <summary>A complete reply with an unreadable body.</summary>
        Malformed,
    }
}
