using System;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Bulk
{
    /// <summary>
    /// The pace of a bulk send: a token bucket holding one request's worth, filled continuously at the messages per
    /// second asked for, kept as the time it will next be empty-handed (the generic cell rate algorithm). Each request
    /// reserves its messages in turn and waits on <see cref="BulkSendOptions.TimeProvider"/> until they are due, so a
    /// test's fake clock paces a send exactly. It stays its own rather than a <c>TokenBucketRateLimiter</c> replenished
    /// by hand from a timer on that clock: such a limiter adds whole periods on the timer's ticks, a schedule quantised
    /// to the period and phased to the timer (and its idle time reads the real clock), where this one lets each
    /// reservation go at its exact due time. A caller's own limiter is <see cref="BulkSendOptions.RateLimiter"/>.
    /// </summary>
    internal sealed class BulkPace
    {
        private readonly TimeProvider _clock;
        private readonly long _started;
        private readonly double _ticksPerMessage;
        private readonly double _burstTicks;
        private readonly object _gate = new object();
        private double _fullAt;

        /// <param name="messagesPerSecond">The long-run rate.</param>
        /// <param name="burst">The bucket's size, in messages: what may go at once after a pause (it starts full).</param>
        /// <param name="clock">The clock the waits run on.</param>
        public BulkPace(double messagesPerSecond, int burst, TimeProvider clock)
        {
            _clock = clock;
            _started = clock.GetTimestamp();
            _ticksPerMessage = TimeSpan.TicksPerSecond / messagesPerSecond;
            _burstTicks = burst * _ticksPerMessage;
        }

        /// <summary>Waits until <paramref name="messages"/> may go; reservations are served in the order they are made.</summary>
        public Task WaitAsync(int messages, CancellationToken cancellationToken)
        {
            TimeSpan wait;
            lock (_gate)
            {
                // _fullAt: when the bucket would next be full again had nothing more been taken. Taking n messages
                // pushes it n messages' worth later; they may go once at most one bucket's worth is then owed.
                var now = (double)_clock.GetElapsedTime(_started).Ticks;
                var owedFrom = Math.Max(_fullAt, now);
                _fullAt = owedFrom + messages * _ticksPerMessage;
                wait = TimeSpan.FromTicks((long)Math.Ceiling(Math.Max(0, _fullAt - _burstTicks - now)));
            }

            return wait > TimeSpan.Zero ? _clock.DelayAsync(wait, cancellationToken) : Task.CompletedTask;
        }
    }
}
