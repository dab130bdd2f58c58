using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ViberGateways.SmsBy;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.SmsBy.SendBulkViber
{
    /// <summary>
    /// sendBulkViber as seed 004 documents it: the sample request with its five mailings (copied verbatim to
    /// Data/…seed004.json), built again through the generated request model and, bulk mailing by bulk mailing, through
    /// the message model; and the method, path and parameter names of its table (the section copied to
    /// Data/…seed004.parameters.md, without the description and the sample).
    /// </summary>
    public class SendBulkViberDocumentedExampleTests
    {
        private const string DocumentedToken = "eyJpdiI6IjJzOFlFcXBmOUZEcGJlYzlzeFJValE9PSIsInZhbHV";
        private const string Reply = """{"uuid": "cc9c8043-8caf-11ef-b035-9e8f47954dec", "success": "OK"}""";
        private const string ImageUrl = "https://example-site.com/images/image.jpg";

        private static readonly DateTimeOffset ScheduleTime = new(2024, 10, 30, 22, 56, 0, TimeSpan.Zero);
        private static readonly string[] Phones = { "375291111111", "375292222222" };

        /// <summary>
        /// The documented bulk mailings (3 to 5) sent each on its own through the message model; the personal ones (1 and
        /// 2, each recipient its own text) have no message-model form and are sent through the generated operation, below.
        /// </summary>
        private static readonly Dictionary<int, Func<ViberMessage>> MailingMessages = new()
        {
            [3] = () => Mailing("mailing list 3", "message text 3", ImageUrl, new ViberButton("Button", "https://example-site.com/some_action")),
            [4] = () => Mailing("mailing list 4", "message text 4"),
            [5] = () => Mailing("mailing list 5", imageUrl: ImageUrl),
        };

        private static readonly Dictionary<int, Func<IViberClient, Task>> Mailings =
            MailingMessages.ToDictionary(pair => pair.Key, pair => (Func<IViberClient, Task>)(client => client.SendAsync(pair.Value()).AllAcceptedAsync()));

        public static TheoryData<int> MailingNumbers => new(Mailings.Keys);

        [Fact]
        public async Task Generated_operation_sends_the_documented_sample()
        {
            var gateway = new StubGateway().Reply(Reply);

            await StubbedClients.SmsBy(gateway).SendBulkViberAsync(new SmsBySendBulkViberRequest
            {
                Token = DocumentedToken,
                CallbackUrl = "http://example-site.com/webhook.php",
                Messages =
                {
                    new SmsByBulkViberPersonalMailing
                    {
                        AlphanameId = "444", Name = "mailing list 1", ScheduleTime = "2024-10-30T22:56:00",
                        Content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Button, ImageUrl = ImageUrl, Caption = "Push me" },
                        DeliveryList =
                        {
                            new SmsByPersonalDelivery { Phone = Phones[0], Text = "personal message 1.1", ButtonLink = "https://example-site.com/some_action/1" },
                            new SmsByPersonalDelivery { Phone = Phones[1], Text = "personal message 1.2", ButtonLink = "https://example-site.com/some_action/2" },
                        },
                    },
                    new SmsByBulkViberPersonalMailing
                    {
                        AlphanameId = "444", Name = "mailing list 2", ScheduleTime = "2024-10-30T22:56:00",
                        Content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Text },
                        DeliveryList =
                        {
                            new SmsByPersonalDelivery { Phone = Phones[0], Text = "personal message 2.1" },
                            new SmsByPersonalDelivery { Phone = Phones[1], Text = "personal message 2.2" },
                        },
                    },
                    new SmsByBulkViberSameMessageMailing
                    {
                        AlphanameId = "444", Name = "mailing list 3", ScheduleTime = "2024-10-30T22:56:00",
                        Content = new SmsByBulkViberContent
                        {
                            Type = SmsByBulkViberContentType.Button, ImageUrl = ImageUrl, ButtonLink = "https://example-site.com/some_action", Caption = "Button", Text = "message text 3",
                        },
                        DeliveryList = Phones.ToList(),
                    },
                    new SmsByBulkViberSameMessageMailing
                    {
                        AlphanameId = "444", Name = "mailing list 4", ScheduleTime = "2024-10-30T22:56:00",
                        Content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Text, Text = "message text 4" },
                        DeliveryList = Phones.ToList(),
                    },
                    new SmsByBulkViberSameMessageMailing
                    {
                        AlphanameId = "444", Name = "mailing list 5", ScheduleTime = "2024-10-30T22:56:00",
                        Content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Image, ImageUrl = ImageUrl },
                        DeliveryList = Phones.ToList(),
                    },
                },
            });

            gateway.LastRequest.ContentType.ShouldBe("application/json");
            JToken.Parse(gateway.LastRequest.BodyText).ShouldBeSameTreeAs(DocumentedSample());
        }

        /// <summary>
        /// The message model sends one mailing per request, without <c>callback_url</c>: <see cref="ViberMessage"/> has
        /// no callback URL (an application that wants one uses the generated operation, above). Everything else of the
        /// request is the documented one, cut to this mailing.
        /// </summary>
        [Theory]
        [MemberData(nameof(MailingNumbers))]
        public async Task Message_model_sends_the_documented_mailing(int number)
        {
            var gateway = new StubGateway().Reply(Reply);

            await Mailings[number](StubbedClients.SmsByNeutral(gateway, DocumentedToken));

            var documented = DocumentedSample();
            var expected = new JObject { ["token"] = documented["token"], ["messages"] = new JArray(documented["messages"]![number - 1]!) };
            JToken.Parse(gateway.Requests.ShouldHaveSingleItem().BodyText).ShouldBeSameTreeAs(expected, $"mailing {number} of the sample, without callback_url");
        }

        /// <summary>
        /// A personalised bulk send takes each documented mailing's message to its two recipients as the single send
        /// does: one request, the documented mailing (without <c>callback_url</c>, as above).
        /// </summary>
        [Theory]
        [MemberData(nameof(MailingNumbers))]
        public async Task Personalised_bulk_send_sends_a_message_to_several_as_the_documented_mailing(int number)
        {
            var gateway = new StubGateway().Reply(Reply);

            await StubbedClients.SmsByNeutral(gateway, DocumentedToken).SendBulkAsync(new[] { MailingMessages[number]() }.ToAsyncEnumerable()).AllAcceptedAsync();

            var documented = DocumentedSample();
            var expected = new JObject { ["token"] = documented["token"], ["messages"] = new JArray(documented["messages"]![number - 1]!) };
            JToken.Parse(gateway.Requests.ShouldHaveSingleItem().BodyText).ShouldBeSameTreeAs(expected, $"mailing {number} of the sample, without callback_url");
        }

        /// <summary>
        /// The table's names are what the SDK sends, but not where the table puts them. The table lists token,
        /// callback_url and messages as "query" parameters; the same page's sample request is one JSON document holding
        /// all three, and the array of nested mailings has no query-string form. The SDK follows the sample: the three
        /// are the members of an application/json body (the gateway reference says so too, and specs/smsby.yaml records
        /// the choice), and the query is empty.
        /// </summary>
        [Fact]
        public async Task Table_names_are_sent_as_the_samples_json_body_not_in_the_query()
        {
            var gateway = new StubGateway().Reply(Reply);
            var table = DocumentedParameterTable.Of<SendBulkViberDocumentedExampleTests>();

            await StubbedClients.SmsBy(gateway).SendBulkViberAsync(new SmsBySendBulkViberRequest
            {
                Token = StubbedClients.SmsByToken,
                CallbackUrl = "https://example.com/hooks/smsby",
                Messages =
                {
                    new SmsByBulkViberSameMessageMailing
                    {
                        AlphanameId = "444",
                        Content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Text, Text = "Hello" },
                        DeliveryList = { Phones[0] },
                    },
                },
            });

            var request = gateway.LastRequest;
            request.Method.ShouldBe(table.Method);
            request.Uri.AbsolutePath.ShouldBe(table.Path);
            var sent = SentParameters.Of(request);
            sent.Select(p => p.Name).ShouldBe(table.Parameters.Select(p => p.Name), ignoreOrder: true);
            table.Parameters.Select(p => p.Location).Distinct().ShouldBe(new[] { "query" });
            sent.Select(p => p.Location).Distinct().ShouldBe(new[] { SentParameters.JsonBody }, "the table says query; the SDK sends the sample's JSON document");
            JToken.Parse(sent.Single(p => p.Name == "messages").Value).Type.ShouldBe(JTokenType.Array, "messages is documented as an array");
        }

        /// <summary>
        /// Seed 004: a <c>personal</c> mailing is sent "passing the message text and phone number each time", and every
        /// personal entry of its sample has both. specs/smsby.yaml requires both, so a personal entry without a text is
        /// refused before anything is sent.
        /// </summary>
        [Fact]
        public async Task Personal_entry_without_text_is_refused_as_seed_004_passes_phone_and_text_each_time()
        {
            var personal = DocumentedSample()["messages"]!.Where(m => (string?)m["message_type"] == "personal").SelectMany(m => m["delivery_list"]!).ToList();
            personal.ShouldNotBeEmpty();
            personal.ShouldAllBe(entry => entry["phone"] != null && entry["text"] != null, "seed 004's sample passes phone and text in every personal entry");
            var gateway = new StubGateway().Reply(Reply);

            var error = await Should.ThrowAsync<RequestValidationException>(() => StubbedClients.SmsBy(gateway).SendBulkViberAsync(new SmsBySendBulkViberRequest
            {
                Token = StubbedClients.SmsByToken,
                Messages =
                {
                    new SmsByBulkViberPersonalMailing
                    {
                        AlphanameId = "444",
                        Content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Text },
                        DeliveryList = { new SmsByPersonalDelivery { Phone = Phones[0] } },
                    },
                },
            }));

            error.Violations.ShouldContain(v => v.Field == "request.messages[0].delivery_list[0].text" && v.Rule == "required", error.Message);
            gateway.Requests.ShouldBeEmpty();
        }

        private static JToken DocumentedSample() => JToken.Parse(DocumentedFixtures.Read<SendBulkViberDocumentedExampleTests>("seed004.json"));

        private static ViberMessage Mailing(string name, string? text = null, string? imageUrl = null, ViberButton? button = null) => new()
        {
            Recipients = Phones.ToList(),
            SmsBy = new SmsByMessageOptions { SenderId = 444, MailingName = name },
            ScheduledAt = ScheduleTime,
            Text = text,
            ImageUrl = imageUrl,
            Button = button,
        };
    }
}
