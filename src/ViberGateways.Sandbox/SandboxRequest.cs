using System;

namespace ViberGateways.Sandbox
{
    /// <summary>One request the sandbox received, as it arrived.</summary>
    public sealed class SandboxRequest
    {
        internal SandboxRequest(DateTimeOffset receivedAt, string method, string path, string query, string? contentType, string body)
        {
            ReceivedAt = receivedAt;
            Method = method;
            Path = path;
            Query = query;
            ContentType = contentType;
            Body = body;
        }

        /// <summary>When it arrived.</summary>
        public DateTimeOffset ReceivedAt { get; }

        /// <summary>The HTTP method.</summary>
        public string Method { get; }

        /// <summary>The path, e.g. <c>/api/json.php</c>.</summary>
        public string Path { get; }

        /// <summary>The query string including <c>?</c>, or empty.</summary>
        public string Query { get; }

        /// <summary>The request's content type.</summary>
        public string? ContentType { get; }

        /// <summary>The body as UTF-8 text.</summary>
        public string Body { get; }

        /// <summary>The HTTP status the sandbox answered with (0 when the connection was dropped).</summary>
        public int ResponseStatus { get; internal set; }

        /// <summary>The fault injected into this request, if any.</summary>
        public string? Fault { get; internal set; }

        /// <summary>What the recorded text takes in memory, the measure of <see cref="SandboxOptions.MaxRetainedRequestBytes"/>: two bytes a character of path, query and body.</summary>
        internal long RetainedBytes => 2L * (Path.Length + Query.Length + Body.Length);

        /// <summary>Method, path and query.</summary>
        /// <returns>For example <c>POST /api/json.php</c>.</returns>
        public override string ToString() => $"{Method} {Path}{Query}";
    }
}
