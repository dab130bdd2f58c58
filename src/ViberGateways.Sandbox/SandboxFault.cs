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
        /// <exception cref="FormatException">The value is none of the above, or a number in it is out of range; the message names the part.</exception>
        public static SandboxFault Parse(string header) => ParseDeclaringOutage(header, out _);

        /// <summary>What an <c>X-Sandbox-Fault</c> header takes, as a refusal quotes it.</summary>
        internal const string HeaderForms =
            "one of 429, 503, 500, html, html=<status 400-599>, delay=<milliseconds, at most 86400000>, drop, drop-after, " +
            "truncate, malformed; then, each after ';', retry-after=<seconds, 0 to 86400> (429 and 503 only), outage " +
            "(until cleared), outage=<seconds, more than 0 and at most 86400>, outage-requests=<requests, at least 1>; " +
            "e.g. 503;outage-requests=4";

        private const int MaxDelayMilliseconds = 86_400_000;

        /// <summary>Reads a header value and the outage it declares, if any (null when it declares none).</summary>
        /// <exception cref="FormatException">The value is not a form the header takes; the message names the part and lists the forms.</exception>
        internal static SandboxFault ParseDeclaringOutage(string header, out (TimeSpan? Duration, int? Requests)? outage)
        {
            if (header is null)
            {
                throw new ArgumentNullException(nameof(header));
            }

            var parts = header.Split(';');
            var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 1; i < parts.Length; i++)
            {
                var pair = parts[i].Split(new[] { '=' }, 2);
                var setting = pair[0].Trim().ToLowerInvariant();
                if (setting.Length == 0)
                {
                    throw Refused(parts[i].Trim().Length == 0 ? "a ';' has nothing after it" : $"'{Quoted(parts[i])}' has no setting name");
                }

                if (setting is not ("retry-after" or "outage" or "outage-requests"))
                {
                    throw Refused($"'{Quoted(parts[i])}' is not a setting it takes");
                }

                if (!settings.TryAdd(setting, pair.Length == 2 ? pair[1].Trim() : null))
                {
                    throw Refused($"{setting} is given twice");
                }
            }

            outage = null;
            var lasts = settings.TryGetValue("outage", out var outageSeconds);
            var counted = settings.TryGetValue("outage-requests", out var outageRequests);
            if (lasts || counted)
            {
                TimeSpan? duration = null;
                if (outageSeconds != null)
                {
                    duration = Seconds(outageSeconds) is { } seconds && seconds > 0 && seconds <= SandboxGateway.MaxOutageDuration.TotalSeconds
                        ? TimeSpan.FromSeconds(seconds)
                        : throw Refused($"outage={Quoted(outageSeconds)}: outage takes seconds, more than 0 and at most {SandboxGateway.MaxOutageDuration.TotalSeconds:0}");
                }

                int? requests = null;
                if (counted)
                {
                    requests = int.TryParse(outageRequests, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count >= 1
                        ? count
                        : throw Refused($"outage-requests={Quoted(outageRequests ?? "")}: outage-requests takes a whole number of requests, at least 1");
                }

                outage = (duration, requests);
            }

            var head = parts[0].Trim().ToLowerInvariant();
            var name = head.Split('=')[0].Trim();
            var value = head.Contains('=') ? head.Substring(head.IndexOf('=') + 1).Trim() : null;
            if (settings.ContainsKey("retry-after") && name is not ("429" or "503"))
            {
                throw Refused($"retry-after applies to 429 and 503 only, not to '{Quoted(head)}'");
            }

            TimeSpan? retryAfter = null;
            if (settings.TryGetValue("retry-after", out var retrySeconds))
            {
                retryAfter = Seconds(retrySeconds) is { } seconds && seconds <= SandboxGateway.MaxOutageDuration.TotalSeconds
                    ? TimeSpan.FromSeconds(seconds)
                    : throw Refused($"retry-after={Quoted(retrySeconds ?? "")}: retry-after takes seconds, 0 to {SandboxGateway.MaxOutageDuration.TotalSeconds:0}");
            }

            if (value != null && name is not ("html" or "delay"))
            {
                throw Refused(name is "429" or "503" or "500" or "drop" or "drop-after" or "truncate" or "malformed"
                    ? $"{name} takes no value ('{Quoted(head)}')"
                    : $"'{Quoted(head)}' is not a fault the sandbox plays");
            }

            return name switch
            {
                "429" => TooManyRequests(retryAfter ?? TimeSpan.FromSeconds(1)),
                "503" => ServiceUnavailable(retryAfter),
                "500" => ServerError(),
                "html" => HtmlErrorPage(value is null ? 502
                    : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 400 and <= 599 ? status
                    : throw Refused($"html={Quoted(value)}: html takes an HTTP status from 400 to 599")),
                "delay" => Delayed(TimeSpan.FromMilliseconds(value is null ? 1000
                    : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds <= MaxDelayMilliseconds ? milliseconds
                    : throw Refused($"delay={Quoted(value)}: delay takes whole milliseconds, at most {MaxDelayMilliseconds}"))),
                "drop" => DropConnection(),
                "drop-after" => DropConnection(afterProcessing: true),
                "truncate" => TruncatedBody(),
                "malformed" => MalformedBody(),
                "" => throw Refused("it names no fault"),
                _ => throw Refused($"'{Quoted(head)}' is not a fault the sandbox plays"),
            };
        }

        /// <summary>A number of seconds written plainly (no sign, exponent or NaN), or null.</summary>
        private static double? Seconds(string? text) =>
            double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;

        /// <summary>Part of a header as a refusal repeats it: short, so that a long header cannot make a long reply.</summary>
        private static string Quoted(string text)
        {
            const int Longest = 40;
            var trimmed = text.Trim();
            return trimmed.Length <= Longest ? trimmed : trimmed.Substring(0, Longest) + "…";
        }

        private static FormatException Refused(string problem) => new UnreadableFaultException(problem);

        /// <summary>
        /// A fault the sandbox cannot read. The message names the header; <see cref="Problem"/> is the part that is
        /// wrong on its own, for the control endpoints to name under their <c>fault</c> field.
        /// </summary>
        internal sealed class UnreadableFaultException(string problem)
            : FormatException($"{SandboxGateway.FaultHeader}: {problem}. It takes {HeaderForms}.")
        {
            public string Problem { get; } = problem;
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
