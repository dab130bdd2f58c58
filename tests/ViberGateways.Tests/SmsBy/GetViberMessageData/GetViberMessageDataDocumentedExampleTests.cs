using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.GetViberMessageData
{
    /// <summary>getViberMessageData as seed 004 documents it (its section copied to Data/): token in the query, message_id in the form.</summary>
    public class GetViberMessageDataDocumentedExampleTests
    {
        [Fact]
        public Task Request_sends_each_documented_parameter_where_the_table_puts_it() =>
            DocumentedParameterTable.Of<GetViberMessageDataDocumentedExampleTests>().ShouldBeSentBy(
                """{"status": "OK", "result": {"message_id": 8483, "status": "SENT"}}""",
                client => client.GetViberMessageDataAsync(StubbedClients.SmsByToken, new SmsByGetViberMessageDataForm { MessageId = 8483 }),
                ("token", StubbedClients.SmsByToken), ("message_id", "8483"));
    }
}
