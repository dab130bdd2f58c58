using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ViberGateways.Bulk;
using ViberGateways.LiveAll;
using ViberGateways.Tests.Infrastructure;
using ViberGateways.Tests.LiveAll.SendIm;

namespace ViberGateways.Tests.LiveAll.Neutral
{
    /// <summary>
    /// <see cref="IViberClient"/> over LiveAll: a <see cref="ViberMessage"/> becomes the documented SendIM request,
    /// gateway failures become results, references drive GetSMSStatus, and the balance and senders read as documented.
    /// </summary>
    public class LiveAllNeutralTests
    {
        private const string Destination = "306912345678";
        private const string Accepted = """{"success": true, "OperationErrors": null, "SubmissionID": 0, "data": [2101520394]}""";

        private static IViberClient Client(StubGateway gateway, Action<LiveAllOptions>? configure = null)
        {
            var options = new LiveAllOptions { ApiKey = StubbedClients.LiveAllApiToken, Resilience = QuickRetries.Policy() };
            configure?.Invoke(options);
            return ViberClientFactory.Create(options, gateway.CreateClient("https://liveall.test/"));
        }

        /// <summary>
        /// Seed 003's "JSON object example (With SMS fallback)": the neutral message with the configured senders sends
        /// the documented document, its placeholders (image, action URL, SMS sender) filled with the values sent.
        /// </summary>
        [Fact]
        public async Task Neutral_send_is_the_documented_sendim_request_with_sms_fallback()
        {
            var gateway = new StubGateway().Reply(Accepted);
            var client = Client(gateway, o =>
            {
                o.ApiKey = "7ace3e49cae13ae4f5ccb8a6a8a0d6a8fe120aa82ae46ad6ee4c9d8";
                o.Sender = "my viber sender name";
                o.SmsSender = "ExampleCo";
            });

            var results = await client.SendAsync(new ViberMessage
            {
                Recipients = { "+" + Destination },
                Text = "1546 - This is a test Viber msg",
                ImageUrl = "https://example.com/images/offer.jpg",
                Button = new ViberButton("Visit Us", "https://example.com/"),
                SmsFallback = new SmsFallback("my SMS text 2"),
                ClientId = 77,
                LiveAll = new LiveAllMessageOptions { LowCostSms = true },
            });

            var documented = DocumentedFixtures.Read<SendImDocumentedExampleTests>("seed003.with-sms-fallback.txt").Trim();
            var expected = JObject.Parse("{" + documented + $" \"{Destination}\" ] }}");
            expected["im_image_urls"]![0] = "https://example.com/images/offer.jpg";
            expected["im_actions"]![0]!["url"] = "https://example.com/";
            expected["senderid"] = "ExampleCo";
            JToken.Parse(gateway.LastRequest.BodyText).ShouldBeSameTreeAs(expected);
            gateway.LastRequest.Uri.AbsolutePath.ShouldBe("/apiext/Sendout/SendIM");
            var result = results.ShouldHaveSingleItem();
            result.Outcome.ShouldBe(SendOutcome.Accepted);
            result.Reference.ShouldBe(new MessageReference(Gateway.LiveAll, Destination, 77, "2101520394"));
        }

        [Fact]
        public async Task The_messages_own_senders_win_over_the_configured_ones()
        {
            var gateway = new StubGateway().Reply(Accepted);

            await Client(gateway, o => (o.Sender, o.SmsSender) = ("Configured", "CfgSms"))
                .SendAsync(new ViberMessage { Recipients = { Destination }, Sender = "Own", Text = "Hi", SmsFallback = new SmsFallback("Hi (SMS)", "OwnSms") });

            var body = JObject.Parse(gateway.LastRequest.BodyText);
            ((string?)body["im_sender_name"]).ShouldBe("Own");
            ((string?)body["senderid"]).ShouldBe("OwnSms");
            ((int?)body["pricecat"]).ShouldBe(0, "LowCostSms not set: the normal price category");
        }

