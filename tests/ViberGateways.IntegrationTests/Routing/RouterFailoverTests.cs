using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.Sandbox;
using ViberGateways.SmsBy;

namespace ViberGateways.IntegrationTests.Routing
{
    /// <summary>
    /// The router over the real gateway clients and the sandbox, with faults played per gateway: a recipient moves on
    /// only when a gateway certainly stored nothing, and every recipient is stored at most once across all gateways.
    /// Retries wait nothing (a zero base delay): the SDK's retry policy has no clock to fake, and nothing here sleeps.
    /// </summary>
    public class RouterFailoverTests : IClassFixture<SandboxFixture>
    {
        private static long _nextNumber = 1_000_000 + (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() % 8_000_000);
        private readonly SandboxFixture _fixture;

        public RouterFailoverTests(SandboxFixture fixture) => _fixture = fixture.WithoutQueuedFaults();

        private SandboxGateway Sandbox => _fixture.Sandbox;

        /// <summary>A number no other test sends to, so that what the sandbox stored for it is this test's alone.</summary>
        private static string Fresh(string countryAndOperator) => "+" + countryAndOperator + Interlocked.Increment(ref _nextNumber).ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);

        private static void QuickRetries(GatewayOptions options)
        {
            options.Resilience.BaseDelay = TimeSpan.Zero;
            options.Resilience.MaxRetryAttempts = 3;
        }

        private IViberClient AlphaSms(AlphaSmsTransport transport = AlphaSmsTransport.Json, string? key = null, string? fault = null)
        {
            var options = new AlphaSmsOptions { BaseAddress = Sandbox.BaseAddress, ApiKey = key ?? Sandbox.Credentials.AlphaSmsApiKey, Transport = transport };
            QuickRetries(options);
            return ViberClientFactory.Create(options, _fixture.Http(fault is null ? null : new FaultOnEveryRequest(fault)));
        }

        private IViberClient LiveAll(string? fault = null)
        {
            var options = new LiveAllOptions { BaseAddress = Sandbox.BaseAddress, ApiKey = Sandbox.Credentials.LiveAllApiToken };
            QuickRetries(options);
            return ViberClientFactory.Create(options, _fixture.Http(fault is null ? null : new FaultOnEveryRequest(fault)));
        }

        private IViberClient SmsBy(string? fault = null)
        {
            var options = new SmsByOptions { BaseAddress = Sandbox.BaseAddress, ApiKey = Sandbox.Credentials.SmsByToken, QuickMessageSenderId = 7 };
            QuickRetries(options);
            return ViberClientFactory.Create(options, _fixture.Http(fault is null ? null : new FaultOnEveryRequest(fault)));
        }

        private static ViberMessage Text(params string[] recipients) => new() { Recipients = recipients.ToList(), Sender = "Shop", Text = "Hello" };

        /// <summary>How many messages the sandbox stored for a recipient, per gateway (<c>AlphaSMS</c>, <c>LiveAll</c>, <c>SMS.by</c>).</summary>
        private Dictionary<string, int> Stored(string recipient)
        {
            var digits = PhoneNumber.Parse(recipient).Digits;
            return Sandbox.Messages.Where(m => m.Recipient == digits).GroupBy(m => m.Gateway).ToDictionary(g => g.Key, g => g.Count());
        }

        private static string[] Tried(SendResult result) => result.Attempts.Select(a => $"{a.Gateway} {a.Outcome}").ToArray();

        [Fact]
        public async Task AlphaSms_unavailable_on_every_attempt_moves_the_recipient_to_LiveAll_which_stores_it_once()
        {
            var recipient = Fresh("38097");
            var router = new ViberRouter(new[] { AlphaSms(fault: "503"), LiveAll() }, new RoutingOptions { Failover = { Gateway.AlphaSms, Gateway.LiveAll } });

            var result = (await router.SendAsync(Text(recipient))).Single();

            Tried(result).ShouldBe(new[] { "AlphaSms NotSent", "LiveAll Accepted" });
            result.Gateway.ShouldBe(Gateway.LiveAll);
            result.Reference.ShouldNotBeNull().Gateway.ShouldBe(Gateway.LiveAll);
            Stored(recipient).ShouldBe(new Dictionary<string, int> { ["LiveAll"] = 1 });
            Sandbox.Requests.Count(r => r.Fault == "503" && r.Path.Contains("json.php")).ShouldBeGreaterThanOrEqualTo(4, "every attempt of AlphaSMS was refused");
        }

