using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Tests.Infrastructure;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.AlphaSms.Execute
{
    /// <summary>
    /// What AlphaSMS receives over the JSON API (<c>POST /api/json.php</c>): every message kind, SMS fallback and
    /// lifetime, short links and the delivery hook, a batch, status and balance. One approved file per case in Data/.
    /// </summary>
    public class ExecuteWireTests
    {
        private const string SendReply = """{"success":true,"data":[{"success":true,"data":{"id":1001,"msg_id":9001,"data":1,"parts":1}},{"success":true,"data":{"id":1002,"msg_id":9002,"data":1,"parts":1}}]}""";
        private const string StatusReply = """{"success":true,"data":[{"success":true,"data":{"id":1001,"type":"viber","status":"DELIVERED"}}]}""";
        private const string BalanceReply = """{"success":true,"data":[{"success":true,"data":{"amount":10.526,"currency":"UAH"}}]}""";

        private static readonly Dictionary<string, (string Reply, Func<IViberClient, Task> Act)> Cases = new()
        {
            ["text"] = (SendReply, AlphaSmsWireCases.Text),
            // JSON sends an image alone (viber_type image).
            ["image"] = (SendReply, client => AcceptedAsync(client.SendAsync(Message(client, text: null, imageUrl: "https://example.com/images/offer.png")))),
            ["text-and-button"] = (SendReply, client => AcceptedAsync(client.SendAsync(Message(client, text: "Tap below", button: AlphaSmsWireCases.Button)))),
            ["text-image-and-button"] = (SendReply, AlphaSmsWireCases.TextImageAndButton),
            ["sms-fallback-and-lifetime"] = (SendReply, AlphaSmsWireCases.SmsFallbackAndLifetime),
            ["json-options"] = (SendReply, client =>
            {
                var message = Message(client, text: "Track https://example.com/t");
                message.AlphaSms = new AlphaSmsMessageOptions { ShortenLinks = true, StatusCallbackUrl = "https://example.com/hooks/alphasms" };
                return AcceptedAsync(client.SendAsync(message));
            }),
            ["batch"] = (SendReply, AlphaSmsWireCases.Batch),
            ["status-by-client-id"] = (StatusReply, AlphaSmsWireCases.StatusByClientId),
            ["balance"] = (BalanceReply, AlphaSmsWireCases.Balance),
        };

        public static TheoryData<string> CaseNames => ApprovedRequests.Names(Cases);

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Request_on_the_wire_matches_the_approved_rendering(string scenario) =>
            (await ApprovedRequests.RenderAsync(Cases[scenario].Reply, gateway => Cases[scenario].Act(Client(Variant.Json, gateway))))
                .ShouldMatchApproved(ApprovedRequests.File(nameof(ExecuteWireTests), scenario));

        [Fact]
        public void Cases_cover_every_operation_of_the_transport() => Cases.Keys.ShouldCoverEveryOperationOfATransport();
    }
}
