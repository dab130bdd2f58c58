using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using ViberGateways.AlphaSms;
using ViberGateways.Bulk;
using ViberGateways.Tests.Infrastructure;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.AlphaSms.Neutral
{
    /// <summary>
    /// What the neutral send reports: a gateway failure of the whole request is a result per recipient, never an
    /// exception; an unknown outcome still carries the client id to ask the status with; a message the transport
    /// cannot carry is a validation error under the neutral field names, and nothing is sent.
    /// </summary>
    public class NeutralSendResultTests
    {
        private static readonly string[] TwoRecipients = { "+380971234567", "+380501234567" };

        private static readonly string[] FourRecipients = { "+380971234567", "+380501234567", "+380661234567", "+380931234567" };

        private readonly StubGateway _gateway = new();

        [Theory]
        [InlineData(Variant.Json, """{"success": false, "error": "Access denied"}""", null)]
        [InlineData(Variant.Xml, "<package><error>202</error></package>", "202")]
        [InlineData(Variant.HttpPost, "errors:Wrong login/password", null)]
        public async Task A_wrong_key_is_a_rejected_result_for_every_recipient(Variant variant, string reply, string? errorCode)
        {
            _gateway.Reply(reply, variant == Variant.Json ? "application/json" : "text/plain");

            var results = await Neutral(variant).SendAsync(Text(TwoRecipients));

            results.Select(r => r.Recipient).ShouldBe(TwoRecipients);
            results.Select(r => r.Index).ShouldBe(new[] { 0L, 1L });
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Rejected && r.Failure is GatewayRejectedException && r.Error != null && r.ErrorCode == errorCode);
            if (variant != Variant.HttpPost)
            {
                results.Select(r => r.Reference!.ClientId).ShouldBe(SentClientIds(variant), "the ids the messages went out with");
            }
        }

        [Theory]
        [InlineData(Variant.Json)]
        [InlineData(Variant.Xml)]
        public async Task An_unreadable_reply_is_an_unknown_outcome_carrying_the_client_id_to_ask_the_status_with(Variant variant)
        {
            _gateway.Reply(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>maintenance</html>", Encoding.UTF8, "text/html") }, times: 5);

            var results = await Neutral(variant).SendAsync(Text(TwoRecipients));

            results.ShouldAllBe(r => r.Outcome == SendOutcome.Unknown && r.Failure is GatewayOutcomeUnknownException);
            var references = results.Select(r => r.Reference.ShouldNotBeNull()).ToList();
            references.Select(r => r.ClientId).ShouldBe(SentClientIds(variant));
            references.Select(r => r.Recipient).ShouldBe(new[] { "380971234567", "380501234567" });
            references.ShouldAllBe(r => r.GatewayId == null && r.ClientId > 0);
        }

        [Fact]
        public async Task Without_a_sender_anywhere_the_error_names_the_message_field_and_the_option()
        {
            var message = Text(TwoRecipients);
            message.Sender = null;

            var error = await Should.ThrowAsync<RequestValidationException>(() => Neutral(Variant.Json).SendAsync(message));

            var violation = error.Violations.ShouldHaveSingleItem("one violation for the message, not one per recipient");
            violation.Field.ShouldBe("message.Sender");
            violation.Message.ShouldContain("AlphaSmsOptions.Sender");
            violation.Message.ShouldContain("Json");
            _gateway.Requests.ShouldBeEmpty();
        }

        [Theory]
        [InlineData(Variant.Xml, "Lifetime", "message.Lifetime")]
        [InlineData(Variant.Xml, "ShortenLinks", "message.AlphaSms.ShortenLinks")]
        [InlineData(Variant.HttpPost, "StatusCallbackUrl", "message.AlphaSms.StatusCallbackUrl")]
        [InlineData(Variant.Json, "ScheduledAt", "message.ScheduledAt")]
        [InlineData(Variant.HttpPost, "ClientId", "message.ClientId")]
        public async Task A_field_the_transport_cannot_carry_is_named_as_the_neutral_message_names_it(Variant variant, string set, string field)
        {
            var message = Text(TwoRecipients);
            switch (set)
            {
                case "Lifetime": message.Lifetime = System.TimeSpan.FromHours(1); break;
                case "ShortenLinks": message.AlphaSms = new AlphaSmsMessageOptions { ShortenLinks = true }; break;
                case "StatusCallbackUrl": message.AlphaSms = new AlphaSmsMessageOptions { StatusCallbackUrl = "https://shop.example/hook" }; break;
                case "ScheduledAt": message.ScheduledAt = System.DateTimeOffset.UtcNow.AddDays(1); break;
                default: message.ClientId = 42; break;
            }

            var error = await Should.ThrowAsync<RequestValidationException>(() => Neutral(variant).SendAsync(message));

            var violation = error.Violations.ShouldHaveSingleItem();
            violation.Field.ShouldBe(field);
            violation.Rule.ShouldBe("transport");
            violation.Message.ShouldContain(variant == Variant.Xml ? "Xml" : variant == Variant.Json ? "Json" : "Http");
            _gateway.Requests.ShouldBeEmpty();
        }

        [Fact]
        public async Task An_invalid_recipient_is_named_by_its_message_and_position()
        {
            var messages = new[] { Text("+380971234567"), Text("+380501234567", "12") };

            var error = await Should.ThrowAsync<RequestValidationException>(() => Neutral(Variant.Json).SendAsync(messages));

            error.Violations.ShouldHaveSingleItem().Field.ShouldBe("messages[1].Recipients[1]");
            _gateway.Requests.ShouldBeEmpty();
        }

        [Fact]
        public async Task In_a_bulk_send_a_message_without_recipients_or_with_a_bad_one_is_rejected_and_the_others_are_sent()
        {
            _gateway.Reply("""{"success": true, "data": [{"success": true, "data": {"id": 7, "msg_id": 70, "parts": 1}}]}""");
            var messages = new[] { Text(), Text("12"), Text("+380971234567") };

            var results = new List<SendResult>();
            await foreach (var result in Neutral(Variant.Json).SendBulkAsync(Lazily(messages)))
            {
                results.Add(result);
            }

            var byIndex = results.ToDictionary(r => r.Index);
            byIndex[0].Failure.ShouldBeOfType<RequestValidationException>().Violations.ShouldHaveSingleItem().Field.ShouldBe("messages[0].Recipients");
            byIndex[1].Failure.ShouldBeOfType<RequestValidationException>().Violations.ShouldHaveSingleItem().Field.ShouldBe("messages[1].Recipients[0]");
            byIndex[2].Outcome.ShouldBe(SendOutcome.Accepted);
            byIndex[2].Request.ShouldBe(1);
            byIndex[2].Parts.ShouldBe(1);
            byIndex[2].Reference.ShouldBe(new MessageReference(Gateway.AlphaSms, "380971234567", 7, "70"));
        }

        [Theory]
        [InlineData("errors:Wrong login/password", HttpStatusCode.OK)]
        [InlineData("", HttpStatusCode.Unauthorized)]
        public async Task Over_http_a_refusal_of_the_account_after_accepted_messages_keeps_their_results_and_the_rest_is_not_sent(string reply, HttpStatusCode status)
        {
            _gateway.Reply("id:1001 sms_count:1", "text/plain").Reply("id:1002 sms_count:1", "text/plain").Reply(reply, "text/plain", status);

            var results = await Neutral(Variant.HttpPost).SendAsync(Text(FourRecipients));

            _gateway.Requests.Count.ShouldBe(3, "nothing is sent after the account is refused");
            results.Select(r => r.Recipient).ShouldBe(FourRecipients);
            results.Select(r => r.Outcome).ShouldBe(new[] { SendOutcome.Accepted, SendOutcome.Accepted, SendOutcome.Rejected, SendOutcome.NotSent });
            results.Select(r => r.Reference?.GatewayId).ShouldBe(new[] { "1001", "1002", null, null });
            results[2].Failure.ShouldBeAssignableTo<GatewayRejectedException>();
            results[3].Error.ShouldNotBeNull().ShouldContain("not sent");
        }

        [Fact]
        public async Task Over_http_a_message_refused_on_its_own_is_rejected_and_the_next_ones_are_sent()
        {
            _gateway.Reply("id:1001 sms_count:1", "text/plain").Reply("", "text/plain", HttpStatusCode.BadRequest)
                .Reply("errors:Wrong phone number", "text/plain").Reply("id:1004 sms_count:1", "text/plain");

            var results = await Neutral(Variant.HttpPost).SendAsync(Text(FourRecipients));

            _gateway.Requests.Count.ShouldBe(4);
            results.Select(r => r.Outcome).ShouldBe(new[] { SendOutcome.Accepted, SendOutcome.Rejected, SendOutcome.Rejected, SendOutcome.Accepted });
            results.Select(r => r.Reference?.GatewayId).ShouldBe(new[] { "1001", null, null, "1004" });
        }

        [Fact]
        public async Task Over_http_a_cancellation_keeps_the_accepted_results_the_message_in_flight_is_unknown_and_the_rest_is_not_sent()
        {
            using var cancel = new CancellationTokenSource();
            _gateway.Reply("id:1001 sms_count:1", "text/plain").Reply("id:1002 sms_count:1", "text/plain").Reply(async token =>
            {
                cancel.Cancel();
                await Task.Delay(Timeout.Infinite, token);
                throw new System.InvalidOperationException("unreachable: the wait ends only by cancellation");
            });

            var results = await Neutral(Variant.HttpPost).SendAsync(Text(FourRecipients), cancel.Token);

            _gateway.Requests.Count.ShouldBe(3);
            results.Select(r => r.Outcome).ShouldBe(new[] { SendOutcome.Accepted, SendOutcome.Accepted, SendOutcome.Unknown, SendOutcome.NotSent });
            results.Select(r => r.Reference?.GatewayId).ShouldBe(new[] { "1001", "1002", null, null });
            results[3].Error.ShouldNotBeNull().ShouldContain("cancelled");
        }

        [Theory]
        [InlineData(Variant.Json)]
        [InlineData(Variant.Xml)]
        public async Task A_message_to_1001_recipients_is_three_requests_of_500_500_and_1_with_results_in_order(Variant variant)
        {
            var recipients = Enumerable.Range(0, 1001).Select(i => "+38097" + (1000000 + i)).ToArray();
            var sent = 0;
            foreach (var size in new[] { 500, 500, 1 })
            {
                _gateway.Reply(AcceptedReply(variant, Enumerable.Range(sent, size)), variant == Variant.Json ? "application/json" : "text/xml");
                sent += size;
            }

            var results = await Neutral(variant).SendAsync(Text(recipients));

            _gateway.Requests.Select(r => SentClientIds(variant, r).Count()).ShouldBe(new[] { 500, 500, 1 });
            results.Select(r => r.Index).ShouldBe(Enumerable.Range(0, 1001).Select(i => (long)i));
            results.Select(r => r.Recipient).ShouldBe(recipients);
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted);
            results.Select(r => r.Reference!.GatewayId).ShouldBe(Enumerable.Range(0, 1001).Select(i => (700000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            results.Select(r => r.Reference!.ClientId).ShouldBe(_gateway.Requests.SelectMany(r => SentClientIds(variant, r)));
            results.Select(r => r.Reference!.ClientId).Distinct().Count().ShouldBe(1001);
        }

        [Fact]
        public async Task In_a_bulk_send_over_xml_a_refused_account_gives_its_code_to_the_rejected_recipient_and_to_the_one_not_sent()
        {
            _gateway.Reply("<package><error>202</error></package>", "text/xml");

            var results = new List<SendResult>();

            var stopped = await Should.ThrowAsync<BulkSendStoppedException>(async () =>
            {
                await foreach (var result in Neutral(Variant.Xml).SendBulkAsync(Text(), Lazily(TwoRecipients), new BulkSendOptions { MaxRecipientsPerRequest = 1, MaxConcurrentRequests = 1 }))
                {
                    results.Add(result);
                }
            });

            stopped.GatewayErrorCode.ShouldBe("202");
            _gateway.Requests.Count.ShouldBe(1, "a refused account stops the send");
            results.OrderBy(r => r.Index).Select(r => (r.Outcome, r.ErrorCode)).ShouldBe(new[] { (SendOutcome.Rejected, (string?)"202"), (SendOutcome.NotSent, (string?)"202") });
        }

        [Fact]
        public async Task A_message_over_several_xml_requests_gives_the_refusals_code_to_the_messages_not_sent_after_it()
        {
            var recipients = Enumerable.Range(0, 1001).Select(i => "+38097" + (1000000 + i)).ToArray();
            _gateway.Reply(AcceptedReply(Variant.Xml, Enumerable.Range(0, 500)), "text/xml").Reply("<package><error>202</error></package>", "text/xml");

            var results = await Neutral(Variant.Xml).SendAsync(Text(recipients));

            _gateway.Requests.Count.ShouldBe(2, "a refused account stops the send");
            results.Take(500).ShouldAllBe(r => r.Outcome == SendOutcome.Accepted && r.ErrorCode == null);
            results.Skip(500).Take(500).ShouldAllBe(r => r.Outcome == SendOutcome.Rejected && r.ErrorCode == "202");
            results[1000].Outcome.ShouldBe(SendOutcome.NotSent);
            results[1000].ErrorCode.ShouldBe("202");
        }

        private static string AcceptedReply(Variant variant, IEnumerable<int> messages) => variant == Variant.Json
            ? new JObject
            {
                ["success"] = true,
                ["data"] = new JArray(messages.Select(i => new JObject { ["success"] = true, ["data"] = new JObject { ["msg_id"] = 700000 + i, ["parts"] = 1 } })),
            }.ToString()
            : new XElement("package", new XElement("message-viber", messages.Select(i => new XElement("msg", new XAttribute("msg_id", 700000 + i), 1)))).ToString();

        private IViberClient Neutral(Variant variant)
        {
            var options = Options(variant);
            options.Resilience = QuickRetries.Policy();
            return (IViberClient)Client(options, _gateway);
        }

        private static async IAsyncEnumerable<T> Lazily<T>(IEnumerable<T> items)
        {
            foreach (var item in items)
            {
                await Task.Yield();
                yield return item;
            }
        }

        private static ViberMessage Text(params string[] recipients) => new() { Recipients = recipients.ToList(), Sender = "Shop", Text = "Hi" };

        /// <summary>The client ids of the first request's messages, as they went out.</summary>
        private IEnumerable<long?> SentClientIds(Variant variant) => SentClientIds(variant, _gateway.Requests[0]);

        private static IEnumerable<long?> SentClientIds(Variant variant, RecordedRequest request) => variant == Variant.Json
            ? JToken.Parse(request.BodyText)["data"]!.Select(item => (long?)item["id"]!.Value<long>()).ToList()
            : XDocument.Parse(request.BodyText).Descendants("msg").Select(msg => (long?)(long)msg.Attribute("id")!).ToList();
    }
}
