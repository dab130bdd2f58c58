using System.Collections.Generic;
using System.Threading.Tasks;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Neutral
{
    /// <summary>
    /// A one-to-many bulk send checks its message when it is called and sends that message, even when the caller
    /// changes the object before the results are read (the recipients may take hours to stream).
    /// </summary>
    public class BulkMessageSnapshotTests
    {
        public static TheoryData<string, string> Gateways => new()
        {
            { "AlphaSms Json", """{"success":true,"data":[{"success":true,"data":{"id":1001,"msg_id":9001,"data":1,"parts":1}}]}""" },
            { "AlphaSms Xml", "<?xml version=\"1.0\" encoding=\"utf-8\" ?><package><message-viber><msg id=\"1001\" msg_id=\"9001\">1</msg></message-viber></package>" },
            { "AlphaSms Http", "id:9001 sms_count:1" },
            { "LiveAll", """{"success":true,"OperationErrors":null,"SubmissionID":0,"data":[2101520394]}""" },
            { "SmsBy", """{"uuid": "cc9c8043-8caf-11ef-b035-9e8f47954dec", "success": "OK"}""" },
        };

        [Theory]
        [MemberData(nameof(Gateways))]
        public async Task The_message_checked_at_the_call_is_the_one_sent(string gateway, string reply)
        {
            var stub = new StubGateway().Reply(reply, gateway == "AlphaSms Xml" ? "application/xml" : gateway == "AlphaSms Http" ? "text/plain" : "application/json");
            var client = EveryClient.Create(gateway, stub);
            var message = new ViberMessage { Text = "Checked text", Button = new ViberButton("Open", "https://example.com/checked"), ImageUrl = "https://example.com/checked.png" };

            var results = client.SendBulkAsync(message, Recipients());
            message.Text = "Changed text";
            message.Button = new ViberButton("Changed", "https://example.com/changed");
            message.ImageUrl = null;
            await results.AllAcceptedAsync();

            var sent = stub.Requests.ShouldHaveSingleItem().BodyText;
            sent.ShouldContain("Checked");
            sent.ShouldContain("checked.png");
            sent.ShouldNotContain("Changed");
            sent.ShouldNotContain("changed");
        }


        private static async IAsyncEnumerable<string> Recipients()
        {
            await Task.Yield();
            yield return "380971234567";
        }
    }
}
