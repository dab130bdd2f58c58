using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Reliability
{
    /// <summary>
    /// A <c>Retry-After</c> given as a date is read on the policy's clock, for the wait and for the cap alike, never
    /// on the system clock, so the caller's <see cref="GatewayResilienceOptions.TimeProvider"/> decides both.
    /// </summary>
    public class RetryAfterDateTests
    {
        private const string Accepted = """{"success":true,"data":[{"success":true,"data":{"id":1700000000123456,"msg_id":987654321,"data":1,"parts":1}}]}""";
        private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan TotalTimeout = TimeSpan.FromMinutes(5);

        [Fact]
        public async Task A_retry_after_date_is_waited_out_on_the_policys_clock_and_the_message_sent_again()
        {
            var clock = new WatchedClock();
            var gateway = new StubGateway()
                .Reply(() => Unavailable(until: clock.GetUtcNow() + TimeSpan.FromSeconds(7)))
                .Reply(Accepted);

            var sending = SendAsync(gateway, clock);

            (await clock.NextWaitAsync(AttemptTimeout, TotalTimeout)).ShouldBe(TimeSpan.FromSeconds(7));
            sending.IsCompleted.ShouldBeFalse("the retry waits for the clock");
            clock.Advance(TimeSpan.FromSeconds(7));
            var result = await sending;

            result.Outcome.ShouldBe(SendOutcome.Accepted);
            gateway.Requests.Count.ShouldBe(2);
        }

        [Fact]
        public async Task A_retry_after_date_beyond_the_cap_on_the_policys_clock_ends_in_not_sent_with_the_delay()
        {
            var clock = new WatchedClock();
            var gateway = new StubGateway().Reply(() => Unavailable(until: clock.GetUtcNow() + TimeSpan.FromMinutes(2)));

            var result = await SendAsync(gateway, clock);

            result.Outcome.ShouldBe(SendOutcome.NotSent);
            result.Failure.ShouldBeOfType<GatewayUnavailableException>().RetryAfter.ShouldBe(TimeSpan.FromMinutes(2));
            gateway.Requests.Count.ShouldBe(1);
        }

        private static HttpResponseMessage Unavailable(DateTimeOffset until) => new(HttpStatusCode.ServiceUnavailable)
        {
            Content = new StringContent("busy"),
            Headers = { RetryAfter = new RetryConditionHeaderValue(until) },
        };

        private static async Task<SendResult> SendAsync(StubGateway gateway, TimeProvider clock)
        {
            var options = StubbedAlphaSmsClients.Options(StubbedAlphaSmsClients.Variant.Json);
            options.Resilience = new GatewayResilienceOptions
            {
                TimeProvider = clock,
                AttemptTimeout = AttemptTimeout,
                TotalTimeout = TotalTimeout,
                MaxRetryAfter = TimeSpan.FromSeconds(30),
            };

            // A batch reports each message's outcome instead of throwing it.
            var results = await StubbedAlphaSmsClients.Client(options, gateway).SendAsync(new[]
            {
                new ViberMessage { Recipients = { "380971234567" }, Sender = "Shop", Text = "Hello", ClientId = 1_700_000_000_123_456 },
            });
            return results.ShouldHaveSingleItem();
        }
    }
}
