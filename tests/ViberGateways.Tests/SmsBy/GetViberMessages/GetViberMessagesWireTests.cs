using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.GetViberMessages
{
    /// <summary>What SMS.by receives when the mailings are listed (<c>POST /api/v2/getViberMessages</c>, token in the query, paging in a form), with and without paging.</summary>
    public class GetViberMessagesWireTests
    {
        private const string Reply = """{"status": "OK", "result": []}""";

        private static readonly Dictionary<string, Func<StubGateway, Task>> Cases = new()
        {
            ["gateway-default-page"] = gateway => StubbedClients.SmsBy(gateway).GetViberMessagesAsync(StubbedClients.SmsByToken, new SmsByGetViberMessagesForm()),
            ["paged"] = gateway => StubbedClients.SmsBy(gateway).GetViberMessagesAsync(StubbedClients.SmsByToken, new SmsByGetViberMessagesForm { LimitOffset = 200, LimitRows = 50 }),
        };

        public static TheoryData<string> CaseNames => ApprovedRequests.Names(Cases);

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Request_on_the_wire_matches_the_approved_rendering(string scenario) =>
            (await ApprovedRequests.RenderAsync(Reply, Cases[scenario])).ShouldMatchApproved(ApprovedRequests.File(nameof(GetViberMessagesWireTests), scenario));
    }
}
