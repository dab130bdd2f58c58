using System;
using System.Text.Json;
using Newtonsoft.Json;

namespace ViberGateways.Tests.Neutral
{
    /// <summary>A reference is what users store between a send and a status query: it must survive text and JSON unchanged.</summary>
    public class MessageReferenceTests
    {
        public static TheoryData<MessageReference> References => new()
        {
            new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 42, gatewayId: "1000001"),
            new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 42),
            new MessageReference(Gateway.AlphaSms, "380971234567", gatewayId: "1000001"),
            new MessageReference(Gateway.LiveAll, "306912345678", gatewayId: "3546"),
            new MessageReference(Gateway.SmsBy, "375291111111", mailingId: "eae9c1f1-c1e9-4c5e-a43f-d8cd4a0c5d52"),
            new MessageReference(Gateway.SmsBy, "375291111111", gatewayId: "8484"),
            new MessageReference(Gateway.AlphaSms, "", clientId: 42),
            new MessageReference(Gateway.LiveAll, "306912345678", clientId: -5, gatewayId: "3546"),
        };

        [Theory]
        [MemberData(nameof(References))]
        public void A_reference_reads_back_from_its_text(MessageReference reference)
        {
            var text = reference.ToString();

            var read = MessageReference.Parse(text);

            (read.Gateway, read.Recipient, read.ClientId, read.GatewayId, read.MailingId)
                .ShouldBe((reference.Gateway, reference.Recipient, reference.ClientId, reference.GatewayId, reference.MailingId));
            read.ShouldBe(reference);
            read.GetHashCode().ShouldBe(reference.GetHashCode());
        }

        [Theory]
        [MemberData(nameof(References))]
        public void A_reference_reads_back_from_json_with_either_serializer(MessageReference reference)
        {
            JsonConvert.DeserializeObject<MessageReference>(JsonConvert.SerializeObject(reference)).ShouldBe(reference);
            System.Text.Json.JsonSerializer.Deserialize<MessageReference>(System.Text.Json.JsonSerializer.Serialize(reference)).ShouldBe(reference);
        }

        [Fact]
        public void The_text_form_is_documented_and_stable()
        {
            new MessageReference(Gateway.AlphaSms, "380971234567", 42, "1000001").ToString().ShouldBe("AlphaSms:380971234567:42:1000001:");
            new MessageReference(Gateway.SmsBy, "375291111111", mailingId: "u-1").ToString().ShouldBe("SmsBy:375291111111:::u-1");
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("AlphaSms:380971234567")]
        [InlineData("AlphaSms:380971234567:::")]
        [InlineData("Telegram:380971234567:1::")]
        [InlineData("7:380971234567:1::")]
        [InlineData("AlphaSms:380971234567:x::")]
        [InlineData("AlphaSms:380971234567:1:2:3:4")]
        public void Text_that_is_not_a_reference_is_refused(string? text)
        {
            MessageReference.TryParse(text, out var reference).ShouldBeFalse();
            reference.ShouldBeNull();
            if (text != null)
            {
                var failure = Should.Throw<FormatException>(() => MessageReference.Parse(text));
                failure.Message.ShouldContain("gateway:recipient:clientId:gatewayId:mailingId");
                failure.Message.ShouldNotContain("380971234567", customMessage: "a phone number never reaches an exception message");
            }
        }

        [Fact]
        public void A_reference_of_no_gateway_is_refused()
        {
            Should.Throw<ArgumentOutOfRangeException>(() => new MessageReference((Gateway)7, "380971234567", clientId: 1));
        }

        [Fact]
        public void A_reference_cannot_hold_the_separator()
        {
            Should.Throw<ArgumentException>(() => new MessageReference(Gateway.SmsBy, "375291111111", mailingId: "a:b"));
        }
    }
}
