using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Routing
{
    /// <summary>
    /// The router over three fake gateways: which gateway each recipient goes to, when it moves on, and that no
    /// recipient reaches a second gateway once one may have taken the message.
    /// </summary>
    public class ViberRouterTests
    {
        private const string Ukraine = "+380971234567";
        private const string Kyivstar = "+380501234567";
        private const string Belarus = "+375291234567";
        private const string Greece = "+306912345678";

        private readonly FakeViberClient _alphaSms = new(Gateway.AlphaSms);
        private readonly FakeViberClient _liveAll = new(Gateway.LiveAll);
        private readonly FakeViberClient _smsBy = new(Gateway.SmsBy);

        private IEnumerable<FakeViberClient> All => new[] { _alphaSms, _liveAll, _smsBy };

        private ViberRouter Router(RoutingOptions? options = null) => new(All, options);

        private static RoutingOptions Routes(params (string Code, Gateway[] Gateways)[] routes) =>
            new() { Routes = routes.ToDictionary(r => r.Code, r => (IList<Gateway>)r.Gateways.ToList()) };

        private static ViberMessage To(params string[] recipients) => new() { Recipients = recipients.ToList(), Sender = "Shop", Text = "Hello" };

        private static string Digits(string number) => PhoneNumber.Parse(number).Digits;

        private static string[] Tried(SendResult result) => result.Attempts.Select(a => a.ToString().Split(' ')[0] + " " + a.Outcome).ToArray();

        [Fact]
        public async Task Each_recipient_goes_to_the_gateway_of_its_longest_matching_calling_code()
        {
            var router = Router(Routes(("3", new[] { Gateway.LiveAll }), ("380", new[] { Gateway.AlphaSms }), ("38050", new[] { Gateway.SmsBy })));

            var results = await router.SendAsync(To(Ukraine, Kyivstar, Greece));

            results.Select(r => r.Gateway).ShouldBe(new[] { Gateway.AlphaSms, Gateway.SmsBy, Gateway.LiveAll });
            _alphaSms.SentTo.ShouldBe(new[] { Digits(Ukraine) });
            _smsBy.SentTo.ShouldBe(new[] { Digits(Kyivstar) });
            _liveAll.SentTo.ShouldBe(new[] { Digits(Greece) });
            router.RouteOf(Kyivstar).ShouldBe(new[] { Gateway.SmsBy, Gateway.AlphaSms, Gateway.LiveAll });
        }

        [Fact]
        public void A_route_key_may_be_written_with_a_plus_and_unrouted_numbers_follow_the_failover_order()
        {
            var options = Routes(("+375", new[] { Gateway.SmsBy }));
            options.Failover = new List<Gateway> { Gateway.LiveAll, Gateway.AlphaSms };

            var router = Router(options);

            router.RouteOf(Belarus).ShouldBe(new[] { Gateway.SmsBy, Gateway.LiveAll, Gateway.AlphaSms });
            router.RouteOf(Greece).ShouldBe(new[] { Gateway.LiveAll, Gateway.AlphaSms });
            Router().RouteOf(Greece).ShouldBe(new[] { Gateway.AlphaSms, Gateway.LiveAll, Gateway.SmsBy });
        }

        [Fact]
        public async Task Via_replaces_the_routes_and_is_tried_in_its_order()
        {
            _smsBy.Answer(Ukraine, SendOutcome.NotSent);
            var router = Router(Routes(("380", new[] { Gateway.AlphaSms })));

            var result = (await router.SendAsync(To(Ukraine), new[] { Gateway.SmsBy, Gateway.LiveAll })).Single();

            Tried(result).ShouldBe(new[] { "SmsBy: NotSent", "LiveAll: Accepted" });
            _alphaSms.Sends.ShouldBeEmpty();
        }

        [Fact]
        public async Task An_empty_or_unconfigured_via_and_an_invalid_recipient_are_refused_before_anything_is_sent()
        {
            var router = new ViberRouter(new[] { _alphaSms, _liveAll });

            var error = await Should.ThrowAsync<RequestValidationException>(() =>
                router.SendAsync(To(Ukraine, "+38 (097) 12x", ""), new[] { Gateway.LiveAll, Gateway.SmsBy }));
            var empty = await Should.ThrowAsync<RequestValidationException>(() => router.SendAsync(To(Ukraine), Array.Empty<Gateway>()));
            var none = await Should.ThrowAsync<RequestValidationException>(() => router.SendAsync(To()));

            error.Violations.Select(v => v.Field).ShouldBe(new[] { "via[1]", "message.Recipients[1]", "message.Recipients[2]" });
            error.Violations[0].Message.ShouldContain("SmsBy is not configured; configured: AlphaSms, LiveAll");
            empty.Violations.Single().Field.ShouldBe("via");
            none.Violations.Single().Field.ShouldBe("message.Recipients");
            All.SelectMany(g => g.Sends).ShouldBeEmpty();
        }

        [Fact]
        public async Task Not_sent_moves_on_to_the_next_gateway_which_gets_the_recipient_exactly_once()
        {
            _alphaSms.Answer(Ukraine, SendOutcome.NotSent);

            var result = (await Router().SendAsync(To(Ukraine))).Single();

            result.Outcome.ShouldBe(SendOutcome.Accepted);
            result.Gateway.ShouldBe(Gateway.LiveAll);
            result.Reference!.Gateway.ShouldBe(Gateway.LiveAll);
            Tried(result).ShouldBe(new[] { "AlphaSms: NotSent", "LiveAll: Accepted" });
            result.Attempts[0].Error.ShouldBe("AlphaSms is unavailable");
            _liveAll.SentTo.ShouldBe(new[] { Digits(Ukraine) });
            _smsBy.Sends.ShouldBeEmpty();
        }

        [Fact]
        public async Task A_client_that_throws_unavailable_is_read_as_not_sent_and_moved_on()
        {
            _alphaSms.SendThrows = () => new GatewayUnavailableException("HTTP 503 after 4 attempts", 503, null, null);

            var result = (await Router().SendAsync(To(Ukraine))).Single();

            Tried(result).ShouldBe(new[] { "AlphaSms: NotSent", "LiveAll: Accepted" });
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task An_unknown_outcome_never_moves_on(bool thrown)
        {
            _alphaSms.Answer(Ukraine, SendOutcome.Unknown);
            if (thrown)
            {
                _alphaSms.SendThrows = () => new GatewayOutcomeUnknownException("no reply within 30 s", 0, null);
            }

            var result = (await Router(new RoutingOptions { FailoverOnRejection = true }).SendAsync(To(Ukraine))).Single();

            result.Outcome.ShouldBe(SendOutcome.Unknown);
            Tried(result).ShouldBe(new[] { "AlphaSms: Unknown" });
            _liveAll.Sends.ShouldBeEmpty();
            _smsBy.Sends.ShouldBeEmpty();
        }

        [Fact]
        public async Task When_every_gateway_is_down_the_recipient_is_not_sent_with_every_attempt_in_order()
        {
            foreach (var gateway in All)
            {
                gateway.Answer(Ukraine, SendOutcome.NotSent);
            }

            var result = (await Router().SendAsync(To(Ukraine))).Single();

            result.Outcome.ShouldBe(SendOutcome.NotSent);
            result.Gateway.ShouldBe(Gateway.SmsBy);
            Tried(result).ShouldBe(new[] { "AlphaSms: NotSent", "LiveAll: NotSent", "SmsBy: NotSent" });
            All.ShouldAllBe(g => g.SentTo.SequenceEqual(new[] { Digits(Ukraine) }));
        }

        [Theory]
        [InlineData(false, new[] { "AlphaSms: Rejected" })]
        [InlineData(true, new[] { "AlphaSms: Rejected", "LiveAll: Accepted" })]
        public async Task A_refusal_moves_on_only_with_failover_on_rejection(bool failoverOnRejection, string[] tried)
        {
            _alphaSms.Answer(Ukraine, SendOutcome.Rejected);

            var result = (await Router(new RoutingOptions { FailoverOnRejection = failoverOnRejection }).SendAsync(To(Ukraine))).Single();

            Tried(result).ShouldBe(tried);
            _liveAll.Sends.Count.ShouldBe(failoverOnRejection ? 1 : 0);
        }

        [Fact]
        public async Task A_thrown_refusal_is_a_rejection()
        {
            _alphaSms.SendThrows = () => new GatewayRejectedException("Wrong API key", "401", "Wrong API key", null);

            var stays = (await Router().SendAsync(To(Ukraine))).Single();
            var movesOn = (await Router(new RoutingOptions { FailoverOnRejection = true }).SendAsync(To(Ukraine))).Single();

            Tried(stays).ShouldBe(new[] { "AlphaSms: Rejected" });
            stays.Failure.ShouldBeOfType<GatewayRejectedException>();
            Tried(movesOn).ShouldBe(new[] { "AlphaSms: Rejected", "LiveAll: Accepted" });
        }

        [Theory]
        [InlineData(true, new[] { "AlphaSms: Rejected", "LiveAll: Accepted" })]
        [InlineData(false, new[] { "AlphaSms: Rejected" })]
        public async Task A_message_a_gateway_cannot_carry_moves_on_or_is_rejected_as_configured(bool failoverWhenUnsupported, string[] tried)
        {
            _alphaSms.SendThrows = () => Unsupported("ImageUrl", "AlphaSms XML cannot carry an image");
            var options = Routes(("30", new[] { Gateway.LiveAll }));
            options.Failover = new List<Gateway> { Gateway.AlphaSms, Gateway.LiveAll };
            options.FailoverWhenUnsupported = failoverWhenUnsupported;

            // Greece goes to LiveAll, which takes it: something is sent in either case, so nothing is thrown.
            var results = await Router(options).SendAsync(To(Ukraine, Greece));

            Tried(results[0]).ShouldBe(tried);
            results[0].Outcome.ShouldBe(failoverWhenUnsupported ? SendOutcome.Accepted : SendOutcome.Rejected);
            if (!failoverWhenUnsupported)
            {
                results[0].Failure.ShouldBeOfType<RequestValidationException>().Violations.Single().Field.ShouldBe("ImageUrl");
            }
        }

        [Fact]
        public async Task A_message_no_gateway_can_carry_is_thrown_with_every_gateways_reasons_and_nothing_is_sent()
        {
            _alphaSms.SendThrows = () => Unsupported("ImageUrl", "cannot carry an image");
            _liveAll.SendThrows = () => Unsupported("Button", "LiveAll: a button needs an image");
            _smsBy.SendThrows = () => Unsupported("ImageUrl", "cannot carry an image");

            var error = await Should.ThrowAsync<RequestValidationException>(() => Router().SendAsync(To(Ukraine, Greece)));

            error.Violations.Select(v => v.ToString()).ShouldBe(new[]
            {
                "ImageUrl: AlphaSms: cannot carry an image (unsupported)",
                "Button: LiveAll: a button needs an image (unsupported)",
                "ImageUrl: SmsBy: cannot carry an image (unsupported)",
            });
        }

        [Fact]
        public async Task Results_keep_the_input_order_and_index_whatever_the_gateways_and_rounds()
        {
            _alphaSms.Answer(Ukraine, SendOutcome.NotSent);
            _liveAll.Answer(Ukraine, SendOutcome.NotSent);
            _alphaSms.Answer(Kyivstar, SendOutcome.NotSent);
            var router = Router(Routes(("375", new[] { Gateway.SmsBy }), ("30", new[] { Gateway.LiveAll })));
            var recipients = new[] { Ukraine, Belarus, Kyivstar, Greece, "+380 97 765 43 21" };

            var results = await router.SendAsync(To(recipients));

            results.Select(r => r.Recipient).ShouldBe(recipients);
            results.Select(r => r.Index).ShouldBe(new long[] { 0, 1, 2, 3, 4 });
            results.Select(r => r.Gateway).ShouldBe(new[] { Gateway.SmsBy, Gateway.SmsBy, Gateway.LiveAll, Gateway.LiveAll, Gateway.AlphaSms });
            results.Select(r => r.Attempts.Count).ShouldBe(new[] { 3, 1, 2, 1, 1 });
        }

        [Fact]
        public async Task No_recipient_reaches_a_gateway_after_one_accepted_it_or_may_have_whatever_the_outcomes()
        {
            var outcomes = Enum.GetValues<SendOutcome>();
            foreach (var onRejection in new[] { false, true })
            {
                foreach (var first in outcomes)
                {
                    foreach (var second in outcomes)
                    {
                        foreach (var third in outcomes)
                        {
                            var gateways = new[] { new FakeViberClient(Gateway.AlphaSms), new FakeViberClient(Gateway.LiveAll), new FakeViberClient(Gateway.SmsBy) };
                            gateways[0].Answer(Ukraine, first);
                            gateways[1].Answer(Ukraine, second);
                            gateways[2].Answer(Ukraine, third);
                            var router = new ViberRouter(gateways, new RoutingOptions { FailoverOnRejection = onRejection });

                            var result = (await router.SendAsync(To(Ukraine))).Single();

                            var reached = gateways.Where(g => g.SentTo.Contains(Digits(Ukraine))).Select(g => g.Gateway).ToList();
                            var because = $"{first}, {second}, {third}, failover on rejection {onRejection}";
                            gateways.ShouldAllBe(g => g.SentTo.Count() <= 1, because);
                            result.Attempts.Select(a => a.Gateway).ShouldBe(reached, because);
                            result.Attempts.SkipLast(1).ShouldAllBe(a => a.Outcome == SendOutcome.NotSent || (onRejection && a.Outcome == SendOutcome.Rejected), because);
                            result.Outcome.ShouldBe(result.Attempts.Last().Outcome, because);
                            result.Gateway.ShouldBe(result.Attempts.Last().Gateway, because);
                        }
                    }
                }
            }
        }

        [Theory]
        [InlineData("crash")]
        [InlineData("short")]
        public async Task A_client_failing_in_an_unknown_way_leaves_its_recipients_unknown_and_keeps_what_the_others_did(string how)
        {
            var broken = new BrokenClient(Gateway.LiveAll, how);
            var router = new ViberRouter(new IViberClient[] { _alphaSms, broken }, Routes(("30", new[] { Gateway.LiveAll })));

            var results = await router.SendAsync(To(Ukraine, Greece));

            results[0].Outcome.ShouldBe(SendOutcome.Accepted);
            results[1].Outcome.ShouldBe(SendOutcome.Unknown);
            Tried(results[1]).ShouldBe(new[] { "LiveAll: Unknown" });
            _alphaSms.SentTo.ShouldBe(new[] { Digits(Ukraine) }, "an unknown outcome never moves on");
        }

        [Fact]
        public async Task Cancelled_between_gateways_the_waiting_recipients_keep_their_not_sent_result()
        {
            using var cancel = new CancellationTokenSource();
            _alphaSms.Answer(Ukraine, SendOutcome.NotSent);
            _alphaSms.OnSend = cancel.Cancel;

            var results = await Router().SendAsync(To(Ukraine, "+380977654321"), cancel.Token);

            Tried(results[0]).ShouldBe(new[] { "AlphaSms: NotSent" });
            results[1].Outcome.ShouldBe(SendOutcome.Accepted);
            _liveAll.Sends.ShouldBeEmpty();
        }

        [Fact]
        public async Task Cancelled_before_anything_may_have_been_sent_throws()
        {
            using var cancel = new CancellationTokenSource();
            _alphaSms.Answer(Ukraine, SendOutcome.NotSent);
            _alphaSms.OnSend = cancel.Cancel;

            await Should.ThrowAsync<OperationCanceledException>(() => Router().SendAsync(To(Ukraine), cancel.Token));
            _liveAll.Sends.ShouldBeEmpty();
        }

        [Fact]
        public async Task Statuses_are_asked_of_each_references_own_gateway_and_kept_in_order()
        {
            MessageReference Ref(Gateway gateway, string id) => new(gateway, "380971234567", gatewayId: id);
            var references = new[] { Ref(Gateway.AlphaSms, "a1"), Ref(Gateway.LiveAll, "l1"), Ref(Gateway.AlphaSms, "a2"), Ref(Gateway.SmsBy, "s1"), Ref(Gateway.LiveAll, "l2") };
            _liveAll.StatusOf = _ => DeliveryState.Delivered;

            var statuses = await Router().GetStatusAsync(references);

            statuses.Select(s => s.Reference).ShouldBe(references);
            statuses.Select(s => s.State).ShouldBe(new[] { DeliveryState.Sent, DeliveryState.Delivered, DeliveryState.Sent, DeliveryState.Sent, DeliveryState.Delivered });
            _alphaSms.StatusQueries.Single().Select(r => r.GatewayId).ShouldBe(new[] { "a1", "a2" });
            _liveAll.StatusQueries.Single().Select(r => r.GatewayId).ShouldBe(new[] { "l1", "l2" });
            _smsBy.StatusQueries.Single().Select(r => r.GatewayId).ShouldBe(new[] { "s1" });
        }

        [Fact]
        public async Task A_reference_of_an_unconfigured_gateway_is_refused_before_any_gateway_is_asked()
        {
            var router = new ViberRouter(new[] { _alphaSms });

            var error = await Should.ThrowAsync<RequestValidationException>(() => router.GetStatusAsync(new[]
            {
                new MessageReference(Gateway.AlphaSms, "380971234567", gatewayId: "1"),
                new MessageReference(Gateway.SmsBy, "375291234567", gatewayId: "2"),
            }));

            error.Violations.Single().ToString().ShouldBe("references[1]: SmsBy is not configured; configured: AlphaSms (configured)");
            _alphaSms.StatusQueries.ShouldBeEmpty();
        }

        [Fact]
        public void Options_naming_a_gateway_without_a_client_or_a_key_that_is_no_calling_code_are_refused_naming_each()
        {
            var options = Routes(("380", new[] { Gateway.AlphaSms, Gateway.SmsBy }), ("38O", new[] { Gateway.AlphaSms }), ("375", Array.Empty<Gateway>()));
            options.Failover = new List<Gateway> { Gateway.LiveAll, (Gateway)7 };

            var error = Should.Throw<RequestValidationException>(() => new ViberRouter(new[] { _alphaSms, _liveAll }, options));

            error.Violations.Select(v => v.Field).ShouldBe(new[]
            {
                "RoutingOptions.Routes[\"380\"][1]", "RoutingOptions.Routes[\"38O\"]", "RoutingOptions.Routes[\"375\"]", "RoutingOptions.Failover[1]",
            });
            error.Violations[0].Message.ShouldBe("SmsBy is not configured (it has no client); configured: AlphaSms, LiveAll");
            error.Violations[3].Message.ShouldStartWith("7 is not a gateway");
        }

        [Fact]
        public void Changing_the_options_after_the_router_was_made_changes_nothing()
        {
            var options = Routes(("380", new[] { Gateway.SmsBy }));
            var router = Router(options);

            options.Routes["380"] = new List<Gateway> { Gateway.LiveAll };
            options.Failover.Add((Gateway)9);

            router.RouteOf(Ukraine).ShouldBe(new[] { Gateway.SmsBy, Gateway.AlphaSms, Gateway.LiveAll });
        }

        private static RequestValidationException Unsupported(string field, string message) =>
            new(new[] { new ValidationViolation(field, "unsupported", message) });

        /// <summary>A gateway client with a bug: it crashes after sending, or answers fewer results than recipients.</summary>
        private sealed class BrokenClient : IViberClient
        {
            private readonly FakeViberClient _inner;
            private readonly string _how;

            public BrokenClient(Gateway gateway, string how)
            {
                _inner = new FakeViberClient(gateway);
                _how = how;
            }

            public Gateway Gateway => _inner.Gateway;

            public async Task<IReadOnlyList<SendResult>> SendAsync(ViberMessage message, CancellationToken cancellationToken = default)
            {
                var results = await _inner.SendAsync(message, cancellationToken);
                return _how == "crash" ? throw new NullReferenceException("after the request went out") : results.Skip(1).ToList();
            }

            public Task<IReadOnlyList<SendResult>> SendAsync(IEnumerable<ViberMessage> messages, CancellationToken cancellationToken = default) => _inner.SendAsync(messages, cancellationToken);

            public IAsyncEnumerable<SendResult> SendBulkAsync(IAsyncEnumerable<ViberMessage> messages, Bulk.BulkSendOptions? options = null, CancellationToken cancellationToken = default) =>
                _inner.SendBulkAsync(messages, options, cancellationToken);

            public IAsyncEnumerable<SendResult> SendBulkAsync(ViberMessage message, IAsyncEnumerable<string> recipients, Bulk.BulkSendOptions? options = null, CancellationToken cancellationToken = default) =>
                _inner.SendBulkAsync(message, recipients, options, cancellationToken);

            public Task<IReadOnlyList<DeliveryStatus>> GetStatusAsync(IEnumerable<MessageReference> references, CancellationToken cancellationToken = default) => _inner.GetStatusAsync(references, cancellationToken);

            public Task<AccountBalance> GetBalanceAsync(CancellationToken cancellationToken = default) => _inner.GetBalanceAsync(cancellationToken);

            public Task<IReadOnlyList<SenderInfo>> GetSendersAsync(CancellationToken cancellationToken = default) => _inner.GetSendersAsync(cancellationToken);
        }
    }
}
