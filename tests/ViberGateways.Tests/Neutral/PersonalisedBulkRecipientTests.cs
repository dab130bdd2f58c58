using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using ViberGateways.AlphaSms;
using ViberGateways.Bulk;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Neutral
{
    /// <summary>
    /// A personalised bulk send takes a message to several recipients on every gateway, as the single send does, with
    /// the same results: one per recipient, in order, <see cref="SendResult.Index"/> counting recipients message by
    /// message, each recipient's client id the message's plus its position, a bad recipient rejected alone under
    /// <c>messages[m].Recipients[r]</c>. Every recipient reaches the gateway once.
    /// </summary>
    public class PersonalisedBulkRecipientTests
    {
        // Three messages: to three recipients, to three of which the second is no phone number, to one.
        private static readonly string[][] Recipients =
        {
            new[] { "+380 97 111 1111", "380972222222", "380973333333" },
            new[] { "380974444444", "12", "380975555555" },
            new[] { "380976666666" },
        };

        private static readonly string[] Sent = { "380971111111", "380972222222", "380973333333", "380974444444", "380975555555", "380976666666" };

        [Theory]
        [MemberData(nameof(EveryClient.Names), MemberType = typeof(EveryClient))]
        public async Task Messages_to_several_recipients_give_one_result_per_recipient_in_order_on_every_client(string name)
        {
            var stub = AcceptingGateway(name);
            var client = EveryClient.Create(name, stub);
            var clientIds = EveryClient.Transport(name) != AlphaSmsTransport.Http;

            var results = await client.SendBulkAsync(Messages(firstClientId: clientIds ? 100 : null).ToAsyncEnumerable(), new BulkSendOptions { MaxConcurrentRequests = 1 })
                .ToListAsync();

            results = results.OrderBy(r => r.Index).ToList();
            results.Select(r => r.Index).ShouldBe(new long[] { 0, 1, 2, 3, 4, 5, 6 });
            results.Select(r => r.Recipient).ShouldBe(Recipients.SelectMany(r => r));
            results.Select(r => r.Outcome).ShouldBe(new[]
            {
                SendOutcome.Accepted, SendOutcome.Accepted, SendOutcome.Accepted, SendOutcome.Accepted, SendOutcome.Rejected, SendOutcome.Accepted, SendOutcome.Accepted,
            });
            results.Where(r => r.Outcome == SendOutcome.Accepted).Select(r => r.Reference!.Recipient).ShouldBe(Sent);
            var violation = results[4].Failure.ShouldBeOfType<RequestValidationException>().Violations.ShouldHaveSingleItem();
            (violation.Field, violation.Rule).ShouldBe(("messages[1].Recipients[1]", "phone"));
            results[4].Request.ShouldBe(0, "a rejected recipient is never sent");
            results.Take(3).Select(r => r.Reference!.ClientId).ShouldBe(clientIds ? new long?[] { 100, 101, 102 } : new long?[] { null, null, null },
                "each recipient's client id is the message's plus its position");
        }

        [Theory]
        [MemberData(nameof(EveryClient.Names), MemberType = typeof(EveryClient))]
        public async Task Every_recipient_of_every_message_reaches_the_gateway_once(string name)
        {
            var stub = AcceptingGateway(name);

            await EveryClient.Create(name, stub).SendBulkAsync(Messages(firstClientId: null).ToAsyncEnumerable(), new BulkSendOptions { MaxConcurrentRequests = 1 }).ToListAsync();

            var wire = string.Join("\n", stub.Requests.Select(r => r.Uri + "\n" + r.BodyText));
            Sent.Select(digits => Regex.Matches(wire, digits).Count).ShouldBe(Sent.Select(_ => 1), wire);
        }

        [Theory]
        [MemberData(nameof(EveryClient.Names), MemberType = typeof(EveryClient))]
        public async Task A_message_that_breaks_a_rule_rejects_each_of_its_recipients_naming_the_field_and_the_others_are_sent(string name)
        {
            var stub = AcceptingGateway(name, smsByMailings: 1);
            var messages = Messages(firstClientId: null);
            messages[0].Text = "Hi\u0001";

            var results = (await EveryClient.Create(name, stub).SendBulkAsync(messages.ToAsyncEnumerable(), new BulkSendOptions { MaxConcurrentRequests = 1 }).ToListAsync())
                .OrderBy(r => r.Index).ToList();

            results.Count.ShouldBe(7);
            results.Take(3).ShouldAllBe(r => r.Outcome == SendOutcome.Rejected && r.Request == 0);
            results.Take(3).Select(r => ((RequestValidationException)r.Failure!).Violations.Single().Field).ShouldBe(new[] { "messages[0].Text", "messages[0].Text", "messages[0].Text" });
            results.Skip(3).Select(r => r.Outcome).ShouldBe(new[] { SendOutcome.Accepted, SendOutcome.Rejected, SendOutcome.Accepted, SendOutcome.Accepted });
        }

        /// <summary>SendIM carries one text to many destinations: each message is one request, to its valid recipients, as SendAsync(message) sends it.</summary>
        [Fact]
        public async Task LiveAll_sends_each_message_as_one_sendim_request_to_its_recipients()
        {
            var stub = AcceptingGateway("LiveAll");

            await EveryClient.Create("LiveAll", stub).SendBulkAsync(Messages(firstClientId: null).ToAsyncEnumerable(), new BulkSendOptions { MaxConcurrentRequests = 1 }).ToListAsync();

            stub.Requests.Select(r => (string?)JObject.Parse(r.BodyText)["im_text"]).ShouldBe(new[] { "Hi", "Hello", "Bye" });
            stub.Requests.Select(r => string.Join(",", JObject.Parse(r.BodyText)["destinations"]!.Values<string>()))
                .ShouldBe(new[] { "380971111111,380972222222,380973333333", "380974444444,380975555555", "380976666666" });
        }

        /// <summary>A request holds at most the set number of recipients, and never two messages.</summary>
        [Fact]
        public async Task LiveAll_splits_a_message_into_requests_of_the_set_size()
        {
            var stub = AcceptingGateway("LiveAll");

            var results = await EveryClient.Create("LiveAll", stub)
                .SendBulkAsync(Messages(firstClientId: null).ToAsyncEnumerable(), new BulkSendOptions { MaxConcurrentRequests = 1, MaxRecipientsPerRequest = 2 }).ToListAsync();

            stub.Requests.Select(r => string.Join(",", JObject.Parse(r.BodyText)["destinations"]!.Values<string>()))
                .ShouldBe(new[] { "380971111111,380972222222", "380973333333", "380974444444,380975555555", "380976666666" });
            results.Where(r => r.Outcome == SendOutcome.Accepted).Select(r => r.Reference!.GatewayId).Distinct().Count().ShouldBe(6, "each recipient keeps its own smsid");
        }

        /// <summary>SMS.by sends each message as its single send would: several recipients as one mailing, one recipient as a quick message.</summary>
        [Fact]
        public async Task SmsBy_sends_a_message_to_several_as_a_mailing_and_one_to_one_as_a_quick_message()
        {
            var stub = AcceptingGateway("SmsBy");

            var results = (await EveryClient.Create("SmsBy", stub).SendBulkAsync(Messages(firstClientId: null).ToAsyncEnumerable(), new BulkSendOptions { MaxConcurrentRequests = 1 })
                .ToListAsync()).OrderBy(r => r.Index).ToList();

            stub.Requests.Select(r => r.Uri.Segments.Last()).ShouldBe(new[] { "sendBulkViber", "sendBulkViber", "sendQuickViberMessage" });
            stub.Requests.Take(2).Select(r => string.Join(",", JObject.Parse(r.BodyText)["messages"]![0]!["delivery_list"]!.Values<string>()))
                .ShouldBe(new[] { "380971111111,380972222222,380973333333", "380974444444,380975555555" });
            stub.Requests.Take(2).Select(r => (string?)JObject.Parse(r.BodyText)["messages"]![0]!["alphaname_id"]).ShouldBe(new[] { "444", "444" }, "a mailing's sender");
            results.Take(3).ShouldAllBe(r => r.Reference!.MailingId == SmsByMailingUuid);
            results[6].Reference!.GatewayId.ShouldBe("8484");
        }

        private static List<ViberMessage> Messages(long? firstClientId) => new()
        {
            new ViberMessage { Recipients = Recipients[0].ToList(), Sender = "Shop", Text = "Hi", ClientId = firstClientId },
            new ViberMessage { Recipients = Recipients[1].ToList(), Sender = "Shop", Text = "Hello" },
            new ViberMessage { Recipients = Recipients[2].ToList(), Sender = "Shop", Text = "Bye" },
        };

        private const string SmsByMailingUuid = "cc9c8043-8caf-11ef-b035-9e8f47954dec";

        /// <summary>
        /// A gateway that accepts every request these tests make, in the order they make them (one at a time): SMS.by's
        /// replies are <paramref name="smsByMailings"/> mailings' (the messages to several), then a quick message's.
        /// </summary>
        private static StubGateway AcceptingGateway(string name, int smsByMailings = 2)
        {
            var stub = new StubGateway();
            switch (name)
            {
                case "AlphaSms Json":
                    // One request: the six valid recipients.
                    stub.Reply(new JObject
                    {
                        ["success"] = true,
                        ["data"] = new JArray(Enumerable.Range(0, 6).Select(i => new JObject { ["success"] = true, ["data"] = new JObject { ["msg_id"] = 700000 + i, ["parts"] = 1 } })),
                    }.ToString());
                    break;
                case "AlphaSms Xml":
                    stub.Reply(new XElement("package", new XElement("message-viber", Enumerable.Range(0, 6).Select(i => new XElement("msg", new XAttribute("msg_id", 700000 + i), 1)))).ToString(),
                        "text/xml");
                    break;
                case "AlphaSms Http":
                    for (var i = 0; i < 6; i++)
                    {
                        stub.Reply($"id:{1000 + i} sms_count:1", "text/plain");
                    }

                    break;
                case "LiveAll":
                    for (var i = 0; i < 4; i++)
                    {
                        var first = 2101520000 + 10 * i;
                        stub.Reply($$"""{"success": true, "OperationErrors": null, "SubmissionID": 0, "data": [{{first}}, {{first + 1}}, {{first + 2}}]}""");
                    }

                    break;
                default:
                    for (var i = 0; i < smsByMailings; i++)
                    {
                        stub.Reply($$"""{"uuid": "{{SmsByMailingUuid}}", "success": "OK"}""");
                    }

                    stub.Reply("""{"status": "OK", "result": {"message_id": 8484}}""");
                    break;
            }

            return stub;
        }
    }
}
