using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using ViberGateways.Tests.Infrastructure;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.AlphaSms.Neutral
{
    /// <summary>
    /// A neutral status round asks for many messages per request where the transport allows (JSON status items, XML
    /// status queries), 500 per request, and answers every reference in order; a message the gateway does not know is
    /// unknown with the gateway's reason.
    /// </summary>
    public class NeutralStatusBatchTests
    {
        [Theory]
        [InlineData(Variant.Json)]
        [InlineData(Variant.Xml)]
        public async Task A_round_of_1001_references_is_three_requests_of_500_500_and_1(Variant variant)
        {
            var references = Enumerable.Range(0, 1001).Select(i => new MessageReference(Gateway.AlphaSms, "380971234567", 5000 + i)).ToList();
            var gateway = new StubGateway();
            foreach (var size in new[] { 500, 500, 1 })
            {
                gateway.Reply(DeliveredReply(variant, size), variant == Variant.Json ? "application/json" : "text/xml");
            }

            var statuses = await ((IViberClient)Client(variant, gateway)).GetStatusAsync(references);

            gateway.Requests.Select(r => AskedIds(variant, r).Length).ShouldBe(new[] { 500, 500, 1 });
            gateway.Requests.SelectMany(r => AskedIds(variant, r)).ShouldBe(references.Select(r => r.ClientId!.Value));
            statuses.Select(s => s.Reference).ShouldBe(references);
            statuses.ShouldAllBe(s => s.State == DeliveryState.Delivered);
        }

        [Fact]
        public async Task Over_http_each_reference_is_its_own_request()
        {
            var gateway = new StubGateway().Reply("status:Sent code:2 status_time:2024/11/30", "text/plain")
                .Reply("errors:Message not found", "text/plain");
            var references = new[] { "1001", "1002" }.Select(id => new MessageReference(Gateway.AlphaSms, "380971234567", gatewayId: id)).ToList();

            var statuses = await ((IViberClient)Client(Variant.HttpPost, gateway)).GetStatusAsync(references);

            gateway.Requests.Count.ShouldBe(2);
            statuses[0].State.ShouldBe(DeliveryState.Sent);
            statuses[0].RawStatus.ShouldBe("Sent");
            statuses[1].State.ShouldBe(DeliveryState.Unknown);
            statuses[1].Error.ShouldNotBeNull().ShouldContain("Message not found");
        }

        [Theory]
        [InlineData(Variant.Json, """{"success": true, "data": [{"success": true, "data": {"id": 1, "type": "viber", "status": "READ"}}, {"success": false, "error": "Message not found", "data": {"id": 2}}]}""", "Message not found")]
        [InlineData(Variant.Xml, """<package><status><msg id="1" sms_id="11" sms_count="1">102</msg><msg id="2" sms_id="0">201</msg></status></package>""", "201")]
        public async Task A_message_the_gateway_does_not_know_is_unknown_with_its_reason_and_the_others_are_answered(Variant variant, string reply, string reason)
        {
            var gateway = new StubGateway().Reply(reply, variant == Variant.Json ? "application/json" : "text/xml");
            var references = new[] { 1L, 2L }.Select(id => new MessageReference(Gateway.AlphaSms, "380971234567", id)).ToList();

            var statuses = await ((IViberClient)Client(variant, gateway)).GetStatusAsync(references);

            gateway.Requests.Count.ShouldBe(1);
            statuses[0].IsFinal.ShouldBeTrue();
            statuses[1].State.ShouldBe(DeliveryState.Unknown);
            statuses[1].Error.ShouldNotBeNull().ShouldContain(reason);
        }

        [Theory]
        [InlineData(Variant.Json, """{"success": true, "data": [{"success": true, "data": {"id": 3, "type": "viber", "status": "EXPIRED"}}, {"success": true, "data": {"id": 2, "type": "viber", "status": "READ"}}, {"success": true, "data": {"id": 1, "type": "viber", "status": "DELIVERED"}}]}""", false)]
        [InlineData(Variant.Xml, """<package><status><msg id="3" sms_id="13" sms_count="1">103</msg><msg id="2" sms_id="12" sms_count="1">101</msg><msg id="1" sms_id="11" sms_count="1">102</msg></status></package>""", false)]
        [InlineData(Variant.Xml, """<package><status><msg sms_id="13" sms_count="1">103</msg><msg sms_id="12" sms_count="1">101</msg><msg sms_id="11" sms_count="1">102</msg></status></package>""", true)]
        public async Task Each_reference_gets_the_reply_entry_with_its_id_whatever_the_order(Variant variant, string reply, bool byGatewayId)
        {
            var gateway = new StubGateway().Reply(reply, variant == Variant.Json ? "application/json" : "text/xml");
            var references = new[] { 1L, 2L, 3L }.Select(id => byGatewayId
                ? new MessageReference(Gateway.AlphaSms, "380971234567", gatewayId: (10 + id).ToString(System.Globalization.CultureInfo.InvariantCulture))
                : new MessageReference(Gateway.AlphaSms, "380971234567", id)).ToList();

            var statuses = await ((IViberClient)Client(variant, gateway)).GetStatusAsync(references);

            statuses.Select(s => s.Reference).ShouldBe(references);
            statuses.Select(s => s.State).ShouldBe(variant == Variant.Json
                ? new[] { DeliveryState.Delivered, DeliveryState.Read, DeliveryState.Expired }
                : new[] { DeliveryState.Delivered, DeliveryState.Sending, DeliveryState.Expired });
        }

        [Theory]
        [InlineData(Variant.Json, """{"success": true, "data": [{"success": true, "data": {"id": 3, "type": "viber", "status": "EXPIRED"}}, {"success": true, "data": {"id": 1, "type": "viber", "status": "DELIVERED"}}]}""")]
        [InlineData(Variant.Xml, """<package><status><msg id="3" sms_id="13" sms_count="1">103</msg><msg id="1" sms_id="11" sms_count="1">102</msg></status></package>""")]
        public async Task A_reference_without_an_entry_in_the_reply_is_unknown_with_an_error(Variant variant, string reply)
        {
            var gateway = new StubGateway().Reply(reply, variant == Variant.Json ? "application/json" : "text/xml");
            var references = new[] { 1L, 2L, 3L }.Select(id => new MessageReference(Gateway.AlphaSms, "380971234567", id)).ToList();

            var statuses = await ((IViberClient)Client(variant, gateway)).GetStatusAsync(references);

            statuses.Select(s => s.State).ShouldBe(new[] { DeliveryState.Delivered, DeliveryState.Unknown, DeliveryState.Expired });
            statuses[1].Error.ShouldNotBeNull().ShouldContain("no entry");
        }

        private static string DeliveredReply(Variant variant, int count) => variant == Variant.Json
            ? new JObject
            {
                ["success"] = true,
                ["data"] = new JArray(Enumerable.Range(0, count).Select(_ => new JObject
                {
                    ["success"] = true,
                    ["data"] = new JObject { ["type"] = "viber", ["status"] = "DELIVERED" },
                })),
            }.ToString()
            : new XElement("package", new XElement("status", Enumerable.Range(0, count).Select(_ => new XElement("msg", 102)))).ToString();

        private static long[] AskedIds(Variant variant, RecordedRequest request) => variant == Variant.Json
            ? JToken.Parse(request.BodyText)["data"]!.Select(item => item["id"]!.Value<long>()).ToArray()
            : XDocument.Parse(request.BodyText).Root!.Element("status")!.Elements("msg").Select(msg => (long)msg.Attribute("id")!).ToArray();
    }
}
