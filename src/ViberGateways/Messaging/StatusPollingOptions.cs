using System;

namespace ViberGateways
{
    /// <summary>How <see cref="ViberClientExtensions.FollowStatusAsync"/> polls: exponential backoff between rounds, and when to give up.</summary>
    public sealed class StatusPollingOptions
    {
        /// <summary>The wait before the first round and between the first two (default 5 seconds).</summary>
        public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Each wait is this many times the one before (default 2).</summary>
        public double BackoffFactor { get; set; } = 2;

        /// <summary>The longest wait between rounds (default 5 minutes).</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>
        /// How long to follow before giving up (default 72 hours, longer than any documented Viber lifetime); the
        /// messages still not final are then reported with their last status.
        /// </summary>
        public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(72);

        /// <summary>The clock the waits run on (the system clock unless set; tests set a fake one).</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
    }
}
