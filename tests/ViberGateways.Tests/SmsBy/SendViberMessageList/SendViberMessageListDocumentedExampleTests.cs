using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.SendViberMessageList
{
    /// <summary>
    /// sendViberMessageList as seed 004 documents it (its section copied to Data/): every parameter a multipart form
    /// field, the image as an uploaded file part. The table offers the image by URL or as a file, so one request sends
    /// every field but the file, one sends the file with only the required fields.
    /// </summary>
    public class SendViberMessageListDocumentedExampleTests
    {
        private const string Reply = """{"status": "OK", "result": {"message_id": 4905, "count_subscribers": 4}}""";

        [Fact]
        public async Task Requests_send_each_documented_parameter_where_the_table_puts_it()
        {
            var gateway = new StubGateway().Reply(Reply).Reply(Reply);
            var client = StubbedClients.SmsBy(gateway);

            await client.SendViberMessageListAsync(new SmsBySendViberMessageListForm
            {
                Token = StubbedClients.SmsByToken,
                Name = "October offer",
                VibernameId = 1,
                ListId = 2,
                TypeMessage = SmsByViberMessageType.Button,
                Message = "Our offer",
                ImageUrl = "https://example.com/images/offer.jpg",
                Button = "Open offer",
                ButtonLink = "https://example.com/offer",
                DSchedule = "2024-10-30 22:56",
            });
            await client.SendViberMessageListAsync(new SmsBySendViberMessageListForm
            {
                Token = StubbedClients.SmsByToken,
                VibernameId = 1,
                ListId = 2,
                Image = Encoding.ASCII.GetBytes("GIF89a image bytes"),
            });

            DocumentedParameterTable.Of<SendViberMessageListDocumentedExampleTests>().ShouldBeCoveredBy(gateway.Requests.ToArray());
            SentParameters.Of(gateway.Requests[0]).Values().ShouldBe(new[]
            {
                ("token", StubbedClients.SmsByToken), ("name", "October offer"), ("vibername_id", "1"), ("list_id", "2"), ("type_message", "BUTTON"),
                ("message", "Our offer"), ("image_url", "https://example.com/images/offer.jpg"), ("button", "Open offer"),
                ("button_link", "https://example.com/offer"), ("d_schedule", "2024-10-30 22:56"),
            }, ignoreOrder: true);
            var upload = SentParameters.Of(gateway.Requests[1]);
            upload.Values().ShouldBe(new[] { ("token", StubbedClients.SmsByToken), ("vibername_id", "1"), ("list_id", "2"), ("image", "GIF89a image bytes") }, ignoreOrder: true);
            upload.Single(p => p.Name == "image").FileName.ShouldBe("image.gif");
        }
    }
}
