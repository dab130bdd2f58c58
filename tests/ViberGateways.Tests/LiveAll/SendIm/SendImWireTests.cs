using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ViberGateways.Bulk;
using ViberGateways.LiveAll;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.LiveAll.SendIm
{
    /// <summary>
    /// What LiveAll receives for every kind of SendIM message (<c>POST /apiext/Sendout/SendIM</c>, a JSON body), sent
    /// through the neutral message (<see cref="IViberClient.SendAsync(ViberMessage, System.Threading.CancellationToken)"/>, the bulk sends) and through the generated
    /// operation (<see cref="ILiveAllClient.SendImAsync"/>): one approved file per case in Data/.
    /// </summary>
    public class SendImWireTests
    {
        // A documented success reply, one message id per destination (two in every case).
        private const string Reply = """{"success": true, "OperationErrors": null, "SubmissionID": 0, "data": [2101520394, 2101520395]}""";

        private static readonly IList<string> Recipients = new[] { "+30 691 234 5678", "306987654321" };

        private static readonly Dictionary<string, Func<StubGateway, Task>> Cases = new()
        {
            ["text"] = gateway => StubbedClients.LiveAllViber(gateway).SendAsync(Message("Hello & welcome <b>!</b> — γεια σου 👋")).AllAcceptedAsync(),
            ["image"] = gateway => StubbedClients.LiveAllViber(gateway).SendAsync(Message("Our offer", imageUrl: "https://example.com/images/offer.jpg")).AllAcceptedAsync(),
            ["action"] = gateway => StubbedClients.LiveAllViber(gateway).SendAsync(Message("Tap below", button: new ViberButton("Visit us", "https://example.com/offer?id=7&src=viber"))).AllAcceptedAsync(),
            ["image-and-action"] = gateway => StubbedClients.LiveAllViber(gateway).SendAsync(
                Message("Our offer", imageUrl: "https://example.com/images/offer.jpg", button: new ViberButton("Visit us", "https://example.com/offer"))).AllAcceptedAsync(),
            ["sms-fallback-low-cost"] = gateway => StubbedClients.LiveAllViber(gateway).SendAsync(
                Message("Your code is 4711", fallback: new SmsFallback("Your code is 4711 (SMS)", "ShopSMS"), lowCostSms: true)).AllAcceptedAsync(),
            ["sms-fallback-normal-price"] = gateway => StubbedClients.LiveAllViber(gateway).SendAsync(
                Message("Your code is 4711", fallback: new SmsFallback("Your code is 4711 (SMS)", "ShopSMS"))).AllAcceptedAsync(),
            ["bulk-one-message-to-many"] = async gateway =>
            {
                var template = Message("Sale starts today");
                template.Recipients = new List<string>();
                await StubbedClients.LiveAllViber(gateway).SendBulkAsync(template, Recipients.ToAsyncEnumerable()).AllAcceptedAsync();
            },
            ["bulk-personalised"] = async gateway =>
            {
                var messages = new[] { Message("Hello Anna", recipient: Recipients[0]), Message("Hello Nikos", recipient: Recipients[1]) };
                await StubbedClients.LiveAllViber(gateway).SendBulkAsync(messages.ToAsyncEnumerable(), new BulkSendOptions { MaxConcurrentRequests = 1 }).AllAcceptedAsync();
            },
            // A message to both recipients is one SendIM request to both, as SendAsync(message) sends it ("text").
            ["bulk-personalised-several-recipients"] = async gateway =>
            {
                var messages = new[] { Message("Hello both"), Message("Hello Nikos", recipient: Recipients[1]) };
                await StubbedClients.LiveAllViber(gateway).SendBulkAsync(messages.ToAsyncEnumerable(), new BulkSendOptions { MaxConcurrentRequests = 1 }).AllAcceptedAsync();
            },
            ["generated-operation-every-field"] = gateway => StubbedClients.LiveAll(gateway).SendImAsync(new LiveAllSendImRequest
            {
                Apitoken = StubbedClients.LiveAllApiToken,
                ImType = LiveAllImType.ImWithSmsFallback,
                ImSenderName = "ShopViber",
                ImText = "Our offer",
                ImImageUrls = new List<string> { "https://example.com/images/offer.jpg" },
                ImActions = new List<LiveAllImAction> { new() { Caption = "Visit us", Url = "https://example.com/offer" } },
                Destinations = { "306912345678", "306987654321" },
                Senderid = "ShopSMS",
                SmsText = "Our offer: https://example.com/offer",
                Pricecat = LiveAllPriceCategory.Normal,
            }),
        };

        public static TheoryData<string> CaseNames => ApprovedRequests.Names(Cases);

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Request_on_the_wire_matches_the_approved_rendering(string scenario) =>
            (await ApprovedRequests.RenderAsync(Reply, Cases[scenario])).ShouldMatchApproved(ApprovedRequests.File(nameof(SendImWireTests), scenario));

        private static ViberMessage Message(string text, string? imageUrl = null, ViberButton? button = null, SmsFallback? fallback = null, string? recipient = null,
            bool lowCostSms = false) => new()
        {
            Recipients = recipient is null ? Recipients.ToList() : new List<string> { recipient },
            Sender = "ShopViber",
            Text = text,
            ImageUrl = imageUrl,
            Button = button,
            SmsFallback = fallback,
            LiveAll = lowCostSms ? new LiveAllMessageOptions { LowCostSms = true } : null,
        };
    }
}
