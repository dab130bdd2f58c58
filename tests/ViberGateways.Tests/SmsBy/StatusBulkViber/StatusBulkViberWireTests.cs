using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.StatusBulkViber
{
    /// <summary>
    /// What SMS.by receives when asked for the statuses of a mailing batch (<c>POST /api/v1/statusBulkViber</c>, token
    /// and uuid in the query), through the generated operation and through <see cref="IViberClient.GetStatusAsync"/>.
    /// </summary>
    public class StatusBulkViberWireTests
    {
        private const string Uuid = "cc9c8043-8caf-11ef-b035-9e8f47954dec";

        private const string Reply = """
            [{"message_id": 1, "name": "mailing list 1", "alphaname_id": 123, "success": [
              {"delivery_id": 1001, "phone": "375291111111", "status": "NEW", "status_time": "2024-10-16 22:52:42.497994"}]}]
            """;

        private static readonly Dictionary<string, Func<StubGateway, Task>> Cases = new()
        {
            ["generated-operation"] = gateway => StubbedClients.SmsBy(gateway).StatusBulkViberAsync(StubbedClients.SmsByToken, Uuid),
            ["delivery-status-of-a-mailing"] = gateway => StubbedClients.SmsByNeutral(gateway).GetStatusAsync(new[] { new MessageReference(Gateway.SmsBy, "375291111111", null, null, Uuid) }),
        };

        public static TheoryData<string> CaseNames => ApprovedRequests.Names(Cases);

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Request_on_the_wire_matches_the_approved_rendering(string scenario) =>
            (await ApprovedRequests.RenderAsync(Reply, Cases[scenario])).ShouldMatchApproved(ApprovedRequests.File(nameof(StatusBulkViberWireTests), scenario));
    }
}
