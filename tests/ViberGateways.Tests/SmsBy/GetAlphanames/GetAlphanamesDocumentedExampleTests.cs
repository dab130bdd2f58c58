using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.GetAlphanames
{
    /// <summary>
    /// getAlphanames as the gateway reference documents it (no seed page shows it; its sentence is copied to Data/):
    /// <c>GET /api/v1/getAlphanames?token=…</c> answered by an id → name map. The request is the documented one, and
    /// the documented reply reads, through the generated operation and as <see cref="SenderInfo"/>s, as the same map.
    /// </summary>
    public class GetAlphanamesDocumentedExampleTests
    {
        [Fact]
        public async Task The_documented_request_and_reply()
        {
            var documented = DocumentedFixtures.Read<GetAlphanamesDocumentedExampleTests>("seed-reference.md");
            var request = Regex.Match(documented, @"`(?<method>GET) (?<path>/api/v1/getAlphanames)\?(?<query>[^`]*)`");
            var reply = JObject.Parse(Regex.Match(documented, @"→ `(?<json>\{[^`]*\})`").Groups["json"].Value);
            request.Success.ShouldBeTrue();
            var gateway = new StubGateway().Reply(reply.ToString()).Reply(reply.ToString());
            var client = StubbedClients.SmsBy(gateway);

            var names = await client.GetAlphanamesAsync(StubbedClients.SmsByToken);
            var senders = await ((IViberClient)client).GetSendersAsync();

            foreach (var sent in gateway.Requests)
            {
                sent.Method.ShouldBe(request.Groups["method"].Value);
                sent.Uri.AbsolutePath.ShouldBe(request.Groups["path"].Value);
                request.Groups["query"].Value.ShouldStartWith("token=");
                SentParameters.Of(sent).Values().ShouldBe(new[] { ("token", StubbedClients.SmsByToken) }, "the token in the query, nothing else");
            }

            JObject.FromObject(names).ShouldBeSameTreeAs(reply);
            senders.Select(s => (s.Id, s.Name)).ShouldBe(reply.Properties().Select(p => (p.Name, (string)p.Value!)));
        }

        [Fact]
        public async Task The_v1_error_shape_is_a_rejection()
        {
            var gateway = new StubGateway().Reply("""{"error": "Invalid token"}""");

            var failure = await Should.ThrowAsync<GatewayRejectedException>(() => ((IViberClient)StubbedClients.SmsBy(gateway)).GetSendersAsync());

            failure.GatewayMessage.ShouldBe("Invalid token");
        }
    }
}
