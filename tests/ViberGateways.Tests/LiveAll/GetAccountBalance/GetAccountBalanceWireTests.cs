using System.Threading.Tasks;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.LiveAll.GetAccountBalance
{
    /// <summary>What LiveAll receives for a balance query (<c>POST /apiext/Sendout/GetAccountBalance</c>, a form), approved in Data/.</summary>
    public class GetAccountBalanceWireTests
    {
        [Fact]
        public async Task Request_on_the_wire_matches_the_approved_rendering() =>
            (await ApprovedRequests.RenderAsync("OK Balance:169.64|SmsRemainCount:-1|LCSmsRemainCount:-1", gateway => StubbedClients.LiveAllViber(gateway).GetBalanceAsync(), "text/plain"))
                .ShouldMatchApproved(ApprovedRequests.File(nameof(GetAccountBalanceWireTests), "balance"));
    }
}
