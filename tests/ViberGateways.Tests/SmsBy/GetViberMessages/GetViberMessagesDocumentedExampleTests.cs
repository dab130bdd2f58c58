using System.Linq;
using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.GetViberMessages
{
    /// <summary>
    /// getViberMessages as seed 004 documents it (its section copied to Data/): token in the query, the optional
    /// limit_offset and limit_rows in the form, and left out (not sent empty) when not set, so the gateway's defaults
    /// (offset 0, 100 rows) apply.
    /// </summary>
    public class GetViberMessagesDocumentedExampleTests
    {
        [Fact]
        public async Task Request_sends_each_documented_parameter_where_the_table_puts_it()
        {
            var gateway = new StubGateway().Reply(Reply).Reply(Reply);
            var client = StubbedClients.SmsBy(gateway);

            await client.GetViberMessagesAsync(StubbedClients.SmsByToken, new SmsByGetViberMessagesForm { LimitOffset = 200, LimitRows = 50 });
            await client.GetViberMessagesAsync(StubbedClients.SmsByToken, new SmsByGetViberMessagesForm());

            DocumentedParameterTable.Of<GetViberMessagesDocumentedExampleTests>().ShouldBeCoveredBy(gateway.Requests.ToArray());
            SentParameters.Of(gateway.Requests[0]).Values().ShouldBe(new[] { ("token", StubbedClients.SmsByToken), ("limit_offset", "200"), ("limit_rows", "50") }, ignoreOrder: true);
            SentParameters.Of(gateway.Requests[1]).Values().ShouldBe(new[] { ("token", StubbedClients.SmsByToken) });
        }

        private const string Reply = """{"status": "OK", "result": []}""";
    }
}
