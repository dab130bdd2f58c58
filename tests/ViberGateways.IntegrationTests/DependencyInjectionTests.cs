using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ViberGateways.AlphaSms;
using ViberGateways.Http;
using ViberGateways.IntegrationTests.Reliability;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;

namespace ViberGateways.IntegrationTests
{
    /// <summary>The registrations applications use: configuration, start-up validation, typed clients, logging and tracing.</summary>
    public class DependencyInjectionTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _fixture;

        public DependencyInjectionTests(SandboxFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task A_missing_key_fails_the_host_start_naming_every_missing_setting()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AlphaSms:Transport"] = "Xml",
                ["LiveAll:BaseAddress"] = "https://liveall.test/",
                ["SmsBy:ApiKey"] = "present",
            }).Build();
            using var host = Host.CreateDefaultBuilder().ConfigureServices(services =>
            {
                services.AddAlphaSms(configuration.GetSection("AlphaSms"));
                services.AddLiveAll(configuration.GetSection("LiveAll"));
                services.AddSmsBy(configuration.GetSection("SmsBy"));
            }).Build();

            var error = await Should.ThrowAsync<AggregateException>(() => host.StartAsync());

            var messages = error.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
            messages.ShouldContain(m => m.Contains("AlphaSms: ApiKey is required"));
            messages.ShouldContain(m => m.Contains("LiveAll: ApiKey is required"));
            messages.ShouldNotContain(m => m.Contains("SmsBy"));
        }

        /// <summary>
        /// What the configuration binder would fail on with a bare type name (a TargetInvocationException for an address
        /// without a scheme) or skip silently (a misspelt key), named by key and gateway with what to write instead.
        /// </summary>
        [Theory]
        [InlineData("BaseAddress", "alphasms.net", "AlphaSms:BaseAddress (AlphaSms): 'alphasms.net' is not an absolute http or https URL; give the scheme, host and port, for example https://alphasms.net")]
        [InlineData("BaseAddress", "localhost:5000", "AlphaSms:BaseAddress (AlphaSms): 'localhost:5000' is not an absolute http or https URL")]
        [InlineData("BaseAddress", "https://alphasms.net/api/json.php", "AlphaSms:BaseAddress (AlphaSms): 'https://alphasms.net/api/json.php' carries a path (/api/json.php); give only the scheme, host and port, for example https://alphasms.net")]
        [InlineData("Transport", "Rest", "AlphaSms:Transport: 'Rest' is not a Transport; the values are Json, Xml, Http")]
        [InlineData("ApiKy", "k", "AlphaSms:ApiKy: not a setting of AlphaSms; the settings are ")]
        [InlineData("Resilience:MaxRetries", "3", "AlphaSms:Resilience:MaxRetries: not a setting of AlphaSms")]
        public async Task A_wrong_setting_fails_the_host_start_naming_the_gateway_the_key_and_what_to_write(string key, string value, string expected)
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AlphaSms:ApiKey"] = "present",
                ["AlphaSms:" + key] = value,
            }).Build();
            using var host = Host.CreateDefaultBuilder().ConfigureServices(services => services.AddViberGateways(configuration)).Build();

            var error = await Should.ThrowAsync<Exception>(() => host.StartAsync());

            var messages = Failures(error);
            messages.ShouldContain(m => m.StartsWith(expected, StringComparison.Ordinal), string.Join("\n", messages));
        }

        [Fact]
        public async Task Every_wrong_setting_of_a_section_is_reported_at_once()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["LiveAll:ApiKy"] = "k",
                ["LiveAll:BaseAddress"] = "sms.liveall.eu",
                ["SmsBy:ApiKey"] = "k",
                ["SmsBy:BaseAddress"] = "https://app.sms.by/api/v1/",
            }).Build();
            using var host = Host.CreateDefaultBuilder().ConfigureServices(services => services.AddViberGateways(configuration)).Build();

            var error = await Should.ThrowAsync<Exception>(() => host.StartAsync());

            var messages = Failures(error);
            messages.ShouldContain(m => m.StartsWith("LiveAll:ApiKy: not a setting of LiveAll", StringComparison.Ordinal));
            messages.ShouldContain(m => m.StartsWith("LiveAll:BaseAddress (LiveAll): 'sms.liveall.eu' is not an absolute http or https URL; give the scheme, host and port, for example https://sms.liveall.eu", StringComparison.Ordinal));
            messages.ShouldContain(m => m.StartsWith("SmsBy:BaseAddress (SmsBy): 'https://app.sms.by/api/v1/' carries a path", StringComparison.Ordinal));
        }

        /// <summary>A base address set in code is held to the same rule: scheme, host and port only, a path refused.</summary>
        [Fact]
        public async Task A_base_address_with_a_path_set_in_code_fails_the_host_start()
        {
            using var host = Host.CreateDefaultBuilder().ConfigureServices(services => services.AddLiveAll(options =>
            {
                options.ApiKey = "k";
                options.BaseAddress = new Uri("https://sms.liveall.eu/apiext/Sendout/SendIM");
            })).Build();

            var error = await Should.ThrowAsync<Exception>(() => host.StartAsync());

            Failures(error).ShouldContain(m => m.StartsWith("LiveAllOptions.BaseAddress: 'https://sms.liveall.eu/apiext/Sendout/SendIM/' carries a path", StringComparison.Ordinal)
                && m.Contains("give only the scheme, host and port, for example https://sms.liveall.eu"));
        }

        private static List<string> Failures(Exception error) =>
            (error is AggregateException many ? (IEnumerable<Exception>)many.InnerExceptions : new[] { error }).OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();

        [Fact]
        public void Configuration_binds_every_documented_key()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AlphaSms:ApiKey"] = "k",
                ["AlphaSms:Transport"] = "Http",
                ["AlphaSms:UseHttpGet"] = "true",
                ["AlphaSms:Login"] = "shop",
                ["AlphaSms:Password"] = "p",
                ["AlphaSms:BaseAddress"] = "https://alphasms.ua",
                ["AlphaSms:MaxConnections"] = "8",
                ["AlphaSms:Resilience:MaxRetryAttempts"] = "5",
                ["AlphaSms:Resilience:BaseDelay"] = "00:00:01",
                ["AlphaSms:Resilience:MaxRetryAfter"] = "00:01:00",
                ["AlphaSms:Resilience:AttemptTimeout"] = "00:00:10",
                ["AlphaSms:Resilience:TotalTimeout"] = "00:02:00",
                ["AlphaSms:Resilience:MaxReplyBytes"] = "65536",
            }).Build();
            using var provider = new ServiceCollection().AddAlphaSms(configuration.GetSection("AlphaSms")).Services.BuildServiceProvider();

            var options = provider.GetRequiredService<IOptions<AlphaSmsOptions>>().Value;

            (options.ApiKey, options.Transport, options.UseHttpGet, options.Login, options.Password).ShouldBe(("k", AlphaSmsTransport.Http, true, "shop", "p"));
            options.BaseAddress.ShouldBe(new Uri("https://alphasms.ua/"));
            options.MaxConnections.ShouldBe(8);
            var resilience = options.Resilience;
            (resilience.MaxRetryAttempts, resilience.BaseDelay, resilience.MaxRetryAfter, resilience.AttemptTimeout, resilience.TotalTimeout, resilience.MaxReplyBytes)
                .ShouldBe((5, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(2), 65536));
            provider.GetRequiredKeyedService<IViberClient>(Gateway.AlphaSms).ShouldBeOfType<AlphaSmsHttpClient>();
        }

        [Fact]
        public async Task Typed_clients_are_transient_and_share_the_pooled_handler()
        {
            using var gateways = new GatewayServices(_fixture.Sandbox);

            var first = gateways.Get<ILiveAllClient>();
            var second = gateways.Get<ILiveAllClient>();

            first.ShouldNotBeSameAs(second);
            (await ((IViberClient)first).GetBalanceAsync()).Amount.ShouldBe(_fixture.Sandbox.Options.Balance);
            (await ((IViberClient)second).GetBalanceAsync()).Amount.ShouldBe(_fixture.Sandbox.Options.Balance);
            gateways.Get<ISmsByClient>().ShouldBeOfType<SmsByClient>();
            gateways.Get<IAlphaSmsJsonClient>().ShouldBeOfType<AlphaSmsJsonClient>();
        }

        [Fact]
        public async Task Each_call_writes_one_structured_log_event_without_message_text()
        {
            using var gateways = new GatewayServices(_fixture.Sandbox);

            var results = await gateways.AlphaSms.SendAsync(new[]
            {
                new ViberMessage { Recipients = { "380971234567" }, Sender = "Shop", Text = "Private text one" },
                new ViberMessage { Recipients = { "380501234567" }, Sender = "Shop", Text = "Private text two" },
            });

            results.ShouldAllBe(result => result.Outcome == SendOutcome.Accepted);
            var events = gateways.Logs.Lines.Where(l => l.Contains("[GatewayCall")).ToList();
            var logged = events.ShouldHaveSingleItem();
            logged.ShouldContain("AlphaSMS execute accepted: HTTP 200 after 1 attempt(s)");
            logged.ShouldContain("; 2 recipient(s), client ids [");
            logged.ShouldContain("Gateway=AlphaSMS");
            logged.ShouldContain("RecipientCount=2");
            logged.ShouldContain("ElapsedMilliseconds=");
            logged.ShouldNotContain("Private text");
            logged.ShouldNotContain("380971234567");
        }

        [Fact]
        public async Task Each_call_is_traced_as_an_activity_of_the_sdk_source()
        {
            // A listener hears the SDK's source in the whole process, other test classes' calls included: it keeps only
            // the activities of this test's own trace, which the SDK joins as the caller's current activity.
            using var caller = new Activity(nameof(Each_call_is_traced_as_an_activity_of_the_sdk_source)).Start();
            var activities = new ConcurrentQueue<Activity>();
            using var listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == GatewayTelemetry.ActivitySourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = activity =>
                {
                    if (activity.TraceId == caller.TraceId)
                    {
                        activities.Enqueue(activity);
                    }
                },
            };
            ActivitySource.AddActivityListener(listener);
            using var gateways = new GatewayServices(_fixture.Sandbox);

            await gateways.LiveAllViber.GetBalanceAsync();

            var activity = activities.ShouldHaveSingleItem();
            activity.DisplayName.ShouldBe("LiveAll getAccountBalance");
            activity.Kind.ShouldBe(ActivityKind.Client);
            activity.GetTagItem("viber.gateway").ShouldBe("LiveAll");
            activity.GetTagItem("http.response.status_code").ShouldBe(200);
        }
    }
}
