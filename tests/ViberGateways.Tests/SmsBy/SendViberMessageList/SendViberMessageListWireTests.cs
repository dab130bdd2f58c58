using System;
using System.Collections.Generic;
using System.Text;
using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.SendViberMessageList
{
    /// <summary>
    /// What SMS.by receives for a mailing to a subscriber list (<c>POST /api/v2/sendViberMessageList</c>, multipart
    /// form): text, image by URL, image uploaded as a file, button, a named and scheduled mailing. One approved file
    /// per case in Data/.
    /// </summary>
    public class SendViberMessageListWireTests
    {
        private const string Reply = """{"status": "OK", "result": {"message_id": 4905, "count_subscribers": 4}}""";

        private static readonly Dictionary<string, Func<StubGateway, Task>> Cases = new()
        {
            ["text"] = gateway => Send(gateway, form =>
            {
                form.TypeMessage = SmsByViberMessageType.Text;
                form.Message = "Hello & welcome <b>!</b> — привет 👋";
            }),
            ["image-url"] = gateway => Send(gateway, form =>
            {
                form.TypeMessage = SmsByViberMessageType.Image;
                form.ImageUrl = "https://example.com/images/offer.jpg";
            }),
            ["image-file"] = gateway => Send(gateway, form =>
            {
                form.TypeMessage = SmsByViberMessageType.Image;
                // GIF signature and printable bytes: the file part stays readable in the approved text.
                form.Image = Encoding.ASCII.GetBytes("GIF89a image bytes");
            }),
            ["button"] = gateway => Send(gateway, form =>
            {
                form.TypeMessage = SmsByViberMessageType.Button;
                form.Message = "Our offer";
                form.ImageUrl = "https://example.com/images/offer.jpg";
                form.Button = "Open offer";
                form.ButtonLink = "https://example.com/offer?id=7&src=viber";
            }),
            ["named-and-scheduled"] = gateway => Send(gateway, form =>
            {
                form.Name = "October offer";
                form.Message = "See you tomorrow";
                form.DSchedule = "2024-10-30 22:56";
            }),
        };

        public static TheoryData<string> CaseNames => ApprovedRequests.Names(Cases);

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Request_on_the_wire_matches_the_approved_rendering(string scenario) =>
            (await ApprovedRequests.RenderAsync(Reply, Cases[scenario])).ShouldMatchApproved(ApprovedRequests.File(nameof(SendViberMessageListWireTests), scenario));

        private static Task Send(StubGateway gateway, Action<SmsBySendViberMessageListForm> content)
        {
            var form = new SmsBySendViberMessageListForm { Token = StubbedClients.SmsByToken, VibernameId = 1, ListId = 2 };
            content(form);
            return StubbedClients.SmsBy(gateway).SendViberMessageListAsync(form);
        }
    }
}
