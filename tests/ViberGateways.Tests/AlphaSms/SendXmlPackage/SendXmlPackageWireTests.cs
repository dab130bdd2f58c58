using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Tests.Infrastructure;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.AlphaSms.SendXmlPackage
{
    /// <summary>
    /// What AlphaSMS receives over the XML API (<c>POST /api/xml.php</c>): every message kind XML carries, a scheduled
    /// message, several messages in one package, status by client and by gateway id, and the balance. One approved
    /// file per case in Data/.
    /// </summary>
    public class SendXmlPackageWireTests
    {
        private const string SendReply = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><package><message-viber><msg id=\"1001\" msg_id=\"9001\">1</msg><msg id=\"1002\" msg_id=\"9002\">1</msg></message-viber></package>";
        private const string StatusReply = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><package><status><msg id=\"1001\" sms_id=\"9001\" sms_count=\"1\" date_completed=\"2024-11-30T12:05:00\">102</msg></status></package>";
        private const string BalanceReply = "<?xml version=\"1.0\" encoding=\"utf-8\" ?><package><balance><amount>10.526</amount><currency>UAH</currency></balance></package>";

        private static readonly Dictionary<string, (string Reply, Func<IViberClient, Task> Act)> Cases = new()
        {
            ["text"] = (SendReply, AlphaSmsWireCases.Text),
            ["image"] = (SendReply, AlphaSmsWireCases.ImageWithText),
            ["text-image-and-button"] = (SendReply, AlphaSmsWireCases.TextImageAndButton),
            ["scheduled"] = (SendReply, AlphaSmsWireCases.Scheduled),
            ["batch"] = (SendReply, AlphaSmsWireCases.Batch),
            ["status-by-client-id"] = (StatusReply, AlphaSmsWireCases.StatusByClientId),
            ["status-by-gateway-id"] = (StatusReply, AlphaSmsWireCases.StatusByGatewayId),
            ["balance"] = (BalanceReply, AlphaSmsWireCases.Balance),
        };

        public static TheoryData<string> CaseNames => ApprovedRequests.Names(Cases);

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Request_on_the_wire_matches_the_approved_rendering(string scenario) =>
            (await ApprovedRequests.RenderAsync(Cases[scenario].Reply, gateway => Cases[scenario].Act(Client(Variant.Xml, gateway)), "text/xml"))
                .ShouldMatchApproved(ApprovedRequests.File(nameof(SendXmlPackageWireTests), scenario));

        [Fact]
        public void Cases_cover_every_operation_of_the_transport() => Cases.Keys.ShouldCoverEveryOperationOfATransport();
    }
}
