using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Tests.Infrastructure;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.AlphaSms.CallHttpApi
{
    /// <summary>
    /// What AlphaSMS receives over the HTTP API (<c>/api/http.php</c>): every message kind, SMS fallback and lifetime,
    /// a scheduled message, status and balance. Its two operations carry the same parameters, in the query of a GET
    /// (<see cref="CallHttpApiWithQueryWireTests"/>) or in a form POST (<see cref="CallHttpApiWithFormWireTests"/>), so
    /// both run these cases, each with its own approved file per case in Data/.
    /// </summary>
    public abstract class CallHttpApiWireTests
    {
        private const string SendReply = "id:9001 sms_count:1";
        private const string StatusReply = "status:Delivered code:3 status_time:2024/11/30";
        private const string BalanceReply = "balance:10.526";

        private static readonly Dictionary<string, (string Reply, Func<IViberClient, Task> Act)> Cases = new()
        {
            ["text"] = (SendReply, AlphaSmsWireCases.Text),
            ["image"] = (SendReply, AlphaSmsWireCases.ImageWithText),
            ["text-image-and-button"] = (SendReply, AlphaSmsWireCases.TextImageAndButton),
            ["sms-fallback-and-lifetime"] = (SendReply, AlphaSmsWireCases.SmsFallbackAndLifetime),
            ["scheduled"] = (SendReply, AlphaSmsWireCases.Scheduled),
            ["status-by-gateway-id"] = (StatusReply, AlphaSmsWireCases.StatusByGatewayId),
            ["balance"] = (BalanceReply, AlphaSmsWireCases.Balance),
        };

        public static TheoryData<string> CaseNames => ApprovedRequests.Names(Cases);

        /// <summary>GET or POST.</summary>
        private protected abstract Variant Variant { get; }

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Request_on_the_wire_matches_the_approved_rendering(string scenario) =>
            (await ApprovedRequests.RenderAsync(Cases[scenario].Reply, gateway => Cases[scenario].Act(Client(Variant, gateway)), "text/plain"))
                .ShouldMatchApproved(ApprovedRequests.File(GetType().Name, scenario));

        [Fact]
        public void Cases_cover_every_operation_of_the_transport() => Cases.Keys.ShouldCoverEveryOperationOfATransport();
    }
}
