using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.GetAlphanames
{
    /// <summary>
    /// What SMS.by receives when asked for the account's alpha names (<c>GET /api/v1/getAlphanames</c>, the token in
    /// the query), through the generated operation and through <see cref="IViberClient.GetSendersAsync"/>.
    /// </summary>
    public class GetAlphanamesWireTests
    {
        private const string Reply = """{"0": "System name (SMS.by)", "1363": "VasheImya"}""";

        private static readonly Dictionary<string, Func<StubGateway, Task>> Cases = new()
        {
            ["generated-operation"] = gateway => StubbedClients.SmsBy(gateway).GetAlphanamesAsync(StubbedClients.SmsByToken),
            ["senders"] = gateway => ((IViberClient)StubbedClients.SmsBy(gateway)).GetSendersAsync(),
        };

        public static TheoryData<string> CaseNames => ApprovedRequests.Names(Cases);

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Request_on_the_wire_matches_the_approved_rendering(string scenario) =>
            (await ApprovedRequests.RenderAsync(Reply, Cases[scenario])).ShouldMatchApproved(ApprovedRequests.File(nameof(GetAlphanamesWireTests), scenario));
    }
}
