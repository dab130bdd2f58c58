using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.GetViberMessageData
{
    /// <summary>What SMS.by receives when asked for a mailing's data (<c>POST /api/v2/getViberMessageData</c>, token in the query, a form), approved in Data/.</summary>
    public class GetViberMessageDataWireTests
    {
        [Fact]
        public async Task Request_on_the_wire_matches_the_approved_rendering() =>
            (await ApprovedRequests.RenderAsync("""{"status": "OK", "result": {"message_id": 8483, "status": "SENT"}}""", gateway => StubbedClients.SmsBy(gateway)
                .GetViberMessageDataAsync(StubbedClients.SmsByToken, new SmsByGetViberMessageDataForm { MessageId = 8483 })))
                .ShouldMatchApproved(ApprovedRequests.File(nameof(GetViberMessageDataWireTests), "by-message-id"));
    }
}
