using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.GetNewIncomingMessages
{
    /// <summary>getNewIncomingMessages as seed 004 documents it (its section copied to Data/): token and message_id in the form.</summary>
    public class GetNewIncomingMessagesDocumentedExampleTests
    {
        [Fact]
        public Task Request_sends_each_documented_parameter_where_the_table_puts_it() =>
            DocumentedParameterTable.Of<GetNewIncomingMessagesDocumentedExampleTests>().ShouldBeSentBy(
                """{"status": "OK", "result": []}""",
                client => client.GetNewIncomingMessagesAsync(new SmsByGetNewIncomingMessagesForm { Token = StubbedClients.SmsByToken, MessageId = 4905 }),
                ("token", StubbedClients.SmsByToken), ("message_id", "4905"));
    }
}