        [Fact]
        public async Task Fields_liveall_cannot_carry_and_missing_senders_are_refused_under_the_neutral_names()
        {
            var gateway = new StubGateway();

            var refused = await Should.ThrowAsync<RequestValidationException>(() => Client(gateway).SendAsync(new ViberMessage
            {
                Recipients = { Destination },
                Text = "Hi",
                Lifetime = TimeSpan.FromHours(1),
                ScheduledAt = DateTimeOffset.UtcNow.AddDays(1),
                SmsFallback = new SmsFallback("Hi (SMS)"),
            }));

            refused.Violations.Select(v => v.Field).ShouldBe(new[] { "message.Lifetime", "message.ScheduledAt", "message.Sender", "message.SmsFallback.Sender" });
            refused.Violations[0].Message.ShouldContain("LiveAll");
            refused.Violations[2].Message.ShouldContain("LiveAllOptions.Sender");
            refused.Violations[3].Message.ShouldContain("LiveAllOptions.SmsSender");
            gateway.Requests.ShouldBeEmpty();
        }

        /// <summary>Seed 003: <c>pricecat</c> "is the price category for SMS", sent only with IM_SMSFB; without a fallback it would be dropped unseen.</summary>
        [Fact]
        public async Task Low_cost_sms_without_an_sms_fallback_is_refused_before_sending()
        {
            var gateway = new StubGateway().Reply(Accepted);

            var refused = await Should.ThrowAsync<RequestValidationException>(() => Client(gateway, o => o.Sender = "Shop").SendAsync(new ViberMessage
            {
                Recipients = { Destination },
                Text = "Hi",
                LiveAll = new LiveAllMessageOptions { LowCostSms = true },
            }));

            var violation = refused.Violations.ShouldHaveSingleItem();
            violation.Field.ShouldBe("message.LiveAll.LowCostSms");
            violation.Rule.ShouldBe("gateway");
            violation.Message.ShouldBe("LiveAll cannot carry it: pricecat, the price category of the SMS fallback, is sent only with message.SmsFallback");
            gateway.Requests.ShouldBeEmpty();
        }

        [Fact]
        public async Task A_limit_of_the_liveall_message_is_reported_under_the_neutral_field()
        {
            var refused = await Should.ThrowAsync<RequestValidationException>(() => Client(new StubGateway(), o => o.Sender = "Shop")
                .SendAsync(new[] { new ViberMessage { Recipients = { Destination }, Text = "ok" }, new ViberMessage { Recipients = { Destination }, Sender = "", Text = new string('x', 1001) } }));

            refused.Violations.Select(v => v.Field).ShouldBe(new[] { "messages[1].Sender", "messages[1].Text" });
        }

        [Fact]
        public async Task A_recipient_that_is_no_phone_number_is_the_only_violation_not_also_an_empty_destination_list()
        {
            var gateway = new StubGateway();

            var refused = await Should.ThrowAsync<RequestValidationException>(() => Client(gateway, o => o.Sender = "Shop")
                .SendAsync(new ViberMessage { Recipients = { "+30691ABC5678" }, Text = "Hi" }));

            refused.Violations.Select(v => v.Field).ShouldBe(new[] { "message.Recipients[0]" });
            gateway.Requests.ShouldBeEmpty();
        }

        public static TheoryData<string, int, SendOutcome, string?> Failures => new()
        {
            { """{"success": false, "OperationErrors": [{"errorCode": 56, "errorMessage": "Sender id for IM is not approved", "SMSErrorType": 4, "valueOfError": ""}], "SubmissionID": 0, "data": null}""", 200, SendOutcome.Rejected, "56" },
            { "<html>gateway error</html>", 200, SendOutcome.Unknown, null },
            { "busy", 503, SendOutcome.NotSent, null },
        };

        [Theory]
        [MemberData(nameof(Failures))]
        public async Task A_failed_request_is_one_result_per_recipient_never_an_exception(string reply, int status, SendOutcome outcome, string? errorCode)
        {
            var gateway = new StubGateway().Reply(() => new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(reply, System.Text.Encoding.UTF8, "application/json") }, times: 5);

            var results = await Client(gateway, o => o.Sender = "Shop").SendAsync(new ViberMessage { Recipients = { Destination, "+306987654321" }, Text = "Hi" });

            results.Count.ShouldBe(2);
            results.Select(r => r.Index).ShouldBe(new long[] { 0, 1 });
            results.ShouldAllBe(r => r.Outcome == outcome && r.Reference == null && r.Failure is GatewayException && r.Error != null);
            results.ShouldAllBe(r => r.ErrorCode == errorCode);
        }

