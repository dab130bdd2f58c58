using System.Collections.Generic;
using System;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ViberGateways.AlphaSms;
using ViberGateways.Benchmarks;

namespace ViberGateways.Tests.Benchmarks
{
    /// <summary>
    /// The per-send benchmarks compare the SDK with a hand-written client; the comparison is only fair if both do the
    /// same work on the wire. For each AlphaSMS transport: the hand-written client, the SDK's client and the client
    /// <c>AddAlphaSms</c> registers send byte-identical requests (method, URI, headers, content type, body), and read
    /// the same gateway id from the same documented reply.
    /// </summary>
    public class HandWrittenBaselineTests
    {
        public enum Contender
        {
            HandWritten,
            Sdk,
            SdkWithDependencyInjection,
        }

        public static TheoryData<AlphaSmsTransport, Contender> SdkContenders => new()
        {
            { AlphaSmsTransport.Json, Contender.Sdk },
            { AlphaSmsTransport.Json, Contender.SdkWithDependencyInjection },
            { AlphaSmsTransport.Xml, Contender.Sdk },
            { AlphaSmsTransport.Xml, Contender.SdkWithDependencyInjection },
            { AlphaSmsTransport.Http, Contender.Sdk },
            { AlphaSmsTransport.Http, Contender.SdkWithDependencyInjection },
        };

        [Theory]
        [MemberData(nameof(SdkContenders))]
        public async Task Hand_written_client_sends_the_same_request_as_the_sdk(AlphaSmsTransport transport, Contender sdk)
        {
            var (baseline, _) = await SendAsync(transport, Contender.HandWritten);
            var (measured, _) = await SendAsync(transport, sdk);

            measured.Method.ShouldBe(baseline.Method);
            measured.Uri.ShouldBe(baseline.Uri);
            measured.Headers.ShouldBe(baseline.Headers);
            measured.ContentType.ShouldBe(baseline.ContentType);
            Encoding.UTF8.GetString(measured.Body).ShouldBe(Encoding.UTF8.GetString(baseline.Body));
            measured.Body.ShouldBe(baseline.Body);
        }

        [Theory]
        [InlineData(AlphaSmsTransport.Json, Contender.HandWritten)]
        [InlineData(AlphaSmsTransport.Json, Contender.Sdk)]
        [InlineData(AlphaSmsTransport.Json, Contender.SdkWithDependencyInjection)]
        [InlineData(AlphaSmsTransport.Xml, Contender.HandWritten)]
        [InlineData(AlphaSmsTransport.Xml, Contender.Sdk)]
        [InlineData(AlphaSmsTransport.Xml, Contender.SdkWithDependencyInjection)]
        [InlineData(AlphaSmsTransport.Http, Contender.HandWritten)]
        [InlineData(AlphaSmsTransport.Http, Contender.Sdk)]
        [InlineData(AlphaSmsTransport.Http, Contender.SdkWithDependencyInjection)]
        public async Task Every_contender_reads_the_gateway_id_from_the_documented_reply(AlphaSmsTransport transport, Contender contender)
        {
            var (request, gatewayId) = await SendAsync(transport, contender);

            gatewayId.ShouldBe(SendScenario.GatewayId);
            request.Method.ShouldBe("POST");
            request.Uri.ShouldBe(new Uri(SendScenario.BaseAddress, "api/" + transport.ToString().ToLowerInvariant() + ".php"));
            var body = Encoding.UTF8.GetString(request.Body);
            body.ShouldContain(SendScenario.ApiKey);
            body.ShouldContain(SendScenario.Sender);
            if (transport != AlphaSmsTransport.Http)
            {
                body.ShouldContain(SendScenario.ClientId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        /// <summary>Sends the benchmark's message once, the way the contender does in the benchmark.</summary>
        private static async Task<(WireRequest Request, long? GatewayId)> SendAsync(AlphaSmsTransport transport, Contender contender)
        {
            var gateway = new CannedGatewayHandler(recordRequests: true);
            long? gatewayId;
            if (contender == Contender.SdkWithDependencyInjection)
            {
                var services = new ServiceCollection();
                services.AddAlphaSms(options =>
                    {
                        options.ApiKey = SendScenario.ApiKey;
                        options.BaseAddress = SendScenario.BaseAddress;
                        options.Transport = transport;
                    })
                    .ConfigurePrimaryHttpMessageHandler(() => gateway);
                await using var provider = services.BuildServiceProvider();
                gatewayId = GatewayIdOf(await provider.GetRequiredKeyedService<IViberClient>(Gateway.AlphaSms).SendAsync(SendScenario.Message(transport)));
            }
            else
            {
                using var http = SendScenario.HttpClient(gateway);
                var options = SendScenario.Options(transport);
                gatewayId = (contender, transport) switch
                {
                    (Contender.HandWritten, AlphaSmsTransport.Json) => await new HandWrittenJsonClient(http, SendScenario.ApiKey)
                        .SendTextAsync(SendScenario.ClientId, SendScenario.Recipient, SendScenario.Sender, SendScenario.Text),
                    (Contender.HandWritten, AlphaSmsTransport.Xml) => await new HandWrittenXmlClient(http, SendScenario.ApiKey)
                        .SendTextAsync(SendScenario.ClientId, SendScenario.Recipient, SendScenario.Sender, SendScenario.Text),
                    (Contender.HandWritten, _) => await new HandWrittenHttpClient(http, SendScenario.ApiKey)
                        .SendTextAsync(SendScenario.Recipient, SendScenario.Sender, SendScenario.Text),
                    (_, AlphaSmsTransport.Json) => GatewayIdOf(await ((IViberClient)new AlphaSmsJsonClient(options, http)).SendAsync(SendScenario.Message(transport))),
                    (_, AlphaSmsTransport.Xml) => GatewayIdOf(await ((IViberClient)new AlphaSmsXmlClient(options, http)).SendAsync(SendScenario.Message(transport))),
                    _ => GatewayIdOf(await ((IViberClient)new AlphaSmsHttpClient(options, http)).SendAsync(SendScenario.Message(transport))),
                };
            }

            return (gateway.Requests.ShouldHaveSingleItem(), gatewayId);
        }

        /// <summary>The gateway's id of the one accepted message.</summary>
        private static long? GatewayIdOf(IReadOnlyList<SendResult> results)
        {
            var result = results.ShouldHaveSingleItem();
            result.Outcome.ShouldBe(SendOutcome.Accepted, result.Error);
            return long.Parse(result.Reference!.GatewayId!, System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
