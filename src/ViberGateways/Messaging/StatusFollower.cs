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
        /// <summary>
        /// Checks the references (as <see cref="Checked"/>) and the options now, so that a mistake is thrown by the call
        /// that made it rather than at the first round; then returns the rounds. <paramref name="getStatus"/> answers one
        /// status per reference, in order, or null for one it could not answer this round.
        /// </summary>
        public static IAsyncEnumerable<DeliveryStatus> Follow(
            Func<IReadOnlyList<MessageReference>, CancellationToken, Task<IReadOnlyList<DeliveryStatus?>>> getStatus,
            IEnumerable<MessageReference> references,
            Func<MessageReference, (string Rule, string Message)?> refused,
            StatusPollingOptions? options,
            CancellationToken cancellationToken)
        {
            var all = Checked(references, refused);
            return FollowAsync(getStatus, all.Distinct().ToList(), PollingOf(options ?? new StatusPollingOptions()), cancellationToken);
        }

        /// <summary>
        /// The references as a list, or a <see cref="RequestValidationException"/> naming each one that is null or that
        /// <paramref name="refused"/> gives a rule and reason for (<c>references[2]</c>).
        /// </summary>
        public static List<MessageReference> Checked(IEnumerable<MessageReference> references, Func<MessageReference, (string Rule, string Message)?> refused)
        {
            var all = (references ?? throw new ArgumentNullException(nameof(references))).ToList();
            var violations = new List<ValidationViolation>();
            for (var i = 0; i < all.Count; i++)
            {
                if ((all[i] is null ? ("required", "is null") : refused(all[i])) is { } problem)
                {
                    violations.Add(new ValidationViolation($"references[{i}]", problem.Rule, problem.Message));
                }
            }

            return violations.Count > 0 ? throw new RequestValidationException(violations) : all;
        }

        private static async IAsyncEnumerable<DeliveryStatus> FollowAsync(
            Func<IReadOnlyList<MessageReference>, CancellationToken, Task<IReadOnlyList<DeliveryStatus?>>> getStatus,
            List<MessageReference> open,
            StatusPollingOptions polling,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var clock = polling.TimeProvider;
            var started = clock.GetTimestamp();
            var delay = polling.FirstDelay;
            var last = new Dictionary<MessageReference, DeliveryStatus>();

            while (open.Count > 0)
            {
                // The last round is held when following gives up, not a whole backoff step after it.
                var remaining = polling.GiveUpAfter - clock.GetElapsedTime(started);
                var wait = remaining < delay ? remaining : delay;
                await clock.DelayAsync(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks((long)Math.Min(polling.MaxDelay.Ticks, delay.Ticks * polling.BackoffFactor));

                IReadOnlyList<DeliveryStatus?>? statuses = null;
                try
                {
                    statuses = await getStatus(open, cancellationToken).ConfigureAwait(false);
                }
                catch (GatewayException failure) when (failure is not GatewayRejectedException)
                {
                    // Nothing usable was answered this round (status queries are safe to repeat); the next round asks again.
                }

                if (statuses is not null && statuses.Count != open.Count)
                {
                    throw new InvalidOperationException($"The gateway answered {statuses.Count} statuses for {open.Count} references.");
                }

                var stillOpen = new List<MessageReference>();
                for (var i = 0; i < open.Count; i++)
                {
                    var status = statuses?[i];
                    if (status is { IsFinal: true } or { Unanswerable: true })
                    {
                        yield return status;
                    }
                    else
                    {
                        if (status is not null)
                        {
                            last[open[i]] = status;
                        }

                        stillOpen.Add(open[i]);
                    }
                }

                open = stillOpen;
                if (open.Count > 0 && clock.GetElapsedTime(started) >= polling.GiveUpAfter)
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

        // The longest one timer waits (Task.Delay's limit).
        private static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

        /// <summary>A copy of the options as they are when following starts, checked: changing them later changes nothing.</summary>
        private static StatusPollingOptions PollingOf(StatusPollingOptions options)
        {
            var polling = new StatusPollingOptions
            {
                FirstDelay = options.FirstDelay, BackoffFactor = options.BackoffFactor, MaxDelay = options.MaxDelay,
                GiveUpAfter = options.GiveUpAfter, TimeProvider = options.TimeProvider,
            };
            var violations = new List<ValidationViolation>();
            void Check(bool broken, string option, string rule, string message)
            {
                if (broken)
                {
                    violations.Add(new ValidationViolation(nameof(StatusPollingOptions) + "." + option, rule, message));
                }
            }

            Check(polling.FirstDelay <= TimeSpan.Zero, nameof(options.FirstDelay), "range", $"must be positive, not {polling.FirstDelay}");
            Check(!(polling.BackoffFactor >= 1) || double.IsInfinity(polling.BackoffFactor), nameof(options.BackoffFactor), "range",
                $"must be a finite number of at least 1, not {polling.BackoffFactor}");
            Check(polling.MaxDelay < polling.FirstDelay, nameof(options.MaxDelay), "range", $"must be at least FirstDelay ({polling.FirstDelay}), not {polling.MaxDelay}");
            Check(polling.MaxDelay >= polling.FirstDelay && polling.MaxDelay > LongestWait, nameof(options.MaxDelay), "range",
                $"must be at most {LongestWait} (the longest a timer waits), not {polling.MaxDelay}");
            Check(polling.GiveUpAfter <= TimeSpan.Zero, nameof(options.GiveUpAfter), "range", $"must be positive, not {polling.GiveUpAfter}");
            Check(polling.TimeProvider is null, nameof(options.TimeProvider), "required", "must be set (TimeProvider.System unless a test sets a fake one)");
            return violations.Count > 0 ? throw new RequestValidationException(violations) : polling;
        }
    }
}
