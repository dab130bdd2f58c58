using System;
using System.Collections.Generic;

namespace ViberGateways
{
    /// <summary>
    /// The one exception family callers catch for gateway failures: an unexpected HTTP status, a reply the SDK
    /// cannot read, or a gateway that rejected the request inside an HTTP 200 reply. Every generated client and
    /// every hand-written transport throws it. The message carries a bounded, redacted snippet of the reply and
    /// never an API key, password or token.
    /// </summary>
    public class GatewayException : Exception
    {
        /// <summary>Creates the exception the generated clients throw for an unexpected HTTP reply.</summary>
        /// <param name="message">What went wrong.</param>
        /// <param name="statusCode">The HTTP status code of the reply.</param>
        /// <param name="response">The reply body, if it was read; only a bounded, redacted snippet is kept.</param>
        /// <param name="headers">The reply headers (not kept: they may carry cookies).</param>
        /// <param name="innerException">The underlying error, if any.</param>
        public GatewayException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>>? headers, Exception? innerException)
            : this(message, statusCode, gatewayErrorCode: null, gatewayMessage: null, response, innerException)
        {
        }

        /// <summary>Creates the exception for a reply in which the gateway reported an error.</summary>
        /// <param name="message">What went wrong.</param>
        /// <param name="statusCode">The HTTP status code of the reply.</param>
        /// <param name="gatewayErrorCode">The gateway's own error code, if the reply had one.</param>
        /// <param name="gatewayMessage">The gateway's own error text, if the reply had one.</param>
        /// <param name="response">The reply body, if it was read; only a bounded, redacted snippet is kept.</param>
        /// <param name="innerException">The underlying error, if any.</param>
        public GatewayException(string message, int statusCode, string? gatewayErrorCode, string? gatewayMessage, string? response, Exception? innerException)
            : base(ComposeMessage(Summarize(message, statusCode, gatewayErrorCode ?? gatewayMessage, innerException), SecretRedactor.Snippet(response)), innerException)
        {
            Summary = Summarize(message, statusCode, gatewayErrorCode ?? gatewayMessage, innerException);
            StatusCode = statusCode;
            GatewayErrorCode = gatewayErrorCode;
            GatewayMessage = gatewayMessage is null ? null : SecretRedactor.Redact(gatewayMessage);
            ResponseSnippet = SecretRedactor.Snippet(response);
        }

        /// <summary>The HTTP status code of the reply (200 when the gateway reported the error inside a successful reply).</summary>
        public int StatusCode { get; }

        /// <summary>What this failure of a whole request means for each of its messages: refused, never sent, or unknown.</summary>
        internal SendOutcome Outcome => this switch
        {
            GatewayRejectedException => SendOutcome.Rejected,
            GatewayUnavailableException => SendOutcome.NotSent,
            _ => SendOutcome.Unknown,
        };

        /// <summary>The gateway's own error code (for example <c>201</c>, <c>56</c> or <c>Access denied</c>), when the reply had one.</summary>
        public string? GatewayErrorCode { get; }

        /// <summary>The gateway's own error text, when the reply had one.</summary>
        public string? GatewayMessage { get; }

        /// <summary>The start of the reply body (at most <see cref="SecretRedactor.MaxSnippetLength"/> characters), with secrets masked.</summary>
        public string? ResponseSnippet { get; }

        /// <summary>
        /// The message without the reply snippet: what the SDK's own log says, since a reply may echo the request's
        /// phone numbers and text.
        /// </summary>
        internal string Summary { get; }

        /// <summary>
        /// The message and what the reply was, in words: "the gateway answered HTTP 200 with an error" (an error inside a
        /// successful reply, as every AlphaSMS and LiveAll error is), "no response: connection failed" or "no response"
        /// (status 0: no reply at all; the message says why), or the HTTP status of any other reply.
        /// </summary>
        private static string Summarize(string message, int statusCode, string? gatewayError, Exception? innerException) =>
            SecretRedactor.Redact(message) + " (" + statusCode switch
            {
                0 when innerException is System.Net.Http.HttpRequestException => "no response: connection failed",
                0 => "no response",
                200 when gatewayError != null => "the gateway answered HTTP 200 with an error",
                200 => "the gateway answered HTTP 200",
                _ => "the gateway answered HTTP " + statusCode,
            } + ")";

