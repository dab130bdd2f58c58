using System;

namespace ViberGateways
{
    /// <summary>
    /// The retry and timeout policy of a gateway client, applied to every request it sends however the client was made.
    /// HTTP 429 and 503 (the gateway did not process the request) and failures to connect are retried with jittered
    /// exponential backoff, honouring <c>Retry-After</c> up to <see cref="MaxRetryAfter"/>. A request that may have
    /// reached the gateway (a timeout, a dropped connection, a cut reply) is retried only when repeating it cannot
    /// send a message twice: queries, and AlphaSMS sends whose messages carry client ids.
    /// </summary>
    public sealed class GatewayResilienceOptions
    {
        /// <summary>Retries after the first attempt (0 disables retrying). Default 3.</summary>
        public int MaxRetryAttempts { get; set; } = 3;

        /// <summary>The first backoff delay, doubled each retry, with jitter. Default 200 ms.</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>The longest <c>Retry-After</c> waited for; a longer one ends the retries. Default 30 s.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The longest one attempt may take, reply included. Default 30 s.</summary>
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>The longest a call may take across all its attempts and delays. Default 100 s.</summary>
        public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>The largest reply body read (default 1 MiB); every documented reply is a few hundred bytes.</summary>
        public int MaxReplyBytes { get; set; } = 1024 * 1024;

        /// <summary>
        /// The clock the backoff delays, the <c>Retry-After</c> waits and the timeouts run on (the system clock unless
        /// set; tests set a fake one, e.g. <c>FakeTimeProvider</c>, and advance it instead of waiting).
        /// </summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
    }
}
