using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Routing
{
    /// <summary>
    /// <see cref="RoutingOptions.RateLimiters"/>: every send through a gateway takes one permit per recipient from that
    /// gateway account's own limiter, and only from it.
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

        [Fact]
        public void A_limiter_for_a_gateway_the_router_does_not_have_is_named()
        {
            var error = Should.Throw<RequestValidationException>(() => Router(new() { [Gateway.SmsBy] = new ScriptedRateLimiter() }));

            error.Violations.ShouldHaveSingleItem().Field.ShouldBe("RoutingOptions.RateLimiters[\"SmsBy\"]");
        }
    }
}
