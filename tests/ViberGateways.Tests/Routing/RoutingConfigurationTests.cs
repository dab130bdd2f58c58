using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ViberGateways.Tests.Routing
{
    /// <summary>
    /// The <c>Routing</c> section through the configuration binder and <c>AddViberGateways</c>: what binds, and that
    /// every mistake fails the start naming its configuration key.
    /// </summary>
    public class RoutingConfigurationTests
    {
        private static readonly Dictionary<string, string?> Gateways = new()
        {
            ["AlphaSms:ApiKey"] = "alpha-key",
            ["LiveAll:ApiKey"] = "liveall-token",
            ["SmsBy:ApiKey"] = "smsby-token",
        };

        private static IConfiguration Configuration(Dictionary<string, string?> routing, Dictionary<string, string?>? gateways = null) =>
            new ConfigurationBuilder().AddInMemoryCollection((gateways ?? Gateways).Concat(routing)).Build();

        private static ServiceProvider Services(IConfiguration configuration) =>
            new ServiceCollection().AddViberGateways(configuration).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        /// <summary>What a host runs when it starts (<c>ValidateOnStart</c>).</summary>
        private static IReadOnlyList<string> StartFailures(ServiceProvider services)
        {
            var error = Should.Throw<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());
            return (error is AggregateException all ? all.InnerExceptions.ToList() : new List<Exception> { error })
                .Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        }

        [Fact]
        public void A_configuration_without_any_gateway_section_is_refused_as_configuration_when_registering()
        {
            // A misspelled section name ("SmsBY_") is not a gateway section: with no other, nothing could send.
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SmsBY_:ApiKey"] = "smsby-token" }).Build();

            var error = Should.Throw<OptionsValidationException>(() => new ServiceCollection().AddViberGateways(configuration));

            error.Failures.ShouldBe(new[] { "the configuration has no gateway section: add AlphaSms, LiveAll or SmsBy (each with its ApiKey)" });
        }

        [Fact]
        public void The_binder_binds_routes_failover_and_both_switches()
        {
            var configuration = Configuration(new()
            {
                ["Routing:Routes:380:0"] = "AlphaSms",
                ["Routing:Routes:380:1"] = "LiveAll",
                ["Routing:Routes:375:0"] = "smsby",
                ["Routing:Failover:0"] = "LiveAll",
                ["Routing:Failover:1"] = "AlphaSms",
                ["Routing:FailoverOnRejection"] = "true",
                ["Routing:FailoverWhenUnsupported"] = "False",
            });

            var options = configuration.GetSection("Routing").Get<RoutingOptions>()!;

            options.Routes.Keys.ShouldBe(new[] { "380", "375" }, ignoreOrder: true);
            options.Routes["380"].ShouldBe(new[] { Gateway.AlphaSms, Gateway.LiveAll });
            options.Routes["375"].ShouldBe(new[] { Gateway.SmsBy });
            options.Failover.ShouldBe(new[] { Gateway.LiveAll, Gateway.AlphaSms });
            (options.FailoverOnRejection, options.FailoverWhenUnsupported).ShouldBe((true, false));
        }

        [Fact]
        public void AddViberGateways_registers_a_keyed_client_per_section_and_a_router_with_the_configured_routes()
        {
            using var services = Services(Configuration(new()
            {
                ["Routing:Routes:380:0"] = "AlphaSms",
                ["Routing:Routes:+375:0"] = "SmsBy",
                ["Routing:Failover:0"] = "LiveAll",
                ["Routing:FailoverOnRejection"] = "true",
            }));

            services.GetRequiredService<IStartupValidator>().Validate();
            var router = services.GetRequiredService<ViberRouter>();

            router.Gateways.ShouldBe(new[] { Gateway.AlphaSms, Gateway.LiveAll, Gateway.SmsBy });
            router.RouteOf("+380971234567").ShouldBe(new[] { Gateway.AlphaSms, Gateway.LiveAll });
            router.RouteOf("+375291234567").ShouldBe(new[] { Gateway.SmsBy, Gateway.LiveAll });
            router.RouteOf("+306912345678").ShouldBe(new[] { Gateway.LiveAll });
            foreach (var gateway in router.Gateways)
            {
                services.GetRequiredKeyedService<IViberClient>(gateway).Gateway.ShouldBe(gateway);
                router.GetClient(gateway).Gateway.ShouldBe(gateway);
            }
        }

        [Fact]
        public void A_list_may_be_one_comma_separated_string()
        {
            using var services = Services(Configuration(new()
            {
                ["Routing:Routes:380"] = "AlphaSms, LiveAll",
                ["Routing:Failover"] = "SmsBy,LiveAll",
            }));

            var router = services.GetRequiredService<ViberRouter>();

            router.RouteOf("+380971234567").ShouldBe(new[] { Gateway.AlphaSms, Gateway.LiveAll, Gateway.SmsBy });
            router.RouteOf("+306912345678").ShouldBe(new[] { Gateway.SmsBy, Gateway.LiveAll });
        }

        [Fact]
        public void A_misspelt_gateway_fails_the_start_and_the_router_naming_the_key_and_the_gateways()
        {
            using var services = Services(Configuration(new()
            {
                ["Routing:Routes:380:0"] = "AlphaSMSS",
                ["Routing:Failover:0"] = "Live-All",
                ["Routing:Failover:1"] = "2",
            }));

            StartFailures(services).ShouldBe(new[]
            {
                "Routing:Routes:380:0: 'AlphaSMSS' is not a gateway; the gateways are AlphaSms, LiveAll, SmsBy",
                "Routing:Failover:0: 'Live-All' is not a gateway; the gateways are AlphaSms, LiveAll, SmsBy",
                "Routing:Failover:1: '2' is not a gateway; the gateways are AlphaSms, LiveAll, SmsBy",
            });
            Should.Throw<OptionsValidationException>(() => services.GetRequiredService<ViberRouter>())
                .Message.ShouldContain("Routing:Routes:380:0: 'AlphaSMSS' is not a gateway");
        }

        [Fact]
        public void A_gateway_without_a_section_an_unknown_setting_a_bad_switch_and_a_bad_calling_code_are_each_named()
        {
            var gateways = new Dictionary<string, string?> { ["AlphaSms:ApiKey"] = "k", ["LiveAll:ApiKey"] = "t" };
            using var misnamed = Services(Configuration(new()
            {
                ["Routing:Failovers:0"] = "LiveAll",
                ["Routing:FailoverOnRejection"] = "yes",
            }, gateways));
            using var unconfigured = Services(Configuration(new()
            {
                ["Routing:Routes:375:0"] = "SmsBy",
                ["Routing:Routes:38-0:0"] = "AlphaSms",
            }, gateways));

            StartFailures(misnamed).ShouldBe(new[]
            {
                "Routing:Failovers: not a routing setting; the settings are Routes, Failover, FailoverOnRejection, FailoverWhenUnsupported",
                "Routing:FailoverOnRejection: 'yes' is not true or false",
            });
            StartFailures(unconfigured).ShouldBe(new[]
            {
                "Routing:Routes:375:0: SmsBy is not configured (it has no client and no SmsBy section); configured: AlphaSms, LiveAll (configured)",
                "Routing:Routes:38-0: a route's key is a calling code or number prefix, 1 to 15 digits (for example 380), not '38-0' (calling-code)",
            }, ignoreOrder: true);
        }

        [Fact]
        public void Without_a_routing_section_every_configured_gateway_is_tried_in_order()
        {
            using var services = Services(Configuration(new(), new Dictionary<string, string?> { ["SmsBy:ApiKey"] = "t", ["AlphaSms:ApiKey"] = "k" }));

            services.GetRequiredService<IStartupValidator>().Validate();

            services.GetRequiredService<ViberRouter>().RouteOf("+306912345678").ShouldBe(new[] { Gateway.AlphaSms, Gateway.SmsBy });
        }
    }
}
