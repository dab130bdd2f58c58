using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways
{
    /// <summary>
    /// Polls the status of a set of messages in rounds, with exponential backoff, until each is final: each round asks
    /// for every message still open in one call, which the gateway client splits into as few requests as its wire allows.
    /// </summary>
    internal static class StatusFollower
    {
        public static async IAsyncEnumerable<DeliveryStatus> FollowAsync(
            Func<IReadOnlyList<MessageReference>, CancellationToken, Task<IReadOnlyList<DeliveryStatus>>> getStatus,
            IEnumerable<MessageReference> references,
            StatusPollingOptions? options,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            options ??= new StatusPollingOptions();
            Check(options);
            var open = (references ?? throw new ArgumentNullException(nameof(references))).Distinct().ToList();
            var clock = options.TimeProvider;
            var started = clock.GetTimestamp();
            var delay = options.FirstDelay;
            var last = new Dictionary<MessageReference, DeliveryStatus>();

            while (open.Count > 0)
            {
                await DelayAsync(clock, delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks((long)Math.Min(options.MaxDelay.Ticks, delay.Ticks * options.BackoffFactor));

                IReadOnlyList<DeliveryStatus>? statuses = null;
                try
                {
                    statuses = await getStatus(open, cancellationToken).ConfigureAwait(false);
                }
                catch (GatewayUnavailableException)
                {
                    // Nothing was answered this round; the next round asks again.
                }

                var stillOpen = new List<MessageReference>();
                for (var i = 0; i < open.Count; i++)
                {
                    if (statuses is not null && statuses[i].IsFinal)
                    {
                        yield return statuses[i];
                    }
                    else
                    {
                        if (statuses is not null)
                        {
                            last[open[i]] = statuses[i];
                        }

                        stillOpen.Add(open[i]);
                    }
                }

                open = stillOpen;
                if (open.Count > 0 && clock.GetElapsedTime(started) >= options.GiveUpAfter)
                {
                    foreach (var reference in open)
                    {
                        yield return last.TryGetValue(reference, out var status)
                            ? status
                            : new DeliveryStatus(reference, DeliveryState.Unknown, "") { Error = "no status was read before following gave up" };
                    }

                    yield break;
                }
            }
        }

        private static Task DelayAsync(TimeProvider clock, TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
            Task.Delay(delay, clock, cancellationToken);
#else
            clock.Delay(delay, cancellationToken);
#endif

        private static void Check(StatusPollingOptions options)
        {
            var violations = new List<ValidationViolation>();
            if (options.FirstDelay < TimeSpan.Zero)
            {
                violations.Add(new ValidationViolation(nameof(StatusPollingOptions) + "." + nameof(options.FirstDelay), "range", "must not be negative"));
            }

            if (options.BackoffFactor < 1 || double.IsNaN(options.BackoffFactor) || double.IsInfinity(options.BackoffFactor))
            {
                violations.Add(new ValidationViolation(nameof(StatusPollingOptions) + "." + nameof(options.BackoffFactor), "range", "must be a finite number of at least 1"));
            }

            if (options.MaxDelay < options.FirstDelay)
            {
                violations.Add(new ValidationViolation(nameof(StatusPollingOptions) + "." + nameof(options.MaxDelay), "range", "must be at least FirstDelay"));
            }

            if (options.GiveUpAfter <= TimeSpan.Zero)
            {
                violations.Add(new ValidationViolation(nameof(StatusPollingOptions) + "." + nameof(options.GiveUpAfter), "range", "must be positive"));
            }

            if (options.TimeProvider is null)
            {
                violations.Add(new ValidationViolation(nameof(StatusPollingOptions) + "." + nameof(options.TimeProvider), "required", "must be set"));
            }

            if (violations.Count > 0)
            {
                throw new RequestValidationException(violations);
            }
        }
    }
}
