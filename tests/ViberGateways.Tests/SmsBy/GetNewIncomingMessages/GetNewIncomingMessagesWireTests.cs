using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.GetNewIncomingMessages
{
    /// <summary>What SMS.by receives when asked for the replies to a mailing (<c>POST /api/v2/getNewIncomingMessages</c>, a form), approved in Data/.</summary>
    public class GetNewIncomingMessagesWireTests
    {
        [Fact]
        public async Task Request_on_the_wire_matches_the_approved_rendering() =>
            (await ApprovedRequests.RenderAsync("""{"status": "OK", "result": []}""", gateway => StubbedClients.SmsBy(gateway)
                .GetNewIncomingMessagesAsync(new SmsByGetNewIncomingMessagesForm { Token = StubbedClients.SmsByToken, MessageId = 4905 })))
                .ShouldMatchApproved(ApprovedRequests.File(nameof(GetNewIncomingMessagesWireTests), "by-message-id"));
    }
}
