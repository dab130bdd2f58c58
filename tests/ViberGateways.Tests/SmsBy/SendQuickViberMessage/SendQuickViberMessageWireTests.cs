using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.SendQuickViberMessage
{
    /// <summary>
    /// What SMS.by receives for a single Viber message (<c>POST /api/v2/sendQuickViberMessage</c>, multipart form):
    /// text, image by URL, image uploaded as a file, button, SMS forwarding; through the message model
    /// (<see cref="IViberClient.SendAsync(ViberMessage, System.Threading.CancellationToken)"/> to one recipient) and the form model. One approved file per case in Data/.
    /// </summary>
    public class SendQuickViberMessageWireTests
    {
        private const string Reply = """{"status": "OK", "result": {"message_id": 8484}}""";

        private static readonly Dictionary<string, Func<StubGateway, Task>> Cases = new()
        {
            ["text"] = gateway => StubbedClients.SmsByNeutral(gateway).SendAsync(Message(text: "Hello & welcome <b>!</b> — привет 👋")).AllAcceptedAsync(),
            ["image-url"] = gateway => StubbedClients.SmsByNeutral(gateway).SendAsync(Message(imageUrl: "https://example.com/images/offer.jpg")).AllAcceptedAsync(),
            ["button"] = gateway => StubbedClients.SmsByNeutral(gateway).SendAsync(Message(text: "Tap below", button: new ViberButton("Open offer", "https://example.com/offer?id=7&src=viber"))).AllAcceptedAsync(),
            ["text-image-and-button"] = gateway => StubbedClients.SmsByNeutral(gateway).SendAsync(
                Message(text: "Our offer", imageUrl: "https://example.com/images/offer.jpg", button: new ViberButton("Open offer", "https://example.com/offer"))).AllAcceptedAsync(),
            ["image-file"] = gateway => StubbedClients.SmsBy(gateway).SendQuickViberMessageAsync(new SmsBySendQuickViberMessageForm
            {
                Token = StubbedClients.SmsByToken,
                VibernameId = 1,
                Phone = "375291111111",
                TypeMessage = SmsByViberMessageType.Image,
                // GIF signature and printable bytes: the file part stays readable in the approved text.
                Image = Encoding.ASCII.GetBytes("GIF89a image bytes"),
            }),
            ["sms-forwarding"] = gateway => StubbedClients.SmsBy(gateway).SendQuickViberMessageAsync(new SmsBySendQuickViberMessageForm
            {
                Token = StubbedClients.SmsByToken,
                VibernameId = 1,
                Phone = "375291111111",
                TypeMessage = SmsByViberMessageType.Text,
                Message = "Your code is 4711",
                ForwardingMessage = SmsByForwardingMode.Enabled,
                ForwardingTime = 15,
                AlphanameId = 1363,
            }),
        };

        public static TheoryData<string> CaseNames => ApprovedRequests.Names(Cases);

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Request_on_the_wire_matches_the_approved_rendering(string scenario) =>
            (await ApprovedRequests.RenderAsync(Reply, Cases[scenario])).ShouldMatchApproved(ApprovedRequests.File(nameof(SendQuickViberMessageWireTests), scenario));

        /// <summary>A message to one recipient: a quick message, sender = <c>vibername_id</c>.</summary>
        private static ViberMessage Message(string? text = null, string? imageUrl = null, ViberButton? button = null) => new()
        {
            Recipients = { "+375 29 111-11-11" },
            SmsBy = new SmsByMessageOptions { SenderId = 1 },
            Text = text,
            ImageUrl = imageUrl,
            Button = button,
        };
    }
}
