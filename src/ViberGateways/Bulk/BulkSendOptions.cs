using System;
using System.Threading.RateLimiting;

namespace ViberGateways.Bulk
{
    /// <summary>How a bulk send is split into requests and paced. Every setting is optional.</summary>
    public sealed class BulkSendOptions
    {
        /// <summary>The most requests sent at once when none is set.</summary>
        public const int DefaultMaxConcurrentRequests = 4;

        /// <summary>
        /// The most recipients in one request. None of the gateways documents a maximum; unset, each gateway uses
        /// the SDK's default (AlphaSMS JSON and XML 500, LiveAll and SMS.by 1000). The AlphaSMS HTTP API always takes
        /// one recipient per request; on LiveAll and SMS.by a request carries one personalised message, to as many of
        /// its recipients as this allows (an SMS.by quick message has one).
        /// </summary>
        public int? MaxRecipientsPerRequest { get; set; }

        /// <summary>The most requests in flight at once (1 to 64; default 4).</summary>
        public int MaxConcurrentRequests { get; set; } = DefaultMaxConcurrentRequests;

        /// <summary>
        /// The most messages sent per second; unset, as fast as the gateway answers. A request then carries at most a
        /// tenth of a second's allowance (at least one message), so no second sees more than the rate and a tenth.
        /// This pace is the send's own; to share one pace between sends, processes or machines, use <see cref="RateLimiter"/>.
        /// </summary>
        public double? MaxMessagesPerSecond { get; set; }

        /// <summary>
        /// A limiter every request takes its permits from before it goes out, one permit per message: for example a
        /// distributed limiter that every process sending through one gateway account shares. Unset, none.
        /// <para>
        /// A request of n messages waits for a lease of n permits and keeps it until the gateway answers (so a
        /// concurrency limiter bounds the messages in flight). When the limiter can never grant n at once (its
        /// <c>AcquireAsync</c> throws <see cref="ArgumentOutOfRangeException"/>, as limiters do past their permit or
        /// token limit), the request is split: the size is halved until the limiter grants it, and requests keep that
        /// size for the rest of the send. Set <see cref="MaxRecipientsPerRequest"/> to at most the limiter's limit to
        /// choose the size yourself.
        /// </para>
        /// <para>
        /// A lease that is not acquired (no permits now, the limiter's queue full, or a limiter that never queues) drops
        /// nothing: it is asked for again after the lease's <see cref="MetadataName.RetryAfter"/>, or after
        /// <see cref="RateLimiterRetryDelay"/> when the lease gives no <see cref="TimeSpan"/> there, on
        /// <see cref="TimeProvider"/>. Only cancelling ends that wait: the recipients still waiting are then
        /// <see cref="SendOutcome.NotSent"/>. A limiter that throws (its store unreachable, say) stops the send: the
        /// recipients not yet sent are not sent, and the results end with the limiter's exception.
        /// </para>
        /// <para>
        /// With <see cref="MaxMessagesPerSecond"/> also set, both apply: a request waits its turn at that pace, then
        /// takes its permits. The limiter stays the caller's: the send never disposes it.
        /// </para>
        /// </summary>
        public RateLimiter? RateLimiter { get; set; }

        /// <summary>
        /// How long to wait before asking <see cref="RateLimiter"/> again after it refused a lease without saying
        /// when to retry (more than zero; 50 ms unless set).
        /// </summary>
        public TimeSpan RateLimiterRetryDelay { get; set; } = TimeSpan.FromMilliseconds(50);

        /// <summary>
        /// The clock the pacing of <see cref="MaxMessagesPerSecond"/>, the waits before asking <see cref="RateLimiter"/>
        /// again and the progress's elapsed time run on (the system
        /// clock unless set; tests set a fake one, e.g. <c>FakeTimeProvider</c>, and advance it instead of waiting).
        /// </summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>Told after every request (and at the end) how far the send has come.</summary>
        public IProgress<BulkProgress>? Progress { get; set; }
    }
}
