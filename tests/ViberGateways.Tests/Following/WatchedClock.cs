using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace ViberGateways.Tests.Following
{
    /// <summary>
    /// A fake clock that tells when something starts waiting on it, and for how long: a test advances it only once
    /// the follower waits, so no advance is lost to a race and nothing waits on the wall clock.
    /// </summary>
    internal sealed class WatchedClock : FakeTimeProvider
    {
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
            (await _started.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBeTrue("the follower never started waiting");
            _waits.TryDequeue(out var wait).ShouldBeTrue();
            return wait;
        }

        /// <summary>Whether a wait started that no test has taken yet.</summary>
        public bool HasPendingWait => _started.CurrentCount > 0;
    }
}
