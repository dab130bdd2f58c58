using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ViberGateways.Tests.Infrastructure;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.AlphaSms.Neutral
{
    /// <summary>
    /// The <see cref="MessageReference"/> of a neutral send: stored as text or JSON and read back, it asks the status on
    /// every transport by the id that transport documents (JSON the client id, XML the client id, HTTP the gateway id);
    /// one a transport cannot look up is answered, not thrown.
    /// </summary>
    public class NeutralReferenceTests
    {
        public static TheoryData<Variant> AllVariants => new() { Variant.Json, Variant.Xml, Variant.HttpPost, Variant.HttpGet };

        private static readonly ViberMessage Message = new() { Recipients = { "+380971234567" }, Sender = "Shop", Text = "Hi", ClientId = 100500 };

        [Theory]
        [MemberData(nameof(AllVariants))]
        public async Task A_json_send_reference_read_back_from_text_and_json_asks_the_status_on_every_transport(Variant asking)
        {
            var sending = new StubGateway().Reply("""{"success": true, "data": [{"success": true, "data": {"id": 100500, "msg_id": 123456789, "parts": 1}}]}""");
            var sent = (await Neutral(Variant.Json, sending).SendAsync(Message)).ShouldHaveSingleItem();
            var reference = sent.Reference.ShouldNotBeNull();
            reference.ShouldBe(new MessageReference(Gateway.AlphaSms, "380971234567", 100500, "123456789"));

            var fromText = MessageReference.Parse(reference.ToString());
            var fromJson = JsonConvert.DeserializeObject<MessageReference>(JsonConvert.SerializeObject(reference))!;
            fromText.ShouldBe(reference);
            fromJson.ShouldBe(reference);

            var gateway = new StubGateway().Reply(DeliveredReply(asking), asking == Variant.Json ? "application/json" : "text/plain");
            var status = (await Neutral(asking, gateway).GetStatusAsync(new[] { fromJson })).ShouldHaveSingleItem();

            status.State.ShouldBe(DeliveryState.Delivered);
            status.Reference.ShouldBe(reference);
            AskedId(asking, gateway.Requests.ShouldHaveSingleItem()).ShouldBe(asking switch
            {
                Variant.Json => "client id 100500",
                Variant.Xml => "client id 100500",
                _ => "gateway id 123456789",
            });
        }

        [Theory]
        [InlineData(Variant.Json, "AlphaSms:380971234567::123456789:", "XML or HTTP")]
        [InlineData(Variant.HttpPost, "AlphaSms:380971234567:100500::", "JSON or XML")]
        public async Task A_reference_the_transport_cannot_look_up_is_unknown_with_the_transport_that_can(Variant variant, string stored, string advice)
        {
            var gateway = new StubGateway();

            var status = (await Neutral(variant, gateway).GetStatusAsync(new[] { MessageReference.Parse(stored) })).ShouldHaveSingleItem();

            status.State.ShouldBe(DeliveryState.Unknown);
            status.Error.ShouldNotBeNull().ShouldContain(advice);
            gateway.Requests.ShouldBeEmpty();
        }

        [Fact]
        public async Task An_xml_status_asks_by_gateway_id_a_reference_from_the_http_transport()
        {
            var gateway = new StubGateway().Reply("""<package><status><msg sms_id="84523377" sms_count="1" date_completed="2024-11-30T12:05:00">102</msg></status></package>""", "text/xml");

            var status = (await Neutral(Variant.Xml, gateway).GetStatusAsync(new[] { new MessageReference(Gateway.AlphaSms, "380501234567", gatewayId: "84523377") }))
                .ShouldHaveSingleItem();

            AskedId(Variant.Xml, gateway.LastRequest).ShouldBe("gateway id 84523377");
            status.State.ShouldBe(DeliveryState.Delivered);
            status.RawStatus.ShouldBe("102");
            status.UpdatedAt.ShouldBe(new System.DateTimeOffset(2024, 11, 30, 12, 5, 0, System.TimeSpan.Zero));
        }

        [Fact]
        public async Task A_reference_of_another_gateway_is_a_validation_error_naming_it()
        {
            var gateway = new StubGateway();
            var references = new[] { new MessageReference(Gateway.AlphaSms, "380971234567", 1), new MessageReference(Gateway.LiveAll, "380971234567", gatewayId: "77") };

            var error = await Should.ThrowAsync<RequestValidationException>(() => Neutral(Variant.Json, gateway).GetStatusAsync(references));

            var violation = error.Violations.ShouldHaveSingleItem();
            violation.Field.ShouldBe("references[1]");
            violation.Message.ShouldContain("LiveAll");
            gateway.Requests.ShouldBeEmpty();
        }

        private static IViberClient Neutral(Variant variant, StubGateway gateway) => (IViberClient)Client(variant, gateway);

        private static string DeliveredReply(Variant variant) => variant switch
        {
            Variant.Json => """{"success": true, "data": [{"success": true, "data": {"id": 100500, "type": "viber", "status": "DELIVERED"}}]}""",
            Variant.Xml => """<package><status><msg id="100500" sms_id="123456789" sms_count="1">102</msg></status></package>""",
            _ => "status:Delivered code:3 status_time:2024/11/30",
        };

        /// <summary>The one message id a status request asked for, read from the wire.</summary>
        private static string AskedId(Variant variant, RecordedRequest request)
        {
            switch (variant)
            {
                case Variant.Json:
                    var item = (JObject)JToken.Parse(request.BodyText)["data"]!.ShouldHaveSingleItem();
                    item["type"]!.Value<string>().ShouldBe("status");
                    return "client id " + item["id"];
                case Variant.Xml:
                    var msg = XDocument.Parse(request.BodyText).Root!.Element("status")!.Elements("msg").ShouldHaveSingleItem();
                    return msg.Attribute("id") is { } id ? "client id " + id.Value : "gateway id " + msg.Attribute("sms_id")!.Value;
                default:
                    var parameters = SentParameters.Of(request).Values().ToDictionary(p => p.Name, p => p.Value);
                    parameters["command"].ShouldBe("receive");
                    return "gateway id " + parameters["id"];
            }
        }
    }
}
