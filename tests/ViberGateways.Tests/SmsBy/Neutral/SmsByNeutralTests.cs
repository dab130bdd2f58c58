using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ViberGateways.Testing;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;
using ViberGateways.Tests.SmsBy.SendBulkViber;

namespace ViberGateways.Tests.SmsBy.Neutral
{
    /// <summary>
    /// <see cref="IViberClient"/> over SMS.by: one recipient is a quick message from the Viber name id, several a
    /// mailing from the alpha name id; references carry the message id or the mailing uuid and drive the status
    /// queries; a refused mailing of a batch costs the other mailings' statuses nothing; a quick message's non-zero
    /// error_code is kept beside its status (seed 004's statusBulkViber and getViberDeliveryData examples, copied to Data/).
    /// </summary>
    public class SmsByNeutralTests
    {
        private const string Uuid = "cc9c8043-8caf-11ef-b035-9e8f47954dec";
        private const string QuickAccepted = """{"status": "OK", "result": {"message_id": 8484}}""";
        private const string MailingAccepted = """{"uuid": "cc9c8043-8caf-11ef-b035-9e8f47954dec", "success": "OK"}""";

        private static IViberClient Client(StubGateway gateway, Action<SmsByOptions>? configure = null)
        {
            var options = new SmsByOptions { ApiKey = StubbedClients.SmsByToken, QuickMessageSenderId = 7, MailingSenderId = 444, Resilience = QuickRetries.Policy() };
            configure?.Invoke(options);
            return ViberClientFactory.Create(options, gateway.CreateClient("https://smsby.test/"));
        }

        /// <summary>Seed 004's "mailing list 4" (a bulk text mailing, scheduled, named) sent as a neutral message with the configured alpha name id.</summary>
        [Fact]
        public async Task Neutral_send_to_several_recipients_is_the_documented_bulk_mailing()
        {
            var documented = JToken.Parse(DocumentedFixtures.Read<SendBulkViberDocumentedExampleTests>("seed004.json"));
            var gateway = new StubGateway().Reply(MailingAccepted);

            var results = await Client(gateway, o => o.ApiKey = (string?)documented["token"]).SendAsync(new ViberMessage
            {
                Recipients = { "+375291111111", "375292222222" },
                Sender = "ignored: SMS.by sends by id",
                Text = "message text 4",
                ScheduledAt = new DateTimeOffset(2024, 10, 30, 22, 56, 0, TimeSpan.Zero),
                ClientId = 12,
                SmsBy = new SmsByMessageOptions { MailingName = "mailing list 4" },
            });

            JToken.Parse(gateway.LastRequest.BodyText).ShouldBeSameTreeAs(new JObject { ["token"] = documented["token"], ["messages"] = new JArray(documented["messages"]![3]!) });
            results.Select(r => r.Reference!.ToString()).ShouldBe(new[] { $"SmsBy:375291111111:12::{Uuid}", $"SmsBy:375292222222:13::{Uuid}" });
        }

        /// <summary>
        /// schedule_time has no offset and SMS.by does not document its time zone, so the time goes as written in the
        /// value's own offset, neither converted nor dropped to UTC.
        /// </summary>
        [Fact]
        public async Task A_scheduled_time_is_sent_as_the_wall_clock_time_of_its_own_offset()
        {
            var gateway = new StubGateway().Reply(MailingAccepted);

            await Client(gateway).SendAsync(new ViberMessage
            {
                Recipients = { "375291111111" },
                Text = "Hi",
                ScheduledAt = new DateTimeOffset(2030, 1, 31, 9, 30, 0, TimeSpan.FromHours(5)),
            }).AllAcceptedAsync();

            // The body as sent: JToken.Parse would read the value back as a date.
            gateway.LastRequest.BodyText.ShouldContain("\"schedule_time\":\"2030-01-31T09:30:00\"");
        }

        [Fact]
        public async Task One_recipient_is_a_quick_message_from_the_viber_name_id()
        {
            var gateway = new StubGateway().Reply(QuickAccepted);

            var result = (await Client(gateway).SendAsync(new ViberMessage { Recipients = { "+375291111111" }, Text = "Hi" })).ShouldHaveSingleItem();

            gateway.LastRequest.Uri.AbsolutePath.ShouldBe("/api/v2/sendQuickViberMessage");
            var sent = SentParameters.Of(gateway.LastRequest).Values().ToList();
            sent.ShouldContain(("vibername_id", "7"));
            sent.ShouldContain(("phone", "375291111111"));
            sent.ShouldContain(("message", "Hi"));
            result.Reference.ShouldBe(new MessageReference(Gateway.SmsBy, "375291111111", null, "8484"));
        }

