using System;

namespace ViberGateways
{
    /// <summary>
    /// How <see cref="ViberClientExtensions.FollowStatusAsync"/> polls: exponential backoff between rounds, and when to
    /// give up. Checked, and copied, by the call that starts following.
    /// </summary>
    public sealed class StatusPollingOptions
    {
        /// <summary>The wait before the first round (default 5 seconds; must be positive).</summary>
        public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Each later wait is this many times the one before (default 2; at least 1).</summary>
        public double BackoffFactor { get; set; } = 2;

        /// <summary>The longest wait between rounds (default 5 minutes; at least <see cref="FirstDelay"/>).</summary>
        public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>
        /// How long to follow before giving up (default 72 hours, longer than any documented Viber lifetime). A last
        /// round is held at that moment; the messages still not final are then reported with their last status
        /// (<see cref="DeliveryState.Unknown"/> with an <see cref="DeliveryStatus.Error"/> when none was read).
        /// </summary>
        public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromHours(72);

        /// <summary>The clock the waits run on (the system clock unless set; tests set a fake one).</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
    }
}
