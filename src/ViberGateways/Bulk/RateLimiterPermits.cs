using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace ViberGateways.Bulk
{
    /// <summary>
    /// Takes permits from a caller's <see cref="RateLimiter"/>, one per message, for a request of up to a given size.
    /// A size the limiter can never grant at once (it throws <see cref="ArgumentOutOfRangeException"/>, as limiters do
    /// past their permit or token limit) is halved until it grants one, and that smaller size holds from then on. A
    /// lease that is not acquired (no permits now, the limiter's queue full, a distributed limiter that never queues)
    /// is asked for again after its <see cref="MetadataName.RetryAfter"/>, or the retry delay when it states none, on
    /// the given clock: nothing is dropped, only cancellation ends the wait.
    /// </summary>
    internal sealed class RateLimiterPermits(RateLimiter limiter, TimeProvider clock, TimeSpan retryDelay)
    {
        private int _largestGrantable = int.MaxValue;

        /// <summary>
        /// Waits until the limiter grants permits for up to <paramref name="messages"/> messages; returns the lease (to
        /// dispose once the request is answered, so a concurrency limiter counts messages in flight) and how many
        /// messages it covers (fewer when the limiter cannot grant that many at once).
        /// </summary>
        /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
        /// <exception cref="Exception">Whatever the limiter threw (a distributed limiter's store unreachable, say).</exception>
        public async Task<(RateLimitLease Lease, int Messages)> AcquireAsync(int messages, CancellationToken cancellationToken)
        {
            while (true)
            {
                var permits = Math.Min(messages, Volatile.Read(ref _largestGrantable));
                RateLimitLease lease;
                try
                {
                    lease = await limiter.AcquireAsync(permits, cancellationToken).ConfigureAwait(false);
                }
                catch (ArgumentOutOfRangeException) when (permits > 1 && !cancellationToken.IsCancellationRequested)
                {
                    ShrinkBelow(permits);
                    continue;
                }

                if (lease.IsAcquired)
                {
                    return (lease, permits);
                }

                var wait = RetryAfter(lease) ?? retryDelay;
                lease.Dispose();
                await clock.DelayAsync(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        private void ShrinkBelow(int refused)
        {
            var smaller = refused / 2;
            int current;
            do
            {
                current = Volatile.Read(ref _largestGrantable);
            }
            while (smaller < current && Interlocked.CompareExchange(ref _largestGrantable, smaller, current) != current);
        }

        /// <summary>
        /// The lease's own retry hint, when it gives one as a <see cref="TimeSpan"/> (the in-box limiters do; some
        /// distributed ones put whole seconds there, too coarse to pace by, so only a TimeSpan is taken).
        /// </summary>
        private static TimeSpan? RetryAfter(RateLimitLease lease) =>
            lease.TryGetMetadata(MetadataName.RetryAfter.Name, out var hint) && hint is TimeSpan after && after > TimeSpan.Zero ? after : null;
    }
}