        [Theory]
        [InlineData(AlphaSmsTransport.Json, "malformed", 1)]
        [InlineData(AlphaSmsTransport.Http, "drop-after", 1)]
        [InlineData(AlphaSmsTransport.Http, "drop", 0)]
        public async Task An_AlphaSms_send_of_unknown_outcome_goes_to_no_second_gateway(AlphaSmsTransport transport, string fault, int storedAtAlphaSms)
        {
            var recipient = Fresh("38097");
            Sandbox.InjectFault(SandboxFault.Parse(fault), transport == AlphaSmsTransport.Json ? "json.php" : "http.php");
            var router = new ViberRouter(new[] { AlphaSms(transport), LiveAll(), SmsBy() }, new RoutingOptions { FailoverOnRejection = true });
            var liveAllBefore = Sandbox.Messages.Count(m => m.Gateway == "LiveAll");

            var result = (await router.SendAsync(Text(recipient))).Single();

            result.Outcome.ShouldBe(SendOutcome.Unknown);
            Tried(result).ShouldBe(new[] { "AlphaSms Unknown" });
            Sandbox.Messages.Count(m => m.Gateway == "LiveAll").ShouldBe(liveAllBefore, "LiveAll stored nothing");
            Stored(recipient).GetValueOrDefault("AlphaSMS").ShouldBe(storedAtAlphaSms);
            Stored(recipient).Keys.ShouldNotContain("LiveAll");
            Stored(recipient).Keys.ShouldNotContain("SMS.by");
        }

        [Fact]
        public async Task A_client_id_follows_its_recipient_across_gateways_so_a_failed_over_recipient_is_no_duplicate()
        {
            var first = Fresh("38097");
            var second = Fresh("37529");
            var clientId = 7_000_000_000 + Interlocked.Increment(ref _nextNumber) * 10;
            var router = new ViberRouter(new[] { AlphaSms(), SmsBy(fault: "503") },
                new RoutingOptions { Routes = { ["380"] = new List<Gateway> { Gateway.AlphaSms }, ["375"] = new List<Gateway> { Gateway.SmsBy } }, Failover = { Gateway.AlphaSms } });
            var message = Text(first, second);
            message.ClientId = clientId;

            var results = await router.SendAsync(message);

            results.Select(Tried).ShouldBe(new[] { new[] { "AlphaSms Accepted" }, new[] { "SmsBy NotSent", "AlphaSms Accepted" } });
            results.Select(r => r.Reference!.ClientId).ShouldBe(new long?[] { clientId, clientId + 1 }, "each recipient keeps ClientId + its position in the message");
            Stored(first).ShouldBe(new Dictionary<string, int> { ["AlphaSMS"] = 1 });
            Stored(second).ShouldBe(new Dictionary<string, int> { ["AlphaSMS"] = 1 });
        }

        [Fact]
        public async Task A_resend_with_an_existing_client_id_over_xml_is_accepted_and_never_fails_over_even_on_rejection()
        {
            var recipient = Fresh("38097");
            var clientId = 7_500_000_000 + Interlocked.Increment(ref _nextNumber) * 10;
            var message = Text(recipient);
            message.ClientId = clientId;
            (await AlphaSms(AlphaSmsTransport.Xml).SendAsync(message)).ShouldHaveSingleItem().Outcome.ShouldBe(SendOutcome.Accepted);
            var router = new ViberRouter(new[] { AlphaSms(AlphaSmsTransport.Xml), LiveAll() },
                new RoutingOptions { Failover = { Gateway.AlphaSms, Gateway.LiveAll }, FailoverOnRejection = true });

            var result = (await router.SendAsync(message)).Single();

            // 208 ERR_DUPLICATE, "a message with this id exists" (gateways.md line 51): already sent, so accepted, not a
            // refusal the router could move on from.
            Tried(result).ShouldBe(new[] { "AlphaSms Accepted" });
            result.Reference!.ClientId.ShouldBe(clientId);
            Stored(recipient).ShouldBe(new Dictionary<string, int> { ["AlphaSMS"] = 1 });
        }

