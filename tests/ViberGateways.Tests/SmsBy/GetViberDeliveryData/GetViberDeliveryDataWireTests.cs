using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.GetViberDeliveryData
{
    /// <summary>
    /// What SMS.by receives when asked for a quick message's delivery (<c>POST /api/v2/getViberDeliveryData</c>, a form),
    /// through the generated operation and through <see cref="IViberClient.GetStatusAsync"/>.
    /// </summary>
    public class GetViberDeliveryDataWireTests
    {
        private const string Reply = """{"status": "OK", "result": {"phone": "375293332211", "status": "READ", "error_code": 0}}""";

        private static readonly Dictionary<string, Func<StubGateway, Task>> Cases = new()
        {
            ["generated-operation"] = gateway => StubbedClients.SmsBy(gateway).GetViberDeliveryDataAsync(
                new SmsByGetViberDeliveryDataForm { Token = StubbedClients.SmsByToken, MessageId = 8484 }),
            ["delivery-status-of-a-quick-message"] = gateway => StubbedClients.SmsByNeutral(gateway).GetStatusAsync(new[] { new MessageReference(Gateway.SmsBy, "375293332211", null, "8484") }),
        };

        public static TheoryData<string> CaseNames => ApprovedRequests.Names(Cases);

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Request_on_the_wire_matches_the_approved_rendering(string scenario) =>
            (await ApprovedRequests.RenderAsync(Reply, Cases[scenario])).ShouldMatchApproved(ApprovedRequests.File(nameof(GetViberDeliveryDataWireTests), scenario));
    }
}
