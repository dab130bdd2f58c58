using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Pacing
{
    /// <summary>
    /// <see cref="BulkSendOptions.RateLimiter"/>: every request takes one permit per message before it goes out, from
    /// whatever limiter the caller shares. Limiters replenished by hand and a fake clock decide every step; nothing
    /// here waits on the wall clock.
    /// </summary>
    public class RateLimitedBulkSendTests
    {
        private static readonly ViberMessage Campaign = new() { Text = "Sale starts today" };

        private static IEnumerable<string> Numbers(int count) => Enumerable.Range(0, count).Select(i => $"38050{i:D7}");

        [Fact]
        public async Task A_limiter_granting_ten_permits_per_replenishment_lets_one_request_of_ten_go_per_replenishment()
        {
            var tokenBucket = new HandReplenishedRateLimiter(limit: 10, perReplenishment: 10);
            var limiter = new ScriptedRateLimiter(tokenBucket);
            var gateway = new AcceptingLiveAllGateway();

            var sending = gateway.Client()
                .SendBulkAsync(Campaign, Numbers(30), new BulkSendOptions { RateLimiter = limiter, MaxRecipientsPerRequest = 10, MaxConcurrentRequests = 3 })
                .ToListAsync();

            // The full bucket lets one request go; the other two wait in the limiter, which nothing refills but the test.
            await gateway.ArrivedAsync();
            await limiter.AskedAsync(3);
            gateway.Requests.Count.ShouldBe(1);
            tokenBucket.QueuedPermits.ShouldBe(20);

            tokenBucket.Replenish();
            await gateway.ArrivedAsync();
            gateway.Requests.Count.ShouldBe(2);
            tokenBucket.QueuedPermits.ShouldBe(10);

            tokenBucket.Replenish();
            var results = await sending;

            gateway.Requests.Select(r => r.Count).ShouldBe(new[] { 10, 10, 10 });
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted);
            gateway.Recipients.ShouldBe(Numbers(30), ignoreOrder: true);
            limiter.PermitsGranted.ShouldBe(30);
        }

        [Fact]
        public async Task A_request_larger_than_the_limiter_can_grant_is_split_and_takes_a_permit_per_message()
        {
            var limiter = new ScriptedRateLimiter { PermitLimit = 5 };
            var gateway = new AcceptingLiveAllGateway();

            var results = await gateway.Client()
                .SendBulkAsync(Campaign, Numbers(20), new BulkSendOptions { RateLimiter = limiter, MaxRecipientsPerRequest = 10, MaxConcurrentRequests = 1 })
                .ToListAsync();

            // 10 is refused outright, so every request from then on asks for half as many.
            limiter.Asked.ShouldBe(new[] { 10, 5, 5, 5, 5 });
            gateway.Requests.Select(r => r.Count).ShouldBe(new[] { 5, 5, 5, 5 });
            results.Select(r => r.Request).Distinct().Count().ShouldBe(4);
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted);
            gateway.Recipients.ShouldBe(Numbers(20), ignoreOrder: true);
            limiter.PermitsGranted.ShouldBe(20);
        }

        [Theory]
        [InlineData(2000, 2000)]
        [InlineData(null, 300)]
        public async Task A_refused_lease_is_asked_for_again_after_its_retry_after_or_the_retry_delay_and_loses_no_message(int? retryAfterMs, int expectedWaitMs)
        {
            var clock = new WatchedClock();
            var limiter = new ScriptedRateLimiter { Refusals = 2, RetryAfter = retryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null };
            var gateway = new AcceptingLiveAllGateway();
            var options = new BulkSendOptions { RateLimiter = limiter, RateLimiterRetryDelay = TimeSpan.FromMilliseconds(300), MaxRecipientsPerRequest = 10, MaxConcurrentRequests = 1, TimeProvider = clock };

            var sending = gateway.Client().SendBulkAsync(Campaign, Numbers(10), options).ToListAsync();

            for (var refusal = 1; refusal <= 2; refusal++)
            {
                (await clock.NextWaitAsync()).ShouldBe(TimeSpan.FromMilliseconds(expectedWaitMs));
                gateway.Requests.ShouldBeEmpty();
                clock.Advance(TimeSpan.FromMilliseconds(expectedWaitMs));
            }

            var results = await sending;
            limiter.Asked.ShouldBe(new[] { 10, 10, 10 });
            gateway.Requests.Count.ShouldBe(1);
            results.Count.ShouldBe(10);
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted);
            limiter.PermitsGranted.ShouldBe(10);
        }

        [Fact]
        public async Task Cancelled_while_waiting_for_permits_the_waiting_recipients_are_reported_not_sent()
        {
            var clock = new WatchedClock();
            var limiter = new ScriptedRateLimiter { Refusals = int.MaxValue };
            var gateway = new AcceptingLiveAllGateway();
            using var cancel = new CancellationTokenSource();
            var results = new List<SendResult>();
            Exception? ending = null;

            var sending = Task.Run(async () =>
            {
                try
                {
                    await foreach (var result in gateway.Client().SendBulkAsync(Campaign, Numbers(10).ToAsyncEnumerable(),
                        new BulkSendOptions { RateLimiter = limiter, MaxRecipientsPerRequest = 10, TimeProvider = clock }, cancel.Token))
                    {
                        results.Add(result);
                    }
                }
                catch (Exception end)
                {
                    ending = end;
                }
            });
            await clock.NextWaitAsync();
            cancel.Cancel();
            await sending;

            ending.ShouldBeOfType<BulkSendCanceledException>();
            results.Count.ShouldBe(10);
            results.ShouldAllBe(r => r.Outcome == SendOutcome.NotSent && r.Error!.Contains("cancelled before this request went out"));
            gateway.Requests.ShouldBeEmpty();
        }

        [Fact]
        public async Task A_limiter_that_fails_stops_the_send_and_the_results_end_with_its_exception()
        {
            var unreachable = new InvalidOperationException("the limiter's store is unreachable");
            var limiter = new ScriptedRateLimiter { Failure = unreachable };
            var gateway = new AcceptingLiveAllGateway();
            var results = new List<SendResult>();

            var error = await Should.ThrowAsync<InvalidOperationException>(async () =>
            {
                await foreach (var result in gateway.Client().SendBulkAsync(Campaign, Numbers(25), new BulkSendOptions { RateLimiter = limiter, MaxRecipientsPerRequest = 10 }))
                {
                    results.Add(result);
                }
            });

            error.ShouldBeSameAs(unreachable);
            results.Count.ShouldBe(25);
            results.ShouldAllBe(r => r.Outcome == SendOutcome.NotSent && r.Error!.Contains("the rate limiter failed: the limiter's store is unreachable"));
            gateway.Requests.ShouldBeEmpty();
        }

        [Fact]
        public void A_retry_delay_of_zero_fails_at_the_call_naming_the_option()
        {
            var error = Should.Throw<RequestValidationException>(() => new AcceptingLiveAllGateway().Client()
                .SendBulkAsync(Campaign, Numbers(1), new BulkSendOptions { RateLimiter = new ScriptedRateLimiter(), RateLimiterRetryDelay = TimeSpan.Zero }));

            error.Violations.ShouldHaveSingleItem().Field.ShouldBe("options.RateLimiterRetryDelay");
        }
    }
}
