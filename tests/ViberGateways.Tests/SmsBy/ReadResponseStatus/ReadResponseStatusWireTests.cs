using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.ReadResponseStatus
{
    /// <summary>What SMS.by receives when replies are marked read (<c>POST /api/v2/readResponseStatus</c>, a form), approved in Data/.</summary>
    public class ReadResponseStatusWireTests
    {
        [Fact]
        public async Task Request_on_the_wire_matches_the_approved_rendering() =>
            (await ApprovedRequests.RenderAsync("""{"status": "OK", "result": "Number of flagged messages: 3"}""", gateway => StubbedClients.SmsBy(gateway)
                .ReadResponseStatusAsync(new SmsByReadResponseStatusForm { Token = StubbedClients.SmsByToken, IncomingMessages = "1234,1236,1240" })))
                .ShouldMatchApproved(ApprovedRequests.File(nameof(ReadResponseStatusWireTests), "several-ids"));
    }
}
