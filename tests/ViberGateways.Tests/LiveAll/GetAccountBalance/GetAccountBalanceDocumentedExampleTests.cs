using System.Threading.Tasks;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.LiveAll.GetAccountBalance
{
    /// <summary>
    /// GetAccountBalance as the gateway reference documents it (no seed page shows a request): "<c>POST
    /// https://sms.liveall.eu/apiext/Sendout/GetAccountBalance</c>, form <c>apitoken</c>".
    /// </summary>
    public class GetAccountBalanceDocumentedExampleTests
    {
        [Fact]
        public async Task Balance_query_is_the_documented_form()
        {
            var gateway = new StubGateway().Reply("OK Balance:169.64|SmsRemainCount:-1|LCSmsRemainCount:-1", "text/plain");

            await StubbedClients.LiveAllViber(gateway).GetBalanceAsync();

            gateway.LastRequest.ShouldBeFormPost("/apiext/Sendout/GetAccountBalance", ("apitoken", StubbedClients.LiveAllApiToken));
        }
    }
}
