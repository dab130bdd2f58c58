using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.GetViberDeliveryData
{
    /// <summary>
    /// getViberDeliveryData as seed 004 documents it (its section copied to Data/): token and message_id in the form,
    /// through the generated operation and through <see cref="IViberClient.GetStatusAsync"/> for a quick message.
    /// </summary>
    public class GetViberDeliveryDataDocumentedExampleTests
    {
        private const string Reply = """{"status": "OK", "result": {"phone": "375293332211", "status": "READ", "error_code": 0}}""";

        private static readonly (string, string)[] Values = { ("token", StubbedClients.SmsByToken), ("message_id", "8484") };

        [Fact]
        public Task Generated_operation_sends_each_documented_parameter_where_the_table_puts_it() =>
            DocumentedParameterTable.Of<GetViberDeliveryDataDocumentedExampleTests>().ShouldBeSentBy(Reply,
                client => client.GetViberDeliveryDataAsync(new SmsByGetViberDeliveryDataForm { Token = StubbedClients.SmsByToken, MessageId = 8484 }), Values);

        [Fact]
        public Task Delivery_status_of_a_quick_message_sends_each_documented_parameter_where_the_table_puts_it() =>
            DocumentedParameterTable.Of<GetViberDeliveryDataDocumentedExampleTests>().ShouldBeSentBy(Reply,
                client => ((IViberClient)client).GetStatusAsync(new[] { new MessageReference(Gateway.SmsBy, "375293332211", null, "8484") }), Values);
    }
}
