using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.ConfirmViberMessage
{
    /// <summary>confirmViberMessage as seed 004 documents it (its section copied to Data/): token in the query, message_id in the form.</summary>
    public class ConfirmViberMessageDocumentedExampleTests
    {
        [Fact]
        public Task Request_sends_each_documented_parameter_where_the_table_puts_it() =>
            DocumentedParameterTable.Of<ConfirmViberMessageDocumentedExampleTests>().ShouldBeSentBy(
                """{"status": "OK"}""",
                client => client.ConfirmViberMessageAsync(StubbedClients.SmsByToken, new SmsByConfirmViberMessageForm { MessageId = 4905 }),
                ("token", StubbedClients.SmsByToken), ("message_id", "4905"));
    }
}
