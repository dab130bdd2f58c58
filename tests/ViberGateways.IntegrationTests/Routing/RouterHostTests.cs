using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;

namespace ViberGateways.IntegrationTests.Routing
{
    /// <summary><c>AddViberGateways</c> in a generic host: the gateway sections and <c>Routing</c> from configuration, against the sandbox.</summary>
    public class RouterHostTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _fixture;

        public RouterHostTests(SandboxFixture fixture) => _fixture = fixture.WithoutQueuedFaults();

        private IHost Host(Dictionary<string, string?> routing)
        {
            var sandbox = _fixture.Sandbox;
            var settings = new Dictionary<string, string?>
            {
                ["AlphaSms:BaseAddress"] = sandbox.BaseAddress.ToString(),
                ["AlphaSms:ApiKey"] = sandbox.Credentials.AlphaSmsApiKey,
                ["AlphaSms:Resilience:BaseDelay"] = "00:00:00",
                ["LiveAll:BaseAddress"] = sandbox.BaseAddress.ToString(),
                ["LiveAll:ApiKey"] = sandbox.Credentials.LiveAllApiToken,
                ["LiveAll:Resilience:BaseDelay"] = "00:00:00",
                ["SmsBy:BaseAddress"] = sandbox.BaseAddress.ToString(),
                ["SmsBy:ApiKey"] = sandbox.Credentials.SmsByToken,
                ["SmsBy:QuickMessageSenderId"] = "7",
                ["SmsBy:Resilience:BaseDelay"] = "00:00:00",
            };
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Concat(routing)).Build();
            return Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder().ConfigureServices(services => services.AddViberGateways(configuration)).Build();
        }

        private static readonly Dictionary<string, string?> Routes = new()
        {
            ["Routing:Routes:380:0"] = "AlphaSms",
            ["Routing:Routes:375:0"] = "SmsBy",
            ["Routing:Routes:30:0"] = "LiveAll",
            ["Routing:Failover:0"] = "LiveAll",
            ["Routing:FailoverOnRejection"] = "true",
        };

        [Fact]
        public async Task The_host_starts_and_resolves_the_router_and_a_keyed_client_per_gateway()
        {
            using var host = Host(Routes);
            await host.StartAsync();

            var router = host.Services.GetRequiredService<ViberRouter>();
            router.Gateways.ShouldBe(new[] { Gateway.AlphaSms, Gateway.LiveAll, Gateway.SmsBy });
            router.RouteOf("+380971234567").ShouldBe(new[] { Gateway.AlphaSms, Gateway.LiveAll });
            router.RouteOf("+375291234567").ShouldBe(new[] { Gateway.SmsBy, Gateway.LiveAll });
            router.RouteOf("+306912345678").ShouldBe(new[] { Gateway.LiveAll });
            host.Services.GetRequiredKeyedService<IViberClient>(Gateway.AlphaSms).ShouldBeAssignableTo<AlphaSmsClientBase>();
            host.Services.GetRequiredKeyedService<IViberClient>(Gateway.LiveAll).ShouldBeOfType<LiveAllClient>();
            host.Services.GetRequiredKeyedService<IViberClient>(Gateway.SmsBy).ShouldBeOfType<SmsByClient>();
            await host.StopAsync();
        }

        [Fact]
        public async Task A_misspelt_gateway_in_the_routing_fails_the_host_start_naming_the_key()
        {
            using var host = Host(new Dictionary<string, string?> { ["Routing:Routes:380:0"] = "AlphaSMS-UA" });

            var error = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync());

            error.Failures.ShouldBe(new[] { "Routing:Routes:380:0: 'AlphaSMS-UA' is not a gateway; the gateways are AlphaSms, LiveAll, SmsBy" });
        }

        [Fact]
        public async Task The_hosts_router_sends_each_recipient_through_its_route()
        {
            using var host = Host(Routes);
            await host.StartAsync();
            var router = host.Services.GetRequiredService<ViberRouter>();

            var results = await router.SendAsync(new ViberMessage { Recipients = { "+380971112233", "+375291112233", "+306911112233" }, Sender = "Shop", Text = "Hello" });

            results.Select(r => (r.Outcome, r.Gateway)).ShouldBe(new[]
            {
                (SendOutcome.Accepted, Gateway.AlphaSms), (SendOutcome.Accepted, Gateway.SmsBy), (SendOutcome.Accepted, Gateway.LiveAll),
            });
            await host.StopAsync();
        }
    }
}
