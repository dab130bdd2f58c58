using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.ConfirmViberMessage
{
    /// <summary>What SMS.by receives when a mailing is confirmed (<c>POST /api/v2/confirmViberMessage</c>, token in the query, a form), approved in Data/.</summary>
    public class ConfirmViberMessageWireTests
    {
        [Fact]
        public async Task Request_on_the_wire_matches_the_approved_rendering() =>
            (await ApprovedRequests.RenderAsync("""{"status": "OK"}""", gateway => StubbedClients.SmsBy(gateway)
                .ConfirmViberMessageAsync(StubbedClients.SmsByToken, new SmsByConfirmViberMessageForm { MessageId = 4905 })))
                .ShouldMatchApproved(ApprovedRequests.File(nameof(ConfirmViberMessageWireTests), "confirm"));
    }
}
