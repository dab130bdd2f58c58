using System.Threading.Tasks;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.LiveAll.GetSmsStatus
{
    /// <summary>
    /// GetSMSStatus as the gateway reference documents it (no seed page shows a request): "<c>POST
    /// https://sms.liveall.eu/apiext/Sendout/GetSMSStatus</c>, form fields <c>apitoken</c>, <c>smsids</c> (ids separated
    /// by <c>,</c>)". The form encodes the comma as <c>%2C</c>, which a form reader decodes back to ",".
    /// </summary>
    public class GetSmsStatusDocumentedExampleTests
    {
        [Fact]
        public async Task Status_query_is_the_documented_form()
        {
            var gateway = new StubGateway().Reply("2101520394:1718010000:1718010042:306912345678:300002:IM_DELIVRD:1:0.012|"
                + "2101520395:1718010000:1718010000:306987654321:100007:QUEUED:1:0", "text/plain");

            await StubbedClients.LiveAllViber(gateway).GetStatusAsync(StubbedClients.LiveAllReferences(2101520394, 2101520395));

            gateway.LastRequest.ShouldBeFormPost("/apiext/Sendout/GetSMSStatus",
                ("apitoken", StubbedClients.LiveAllApiToken), ("smsids", "2101520394,2101520395"));
        }
    }
}