        public static TheoryData<string[], long?, string, string> SenderIds => new()
        {
            { new[] { "375291111111" }, null, "vibername_id", "7" },
            { new[] { "375291111111", "375292222222" }, null, "alphaname_id", "444" },
            { new[] { "375291111111" }, 99, "vibername_id", "99" },
            { new[] { "375291111111", "375292222222" }, 99, "alphaname_id", "99" },
        };

        [Theory]
        [MemberData(nameof(SenderIds))]
        public async Task The_sender_id_follows_the_recipient_count_unless_the_message_gives_one(string[] recipients, long? own, string field, string expected)
        {
            var gateway = new StubGateway().Reply(recipients.Length == 1 ? QuickAccepted : MailingAccepted);

            await Client(gateway).SendAsync(new ViberMessage { Recipients = recipients.ToList(), Text = "Hi", SmsBy = new SmsByMessageOptions { SenderId = own } });

            var sent = recipients.Length == 1
                ? SentParameters.Of(gateway.LastRequest).Single(p => p.Name == field).Value
                : (string?)JObject.Parse(gateway.LastRequest.BodyText)["messages"]![0]![field];
            sent.ShouldBe(expected);
        }

        [Theory]
        [InlineData(1, "SmsByOptions.QuickMessageSenderId", "vibername_id")]
        [InlineData(2, "SmsByOptions.MailingSenderId", "GetSendersAsync")]
        public async Task A_missing_sender_id_names_the_setting(int recipients, string setting, string hint)
        {
            var gateway = new StubGateway();
            var client = Client(gateway, o => (o.QuickMessageSenderId, o.MailingSenderId) = (null, null));

            var refused = await Should.ThrowAsync<RequestValidationException>(() =>
                client.SendAsync(new ViberMessage { Recipients = new[] { "375291111111", "375292222222" }.Take(recipients).ToList(), Text = "Hi" }));

            var violation = refused.Violations.ShouldHaveSingleItem();
            violation.Field.ShouldBe(setting);
            violation.Message.ShouldContain(hint);
            gateway.Requests.ShouldBeEmpty();
        }

        /// <summary>A bulk send's message is checked at the call: a missing alpha name id is the setting to make (not also the spec's minimum).</summary>
        [Fact]
        public void A_bulk_send_without_a_mailing_sender_id_or_with_recipients_of_its_own_fails_at_the_call()
        {
            var gateway = new StubGateway();
            var client = Client(gateway, o => o.MailingSenderId = null);

            var refused = Should.Throw<RequestValidationException>(() =>
                client.SendBulkAsync(new ViberMessage { Recipients = { "375291111111" }, Text = "Hi" }, new[] { "375292222222" }.ToAsyncEnumerable()));

            refused.Violations.Select(v => (v.Field, v.Rule)).ShouldBe(new[] { ("SmsByOptions.MailingSenderId", "required"), ("message.Recipients", "bulk") });
            gateway.Requests.ShouldBeEmpty();
        }

        [Fact]
        public async Task Fields_smsby_cannot_carry_are_refused_under_the_neutral_names()
        {
            var gateway = new StubGateway();

            var refused = await Should.ThrowAsync<RequestValidationException>(() => Client(gateway).SendAsync(new ViberMessage
            {
                Recipients = { "375291111111" }, Text = "Hi", SmsFallback = new SmsFallback("Hi (SMS)"), Lifetime = TimeSpan.FromHours(1),
            }));

            refused.Violations.Select(v => v.Field).ShouldBe(new[] { "message.SmsFallback", "message.Lifetime" });
            refused.Violations.ShouldAllBe(v => v.Message.Contains("SMS.by"));
            gateway.Requests.ShouldBeEmpty();
        }

        [Fact]
        public async Task A_refused_send_is_a_rejected_result_per_recipient()
        {
            var gateway = new StubGateway().Reply("""{"error": "Wrong alphaname. Check it is correct and approved."}""");

            var results = await Client(gateway).SendAsync(new ViberMessage { Recipients = { "375291111111", "375292222222" }, Text = "Hi" });

            results.Count.ShouldBe(2);
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Rejected && r.Reference == null && r.Failure is GatewayRejectedException);
            results[0].Error.ShouldNotBeNull().ShouldContain("Wrong alphaname");
        }

