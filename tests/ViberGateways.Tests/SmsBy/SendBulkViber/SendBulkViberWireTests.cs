using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.SendBulkViber
{
    /// <summary>
    /// What SMS.by receives for Viber mailings (<c>POST /api/v1/sendBulkViber</c>, a JSON body): bulk mailings of text,
    /// image and button, scheduled ones, sent through the message model (<see cref="IViberClient"/>'s sends and bulk
    /// send); personal mailings and one with a callback URL through the generated operation
    /// (<see cref="ISmsByClient.SendBulkViberAsync"/>): one approved file per case in Data/.
    /// </summary>
    public class SendBulkViberWireTests
    {
        private const string Reply = """{"uuid": "cc9c8043-8caf-11ef-b035-9e8f47954dec", "success": "OK"}""";

        private static readonly DateTimeOffset Tomorrow = new(2024, 10, 30, 22, 56, 0, TimeSpan.FromHours(3));

        private static readonly ViberButton Button = new("Push me", "https://example.com/offer?id=7&src=viber");

        private static readonly Dictionary<string, Func<StubGateway, Task>> Cases = new()
        {
            ["bulk-text"] = gateway => StubbedClients.SmsByNeutral(gateway).SendAsync(Message(text: "Hello & welcome <b>!</b> — привет 👋")).AllAcceptedAsync(),
            ["bulk-image"] = gateway => StubbedClients.SmsByNeutral(gateway).SendAsync(Message(imageUrl: "https://example.com/images/offer.jpg")).AllAcceptedAsync(),
            ["bulk-button"] = gateway => StubbedClients.SmsByNeutral(gateway).SendAsync(Message(text: "Our offer", imageUrl: "https://example.com/images/offer.jpg", button: Button)).AllAcceptedAsync(),
            ["bulk-named-and-scheduled"] = gateway =>
            {
                var message = Message(text: "See you tomorrow", recipients: new[] { "375291111111" });
                message.SmsBy!.MailingName = "October offer";
                message.ScheduledAt = Tomorrow;
                return StubbedClients.SmsByNeutral(gateway).SendAsync(message).AllAcceptedAsync();
            },
            ["bulk-from-a-recipient-list"] = async gateway =>
            {
                var template = Message(text: "Sale starts today", recipients: Array.Empty<string>());
                await StubbedClients.SmsByNeutral(gateway).SendBulkAsync(template, new[] { "375291111111", "+375 29 222-22-22" }.ToAsyncEnumerable()).AllAcceptedAsync();
            },
            // A personalised bulk send's message to several recipients is one mailing to them, as SendAsync(message) sends it ("bulk-text").
            ["bulk-personalised-several-recipients"] = gateway =>
                StubbedClients.SmsByNeutral(gateway).SendBulkAsync(new[] { Message(text: "Hello both") }.ToAsyncEnumerable()).AllAcceptedAsync(),
            // A personal mailing (each recipient its own text) has no message-model form: the neutral API sends personalised
            // messages as quick messages. The generated operation sends it.
            ["personal-text"] = gateway => StubbedClients.SmsBy(gateway).SendBulkViberAsync(new SmsBySendBulkViberRequest
            {
                Token = StubbedClients.SmsByToken,
                Messages =
                {
                    new SmsByBulkViberPersonalMailing
                    {
                        AlphanameId = "444",
                        Name = "Personal greetings",
                        ScheduleTime = "2024-10-30T22:56:00",
                        Content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Text },
                        DeliveryList =
                        {
                            new SmsByPersonalDelivery { Phone = "375291111111", Text = "Hello Anna" },
                            new SmsByPersonalDelivery { Phone = "375292222222", Text = "Hello Ivan" },
                        },
                    },
                },
            }),
            ["personal-button"] = gateway => StubbedClients.SmsBy(gateway).SendBulkViberAsync(new SmsBySendBulkViberRequest
            {
                Token = StubbedClients.SmsByToken,
                Messages =
                {
                    new SmsByBulkViberPersonalMailing
                    {
                        AlphanameId = "444",
                        Content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Button, ImageUrl = "https://example.com/images/offer.jpg", Caption = Button.Caption },
                        DeliveryList =
                        {
                            new SmsByPersonalDelivery { Phone = "375291111111", Text = "Your offer, Anna", ButtonLink = "https://example.com/offer/1" },
                            new SmsByPersonalDelivery { Phone = "375292222222", Text = "Your offer, Ivan", ButtonLink = Button.Url },
                        },
                    },
                },
            }),
            ["generated-operation-with-callback-url"] = gateway => StubbedClients.SmsBy(gateway).SendBulkViberAsync(new SmsBySendBulkViberRequest
            {
                Token = StubbedClients.SmsByToken,
                CallbackUrl = "https://example.com/hooks/smsby",
                Messages =
                {
                    new SmsByBulkViberSameMessageMailing
                    {
                        AlphanameId = "444",
                        Name = "mailing list 1",
                        ScheduleTime = "2024-10-30T22:56:00",
                        Content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Text, Text = "message text 1" },
                        DeliveryList = { "375291111111", "375292222222" },
                    },
                    new SmsByBulkViberPersonalMailing
                    {
                        AlphanameId = "444",
                        Name = "mailing list 2",
                        Content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Text },
                        DeliveryList = { new SmsByPersonalDelivery { Phone = "375291111111", Text = "personal message 2.1" } },
                    },
                },
            }),
        };

        public static TheoryData<string> CaseNames => ApprovedRequests.Names(Cases);

        [Theory]
        [MemberData(nameof(CaseNames))]
        public async Task Request_on_the_wire_matches_the_approved_rendering(string scenario) =>
            (await ApprovedRequests.RenderAsync(Reply, Cases[scenario])).ShouldMatchApproved(ApprovedRequests.File(nameof(SendBulkViberWireTests), scenario));

        /// <summary>A message to two recipients (a mailing, sender = <c>alphaname_id</c>) unless told otherwise.</summary>
        private static ViberMessage Message(string? text = null, string? imageUrl = null, ViberButton? button = null, IEnumerable<string>? recipients = null) => new()
        {
            Recipients = (recipients ?? new[] { "375291111111", "375292222222" }).ToList(),
            SmsBy = new SmsByMessageOptions { SenderId = 444 },
            Text = text,
            ImageUrl = imageUrl,
            Button = button,
        };
    }
}
