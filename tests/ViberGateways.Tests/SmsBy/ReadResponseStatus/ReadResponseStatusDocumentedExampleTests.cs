using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.ReadResponseStatus
{
    /// <summary>readResponseStatus as seed 004 documents it (its section copied to Data/): token and the comma-separated incoming_messages in the form.</summary>
    public class ReadResponseStatusDocumentedExampleTests
    {
        [Fact]
        public Task Request_sends_each_documented_parameter_where_the_table_puts_it() =>
            DocumentedParameterTable.Of<ReadResponseStatusDocumentedExampleTests>().ShouldBeSentBy(
                """{"status": "OK", "result": "Number of flagged messages: 2"}""",
                client => client.ReadResponseStatusAsync(new SmsByReadResponseStatusForm { Token = StubbedClients.SmsByToken, IncomingMessages = "1234,1236" }),
                ("token", StubbedClients.SmsByToken), ("incoming_messages", "1234,1236"));
    }
}