        [Fact]
        public async Task References_round_trip_and_drive_one_query_per_quick_message_and_per_mailing()
        {
            var gateway = new StubGateway()
                .Reply(QuickAccepted)
                .Reply(MailingAccepted)
                .Reply("""[{"message_id": 1, "name": "m", "alphaname_id": 444, "success": [{"delivery_id": 1, "phone": "375292222222", "status": "DELIVERED", "status_time": "2024-10-16 22:52:44.793377"}, {"delivery_id": 2, "phone": "375293333333", "status": "READ", "status_time": "2024-10-16 22:52:44.793377"}]}]""")
                .Reply("""{"status": "OK", "result": {"phone": "375291111111", "status": "SENT", "error_code": 0}}""");
            var client = Client(gateway);
            var quick = await client.SendAsync(new ViberMessage { Recipients = { "375291111111" }, Text = "Hi" });
            var mailing = await client.SendAsync(new ViberMessage { Recipients = { "375292222222", "375293333333" }, Text = "Hi all" });
            var references = quick.Concat(mailing).Select(r => r.Reference!).ToList();

            var fromText = references.Select(r => MessageReference.Parse(r.ToString())).ToList();
            var fromJson = JsonConvert.DeserializeObject<List<MessageReference>>(JsonConvert.SerializeObject(fromText))!;
            fromJson.ShouldBe(references);
            var statuses = await client.GetStatusAsync(fromJson);

            gateway.Requests.Count.ShouldBe(4, "one statusBulkViber for the mailing's two recipients, one getViberDeliveryData");
            gateway.Requests[2].Uri.PathAndQuery.ShouldBe($"/api/v1/statusBulkViber?token={StubbedClients.SmsByToken}&uuid={Uuid}");
            gateway.Requests[3].ShouldBeFormPost("/api/v2/getViberDeliveryData", ("token", StubbedClients.SmsByToken), ("message_id", "8484"));
            statuses.Select(s => s.Reference).ShouldBe(references);
            statuses.Select(s => (s.State, s.RawStatus)).ShouldBe(new[] { (DeliveryState.Sent, "SENT"), (DeliveryState.Delivered, "DELIVERED"), (DeliveryState.Read, "READ") });
        }

        /// <summary>
        /// Seed 004's statusBulkViber example, as documented: two created mailings (NEW, NEW; DELIVERED, DELIVERED)
        /// and two refused ones, which name no recipient.
        /// </summary>
        private static string MixedStatusReply() => DocumentedFixtures.Read<SmsByNeutralTests>("seed004.status-bulk-viber.json");

        /// <summary>The four recipients the example lists, and one it does not (a recipient of a refused mailing).</summary>
        private static List<MessageReference> MixedReplyReferences() =>
            new[] { "375291111111", "375292222222", "375293333333", "375294444444", "375295555555" }
                .Select(phone => new MessageReference(Gateway.SmsBy, phone, null, null, Uuid)).ToList();

        /// <summary>Each reference with its own status from the example: the listed ones as listed, the other unknown with the refusals.</summary>
        private static void ShouldEachKeepTheirOwnStatus(IReadOnlyList<DeliveryStatus> statuses, IReadOnlyList<MessageReference> references)
        {
            statuses.Select(s => (s.Reference.Recipient, s.State, s.RawStatus, s.Error is null)).ShouldBe(new[]
            {
                ("375291111111", DeliveryState.Accepted, "NEW", true),
                ("375292222222", DeliveryState.Accepted, "NEW", true),
                ("375293333333", DeliveryState.Delivered, "DELIVERED", true),
                ("375294444444", DeliveryState.Delivered, "DELIVERED", true),
                ("375295555555", DeliveryState.Unknown, "", false),
            });
            statuses.Select(s => s.Reference).ShouldBe(references);
            statuses[4].Error!.ShouldContain("mailing list 3: Content url is not valid");
            statuses[4].Error!.ShouldContain("mailing list 4: Optimal image size 800x800 px");
        }

        /// <summary>A refused mailing in the reply costs the created mailings' recipients nothing, through the neutral client.</summary>
        [Fact]
        public async Task A_refused_mailing_in_the_reply_keeps_the_delivered_statuses()
        {
            var gateway = new StubGateway().Reply(MixedStatusReply());
            var references = MixedReplyReferences();

            var statuses = await Client(gateway).GetStatusAsync(references);

            gateway.Requests.Count.ShouldBe(1, "one statusBulkViber for the uuid, whatever the number of recipients");
            ShouldEachKeepTheirOwnStatus(statuses, references);
        }

        [Fact]
        public async Task Through_the_router_the_mixed_reply_keeps_each_references_own_status()
        {
            var gateway = new StubGateway().Reply(MixedStatusReply());
            var references = MixedReplyReferences();

            var statuses = await new ViberRouter(new[] { Client(gateway) }).GetStatusAsync(references);

            gateway.Requests.Count.ShouldBe(1);
            ShouldEachKeepTheirOwnStatus(statuses, references);
        }

