using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// A token bucket that only the test refills: it starts full, and <see cref="Replenish"/> adds one period's permits
    /// and serves the waiting acquisitions oldest first. (The in-box limiters replenished by hand still measure the
    /// time since their last replenishment on the real clock, and grant nothing when it is short.)
    /// </summary>
    internal sealed class HandReplenishedRateLimiter : RateLimiter
    {
        private readonly object _gate = new();
        private readonly Queue<(int Permits, TaskCompletionSource<RateLimitLease> Lease)> _waiting = new();
        private readonly int _limit;
        private readonly int _perReplenishment;
        private int _available;

        public HandReplenishedRateLimiter(int limit, int perReplenishment)
        {
            _limit = limit;
            _perReplenishment = perReplenishment;
            _available = limit;
        }

        /// <summary>The permits the waiting acquisitions ask for in all.</summary>
        public int QueuedPermits
        {
            get
            {
                lock (_gate)
                {
                    return _waiting.Sum(w => w.Permits);
                }
            }
        }

        public void Replenish()
        {
            var granted = new List<TaskCompletionSource<RateLimitLease>>();
            lock (_gate)
            {
                _available = Math.Min(_limit, _available + _perReplenishment);
                while (_waiting.Count > 0 && _waiting.Peek().Permits <= _available)
                {
                    var (permits, lease) = _waiting.Dequeue();
                    _available -= permits;
                    granted.Add(lease);
                }
            }

            granted.ForEach(lease => lease.SetResult(new Lease(acquired: true)));
        }

        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => throw new NotSupportedException("a send waits for its permits");

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            if (permitCount > _limit)
            {
                throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, $"{permitCount} permits exceed the limit of {_limit}.");
            }

            lock (_gate)
            {
                if (_waiting.Count == 0 && permitCount <= _available)
                {
                    _available -= permitCount;
                    return new ValueTask<RateLimitLease>(new Lease(acquired: true));
                }

                var lease = new TaskCompletionSource<RateLimitLease>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiting.Enqueue((permitCount, lease));
                return new ValueTask<RateLimitLease>(lease.Task);
            }
        }

        private sealed class Lease : RateLimitLease
        {
            public Lease(bool acquired) => IsAcquired = acquired;

            public override bool IsAcquired { get; }

            public override IEnumerable<string> MetadataNames => Array.Empty<string>();

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = null;
                return false;
            }
        }
    }
}
