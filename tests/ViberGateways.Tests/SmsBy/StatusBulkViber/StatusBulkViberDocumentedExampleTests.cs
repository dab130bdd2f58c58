using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.StatusBulkViber
{
    /// <summary>
    /// statusBulkViber as seed 004 documents it (its section copied to Data/): token and uuid in the query, through
    /// the generated operation and through <see cref="IViberClient.GetStatusAsync"/> for a mailing. The table
    /// documents no body; the SDK sends an empty one (labelled application/json, as the generated client does for an
    /// operation without a request body), which carries no parameter.
    /// </summary>
    public class StatusBulkViberDocumentedExampleTests
    {
        private const string Uuid = "cc9c8043-8caf-11ef-b035-9e8f47954dec";

        private static readonly (string, string)[] Values = { ("token", StubbedClients.SmsByToken), ("uuid", Uuid) };

        [Fact]
        public Task Generated_operation_sends_each_documented_parameter_where_the_table_puts_it() =>
            DocumentedParameterTable.Of<StatusBulkViberDocumentedExampleTests>().ShouldBeSentBy("[]",
                client => client.StatusBulkViberAsync(StubbedClients.SmsByToken, Uuid), Values);

        [Fact]
        public Task Delivery_status_of_a_mailing_sends_each_documented_parameter_where_the_table_puts_it() =>
            DocumentedParameterTable.Of<StatusBulkViberDocumentedExampleTests>().ShouldBeSentBy("[]",
                client => ((IViberClient)client).GetStatusAsync(new[] { new MessageReference(Gateway.SmsBy, "375291111111", null, null, Uuid) }), Values);
    }
}
