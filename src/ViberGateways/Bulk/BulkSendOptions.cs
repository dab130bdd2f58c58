using System;

namespace ViberGateways.Bulk
{
    /// <summary>How a bulk send is split into requests and paced. Every setting is optional.</summary>
    public sealed class BulkSendOptions
    {
        /// <summary>The most requests sent at once when none is set.</summary>
        public const int DefaultMaxConcurrentRequests = 4;

        /// <summary>
        /// The most recipients in one request. None of the gateways documents a maximum; unset, each gateway uses
        /// the SDK's default (AlphaSMS JSON and XML 500, LiveAll and SMS.by 1000). The AlphaSMS HTTP API and
        /// personalised LiveAll messages always take one recipient per request.
        /// </summary>
        public int? MaxRecipientsPerRequest { get; set; }

        /// <summary>The most requests in flight at once (1 to 64; default 4).</summary>
        public int MaxConcurrentRequests { get; set; } = DefaultMaxConcurrentRequests;

        /// <summary>
        /// The most messages sent per second; unset, as fast as the gateway answers. A request then carries at most a
        /// tenth of a second's allowance (at least one message), so no second sees more than the rate and a tenth.
        /// </summary>
        public double? MaxMessagesPerSecond { get; set; }

        /// <summary>
        /// The clock the pacing of <see cref="MaxMessagesPerSecond"/> and the progress's elapsed time run on (the system
        /// clock unless set; tests set a fake one, e.g. <c>FakeTimeProvider</c>, and advance it instead of waiting).
        /// </summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>Told after every request (and at the end) how far the send has come.</summary>
        public IProgress<BulkProgress>? Progress { get; set; }
    }
}
