using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.GetViberDeliveryList
{
    /// <summary>What SMS.by receives when a mailing's deliveries are listed (<c>POST /api/v2/getViberDeliveryList</c>, a form), approved in Data/.</summary>
    public class GetViberDeliveryListWireTests
    {
        [Fact]
        public async Task Request_on_the_wire_matches_the_approved_rendering() =>
            (await ApprovedRequests.RenderAsync("""{"status": "OK", "result": []}""", gateway => StubbedClients.SmsBy(gateway)
                .GetViberDeliveryListAsync(new SmsByGetViberDeliveryListForm { Token = StubbedClients.SmsByToken, MessageId = 4905 })))
                .ShouldMatchApproved(ApprovedRequests.File(nameof(GetViberDeliveryListWireTests), "by-message-id"));
    }
}