        /// <summary>
        /// Following over one round (it gives up when the first wait ends): the delivered come out as final, the others
        /// with the status that round read, none left out because a mailing beside them was refused.
        /// </summary>
        [Fact]
        public async Task Following_the_mixed_reply_through_the_router_yields_every_reference_with_its_own_status()
        {
            var clock = new WatchedClock();
            var gateway = new StubGateway().Reply(MixedStatusReply());
            var references = MixedReplyReferences();
            var oneRound = new StatusPollingOptions { FirstDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(1), GiveUpAfter = TimeSpan.FromSeconds(1), TimeProvider = clock };

            var following = new ViberRouter(new[] { Client(gateway) }).FollowStatusAsync(references, oneRound).ToListAsync().AsTask();
            clock.Advance(await clock.NextWaitAsync());
            var statuses = await following;

            gateway.Requests.Count.ShouldBe(1);
            statuses.Take(2).Select(s => s.Reference.Recipient).ShouldBe(new[] { "375293333333", "375294444444" }, "the finals of the round come first");
            ShouldEachKeepTheirOwnStatus(statuses.OrderBy(s => references.IndexOf(s.Reference)).ToList(), references);
        }

        [Fact]
        public async Task A_refused_quick_message_query_is_unknown_unless_every_query_was_refused()
        {
            const string refused = """{"status": "ERROR", "error": "Message not found"}""";
            var gateway = new StubGateway().Reply(refused).Reply("""{"status": "OK", "result": {"phone": "375292222222", "status": "READ", "error_code": 0}}""").Reply(refused);
            var client = Client(gateway);

            var statuses = await client.GetStatusAsync(new[]
            {
                new MessageReference(Gateway.SmsBy, "375291111111", null, "1"),
                new MessageReference(Gateway.SmsBy, "375292222222", null, "2"),
            });

            statuses[0].State.ShouldBe(DeliveryState.Unknown);
            statuses[0].Error.ShouldNotBeNull().ShouldContain("Message not found");
            statuses[1].State.ShouldBe(DeliveryState.Read);
            (await Should.ThrowAsync<GatewayRejectedException>(() => client.GetStatusAsync(new[] { new MessageReference(Gateway.SmsBy, "375291111111", null, "1") })))
                .GatewayMessage.ShouldBe("Message not found");
        }

        /// <summary>Seed 004's getViberDeliveryData example, as documented: READ, error_code 0.</summary>
        private static JToken DocumentedDeliveryData() => JToken.Parse(DocumentedFixtures.Read<SmsByNeutralTests>("seed004.get-viber-delivery-data.json"));

        [Fact]
        public async Task A_quick_messages_non_zero_error_code_is_kept_beside_its_status()
        {
            var reply = DocumentedDeliveryData();
            reply["result"]!["error_code"] = 17;
            var gateway = new StubGateway().Reply(reply.ToString());

            var statuses = await Client(gateway).GetStatusAsync(new[] { new MessageReference(Gateway.SmsBy, "375293332211", null, "8484") });

            statuses[0].State.ShouldBe(DeliveryState.Read, "the state still follows status");
            statuses[0].RawStatus.ShouldBe("READ");
            statuses[0].ErrorCode.ShouldBe("17");
            statuses[0].Error.ShouldBeNull("the status was read");
        }

        [Fact]
        public async Task A_quick_messages_documented_error_code_0_is_no_error()
        {
            var gateway = new StubGateway().Reply(DocumentedDeliveryData().ToString());

            var statuses = await Client(gateway).GetStatusAsync(new[] { new MessageReference(Gateway.SmsBy, "375293332211", null, "8484") });

            statuses[0].State.ShouldBe(DeliveryState.Read);
            statuses[0].ErrorCode.ShouldBeNull();
            statuses[0].Error.ShouldBeNull();
        }

        [Fact]
        public async Task The_balance_has_no_amount_and_says_why_without_asking_the_gateway()
        {
            var gateway = new StubGateway();

            var balance = await Client(gateway).GetBalanceAsync();

            (balance.Gateway, balance.Amount, balance.Currency).ShouldBe((Gateway.SmsBy, (decimal?)null, (string?)null));
            balance.Error.ShouldNotBeNull().ShouldContain("SMS.by documents no balance method");
            gateway.Requests.ShouldBeEmpty();
        }

        [Fact]
        public async Task Bulk_to_many_is_one_mailing_per_request_from_the_alpha_name_id()
        {
            var gateway = new StubGateway().Reply(MailingAccepted);

            var results = await Client(gateway).SendBulkAsync(new ViberMessage { Text = "Hi", ClientId = 4 }, new[] { "375291111111", "375292222222" }.ToAsyncEnumerable()).ToListAsync();

            ((string?)JObject.Parse(gateway.LastRequest.BodyText)["messages"]![0]!["alphaname_id"]).ShouldBe("444");
            results.OrderBy(r => r.Index).Select(r => r.Reference!.ToString()).ShouldBe(new[] { $"SmsBy:375291111111:4::{Uuid}", $"SmsBy:375292222222:5::{Uuid}" });
            results.ShouldAllBe(r => r.Request == 1);
        }
    }
}
