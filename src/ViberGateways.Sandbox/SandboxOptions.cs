using System;

namespace ViberGateways.Sandbox
{
    /// <summary>How a <see cref="SandboxGateway"/> behaves.</summary>
    public sealed class SandboxOptions
    {
        /// <summary>The default of <see cref="MaxRetainedMessages"/> and <see cref="MaxRetainedRequests"/>.</summary>
        public const int DefaultMaxRetained = 10_000;

        /// <summary>The default of <see cref="MaxRetainedRequestBytes"/>: 32 MiB.</summary>
        public const long DefaultMaxRetainedRequestBytes = 32L * 1024 * 1024;

        /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
        public int Port { get; set; }

        /// <summary>The credentials the emulated gateways accept; any other gets the documented error reply.</summary>
        public SandboxCredentials Credentials { get; set; } = new SandboxCredentials();

        /// <summary>How fast accepted messages move through their delivery states.</summary>
        public DeliveryTimeline Timeline { get; set; } = new DeliveryTimeline();

        /// <summary>
        /// The sandbox's clock: when messages are accepted and move through the <see cref="Timeline"/>, and when
        /// requests and replies arrive, and when a timed outage (<see cref="SandboxGateway.StartOutage"/>) ends. A test
        /// passes a fake clock and advances it instead of waiting. Fault delays are not on it: they stand for network
        /// latency, which a client measures on its own clock.
        /// </summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>
        /// How many accepted messages the sandbox keeps (10,000 by default); past it the oldest are forgotten, and a
        /// status query for one is answered as the gateway answers for an id it never issued. Injected replies and
        /// SMS.by mailings are kept to the same number each. This bounds the memory of a sandbox left running.
        /// </summary>
        public int MaxRetainedMessages { get; set; } = DefaultMaxRetained;

        /// <summary>How many requests <see cref="SandboxGateway.Requests"/> keeps (10,000 by default); past it the oldest are forgotten.</summary>
        public int MaxRetainedRequests { get; set; } = DefaultMaxRetained;

        /// <summary>
        /// How many bytes of recorded requests <see cref="SandboxGateway.Requests"/> keeps (32 MiB by default); past it
        /// the oldest are forgotten. A request weighs what its recorded text takes in memory: the characters of its
        /// path, query and body, two bytes each. The newest request is always kept, even one that alone weighs more.
        /// Bulk requests carry big bodies: this, not <see cref="MaxRetainedRequests"/>, is the limit they reach.
        /// </summary>
        public long MaxRetainedRequestBytes { get; set; } = DefaultMaxRetainedRequestBytes;

        /// <summary>The balance every emulated account reports.</summary>
        public decimal Balance { get; set; } = 1000m;

        /// <summary>Called after each request is answered (for a console log of the traffic, say).</summary>
        public Action<SandboxRequest>? OnRequest { get; set; }

        /// <summary>Called when a delay fault starts holding a request back (its reply, or the request itself): a test waits on it instead of polling.</summary>
        public Action<SandboxRequest>? OnHold { get; set; }
    }

    /// <summary>The credentials the sandbox accepts, one set per gateway.</summary>
    public sealed class SandboxCredentials
    {
        /// <summary>AlphaSMS API key (JSON <c>auth</c>, XML <c>key</c>, HTTP <c>key</c>).</summary>
        public string AlphaSmsApiKey { get; set; } = "sandbox-alphasms-key";

        /// <summary>AlphaSMS personal cabinet login (HTTP <c>login</c>).</summary>
        public string AlphaSmsLogin { get; set; } = "sandbox";

        /// <summary>AlphaSMS personal cabinet password (HTTP <c>pass</c>).</summary>
        public string AlphaSmsPassword { get; set; } = "sandbox-password";

        /// <summary>LiveAll <c>apitoken</c>.</summary>
        public string LiveAllApiToken { get; set; } = "sandbox-liveall-token";

        /// <summary>SMS.by <c>token</c>.</summary>
        public string SmsByToken { get; set; } = "sandbox-smsby-token";
    }

    /// <summary>
    /// When an accepted message reaches each delivery state, counted from its acceptance (or its scheduled time).
    /// A recipient whose number ends in <c>0000</c> is undeliverable: it fails instead of being delivered.
    /// </summary>
    public sealed class DeliveryTimeline
    {
        /// <summary>From accepted to sent to the messenger.</summary>
        public TimeSpan SentAfter { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>From accepted to delivered to the phone.</summary>
        public TimeSpan DeliveredAfter { get; set; } = TimeSpan.FromMilliseconds(500);

        /// <summary>From accepted to read by the recipient.</summary>
        public TimeSpan ReadAfter { get; set; } = TimeSpan.FromMilliseconds(900);
    }
}
