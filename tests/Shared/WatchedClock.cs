using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Shouldly;

namespace ViberGateways.Testing
{
    /// <summary>
    /// A fake clock that tells when something starts waiting on it, and for how long: a test advances it only once the
    /// code under test waits, so no advance is lost to a race and nothing waits on the wall clock. Shared by the unit
    /// and integration tests (linked into both projects).
    /// </summary>
    internal sealed class WatchedClock : FakeTimeProvider
    {
        /// <summary>How long a test waits for a wait to start before it fails: a guard against a hang, not a measure.</summary>
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

        private readonly ConcurrentQueue<TimeSpan> _waits = new();
        private readonly SemaphoreSlim _started = new(0);

        public WatchedClock()
            : base(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
        {
        }

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _waits.Enqueue(dueTime);
            _started.Release();
            return timer;
        }

        /// <summary>The next wait started (already or soon), as long as it is.</summary>
        public async Task<TimeSpan> NextWaitAsync()
        {
            (await _started.WaitAsync(HangGuard)).ShouldBeTrue("nothing started waiting on the clock");
            _waits.TryDequeue(out var wait).ShouldBeTrue();
            return wait;
        }

        /// <summary>
        /// The next wait started that has an end and is not one of <paramref name="ignored"/> (e.g. the timeouts armed
        /// around every attempt; a cancellation source on the clock starts as a timer that never fires).
        /// </summary>
        public async Task<TimeSpan> NextWaitAsync(params TimeSpan[] ignored)
        {
            while (true)
            {
                var wait = await NextWaitAsync();
                if (wait != Timeout.InfiniteTimeSpan && Array.IndexOf(ignored, wait) < 0)
                {
                    return wait;
                }
            }
        }

        /// <summary>Whether a wait started that no test has taken yet.</summary>
        public bool HasPendingWait => _started.CurrentCount > 0;
    }
}