        [Fact]
        public async Task With_every_gateway_down_the_recipient_is_not_sent_with_every_attempt_listed_and_nothing_stored()
        {
            var recipient = Fresh("38097");
            var router = new ViberRouter(new[] { AlphaSms(fault: "503"), LiveAll(fault: "503"), SmsBy(fault: "503") });

            var result = (await router.SendAsync(Text(recipient))).Single();

            result.Outcome.ShouldBe(SendOutcome.NotSent);
            Tried(result).ShouldBe(new[] { "AlphaSms NotSent", "LiveAll NotSent", "SmsBy NotSent" });
            result.Attempts.ShouldAllBe(a => a.Error != null);
            Stored(recipient).ShouldBeEmpty();
        }

        [Fact]
        public async Task An_AlphaSms_refusal_of_a_wrong_key_moves_on_to_LiveAll_only_when_asked()
        {
            var stays = Fresh("38097");
            var movesOn = Fresh("38097");
            var strict = new ViberRouter(new[] { AlphaSms(key: "wrong-key"), LiveAll() });
            var lenient = new ViberRouter(new[] { AlphaSms(key: "wrong-key"), LiveAll() }, new RoutingOptions { FailoverOnRejection = true });

            var stayed = (await strict.SendAsync(Text(stays))).Single();
            var movedOn = (await lenient.SendAsync(Text(movesOn))).Single();

            Tried(stayed).ShouldBe(new[] { "AlphaSms Rejected" });
            Stored(stays).ShouldBeEmpty();
            Tried(movedOn).ShouldBe(new[] { "AlphaSms Rejected", "LiveAll Accepted" });
            Stored(movesOn).ShouldBe(new Dictionary<string, int> { ["LiveAll"] = 1 });
        }

        [Fact]
        public async Task Each_recipient_is_sent_through_its_calling_codes_gateway_once()
        {
            var ukraine = Fresh("38097");
            var belarus = Fresh("37529");
            var greece = Fresh("3069");
            var options = new RoutingOptions
            {
                Routes =
                {
                    ["380"] = new List<Gateway> { Gateway.AlphaSms },
                    ["375"] = new List<Gateway> { Gateway.SmsBy },
                    ["30"] = new List<Gateway> { Gateway.LiveAll },
                },
            };
            var router = new ViberRouter(new[] { AlphaSms(), LiveAll(), SmsBy() }, options);

            var results = await router.SendAsync(Text(ukraine, belarus, greece));

            results.Select(r => (r.Recipient, r.Outcome, r.Gateway)).ShouldBe(new[]
            {
                (ukraine, SendOutcome.Accepted, Gateway.AlphaSms),
                (belarus, SendOutcome.Accepted, Gateway.SmsBy),
                (greece, SendOutcome.Accepted, Gateway.LiveAll),
            });
            results.ShouldAllBe(r => r.Attempts.Count == 1);
            Stored(ukraine).ShouldBe(new Dictionary<string, int> { ["AlphaSMS"] = 1 });
            Stored(belarus).ShouldBe(new Dictionary<string, int> { ["SMS.by"] = 1 });
            Stored(greece).ShouldBe(new Dictionary<string, int> { ["LiveAll"] = 1 });

            _fixture.PassTheWholeTimeline();
            var statuses = await router.GetStatusAsync(results.Select(r => r.Reference!));
            statuses.Select(s => s.Reference.Gateway).ShouldBe(new[] { Gateway.AlphaSms, Gateway.SmsBy, Gateway.LiveAll });
            statuses.ShouldAllBe(s => s.IsFinal);
        }

        /// <summary>Asks the sandbox to play a fault on every request through this client (<c>X-Sandbox-Fault</c>), retries included.</summary>
        private sealed class FaultOnEveryRequest : DelegatingHandler
        {
            private readonly string _fault;

            public FaultOnEveryRequest(string fault) => _fault = fault;

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                request.Headers.Remove(SandboxGateway.FaultHeader);
                request.Headers.Add(SandboxGateway.FaultHeader, _fault);
                return base.SendAsync(request, cancellationToken);
            }
        }
    }
}
