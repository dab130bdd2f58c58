using System.Linq;
using System.Threading.Tasks;
using System.Web;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using ViberGateways.AlphaSms;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Wire.AlphaSms
{
    /// <summary>The request examples of the three AlphaSMS pages (seeds 000, 001, 002), reproduced by the SDK.</summary>
    public class AlphaSmsSeedRequestTests
    {
        private const string SeedKey = "bb56a4369eb19***cfec6d1776bd25";

        [Fact]
        public async Task Json_image_message_is_the_documented_request()
        {
            var gateway = new StubGateway().Reply("""{"success":true,"data":[{"success":true,"data":{"id":100500,"msg_id":123456789,"data":1,"parts":1}}]}""");
            var client = AlphaSmsClientFactory.Create(new AlphaSmsOptions { ApiKey = SeedKey }, gateway.CreateClient());

            await client.SendAsync(new AlphaSmsMessage
            {
                ClientId = 100500,
                Recipient = "380971234567",
                Sender = "ViberTest",
                ImageUrl = "https://url.com/storage/images/image.png",
                ShortenLinks = true,
            });

            var documented = JToken.Parse("""
                {
                    "auth": "bb56a4369eb19***cfec6d1776bd25",
                    "data": [
                        {
                            "type": "viber",
                            "id": 100500,
                            "phone": 380971234567,
                            "viber_type": "image",
                            "viber_signature": "ViberTest",
                            "viber_image": "https://url.com/storage/images/image.png",
                            "short_link": true
                        }
                    ]
                }
                """);
            var sent = JToken.Parse(gateway.LastRequest.BodyText);
            JToken.DeepEquals(sent, documented).ShouldBeTrue($"sent {sent}");
            gateway.LastRequest.ContentType.ShouldBe("application/json");
        }

        [Fact]
        public async Task Xml_image_message_is_the_documented_document()
        {
            var gateway = new StubGateway().Reply("""<?xml version="1.0" encoding="utf-8" ?><package><message-viber><msg id="1234" msg_id="1234568">1</msg></message-viber></package>""", "text/xml");
            var client = AlphaSmsClientFactory.Create(new AlphaSmsOptions { ApiKey = SeedKey, Transport = AlphaSmsTransport.Xml }, gateway.CreateClient());

            await client.SendAsync(new AlphaSmsMessage
            {
                ClientId = 1234,
                Recipient = "+380971234567",
                Sender = "SMSTest",
                Text = "Message text to be sent via Viber",
                ImageUrl = "https://image.url/image.png",
            });

            var documented = XDocument.Parse("""
                <?xml version="1.0" encoding="utf-8" ?>
                <package key="bb56a4369eb19***cfec6d1776bd25">
                    <message-viber>
                        <msg id="1234">
                            <phone>+380971234567</phone>
                            <sender>SMSTest</sender>
                            <type>image</type>
                            <text>Message text to be sent via Viber</text>
                            <image>https://image.url/image.png</image>
                        </msg>
                    </message-viber>
                </package>
                """);
            var sent = XDocument.Parse(gateway.LastRequest.BodyText);
            XNode.DeepEquals(sent, documented).ShouldBeTrue($"sent {sent}");
        }

        [Fact]
        public async Task Http_text_message_is_the_documented_query()
        {
            var gateway = new StubGateway().Reply("id:84523377 sms_count:1", "text/plain");
            var options = new AlphaSmsOptions { ApiKey = "api/key", Transport = AlphaSmsTransport.Http, UseHttpGet = true };
            var client = AlphaSmsClientFactory.Create(options, gateway.CreateClient("http://alphasms.test/"));

            await client.SendAsync(new AlphaSmsMessage
            {
                Recipient = "380501234567",
                Sender = "test",
                Text = "test",
                Lifetime = System.TimeSpan.FromSeconds(60),
                SmsFallback = new AlphaSmsSmsFallback("test", "test"),
            });

            // /api/http.php?version=http&key=api/key&command=send&from=test&to=380501234567&message=test&viber=1
            //   &viber_type=text&viber_message=test&viber_from=test&viber_lifetime=60&viber_sms=true
            var documented = new[]
            {
                ("version", "http"), ("key", "api/key"), ("command", "send"), ("from", "test"), ("to", "380501234567"),
                ("message", "test"), ("viber", "1"), ("viber_type", "text"), ("viber_message", "test"), ("viber_from", "test"),
                ("viber_lifetime", "60"), ("viber_sms", "true"),
            };
            gateway.LastRequest.Method.ShouldBe("GET");
            gateway.LastRequest.Uri.AbsolutePath.ShouldBe("/api/http.php");
            var sent = HttpUtility.ParseQueryString(gateway.LastRequest.Uri.Query);
            sent.AllKeys.Select(k => (k!, sent[k]!)).ShouldBe(documented, ignoreOrder: true);
        }
    }
}
