using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Following
{
    /// <summary>
    /// Following statuses on a fake clock: rounds happen only when the clock is advanced, waits double up to the cap,
    /// finals come out as they are read, and following gives up on time with the last statuses.
    /// </summary>
    public class StatusFollowerTests
    {
        private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

        private readonly WatchedClock _clock = new();
        private readonly FakeViberClient _gateway = new(Gateway.AlphaSms);
        private readonly Dictionary<string, DeliveryState> _states = new();

        public StatusFollowerTests() => _gateway.StatusOf = r => _states.TryGetValue(r.GatewayId!, out var state) ? state : DeliveryState.Sent;

        private static MessageReference Ref(string id, Gateway gateway = Gateway.AlphaSms) => new(gateway, "380971234567", gatewayId: id);

        private StatusPollingOptions Polling(TimeSpan? giveUpAfter = null) => new()
        {
            FirstDelay = Second,
            BackoffFactor = 2,
            MaxDelay = TimeSpan.FromSeconds(5),
            GiveUpAfter = giveUpAfter ?? TimeSpan.FromHours(1),
            TimeProvider = _clock,
        };

        /// <summary>Lets the follower's current wait pass, and returns the next wait it starts.</summary>
        private async Task<TimeSpan> RoundAsync(TimeSpan wait)
        {
            _clock.Advance(wait);
            return await _clock.NextWaitAsync();
        }

        /// <summary>Asks for the next status, lets one message reach <paramref name="state"/> during the wait, and lets the round happen.</summary>
        private async Task<DeliveryStatus> YieldedAfterARoundAsync(IAsyncEnumerator<DeliveryStatus> statuses, string id, DeliveryState state)
        {
            var next = statuses.MoveNextAsync().AsTask();
            var wait = await _clock.NextWaitAsync();
            _states[id] = state;
            _clock.Advance(wait);
            (await next).ShouldBeTrue();
            return statuses.Current;
        }

        [Fact]
        public async Task Rounds_happen_only_when_the_clock_is_advanced()
        {
            await using var statuses = _gateway.FollowStatusAsync(new[] { Ref("1") }, Polling()).GetAsyncEnumerator();
            var next = statuses.MoveNextAsync().AsTask();

            (await _clock.NextWaitAsync()).ShouldBe(Second);
            _clock.Advance(Second - TimeSpan.FromTicks(1));
            _gateway.StatusQueries.ShouldBeEmpty();

            (await RoundAsync(TimeSpan.FromTicks(1))).ShouldBe(2 * Second);
            _gateway.StatusQueries.Count.ShouldBe(1);
            next.IsCompleted.ShouldBeFalse();

            _states["1"] = DeliveryState.Delivered;
            _clock.Advance(2 * Second);
            (await next).ShouldBeTrue();
            statuses.Current.State.ShouldBe(DeliveryState.Delivered);
            (await statuses.MoveNextAsync()).ShouldBeFalse();
            _gateway.StatusQueries.Count.ShouldBe(2);
        }

        [Fact]
        public async Task Waits_double_up_to_MaxDelay()
        {
            using var stop = new CancellationTokenSource();
            await using var statuses = _gateway.FollowStatusAsync(new[] { Ref("1") }, Polling(), stop.Token).GetAsyncEnumerator();
            var next = statuses.MoveNextAsync().AsTask();

            var waits = new List<TimeSpan> { await _clock.NextWaitAsync() };
            for (var round = 0; round < 5; round++)
            {
                waits.Add(await RoundAsync(waits[^1]));
            }

            waits.ShouldBe(new[] { 1, 2, 4, 5, 5, 5 }.Select(s => TimeSpan.FromSeconds(s)));
            _gateway.StatusQueries.Count.ShouldBe(5);
            next.IsCompleted.ShouldBeFalse();
            stop.Cancel();
            await Should.ThrowAsync<OperationCanceledException>(next);
        }

        [Fact]
        public async Task Finals_are_yielded_as_they_are_read_and_only_open_messages_are_asked_again()
        {
            var references = new[] { Ref("a"), Ref("b"), Ref("c"), Ref("a") };
            await using var statuses = _gateway.FollowStatusAsync(references, Polling()).GetAsyncEnumerator();

            (await YieldedAfterARoundAsync(statuses, "a", DeliveryState.Delivered)).Reference.GatewayId.ShouldBe("a");
            (await YieldedAfterARoundAsync(statuses, "c", DeliveryState.Failed)).Reference.GatewayId.ShouldBe("c");
            (await YieldedAfterARoundAsync(statuses, "b", DeliveryState.Read)).Reference.GatewayId.ShouldBe("b");
            (await statuses.MoveNextAsync()).ShouldBeFalse();

            _gateway.StatusQueries.Select(q => string.Concat(q.Select(r => r.GatewayId))).ShouldBe(new[] { "abc", "bc", "b" });
        }

        [Fact]
        public async Task Giving_up_holds_a_last_round_at_GiveUpAfter_and_yields_the_last_statuses()
        {
            await using var statuses = _gateway.FollowStatusAsync(new[] { Ref("a"), Ref("b") }, Polling(giveUpAfter: TimeSpan.FromSeconds(6))).GetAsyncEnumerator();
            var next = statuses.MoveNextAsync().AsTask();

            var waits = new List<TimeSpan> { await _clock.NextWaitAsync() };
            waits.Add(await RoundAsync(waits[^1]));
            waits.Add(await RoundAsync(waits[^1]));
            // Both delivered by now, but the last round cannot be answered: the statuses read before are reported.
            _states["a"] = _states["b"] = DeliveryState.Delivered;
            _gateway.StatusFailures.Enqueue(new GatewayUnavailableException("503", 503, null, null));
            _clock.Advance(waits[^1]);

            waits.ShouldBe(new[] { 1, 2, 3 }.Select(s => TimeSpan.FromSeconds(s)), "the last wait ends at GiveUpAfter");
            (await next).ShouldBeTrue();
            var given = new List<DeliveryStatus> { statuses.Current };
            while (await statuses.MoveNextAsync())
            {
                given.Add(statuses.Current);
            }

            given.Select(s => (s.Reference.GatewayId!, s.State)).ShouldBe(new[] { ("a", DeliveryState.Sent), ("b", DeliveryState.Sent) });
            _gateway.StatusQueries.Count.ShouldBe(3);
            _clock.HasPendingWait.ShouldBeFalse();
        }

        [Fact]
        public async Task A_message_never_read_before_giving_up_is_unknown_with_the_reason()
        {
            for (var i = 0; i < 3; i++)
            {
                _gateway.StatusFailures.Enqueue(new GatewayUnavailableException("503", 503, null, null));
            }

            await using var statuses = _gateway.FollowStatusAsync(new[] { Ref("a") }, Polling(giveUpAfter: TimeSpan.FromSeconds(3))).GetAsyncEnumerator();
            var next = statuses.MoveNextAsync().AsTask();
            var wait = await _clock.NextWaitAsync();
            wait = await RoundAsync(wait);
            _clock.Advance(wait);

            (await next).ShouldBeTrue();
            statuses.Current.State.ShouldBe(DeliveryState.Unknown);
            statuses.Current.Error.ShouldBe("no status was read before following gave up");
        }

        [Theory]
        [InlineData("unavailable")]
        [InlineData("no reply")]
        [InlineData("unreadable reply")]
        public async Task A_round_the_gateway_could_not_answer_is_asked_again_at_the_next_round(string failure)
        {
            _gateway.StatusFailures.Enqueue(failure switch
            {
                "unavailable" => new GatewayUnavailableException("HTTP 503", 503, null, null),
                "no reply" => new GatewayOutcomeUnknownException("no reply within 30 s", 0, null),
                _ => new GatewayException("The reply could not be read", 502, "<html>Bad gateway</html>", null, null),
            });
            _states["a"] = DeliveryState.Delivered;
            await using var statuses = _gateway.FollowStatusAsync(new[] { Ref("a") }, Polling()).GetAsyncEnumerator();
            var next = statuses.MoveNextAsync().AsTask();

            var wait = await RoundAsync(await _clock.NextWaitAsync());
            next.IsCompleted.ShouldBeFalse();
            wait.ShouldBe(2 * Second, "the backoff goes on");
            _clock.Advance(wait);

            (await next).ShouldBeTrue();
            statuses.Current.State.ShouldBe(DeliveryState.Delivered);
            _gateway.StatusQueries.Count.ShouldBe(2);
        }

        [Fact]
        public async Task A_reference_the_gateway_cannot_ask_about_is_yielded_at_the_first_round_and_never_asked_again()
        {
            _gateway.CannotAsk = r => r.GatewayId == "b";
            _states["a"] = DeliveryState.Sending;
            using var stop = new CancellationTokenSource();
            await using var statuses = _gateway.FollowStatusAsync(new[] { Ref("a"), Ref("b") }, Polling(), stop.Token).GetAsyncEnumerator();
            var next = statuses.MoveNextAsync().AsTask();

            _clock.Advance(await _clock.NextWaitAsync());

            (await next).ShouldBeTrue();
            (statuses.Current.Reference, statuses.Current.State, statuses.Current.Error).ShouldBe((Ref("b"), DeliveryState.Unknown, "no id to ask with"));
            var second = statuses.MoveNextAsync().AsTask();
            _clock.Advance(await _clock.NextWaitAsync());
            await _clock.NextWaitAsync();
            second.IsCompleted.ShouldBeFalse();
            _gateway.StatusQueries.Select(q => q.Count).ShouldBe(new[] { 2, 1 }, "the second round asks only about the open message");
            stop.Cancel();
            await Should.ThrowAsync<OperationCanceledException>(second);
        }

        [Fact]
        public async Task A_refused_query_ends_following_with_the_refusal()
        {
            _gateway.StatusFailures.Enqueue(new GatewayRejectedException("Wrong API key", "401", "Wrong API key", null));
            await using var statuses = _gateway.FollowStatusAsync(new[] { Ref("a") }, Polling()).GetAsyncEnumerator();
            var next = statuses.MoveNextAsync().AsTask();

            _clock.Advance(await _clock.NextWaitAsync());

            await Should.ThrowAsync<GatewayRejectedException>(next);
        }

        [Fact]
        public async Task Cancelling_stops_the_wait()
        {
            using var cancel = new CancellationTokenSource();
            await using var statuses = _gateway.FollowStatusAsync(new[] { Ref("a") }, Polling(), cancel.Token).GetAsyncEnumerator();
            var next = statuses.MoveNextAsync().AsTask();
            await _clock.NextWaitAsync();

            cancel.Cancel();

            await Should.ThrowAsync<OperationCanceledException>(next);
            _gateway.StatusQueries.ShouldBeEmpty();
        }

        public static IEnumerable<object[]> InvalidOptions() => new[]
        {
            new object[] { "FirstDelay", (Action<StatusPollingOptions>)(o => o.FirstDelay = TimeSpan.Zero) },
            new object[] { "FirstDelay", (Action<StatusPollingOptions>)(o => o.FirstDelay = TimeSpan.FromSeconds(-1)) },
            new object[] { "BackoffFactor", (Action<StatusPollingOptions>)(o => o.BackoffFactor = 0.5) },
            new object[] { "BackoffFactor", (Action<StatusPollingOptions>)(o => o.BackoffFactor = double.NaN) },
            new object[] { "BackoffFactor", (Action<StatusPollingOptions>)(o => o.BackoffFactor = double.PositiveInfinity) },
            new object[] { "MaxDelay", (Action<StatusPollingOptions>)(o => o.MaxDelay = TimeSpan.FromMilliseconds(500)) },
            new object[] { "MaxDelay", (Action<StatusPollingOptions>)(o => o.MaxDelay = TimeSpan.FromDays(60)) },
            new object[] { "GiveUpAfter", (Action<StatusPollingOptions>)(o => o.GiveUpAfter = TimeSpan.Zero) },
            new object[] { "TimeProvider", (Action<StatusPollingOptions>)(o => o.TimeProvider = null!) },
        };

        [Theory]
        [MemberData(nameof(InvalidOptions))]
        public void Invalid_options_are_refused_by_the_call_naming_the_option(string option, Action<StatusPollingOptions> spoil)
        {
            var options = Polling();
            spoil(options);

            // Thrown by the call itself, before anything is enumerated, by the client's and the router's following alike.
            var error = Should.Throw<RequestValidationException>(() => _gateway.FollowStatusAsync(new[] { Ref("a") }, options));
            var routed = Should.Throw<RequestValidationException>(() => new ViberRouter(new[] { _gateway }).FollowStatusAsync(new[] { Ref("a") }, options));

            error.Violations.Single().Field.ShouldBe("StatusPollingOptions." + option);
            routed.Violations.Single().Field.ShouldBe("StatusPollingOptions." + option);
            _clock.HasPendingWait.ShouldBeFalse();
        }

        [Fact]
        public void A_null_or_foreign_reference_is_refused_by_the_call()
        {
            var error = Should.Throw<RequestValidationException>(() => _gateway.FollowStatusAsync(new[] { Ref("a"), null!, Ref("c", Gateway.SmsBy) }, Polling()));
            var routed = Should.Throw<RequestValidationException>(() => new ViberRouter(new[] { _gateway }).FollowStatusAsync(new[] { Ref("c", Gateway.SmsBy) }, Polling()));

            error.Violations.Select(v => v.ToString()).ShouldBe(new[] { "references[1]: is null (required)", "references[2]: was sent through SmsBy, not AlphaSms (gateway)" });
            routed.Violations.Single().Field.ShouldBe("references[0]");
        }

        [Fact]
        public async Task Following_through_the_router_yields_one_gateways_finals_while_another_cannot_answer()
        {
            var liveAll = new FakeViberClient(Gateway.LiveAll) { StatusOf = _ => DeliveryState.Delivered };
            _states["a"] = DeliveryState.Read;
            _gateway.StatusFailures.Enqueue(new GatewayUnavailableException("HTTP 503", 503, null, null));
            var router = new ViberRouter(new[] { _gateway, liveAll });
            await using var statuses = router.FollowStatusAsync(new[] { Ref("a"), Ref("l", Gateway.LiveAll) }, Polling()).GetAsyncEnumerator();
            var next = statuses.MoveNextAsync().AsTask();

            _clock.Advance(await _clock.NextWaitAsync());
            (await next).ShouldBeTrue();
            statuses.Current.Reference.Gateway.ShouldBe(Gateway.LiveAll);

            next = statuses.MoveNextAsync().AsTask();
            _clock.Advance(await _clock.NextWaitAsync());
            (await next).ShouldBeTrue();
            statuses.Current.Reference.GatewayId.ShouldBe("a");
            (await statuses.MoveNextAsync()).ShouldBeFalse();
            liveAll.StatusQueries.Count.ShouldBe(1);
            _gateway.StatusQueries.Count.ShouldBe(2);
        }
    }
}