        private static string ComposeMessage(string summary, string? snippet) =>
            string.IsNullOrEmpty(snippet) ? summary : summary + ". Reply: " + snippet;
    }

    /// <summary>
    /// The gateway understood the request and refused it — a wrong key, an unapproved sender, a duplicate id, an
    /// invalid number — usually inside an HTTP 200 reply (<c>"success": false</c>, <c>errors:…</c>, an XML error code,
    /// <c>Error: CODE - MESSAGE</c>, an SMS.by <c>error</c>). Sending the same request again will not help.
    /// </summary>
    public class GatewayRejectedException : GatewayException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What was refused, with the gateway's own text.</param>
        /// <param name="gatewayErrorCode">The gateway's error code, if it gave one.</param>
        /// <param name="gatewayMessage">The gateway's error text, if it gave one.</param>
        /// <param name="response">The reply body, if available; only a bounded, redacted snippet is kept.</param>
        public GatewayRejectedException(string message, string? gatewayErrorCode, string? gatewayMessage, string? response)
            : this(message, 200, gatewayErrorCode, gatewayMessage, response, null)
        {
        }

        /// <summary>Creates the exception for a refusal with an HTTP error status (for example SMS.by's documented 400).</summary>
        /// <param name="message">What was refused.</param>
        /// <param name="statusCode">The HTTP status of the reply.</param>
        /// <param name="gatewayErrorCode">The gateway's error code, if it gave one.</param>
        /// <param name="gatewayMessage">The gateway's error text, if it gave one.</param>
        /// <param name="response">The reply body, if available; only a bounded, redacted snippet is kept.</param>
        /// <param name="innerException">The underlying error, if any.</param>
        public GatewayRejectedException(string message, int statusCode, string? gatewayErrorCode, string? gatewayMessage, string? response, Exception? innerException)
            : base(message, statusCode, gatewayErrorCode, gatewayMessage, response, innerException)
        {
        }
    }

    /// <summary>
    /// The gateway could not be reached or would not take the request (connection refused, HTTP 429 or 503 after the
    /// retries the policy allows): the request was not processed, so nothing was sent. Safe to try again later.
    /// </summary>
    public class GatewayUnavailableException : GatewayException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What happened.</param>
        /// <param name="statusCode">The last HTTP status, or 0 when no reply came.</param>
        /// <param name="retryAfter">How long the gateway asked the client to wait, if it said.</param>
        /// <param name="innerException">The underlying error, if any.</param>
        public GatewayUnavailableException(string message, int statusCode, TimeSpan? retryAfter, Exception? innerException)
            : this(message, statusCode, retryAfter, null, innerException)
        {
        }

        /// <summary>Creates the exception with the gateway's last reply.</summary>
        /// <param name="message">What happened.</param>
        /// <param name="statusCode">The last HTTP status, or 0 when no reply came.</param>
        /// <param name="retryAfter">How long the gateway asked the client to wait, if it said.</param>
        /// <param name="response">The last reply body (kept as a bounded, redacted snippet).</param>
        /// <param name="innerException">The underlying error, if any.</param>
        public GatewayUnavailableException(string message, int statusCode, TimeSpan? retryAfter, string? response, Exception? innerException)
            : base(message, statusCode, null, null, response, innerException)
        {
            RetryAfter = retryAfter;
        }

        /// <summary>How long the gateway asked the client to wait (<c>Retry-After</c>), if it said.</summary>
        public TimeSpan? RetryAfter { get; }
    }

    /// <summary>
    /// The request may have reached the gateway, but no usable reply came back (a timeout, a dropped connection, a
    /// cut or unreadable reply). The message may or may not have been accepted: the SDK does not guess, and it does
    /// not send the request again unless the gateway documents de-duplicating it (an AlphaSMS XML message with its
    /// client id: 208 ERR_DUPLICATE). Resolve it by asking the status with the result's reference (an AlphaSMS JSON or
    /// XML reference carries the client id) before any resend: a JSON resend of a message that did arrive is a second
    /// message, since no document says the JSON API refuses a repeated client id.
    /// </summary>
    public class GatewayOutcomeUnknownException : GatewayException
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="message">What happened.</param>
        /// <param name="statusCode">The HTTP status, or 0 when no reply came.</param>
        /// <param name="innerException">The underlying error.</param>
        public GatewayOutcomeUnknownException(string message, int statusCode, Exception? innerException)
            : this(message, statusCode, null, innerException)
        {
        }

        /// <summary>Creates the exception for a reply that came back but could not be used.</summary>
        /// <param name="message">What happened.</param>
        /// <param name="statusCode">The HTTP status of the reply.</param>
        /// <param name="response">The reply body, if available; only a bounded, redacted snippet is kept.</param>
        /// <param name="innerException">The underlying error.</param>
        public GatewayOutcomeUnknownException(string message, int statusCode, string? response, Exception? innerException)
            : base(message, statusCode, null, null, response, innerException)
        {
        }
    }
}
