using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.SendQuickViberMessage
{
    /// <summary>
    /// sendQuickViberMessage as seed 004 documents it (its section copied to Data/): every parameter a multipart form
    /// field, the image as an uploaded file part. The table offers the image by URL or as a file ("required if
    /// type_message = IMAGE and image_url is not passed"), so one request sends every field but the file, one sends the
    /// file; a message to one recipient through <see cref="IViberClient.SendAsync(ViberMessage, System.Threading.CancellationToken)"/> is checked against the table too.
    /// </summary>
    public class SendQuickViberMessageDocumentedExampleTests
    {
        private const string Reply = """{"status": "OK", "result": {"message_id": 8484}}""";

        [Fact]
        public async Task Requests_send_each_documented_parameter_where_the_table_puts_it()
        {
            var gateway = new StubGateway().Reply(Reply).Reply(Reply).Reply(Reply);
            var client = StubbedClients.SmsBy(gateway);

            await client.SendQuickViberMessageAsync(new SmsBySendQuickViberMessageForm
            {
                Token = StubbedClients.SmsByToken,
                VibernameId = 1,
                Phone = "375291111111",
                TypeMessage = SmsByViberMessageType.Button,
                Message = "Our offer",
                ImageUrl = "https://example.com/images/offer.jpg",
                Button = "Open offer",
                ButtonLink = "https://example.com/offer",
                ForwardingMessage = SmsByForwardingMode.Enabled,
                ForwardingTime = 30,
                AlphanameId = 1363,
            });
            await client.SendQuickViberMessageAsync(new SmsBySendQuickViberMessageForm
            {
                Token = StubbedClients.SmsByToken,
                VibernameId = 1,
                Phone = "375291111111",
                TypeMessage = SmsByViberMessageType.Image,
                Image = Encoding.ASCII.GetBytes("GIF89a image bytes"),
            });
            await ((IViberClient)client).SendAsync(new ViberMessage { Recipients = { "+375291111111" }, Text = "Hello", SmsBy = new SmsByMessageOptions { SenderId = 1 } }).AllAcceptedAsync();

            DocumentedParameterTable.Of<SendQuickViberMessageDocumentedExampleTests>().ShouldBeCoveredBy(gateway.Requests.ToArray());
            SentParameters.Of(gateway.Requests[0]).Values().ShouldBe(new[]
            {
                ("token", StubbedClients.SmsByToken), ("vibername_id", "1"), ("phone", "375291111111"), ("type_message", "BUTTON"), ("message", "Our offer"),
                ("image_url", "https://example.com/images/offer.jpg"), ("button", "Open offer"), ("button_link", "https://example.com/offer"),
                ("forwarding_message", "1"), ("forwarding_time", "30"), ("alphaname_id", "1363"),
            }, ignoreOrder: true);
            var upload = SentParameters.Of(gateway.Requests[1]);
            upload.Values().ShouldBe(new[]
            {
                ("token", StubbedClients.SmsByToken), ("vibername_id", "1"), ("phone", "375291111111"), ("type_message", "IMAGE"), ("image", "GIF89a image bytes"),
            }, ignoreOrder: true);
            upload.Single(p => p.Name == "image").FileName.ShouldBe("image.gif");
            SentParameters.Of(gateway.Requests[2]).Values().ShouldBe(new[]
            {
                ("token", StubbedClients.SmsByToken), ("vibername_id", "1"), ("phone", "375291111111"), ("type_message", "TEXT"), ("message", "Hello"),
            }, ignoreOrder: true);
        }
    }
}
