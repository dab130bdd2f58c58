using System;
using System.Linq;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Tests.Infrastructure;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.Validation
{
    /// <summary>
    /// One message model, three transports: what a transport cannot carry is a validation error that names the field
    /// and the transport, and nothing reaches the gateway.
    /// </summary>
    public class AlphaSmsTransportCapabilityTests
    {
        private readonly StubGateway _gateway = new();

        private async Task<RequestValidationException> Rejected(Variant variant, Func<IViberClient, ViberMessage> build)
        {
            var client = Client(variant, _gateway);
            var error = await Should.ThrowAsync<RequestValidationException>(() => client.SendAsync(build(client)));
            _gateway.Requests.ShouldBeEmpty();
            return error;
        }

        [Fact]
        public async Task Sms_fallback_over_xml_names_the_field_and_the_transport()
        {
            var error = await Rejected(Variant.Xml, c =>
            {
                var m = Message(c, "Hi");
                m.SmsFallback = new SmsFallback("Hi by SMS", "Shop");
                return m;
            });

            var violation = error.Violations.ShouldHaveSingleItem();
            violation.Field.ShouldBe("message.SmsFallback");
            violation.Rule.ShouldBe("transport");
            violation.Message.ShouldContain("Xml");
        }

        [Fact]
        public async Task Lifetime_over_xml_is_refused()
        {
            var error = await Rejected(Variant.Xml, c =>
            {
                var m = Message(c, "Hi");
                m.Lifetime = TimeSpan.FromHours(1);
                return m;
            });

            error.Violations.ShouldHaveSingleItem().Field.ShouldBe("message.Lifetime");
        }

        [Fact]
        public async Task Client_id_over_http_is_refused()
        {
            var error = await Rejected(Variant.HttpPost, c =>
            {
                var m = Message(c, "Hi");
                m.ClientId = 5;
                return m;
            });

            error.Violations.ShouldHaveSingleItem().Message.ShouldContain("Http");
        }

        [Theory]
        [InlineData(Variant.Json, true, false, "JSON sends an image alone")]
        [InlineData(Variant.Xml, false, true, "puts a button only on a message with text and an image")]
        [InlineData(Variant.HttpPost, false, false, "requires Text with the image")]
        public async Task Content_a_transport_cannot_show_is_refused_with_a_hint(Variant variant, bool withText, bool withButton, string hint)
        {
            var error = await Rejected(variant, c => Message(c,
                text: withText || withButton ? "Hi" : null,
                imageUrl: withButton ? null : "https://example.com/a.png",
                button: withButton ? new ViberButton("Go", "https://example.com") : null));

            var violation = error.Violations.ShouldHaveSingleItem();
            violation.Field.ShouldBe("message");
            violation.Rule.ShouldBe("transport");
            violation.Message.ShouldContain(hint);
        }

        [Fact]
        public async Task Json_only_options_over_http_are_refused_together()
        {
            var error = await Rejected(Variant.HttpGet, c =>
            {
                var m = Message(c, "Hi");
                m.AlphaSms = new AlphaSmsMessageOptions { ShortenLinks = true, StatusCallbackUrl = "https://example.com/hook" };
                return m;
            });

            error.Violations.Select(v => v.Field).ShouldBe(new[] { "message.AlphaSms.ShortenLinks", "message.AlphaSms.StatusCallbackUrl" });
        }

        [Fact]
        public async Task Every_violation_of_every_message_is_listed_at_once()
        {
            var client = Client(Variant.Json, _gateway);
            var bad = Message(client, new string('x', 1001));
            bad.Recipients = new System.Collections.Generic.List<string> { "12" };
            bad.Button = new ViberButton("This caption is far too long", "not a url");

            var error = await Should.ThrowAsync<RequestValidationException>(() => client.SendAsync(new[] { Message(client, "ok"), bad }));

            // The spec's limits, in the order of its fields (viber_message, viber_link, viber_button), named as the caller wrote them.
            error.Violations.Select(v => (v.Field, v.Rule)).ShouldBe(new[]
            {
                ("messages[1].Recipients[0]", "phone"),
                ("messages[1].Text", "maxLength"),
                ("messages[1].Button.Url", "pattern"),
                ("messages[1].Button.Caption", "maxLength"),
            });
            error.Violations[1].Message.ShouldContain("(sent as `viber_message`)");
            error.Message.ShouldContain("was not sent");
            _gateway.Requests.ShouldBeEmpty();
        }

        [Fact]
        public async Task Status_by_gateway_id_over_json_and_by_client_id_over_http_are_unanswerable_naming_the_transport_that_can()
        {
            var overJson = await Client(Variant.Json, _gateway).GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", gatewayId: "1"));
            var overHttp = await Client(Variant.HttpPost, _gateway).GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 1));

            overJson.ShouldSatisfyAllConditions(() => overJson.State.ShouldBe(DeliveryState.Unknown), () => overJson.Unanswerable.ShouldBeTrue(),
                () => overJson.Error.ShouldNotBeNull().ShouldContain("ask with the XML or HTTP transport"));
            overHttp.ShouldSatisfyAllConditions(() => overHttp.State.ShouldBe(DeliveryState.Unknown), () => overHttp.Unanswerable.ShouldBeTrue(),
                () => overHttp.Error.ShouldNotBeNull().ShouldContain("ask with the JSON or XML transport"));
            _gateway.Requests.ShouldBeEmpty();
        }

        [Fact]
        public async Task Missing_api_key_is_a_validation_error_naming_the_option()
        {
            var client = Client(Variant.Xml, _gateway, key: "");

            var error = await Should.ThrowAsync<RequestValidationException>(() => client.GetBalanceAsync());

            error.Violations.ShouldHaveSingleItem().Field.ShouldBe("AlphaSmsOptions.ApiKey");
            _gateway.Requests.ShouldBeEmpty();
        }
    }
}
