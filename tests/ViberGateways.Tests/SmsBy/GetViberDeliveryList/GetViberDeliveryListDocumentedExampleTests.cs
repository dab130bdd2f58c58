using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.GetViberDeliveryList
{
    /// <summary>getViberDeliveryList as seed 004 documents it (its section copied to Data/): token and message_id in the form.</summary>
    public class GetViberDeliveryListDocumentedExampleTests
    {
        [Fact]
        public Task Request_sends_each_documented_parameter_where_the_table_puts_it() =>
            DocumentedParameterTable.Of<GetViberDeliveryListDocumentedExampleTests>().ShouldBeSentBy(
                """{"status": "OK", "result": []}""",
                client => client.GetViberDeliveryListAsync(new SmsByGetViberDeliveryListForm { Token = StubbedClients.SmsByToken, MessageId = 4905 }),
                ("token", StubbedClients.SmsByToken), ("message_id", "4905"));
    }
}
