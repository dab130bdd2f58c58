using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ViberGateways.LiveAll;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.LiveAll.GetSmsStatus
{
    /// <summary>What LiveAll receives for a status query (<c>POST /apiext/Sendout/GetSMSStatus</c>, a form): one approved file per case in Data/.</summary>
    public class GetSmsStatusWireTests
    {
        // Plain-text records as the reference describes them, one per id asked for.
        private const string Reply = "2101520394:1718010000:1718010042:306912345678:300002:IM_DELIVRD:1:0.012|"
            + "2101520395:1718010000:1718010120:306987654321:300008:IM_SEEN:1:0.012|"
            + "2101520396:1718010000:1718010000:306911111111:100007:QUEUED:1:0";

        private static readonly Dictionary<string, Func<StubGateway, Task>> Cases = new()
        {
            ["one-id"] = gateway => StubbedClients.LiveAllViber(gateway).GetStatusAsync(StubbedClients.LiveAllReferences(2101520394)),
            ["several-ids"] = gateway => StubbedClients.LiveAllViber(gateway).GetStatusAsync(StubbedClients.LiveAllReferences(2101520394, 2101520395, 2101520396)),
        };

        public static TheoryData<string> CaseNames => ApprovedRequests.Names(Cases);

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Request_on_the_wire_matches_the_approved_rendering(string scenario) =>
            (await ApprovedRequests.RenderAsync(Reply, Cases[scenario], "text/plain")).ShouldMatchApproved(ApprovedRequests.File(nameof(GetSmsStatusWireTests), scenario));
    }
}
