using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Routing
{
    /// <summary>
    /// <see cref="RoutingOptions.RateLimiters"/>: every send through a gateway takes one permit per recipient from that
    /// gateway account's own limiter, and only from it. A fake clock decides every wait for a refused lease; nothing
    /// here waits on the wall clock.
    /// </summary>
    public class RouterRateLimiterTests
    {
        private readonly FakeViberClient _alphaSms = new(Gateway.AlphaSms);
        private readonly FakeViberClient _liveAll = new(Gateway.LiveAll);

        private static ViberMessage To(params string[] recipients) => new() { Recipients = recipients.ToList(), Sender = "Shop", Text = "Hello" };

        private static string[] Numbers(string prefix, int count) => Enumerable.Range(0, count).Select(i => $"+{prefix}{i:D7}").ToArray();

        private ViberRouter Router(Dictionary<Gateway, RateLimiter> limiters) => new(new[] { _alphaSms, _liveAll }, new RoutingOptions
        {
            Routes = { ["380"] = new List<Gateway> { Gateway.AlphaSms }, ["375"] = new List<Gateway> { Gateway.LiveAll } },
            RateLimiters = limiters,
        });

        [Fact]
        public async Task Each_gateway_takes_a_permit_per_recipient_from_its_own_limiter()
        {
            var alphaSmsLimiter = new ScriptedRateLimiter();
            var liveAllLimiter = new ScriptedRateLimiter();
            var router = Router(new() { [Gateway.AlphaSms] = alphaSmsLimiter, [Gateway.LiveAll] = liveAllLimiter });

            var results = await router.SendAsync(To(Numbers("38050", 3).Concat(Numbers("37529", 2)).ToArray()));

            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted);
            alphaSmsLimiter.Asked.ShouldBe(new[] { 3 });
            liveAllLimiter.Asked.ShouldBe(new[] { 2 });
            _alphaSms.SentTo.Count().ShouldBe(3);
            _liveAll.SentTo.Count().ShouldBe(2);
        }

        [Fact]
        public async Task A_gateway_without_a_limiter_is_not_held_by_another_gateways_limiter()
        {
            var liveAllLimiter = new ScriptedRateLimiter { Refusals = int.MaxValue };
            var router = Router(new() { [Gateway.AlphaSms] = new ScriptedRateLimiter(), [Gateway.LiveAll] = liveAllLimiter });

            var results = await router.SendAsync(To(Numbers("38050", 2)));

            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted && r.Gateway == Gateway.AlphaSms);
            liveAllLimiter.Asked.ShouldBeEmpty();
        }

        [Fact]
        public async Task Recipients_go_in_parts_the_gateways_limiter_can_grant_and_keep_their_order()
        {
            var limiter = new ScriptedRateLimiter { PermitLimit = 2 };
            var router = Router(new() { [Gateway.AlphaSms] = limiter });
            var recipients = Numbers("38050", 5);

            var results = await router.SendAsync(To(recipients));

            limiter.Asked.ShouldBe(new[] { 5, 2, 2, 1 });
            _alphaSms.Sends.Select(s => s.Count).ShouldBe(new[] { 2, 2, 1 });
            results.Select(r => r.Index).ShouldBe(new long[] { 0, 1, 2, 3, 4 });
            results.Select(r => r.Recipient).ShouldBe(recipients);
            limiter.PermitsGranted.ShouldBe(5);
        }

        [Fact]
        public async Task An_SmsBy_message_to_several_with_its_own_sender_id_split_by_the_limiter_goes_out_as_mailings_from_that_alpha_name()
        {
            var reply = """{"uuid":"cc9c8043-8caf-11ef-b035-9e8f47954dec","success":"OK"}""";
            var gateway = new StubGateway().Reply(() => new HttpResponseMessage { Content = new StringContent(reply) }, times: 3);
            var smsBy = (IViberClient)new ViberGateways.SmsBy.SmsByClient(new ViberGateways.SmsBy.SmsByOptions { ApiKey = StubbedClients.SmsByToken }, gateway.CreateClient("https://smsby.test/"));
            var router = new ViberRouter(new[] { smsBy }, new RoutingOptions
            {
                Routes = { ["375"] = new List<Gateway> { Gateway.SmsBy } },
                RateLimiters = { [Gateway.SmsBy] = new ScriptedRateLimiter { PermitLimit = 2 } },
            });

            var results = await router.SendAsync(new ViberMessage { Recipients = Numbers("37529", 3).ToList(), Text = "Hello", SmsBy = new ViberGateways.SmsBy.SmsByMessageOptions { SenderId = 77 } });

            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted);
            gateway.Requests.Count.ShouldBeGreaterThan(1, "the limiter never grants all three at once");
            gateway.Requests.ShouldAllBe(r => r.Uri.AbsolutePath.EndsWith("/sendBulkViber"), "the lone third recipient is a part of a mailing, not a quick message");
            gateway.Requests.ShouldAllBe(r => r.BodyText.Contains("\"alphaname_id\":\"77\""));
        }

        [Theory]
        [InlineData(2000, 2000)]
        [InlineData(null, 300)]
        public async Task A_refused_lease_is_asked_for_again_after_its_retry_after_or_the_retry_delay_on_the_given_clock(int? retryAfterMs, int expectedWaitMs)
        {
            var clock = new WatchedClock();
            var limiter = new ScriptedRateLimiter { Refusals = 2, RetryAfter = retryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null };
            var router = new ViberRouter(new[] { _alphaSms }, new RoutingOptions
            {
                RateLimiters = { [Gateway.AlphaSms] = limiter },
                RateLimiterRetryDelay = TimeSpan.FromMilliseconds(300),
                TimeProvider = clock,
            });

            var sending = router.SendAsync(To(Numbers("38050", 2)));

            for (var refusal = 1; refusal <= 2; refusal++)
            {
                (await clock.NextWaitAsync()).ShouldBe(TimeSpan.FromMilliseconds(expectedWaitMs));
                _alphaSms.Sends.ShouldBeEmpty();
                clock.Advance(TimeSpan.FromMilliseconds(expectedWaitMs - 1));
                limiter.Asked.Count.ShouldBe(refusal, "asked again before the wait was over");
                clock.Advance(TimeSpan.FromMilliseconds(1));
            }

            var results = await sending;
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted && r.Gateway == Gateway.AlphaSms);
            limiter.Asked.ShouldBe(new[] { 2, 2, 2 });
            _alphaSms.Sends.Count.ShouldBe(1);
        }

        [Fact]
        public async Task A_refused_lease_waits_50_ms_unless_the_retry_delay_is_set()
        {
            var clock = new WatchedClock();
            var router = new ViberRouter(new[] { _alphaSms }, new RoutingOptions
            {
                RateLimiters = { [Gateway.AlphaSms] = new ScriptedRateLimiter { Refusals = 1 } },
                TimeProvider = clock,
            });

            var sending = router.SendAsync(To(Numbers("38050", 1)));

            (await clock.NextWaitAsync()).ShouldBe(TimeSpan.FromMilliseconds(50));
            clock.Advance(TimeSpan.FromMilliseconds(50));
            (await sending).ShouldHaveSingleItem().Outcome.ShouldBe(SendOutcome.Accepted);
        }

        [Fact]
        public async Task A_limiter_that_fails_ends_the_send_with_its_exception_and_nothing_is_sent()
        {
            var failure = new InvalidOperationException("the limiter's store is unreachable");
            var router = new ViberRouter(new[] { _alphaSms }, new RoutingOptions
            {
                RateLimiters = { [Gateway.AlphaSms] = new ScriptedRateLimiter { Failure = failure } },
                TimeProvider = new WatchedClock(),
            });

            var results = await router.SendAsync(To(Numbers("38050", 2)));

            results.Count.ShouldBe(2);
            results.ShouldAllBe(r => r.Outcome == SendOutcome.NotSent && r.Failure == failure);
            results.ShouldAllBe(r => r.Error == "the rate limiter failed: the limiter's store is unreachable");
            _alphaSms.Sends.ShouldBeEmpty();
        }

        [Fact]
        public async Task Recipients_a_failing_limiter_kept_from_going_move_on_to_the_next_gateway()
        {
            var router = Router(new() { [Gateway.AlphaSms] = new ScriptedRateLimiter { Failure = new InvalidOperationException("the limiter's store is unreachable") } });

            var results = await router.SendAsync(To(Numbers("38050", 2)));

            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted && r.Gateway == Gateway.LiveAll);
            results.ShouldAllBe(r => r.Attempts[0].Gateway == Gateway.AlphaSms && r.Attempts[0].Outcome == SendOutcome.NotSent);
            _alphaSms.Sends.ShouldBeEmpty();
            _liveAll.SentTo.Count().ShouldBe(2);
        }

        [Fact]
        public async Task Cancelled_while_waiting_for_the_limiter_the_send_ends_cancelled_and_nothing_is_sent()
        {
            var clock = new WatchedClock();
            var limiter = new ScriptedRateLimiter { Refusals = int.MaxValue };
            var router = new ViberRouter(new[] { _alphaSms, _liveAll }, new RoutingOptions
            {
                RateLimiters = { [Gateway.AlphaSms] = limiter },
                Failover = { Gateway.AlphaSms, Gateway.LiveAll },
                TimeProvider = clock,
            });
            using var cancel = new CancellationTokenSource();

            var sending = router.SendAsync(To(Numbers("38050", 2)), cancel.Token);
            await clock.NextWaitAsync();
            cancel.Cancel();

            await Should.ThrowAsync<OperationCanceledException>(sending);
            limiter.Asked.ShouldBe(new[] { 2 });
            _alphaSms.Sends.ShouldBeEmpty();
            _liveAll.Sends.ShouldBeEmpty("cancelled recipients do not move on");
        }

        [Fact]
        public void A_retry_delay_that_is_not_positive_and_a_missing_clock_are_named()
        {
            var error = Should.Throw<RequestValidationException>(() => new ViberRouter(new[] { _alphaSms }, new RoutingOptions
            {
                RateLimiterRetryDelay = TimeSpan.Zero,
                TimeProvider = null!,
            }));

            error.Violations.Select(v => v.Field).ShouldBe(new[] { "RoutingOptions.RateLimiterRetryDelay", "RoutingOptions.TimeProvider" }, ignoreOrder: true);
        }

        [Fact]
        public void A_limiter_for_a_gateway_the_router_does_not_have_is_named()
        {
            var error = Should.Throw<RequestValidationException>(() => Router(new() { [Gateway.SmsBy] = new ScriptedRateLimiter() }));

            error.Violations.ShouldHaveSingleItem().Field.ShouldBe("RoutingOptions.RateLimiters[\"SmsBy\"]");
        }
    }
}
