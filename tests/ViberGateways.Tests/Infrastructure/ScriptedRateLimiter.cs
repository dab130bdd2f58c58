using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Shouldly;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// A rate limiter a test scripts: it refuses its first leases, throws past a permit limit, or fails, as the test
    /// says, and otherwise grants what an inner limiter grants (everything when it has none). It records every
    /// acquisition asked for and the permits granted, and tells when an acquisition is under way.
    /// </summary>
    internal sealed class ScriptedRateLimiter : RateLimiter
    {
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

        private readonly RateLimiter? _inner;
        private readonly ConcurrentQueue<int> _asked = new();
        private readonly SemaphoreSlim _askedSignal = new(0);
        private long _granted;
        private int _refusalsLeft;

        public ScriptedRateLimiter(RateLimiter? inner = null) => _inner = inner;

        /// <summary>How many of the first leases asked for are refused (not acquired).</summary>
        public int Refusals
        {
            get => Volatile.Read(ref _refusalsLeft);
            init => _refusalsLeft = value;
        }

        /// <summary>The RetryAfter a refused lease carries; none when null.</summary>
        public TimeSpan? RetryAfter { get; init; }

        /// <summary>More permits at once than this throw, as the in-box limiters do past their permit limit.</summary>
        public int PermitLimit { get; init; } = int.MaxValue;

        /// <summary>Thrown by every acquisition when set (a distributed limiter whose store is unreachable).</summary>
        public Exception? Failure { get; init; }

        /// <summary>The permits asked for, one entry per acquisition, in order.</summary>
        public IReadOnlyList<int> Asked => _asked.ToList();

        /// <summary>The permits granted in all.</summary>
        public long PermitsGranted => Interlocked.Read(ref _granted);

        /// <summary>Waits until <paramref name="count"/> more acquisitions have been asked for (each granted or waiting in the limiter).</summary>
        public async Task AskedAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                (await _askedSignal.WaitAsync(HangGuard)).ShouldBeTrue("no acquisition was asked for");
            }
        }

        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => _inner?.GetStatistics();

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => throw new NotSupportedException("a send waits for its permits");

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            _asked.Enqueue(permitCount);
            if (Failure != null)
            {
                throw Failure;
            }

            if (permitCount > PermitLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, $"{permitCount} permits exceed the permit limit of {PermitLimit}.");
            }

            if (Interlocked.Decrement(ref _refusalsLeft) >= 0)
            {
                _askedSignal.Release();
                return new Refused(RetryAfter);
            }

            var pending = _inner?.AcquireAsync(permitCount, cancellationToken) ?? new ValueTask<RateLimitLease>(new Granted());
            _askedSignal.Release();
            var lease = await pending;
            if (lease.IsAcquired)
            {
                Interlocked.Add(ref _granted, permitCount);
            }

            return lease;
        }

        private sealed class Granted : RateLimitLease
        {
            public override bool IsAcquired => true;

            public override IEnumerable<string> MetadataNames => Array.Empty<string>();

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = null;
                return false;
            }
        }

        private sealed class Refused : RateLimitLease
        {
            private readonly TimeSpan? _retryAfter;

            public Refused(TimeSpan? retryAfter) => _retryAfter = retryAfter;

            public override bool IsAcquired => false;

            public override IEnumerable<string> MetadataNames => _retryAfter is null ? Array.Empty<string>() : new[] { MetadataName.RetryAfter.Name };

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = _retryAfter;
                return _retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
            }
        }
    }
}
