using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Validation
{
    /// <summary>
    /// A client made without dependency injection (a factory or <c>new</c>) refuses the base addresses the host's start
    /// refuses (DependencyInjectionTests): one without an http(s) scheme, one with a path, which every send would
    /// double. The production address and a bare scheme, host and port (a sandbox's) still work.
    /// </summary>
    public class ClientBaseAddressTests
    {
        /// <summary>One way of making a client, the documented path the test call goes to, and the options type named in errors.</summary>
        public sealed record Construction(Func<Uri?, HttpClient, IViberClient> Create, string Path, string Options, Uri Production);

        private static readonly Dictionary<string, Construction> Constructions = new()
        {
            ["ViberClientFactory.Create(AlphaSmsOptions)"] = new((a, h) => ViberClientFactory.Create(AlphaSms(a), h), "api/json.php", nameof(AlphaSmsOptions), AlphaSmsOptions.ProductionAddress),
            ["ViberClientFactory.Create(LiveAllOptions)"] = new((a, h) => ViberClientFactory.Create(LiveAll(a), h), "apiext/Sendout/GetAccountBalance", nameof(LiveAllOptions), LiveAllOptions.ProductionAddress),
            ["ViberClientFactory.Create(SmsByOptions)"] = new((a, h) => ViberClientFactory.Create(SmsBy(a), h), "api/v1/getAlphanames", nameof(SmsByOptions), SmsByOptions.ProductionAddress),
            ["ViberClientFactory.Create(AlphaSmsOptions) (xml)"] = new((a, h) => ViberClientFactory.Create(AlphaSms(a, AlphaSmsTransport.Xml), h), "api/xml.php", nameof(AlphaSmsOptions), AlphaSmsOptions.ProductionAddress),
            ["new AlphaSmsJsonClient"] = new((a, h) => new AlphaSmsJsonClient(AlphaSms(a), h), "api/json.php", nameof(AlphaSmsOptions), AlphaSmsOptions.ProductionAddress),
            ["new AlphaSmsXmlClient"] = new((a, h) => new AlphaSmsXmlClient(AlphaSms(a, AlphaSmsTransport.Xml), h), "api/xml.php", nameof(AlphaSmsOptions), AlphaSmsOptions.ProductionAddress),
            ["new AlphaSmsHttpClient"] = new((a, h) => new AlphaSmsHttpClient(AlphaSms(a, AlphaSmsTransport.Http), h), "api/http.php", nameof(AlphaSmsOptions), AlphaSmsOptions.ProductionAddress),
            ["new LiveAllClient"] = new((a, h) => new LiveAllClient(LiveAll(a), h), "apiext/Sendout/GetAccountBalance", nameof(LiveAllOptions), LiveAllOptions.ProductionAddress),
            ["new SmsByClient"] = new((a, h) => new SmsByClient(SmsBy(a), h), "api/v1/getAlphanames", nameof(SmsByOptions), SmsByOptions.ProductionAddress),
        };

        public static TheoryData<string> EveryConstruction => new(Constructions.Keys);

        public static TheoryData<string, string?> EveryConstructionAndValidAddress()
        {
            var data = new TheoryData<string, string?>();
            foreach (var construction in Constructions.Keys)
            {
                data.Add(construction, null);
                data.Add(construction, "http://127.0.0.1:5080");
                data.Add(construction, "https://gateway.test/");
            }

            return data;
        }

        // No retries: the valid-address test reads the one request a call makes, whatever the stub answers.
        private static GatewayResilienceOptions NoRetries()
        {
            var policy = QuickRetries.Policy();
            policy.MaxRetryAttempts = 0;
            return policy;
        }

        private static AlphaSmsOptions AlphaSms(Uri? address, AlphaSmsTransport transport = AlphaSmsTransport.Json) =>
            WithAddress(new AlphaSmsOptions { ApiKey = "alphasms-key", Transport = transport, Resilience = NoRetries() }, address);

        private static LiveAllOptions LiveAll(Uri? address) => WithAddress(new LiveAllOptions { ApiKey = "liveall-key", Resilience = NoRetries() }, address);

        private static SmsByOptions SmsBy(Uri? address) => WithAddress(new SmsByOptions { ApiKey = "smsby-key", Resilience = NoRetries() }, address);

        private static TOptions WithAddress<TOptions>(TOptions options, Uri? address)
            where TOptions : GatewayOptions
        {
            if (address != null)
            {
                options.BaseAddress = address;
            }

            return options;
        }

        // An HttpClient made by hand has no base address of its own: the options' is the one requests go to.
        private static HttpClient ByHand(StubGateway gateway) => new(gateway, disposeHandler: false);

        [Theory]
        [MemberData(nameof(EveryConstruction))]
        public void A_base_address_with_a_path_is_refused_when_the_client_is_made(string construction)
        {
            var made = Constructions[construction];

            var refused = Should.Throw<ArgumentException>(() => made.Create(new Uri("https://gateway.test/api/json.php"), ByHand(new StubGateway())));

            refused.ParamName.ShouldBe("options");
            refused.Message.ShouldStartWith($"{made.Options}.BaseAddress: 'https://gateway.test/api/json.php/' carries a path (/api/json.php/); "
                + "give only the scheme, host and port, for example https://gateway.test: the SDK adds the documented paths itself");
        }

        /// <summary>Written without a scheme, <c>localhost:5080</c> is an absolute URI whose scheme is <c>localhost</c>.</summary>
        [Theory]
        [MemberData(nameof(EveryConstruction))]
        public void A_base_address_without_an_http_scheme_is_refused_when_the_client_is_made(string construction)
        {
            var made = Constructions[construction];

            var refused = Should.Throw<ArgumentException>(() => made.Create(new Uri("localhost:5080"), ByHand(new StubGateway())));

            refused.ParamName.ShouldBe("options");
            refused.Message.ShouldStartWith($"{made.Options}.BaseAddress: 'localhost:5080/' is not an absolute http or https URL; "
                + $"give the scheme, host and port, for example {made.Production.GetLeftPart(UriPartial.Authority)}");
        }

        /// <summary>A relative address cannot be set at all, whatever makes the client later; the error names the setting.</summary>
        [Fact]
        public void A_relative_base_address_is_refused_by_each_gateways_setting()
        {
            var relative = new Uri("alphasms.net", UriKind.Relative);

            var refusals = new[]
            {
                Should.Throw<ArgumentException>(() => new AlphaSmsOptions().BaseAddress = relative),
                Should.Throw<ArgumentException>(() => new LiveAllOptions().BaseAddress = relative),
                Should.Throw<ArgumentException>(() => new SmsByOptions().BaseAddress = relative),
            };

            refusals[0].Message.ShouldStartWith("AlphaSmsOptions.BaseAddress: 'alphasms.net' is not an absolute http or https URL; give the scheme, host and port, for example https://alphasms.net");
            refusals[1].Message.ShouldStartWith("LiveAllOptions.BaseAddress: 'alphasms.net' is not an absolute http or https URL; give the scheme, host and port, for example https://sms.liveall.eu");
            refusals[2].Message.ShouldStartWith("SmsByOptions.BaseAddress: 'alphasms.net' is not an absolute http or https URL; give the scheme, host and port, for example https://app.sms.by");
            refusals.ShouldAllBe(r => r.ParamName == "value");
        }

        /// <summary>The production address (nothing set), a sandbox's scheme, host and port, and a host with a trailing slash.</summary>
        [Theory]
        [MemberData(nameof(EveryConstructionAndValidAddress))]
        public async Task A_valid_base_address_makes_a_client_whose_requests_go_to_the_documented_path_there(string construction, string? address)
        {
            var made = Constructions[construction];
            var gateway = new StubGateway().Reply(() => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
            var client = made.Create(address is null ? null : new Uri(address), ByHand(gateway));

            // The stub's refusal is not what is checked here: where the one request went is.
            await Should.ThrowAsync<GatewayException>(() => client.Gateway == Gateway.SmsBy ? (Task)client.GetSendersAsync() : client.GetBalanceAsync());

            var expected = new Uri(new Uri((address ?? made.Production.AbsoluteUri).TrimEnd('/') + "/"), made.Path);
            gateway.Requests.ShouldHaveSingleItem().Uri.GetLeftPart(UriPartial.Path).ShouldBe(expected.AbsoluteUri);
        }
    }
}
