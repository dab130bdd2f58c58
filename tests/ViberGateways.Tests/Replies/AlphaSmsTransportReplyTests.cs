using System;
using System.Linq;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.Replies
{
    /// <summary>
    /// Every documented AlphaSMS reply format (seeds 000–002 and the reference), read through <see cref="IViberClient"/>
    /// on its transport into results or typed errors.
    /// </summary>
    public class AlphaSmsTransportReplyTests
    {
        private readonly StubGateway _gateway = new();

        private IViberClient ClientReplying(Variant variant, string reply)
        {
            _gateway.Reply(reply, variant == Variant.Json ? "application/json" : "text/plain");
            return Client(variant, _gateway);
        }

        private static ViberMessage Text(IViberClient client) => Message(client, text: "Hi");

        [Fact]
        public async Task Json_success_reports_client_id_gateway_id_and_parts()
        {
            var client = ClientReplying(Variant.Json, """{"success": true, "data": [{"success": true, "data": {"id": 100500, "msg_id": 123456789, "data": 1, "parts": 1}}]}""");

            var result = (await client.SendAsync(Text(client))).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Accepted);
            result.Reference!.ClientId.ShouldBe(100500);
            result.Reference.GatewayId.ShouldBe("123456789");
            result.Parts.ShouldBe(1);
        }

        [Fact]
        public async Task Json_access_denied_fails_the_request_with_the_gateway_text()
        {
            var client = ClientReplying(Variant.Json, """{"success": false, "error": "Access denied"}""");

            var error = await Should.ThrowAsync<GatewayException>(() => client.SendAsync(new[] { Text(client) }).ThrowingFailureAsync());

            error.StatusCode.ShouldBe(200);
            error.GatewayMessage.ShouldBe("Access denied");
            error.Message.ShouldContain("Access denied");
            error.Message.ShouldNotContain("test-api-key");
        }

        [Fact]
        public async Task Json_alpha_name_error_rejects_that_message_only()
        {
            var client = ClientReplying(Variant.Json, """
                {"success": true, "data": [
                  {"success": false, "error": "Error in Alpha-name", "data": {"id": 1001}},
                  {"success": true, "data": {"id": 1002, "msg_id": 9002, "parts": 1}}]}
                """);

            var results = await client.SendAsync(new[] { Text(client), Message(client, "Two", clientId: 1002) });

            results.Select(r => r.Outcome).ShouldBe(new[] { SendOutcome.Rejected, SendOutcome.Accepted });
            results[0].Error.ShouldBe("Error in Alpha-name");
            results[0].Reference!.ClientId.ShouldBe(1001);
            results[1].Reference!.GatewayId.ShouldBe("9002");
        }

        [Fact]
        public async Task Json_single_send_rejected_in_the_item_is_rejected_with_the_reason()
        {
            var client = ClientReplying(Variant.Json, """{"success": true, "data": [{"success": false, "error": "Error in Alpha-name", "data": {"id": 1001}}]}""");

            var result = (await client.SendAsync(Text(client))).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Rejected);
            result.Error.ShouldBe("Error in Alpha-name");
            result.Reference!.ClientId.ShouldBe(1001);
        }

        [Fact]
        public async Task Json_reply_missing_a_result_reports_that_message_as_unknown_not_dropped()
        {
            var client = ClientReplying(Variant.Json, """{"success": true, "data": [{"success": true, "data": {"id": 1001, "msg_id": 9001}}]}""");

            var results = await client.SendAsync(new[] { Text(client), Message(client, "Two", clientId: 1002) });

            results.Count.ShouldBe(2);
            results[1].Outcome.ShouldBe(SendOutcome.Unknown);
            results[1].Reference!.ClientId.ShouldBe(1002);
        }

        [Fact]
        public async Task Json_send_without_client_id_gets_one_assigned_and_reported()
        {
            var client = ClientReplying(Variant.Json, """{"success": true, "data": [{"success": true, "data": {"msg_id": 9001}}]}""");
            var message = Text(client);
            message.ClientId = null;

            var result = (await client.SendAsync(message)).ShouldHaveSingleItem();

            var sentId = (long)Newtonsoft.Json.Linq.JToken.Parse(_gateway.LastRequest.BodyText)["data"]![0]!["id"]!;
            sentId.ShouldBeGreaterThan(0);
            result.Reference!.ClientId.ShouldBe(sentId);
        }

        [Theory]
        [InlineData("DELIVERED", DeliveryState.Delivered)]
        [InlineData("READ", DeliveryState.Read)]
        [InlineData("INVALID DESTINATION ADDRESS", DeliveryState.Failed)]
        [InlineData("PARTIALLY DELIVERED", DeliveryState.Sent)]
        [InlineData("A STATUS ADDED LATER", DeliveryState.Unknown)]
        public async Task Json_status_text_maps_to_a_state_and_is_kept_raw(string status, DeliveryState state)
        {
            var client = ClientReplying(Variant.Json, "{\"success\": true, \"data\": [{\"success\": true, \"data\": {\"id\": 1001, \"type\": \"viber\", \"status\": \"" + status + "\"}}]}");

            var result = await client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 1001));

            result.State.ShouldBe(state);
            result.RawStatus.ShouldBe(status);
            result.Error.ShouldBeNull();
        }

        [Fact]
        public async Task Json_status_of_a_two_way_message_is_as_of_the_latest_reply()
        {
            var client = ClientReplying(Variant.Json, """
                {"success": true, "data": [{"success": true, "data": {"id": 1001, "type": "viber", "status": "REPLIED",
                 "replies": [{"datetime": "2024-10-01T12:30:00+03:00", "message": "Yes, please",
                              "media": {"url": "https://files.example.com/a.jpg", "filename": "a.jpg", "filesize": 2048}}]}}]}
                """);

            var result = await client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 1001));

            result.State.ShouldBe(DeliveryState.Replied);
            result.UpdatedAt.ShouldBe(new DateTimeOffset(2024, 10, 1, 12, 30, 0, TimeSpan.FromHours(3)));
        }

        [Fact]
        public async Task Json_balance_reads_amount_and_currency()
        {
            var client = ClientReplying(Variant.Json, """{"success": true, "data": [{"success": true, "data": {"amount": 10.526, "currency": "UAH"}}]}""");

            var balance = await client.GetBalanceAsync();

            balance.Amount.ShouldBe(10.526m);
            balance.Currency.ShouldBe("UAH");
        }

        [Fact]
        public async Task Xml_success_reports_the_gateway_id()
        {
            var client = ClientReplying(Variant.Xml, """
                <?xml version="1.0" encoding="utf-8" ?>
                <package>
                    <message-viber>
                        <msg id="1234" msg_id="1234568">1</msg>
                    </message-viber>
                </package>
                """);

            var result = (await client.SendAsync(Text(client))).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Accepted);
            result.Reference!.ClientId.ShouldBe(1234);
            result.Reference.GatewayId.ShouldBe("1234568");
        }

        [Fact]
        public async Task Xml_wrong_message_id_201_rejects_the_message_with_the_code()
        {
            var client = ClientReplying(Variant.Xml, """
                <?xml version="1.0" encoding="utf-8" ?>
                <package>
                    <message-viber>
                        <msg id="7777" msg_id="0">201</msg>
                    </message-viber>
                </package>
                """);

            var result = (await client.SendAsync(new[] { Text(client) })).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Rejected);
            result.ErrorCode.ShouldBe("201");
            result.Error.ShouldBe("201 (ErrId)");
            result.Reference?.GatewayId.ShouldBeNull();
        }

        [Fact]
        public async Task Xml_duplicate_id_208_for_a_message_sent_with_its_id_is_accepted_on_the_first_attempt_too()
        {
            // 208 ERR_DUPLICATE, "a message with this id exists" (gateways.md line 51): whether the SDK repeated the
            // package or the caller resent with the same reference, the message with that id is in the account.
            var client = ClientReplying(Variant.Xml, "<package><message-viber><msg id=\"1001\" msg_id=\"0\">208</msg></message-viber></package>");

            var result = (await client.SendAsync(Text(client))).ShouldHaveSingleItem();

            _gateway.Requests.Count.ShouldBe(1);
            result.Outcome.ShouldBe(SendOutcome.Accepted);
            result.Reference!.ClientId.ShouldBe(1001);
            result.Reference.GatewayId.ShouldBeNull("msg_id 0 is no gateway id; the client id asks the status");
            result.Error.ShouldBeNull();
        }

        [Fact]
        public async Task Xml_duplicate_id_208_to_the_first_attempt_for_an_id_the_sdk_drew_has_an_unknown_outcome()
        {
            // The SDK gives a message without a client id one of its own. A 208 to the package's first attempt names a
            // message of the account with that id: this one, if a layer below the SDK repeated the request, or another.
            var client = ClientReplying(Variant.Xml, "<package><message-viber><msg msg_id=\"0\">208</msg></message-viber></package>");
            var message = Text(client);
            message.ClientId = null;

            var result = (await client.SendAsync(new[] { message })).ShouldHaveSingleItem();

            var sentId = (long)System.Xml.Linq.XDocument.Parse(_gateway.LastRequest.BodyText).Descendants("msg").Single().Attribute("id")!;
            _gateway.Requests.Count.ShouldBe(1);
            result.Outcome.ShouldBe(SendOutcome.Unknown);
            result.ErrorCode.ShouldBe("208");
            result.Error.ShouldStartWith("208 (ErrDuplicate) to the first attempt: the account has a message with the id the SDK gave this one");
            result.Reference!.ClientId.ShouldBe(sentId, "the client id asks the status");
        }

        [Fact]
        public async Task Xml_request_level_throttle_212_is_unavailable_and_nothing_was_sent()
        {
            // 212 ERR_THROTTLE, "rate exceeded" (gateways.md line 52): the package was refused whole, as an HTTP 429 refuses it.
            var client = ClientReplying(Variant.Xml, "<package><error>212</error></package>");

            var result = (await client.SendAsync(new[] { Text(client) })).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.NotSent);
            result.Failure.ShouldBeOfType<GatewayUnavailableException>().Message.ShouldStartWith(
                "AlphaSMS refused the XML request: 212 (ErrThrottle, rate exceeded); nothing was sent, try again later");
        }

        [Fact]
        public async Task Json_item_error_mentioning_duplicate_is_a_plain_rejection_since_no_document_defines_it()
        {
            var client = ClientReplying(Variant.Json, """{"success": true, "data": [{"success": false, "error": "Duplicate message id", "data": {"id": 1001}}]}""");

            var result = (await client.SendAsync(new[] { Text(client) })).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Rejected);
            result.Error.ShouldBe("Duplicate message id");
        }

        [Fact]
        public async Task Xml_reply_naming_the_container_message_as_in_the_reply_table_is_read_too()
        {
            var client = ClientReplying(Variant.Xml, "<package><message><msg id=\"1001\" msg_id=\"42\">1</msg></message></package>");

            (await client.SendAsync(Text(client))).ShouldHaveSingleItem().Reference!.GatewayId.ShouldBe("42");
        }

        [Fact]
        public async Task Xml_request_level_error_code_fails_the_request()
        {
            var client = ClientReplying(Variant.Xml, "<package><error>202</error></package>");

            var error = await Should.ThrowAsync<GatewayException>(() => client.SendAsync(new[] { Text(client) }).ThrowingFailureAsync());

            error.GatewayErrorCode.ShouldBe("202");
            error.GatewayMessage.ShouldBe("ErrAuthorization");
        }

        [Fact]
        public async Task Xml_status_reads_code_and_completion_time()
        {
            var client = ClientReplying(Variant.Xml, "<package><status><msg id=\"1001\" sms_id=\"9001\" sms_count=\"2\" date_completed=\"2024-11-30T12:05:00\">102</msg></status></package>");

            var status = await client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", gatewayId: "9001"));

            status.State.ShouldBe(DeliveryState.Delivered);
            status.RawStatus.ShouldBe("102");
            status.Error.ShouldBeNull();
            // No time zone is documented: a time without an offset is read as UTC.
            status.UpdatedAt.ShouldBe(new DateTimeOffset(2024, 11, 30, 12, 5, 0, TimeSpan.Zero));
        }

        [Fact]
        public async Task Xml_status_of_an_unknown_id_is_unknown_with_the_code()
        {
            var client = ClientReplying(Variant.Xml, "<package><status><msg id=\"5\">201</msg></status></package>");

            var status = await client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 5));

            status.State.ShouldBe(DeliveryState.Unknown);
            status.Error.ShouldNotBeNull().ShouldContain("201 (ErrId)");
        }

        [Fact]
        public async Task Xml_balance_reads_amount_and_currency()
        {
            var client = ClientReplying(Variant.Xml, "<package><balance><amount>10.526</amount><currency>UAH</currency></balance></package>");

            var balance = await client.GetBalanceAsync();

            balance.Amount.ShouldBe(10.526m);
            balance.Currency.ShouldBe("UAH");
        }

        [Theory]
        [InlineData("id:84523377 sms_count:1", 1)]
        [InlineData("id:84523377 smd_count:2", 2)]
        public async Task Http_send_reply_reads_the_id_and_the_part_count(string reply, int parts)
        {
            var client = ClientReplying(Variant.HttpPost, reply);

            var result = (await client.SendAsync(Text(client))).ShouldHaveSingleItem();

            result.Reference!.GatewayId.ShouldBe("84523377");
            result.Parts.ShouldBe(parts);
        }

        [Fact]
        public async Task Http_wrong_login_fails_the_request()
        {
            var client = ClientReplying(Variant.HttpPost, "errors:Wrong login/password");

            var error = await Should.ThrowAsync<GatewayException>(() => client.SendAsync(new[] { Text(client) }).ThrowingFailureAsync());

            error.GatewayMessage.ShouldBe("Wrong login/password");
        }

        [Fact]
        public async Task Http_other_error_rejects_the_message_with_the_gateway_text()
        {
            var client = ClientReplying(Variant.HttpGet, "errors:Unknown command");

            var result = (await client.SendAsync(new[] { Text(client) })).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Rejected);
            result.Error.ShouldBe("Unknown command");
        }

        [Theory]
        [InlineData("status:Delivered code:3 status_time:2024/01/31", "Delivered", DeliveryState.Delivered)]
        [InlineData("status:Partially delivered code:50 status_time:2024/01/31", "Partially delivered", DeliveryState.Sent)]
        [InlineData("status:Read code:116 status_time:2024/01/31", "Read", DeliveryState.Read)]
        [InlineData("status:Something new code:77 status_time:2024/01/31", "Something new", DeliveryState.Unknown)]
        public async Task Http_status_line_reads_text_code_and_time(string reply, string text, DeliveryState state)
        {
            var client = ClientReplying(Variant.HttpPost, reply);

            var status = await client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", gatewayId: "84523377"));

            status.RawStatus.ShouldBe(text);
            status.State.ShouldBe(state);
            // status_time is a date: the day's start.
            status.UpdatedAt.ShouldBe(new DateTimeOffset(2024, 1, 31, 0, 0, 0, TimeSpan.Zero));
        }

        [Fact]
        public async Task Http_balance_line_reads_the_amount()
        {
            var client = ClientReplying(Variant.HttpGet, "balance:10.526\n");

            var balance = await client.GetBalanceAsync();

            balance.Amount.ShouldBe(10.526m);
            balance.Currency.ShouldBeNull();
        }

        [Theory]
        [InlineData("OK")]
        [InlineData("")]
        [InlineData("<html><body>502 Bad Gateway</body></html>")]
        public async Task Http_reply_in_no_documented_format_is_a_clear_error_with_a_snippet(string reply)
        {
            var client = ClientReplying(Variant.HttpPost, reply);

            var error = await Should.ThrowAsync<GatewayException>(() => client.SendAsync(Text(client)).ThrowingFailureAsync());

            error.Message.ShouldContain("not in a documented format");
            error.ResponseSnippet.ShouldBe(string.IsNullOrEmpty(reply) ? null : reply);
        }
    }
}