        [Fact]
        public async Task References_round_trip_as_text_and_json_and_drive_the_status_query()
        {
            var gateway = new StubGateway()
                .Reply("""{"success": true, "OperationErrors": null, "SubmissionID": 0, "data": [{"destination": "306912345678", "smsid": 2101520394}, {"destination": "306987654321", "smsid": 2101520395}]}""")
                .Reply("2101520394:1718010000:1718010042:306912345678:300002:IM_DELIVRD:1:0.012", "text/plain");
            var client = Client(gateway, o => o.Sender = "Shop");

            var sent = await client.SendAsync(new ViberMessage { Recipients = { "+30 691 234 5678", "306987654321" }, Text = "Hi", ClientId = 5 });
            var stored = sent.Select(r => r.Reference!.ToString()).ToList();
            var json = JsonConvert.SerializeObject(sent.Select(r => r.Reference).ToList());
            var fromText = stored.Select(MessageReference.Parse).ToList();
            var fromJson = JsonConvert.DeserializeObject<List<MessageReference>>(json)!;
            fromText.ShouldBe(sent.Select(r => r.Reference!));
            fromJson.ShouldBe(fromText);
            stored[0].ShouldBe("LiveAll:306912345678:5:2101520394:");

            var statuses = await client.GetStatusAsync(fromJson);

            gateway.LastRequest.ShouldBeFormPost("/apiext/Sendout/GetSMSStatus", ("apitoken", StubbedClients.LiveAllApiToken), ("smsids", "2101520394,2101520395"));
            statuses.Select(s => s.Reference).ShouldBe(fromJson);
            statuses[0].State.ShouldBe(DeliveryState.Delivered);
            statuses[0].RawStatus.ShouldBe("IM_DELIVRD");
            statuses[0].UpdatedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1718010042));
            statuses[0].Error.ShouldBeNull();
            statuses[1].State.ShouldBe(DeliveryState.Unknown, "the reply has no record for 2101520395");
            statuses[1].Error.ShouldNotBeNull().ShouldContain("2101520395");
        }

        [Fact]
        public async Task The_status_of_1001_references_takes_three_requests_in_order()
        {
            var references = Enumerable.Range(1, 1001).Select(i => new MessageReference(Gateway.LiveAll, "306912345678", null, (1000 + i).ToString())).ToList();
            var gateway = new StubGateway();
            foreach (var chunk in new[] { (1001, 500), (1501, 500), (2001, 1) })
            {
                gateway.Reply(string.Join("|", Enumerable.Range(chunk.Item1, chunk.Item2).Select(id => $"{id}:1718010000:1718010042:306912345678:300008:IM_SEEN:1:0.012")), "text/plain");
            }

            var statuses = await Client(gateway).GetStatusAsync(references);

            gateway.Requests.Count.ShouldBe(3);
            gateway.Requests.Select(r => SentParameters.Of(r).Single(p => p.Name == "smsids").Value.Split(',').Length).ShouldBe(new[] { 500, 500, 1 });
            statuses.Select(s => s.Reference).ShouldBe(references);
            statuses.ShouldAllBe(s => s.State == DeliveryState.Read && s.Error == null);
        }

        [Fact]
        public async Task A_reference_of_another_gateway_is_refused_before_any_request()
        {
            var gateway = new StubGateway();

            var refused = await Should.ThrowAsync<RequestValidationException>(() => Client(gateway).GetStatusAsync(new[]
            {
                new MessageReference(Gateway.SmsBy, "375291111111", null, "8484"),
                new MessageReference(Gateway.LiveAll, "306912345678", 5),
            }));

            refused.Violations.Select(v => v.Field).ShouldBe(new[] { "references[0]" });
            gateway.Requests.ShouldBeEmpty();
        }

        [Fact]
        public async Task A_reference_without_an_smsid_is_unknown_with_the_reason_and_asks_nothing()
        {
            var gateway = new StubGateway();

            var status = (await Client(gateway).GetStatusAsync(new[] { new MessageReference(Gateway.LiveAll, "306912345678", 5) })).ShouldHaveSingleItem();

            status.State.ShouldBe(DeliveryState.Unknown);
            status.Error.ShouldNotBeNull().ShouldContain("no LiveAll smsid");
            gateway.Requests.ShouldBeEmpty();
        }

        [Fact]
        public async Task Balance_has_no_currency_and_senders_are_an_empty_list()
        {
            var gateway = new StubGateway().Reply("OK Balance:169.64|SmsRemainCount:-1|LCSmsRemainCount:-1", "text/plain");
            var client = Client(gateway);

            var balance = await client.GetBalanceAsync();
            var senders = await client.GetSendersAsync();

            balance.Gateway.ShouldBe(Gateway.LiveAll);
            balance.Amount.ShouldBe(169.64m);
            balance.Currency.ShouldBeNull("the reply states no currency");
            senders.ShouldBeEmpty();
            gateway.Requests.Count.ShouldBe(1, "no request lists senders");
        }

        [Fact]
        public async Task Bulk_results_carry_references_and_the_request_that_carried_them()
        {
            var gateway = new StubGateway().Reply("""{"success": true, "OperationErrors": null, "SubmissionID": 0, "data": [11, 12]}""");

            var results = await Client(gateway, o => o.Sender = "Shop")
                .SendBulkAsync(new ViberMessage { Text = "Hi", ClientId = 9 }, new[] { "306912345678", "not a number", "+306987654321" }.ToAsyncEnumerable())
                .ToListAsync();

            results.OrderBy(r => r.Index).Select(r => (r.Outcome, r.Reference?.ToString())).ShouldBe(new[]
            {
                (SendOutcome.Accepted, "LiveAll:306912345678:9:11:"),
                (SendOutcome.Rejected, (string?)null),
                (SendOutcome.Accepted, "LiveAll:306987654321:11:12:"),
            });
            results.Where(r => r.IsAccepted).ShouldAllBe(r => r.Request == 1);
            results.Single(r => r.Index == 1).ErrorCode.ShouldBe("validation");
        }

        [Fact]
        public async Task A_refusal_that_stops_the_bulk_send_gives_its_code_to_the_recipient_not_sent()
        {
            var refused = """{"success": false, "OperationErrors": [{"errorCode": 56, "errorMessage": "Sender id for IM is not approved", "SMSErrorType": 4, "valueOfError": ""}], "SubmissionID": 0, "data": null}""";
            var gateway = new StubGateway().Reply(refused);
            var results = new List<SendResult>();

            var stopped = await Should.ThrowAsync<BulkSendStoppedException>(async () =>
            {
                await foreach (var result in Client(gateway, o => o.Sender = "Shop").SendBulkAsync(new ViberMessage { Text = "Hi" },
                    new[] { "306912345671", "306912345672" }.ToAsyncEnumerable(), new BulkSendOptions { MaxRecipientsPerRequest = 1, MaxConcurrentRequests = 1 }))
                {
                    results.Add(result);
                }
            });

            stopped.GatewayErrorCode.ShouldBe("56");
            gateway.Requests.Count.ShouldBe(1, "the refusal stops the send");
            results.OrderBy(r => r.Index).Select(r => (r.Outcome, r.ErrorCode)).ShouldBe(new[] { (SendOutcome.Rejected, (string?)"56"), (SendOutcome.NotSent, (string?)"56") });
        }

        [Fact]
        public async Task Personalised_bulk_refuses_an_unsupported_field_per_message_and_sends_the_others()
        {
            var gateway = new StubGateway().Reply("""{"success": true, "OperationErrors": null, "SubmissionID": 0, "data": [21]}""");

            var results = await Client(gateway, o => o.Sender = "Shop").SendBulkAsync(new[]
            {
                new ViberMessage { Recipients = { "306912345678" }, Text = "Hi", Lifetime = TimeSpan.FromMinutes(5) },
                new ViberMessage { Recipients = { "306987654321" }, Text = "Hello", ClientId = 3 },
            }.ToAsyncEnumerable()).ToListAsync();

            var refused = results.Single(r => r.Index == 0);
            refused.Outcome.ShouldBe(SendOutcome.Rejected);
            refused.Failure.ShouldBeOfType<RequestValidationException>().Violations.Single().Field.ShouldBe("messages[0].Lifetime");
            results.Single(r => r.Index == 1).Reference.ShouldBe(new MessageReference(Gateway.LiveAll, "306987654321", 3, "21"));
            gateway.Requests.Count.ShouldBe(1);
        }
    }
}
