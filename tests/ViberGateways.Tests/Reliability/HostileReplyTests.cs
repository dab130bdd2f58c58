using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Reliability
{
    /// <summary>
    /// The hostile-reply catalogue: replies a gateway (or whatever stands in front of it) might send that are cut,
    /// hostile or undocumented. Each becomes a typed error or result — never a hang, a crash or a NullReferenceException.
    /// The clients run behind the SDK's handlers, as dependency injection builds them.
    /// </summary>
    public class HostileReplyTests
    {
        private readonly StubGateway _gateway = new();

        private IViberClient AlphaSms(AlphaSmsTransport transport) =>
            ViberClientFactory.Create(new AlphaSmsOptions { Resilience = QuickRetries.Policy(), ApiKey = "test-key", Transport = transport }, _gateway.CreateClient());

        private IViberClient LiveAll() => new LiveAllClient(new LiveAllOptions { Resilience = QuickRetries.Policy(), ApiKey = "test-token" }, _gateway.CreateClient());

        private IViberClient SmsBy() => ViberClientFactory.Create(new SmsByOptions { Resilience = QuickRetries.Policy(), ApiKey = "test-token", QuickMessageSenderId = 7 }, _gateway.CreateClient());

        private static ViberMessage Text(AlphaSmsTransport transport, long clientId = 1001) => new()
        {
            Recipients = { "380971234567" },
            Sender = "Shop",
            Text = "Hi",
            ClientId = transport == AlphaSmsTransport.Http ? null : clientId,
        };

        private static HttpResponseMessage Html(HttpStatusCode status) => new(status)
        {
            Content = new StringContent("<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>", Encoding.UTF8, "text/html"),
        };

        private static HttpResponseMessage Body(string body, string contentType = "application/json") =>
            new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, contentType) };

        [Fact]
        public async Task Json_send_whose_reply_breaks_off_has_an_unknown_outcome_and_is_not_repeated()
        {
            // A cut reply means the gateway read the request; JSON documents no de-duplication (specs/alphasms-json.yaml).
            _gateway.Reply(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = HostileContent.CutAfter(20) }, times: 4);

            var error = await Should.ThrowAsync<GatewayOutcomeUnknownException>(() => AlphaSms(AlphaSmsTransport.Json).SendAsync(Text(AlphaSmsTransport.Json)).ThrowingFailureAsync());

            error.Message.ShouldContain("may have reached the gateway");
            _gateway.Requests.Count.ShouldBe(1);
        }

        [Fact]
        public async Task Xml_send_with_client_ids_whose_reply_breaks_off_every_time_is_repeated_and_has_an_unknown_outcome()
        {
            _gateway.Reply(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = HostileContent.CutAfter(20) }, times: 4);

            var error = await Should.ThrowAsync<GatewayOutcomeUnknownException>(() => AlphaSms(AlphaSmsTransport.Xml).SendAsync(Text(AlphaSmsTransport.Xml)).ThrowingFailureAsync());

            error.Message.ShouldContain("may have reached the gateway");
            _gateway.Requests.Count.ShouldBe(4, "de-duplicated by id: 208 ERR_DUPLICATE");
        }

        [Fact]
        public async Task Xml_duplicate_id_208_to_a_repeat_of_a_package_whose_ids_the_sdk_drew_is_the_first_attempt_accepted()
        {
            // The first attempt's reply breaks off (the package may have arrived); the repeat carries the same ids, and
            // the gateway's 208 names this message's first attempt.
            _gateway.Reply(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = HostileContent.CutAfter(20) });
            _gateway.Reply(() => Body("<package><message-viber><msg msg_id=\"0\">208</msg></message-viber></package>", "text/xml"));
            var message = Text(AlphaSmsTransport.Xml);
            message.ClientId = null;

            var result = (await AlphaSms(AlphaSmsTransport.Xml).SendAsync(message)).ShouldHaveSingleItem();

            _gateway.Requests.Count.ShouldBe(2);
            _gateway.Requests[1].BodyText.ShouldBe(_gateway.Requests[0].BodyText);
            result.Outcome.ShouldBe(SendOutcome.Accepted);
            result.Error.ShouldBeNull();
        }

        [Fact]
        public async Task Xml_status_query_refused_for_its_rate_212_is_unavailable()
        {
            _gateway.Reply(() => Body("<package><error>212</error></package>", "text/xml"));

            var error = await Should.ThrowAsync<GatewayUnavailableException>(() => AlphaSms(AlphaSmsTransport.Xml).GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 1001)));

            error.Message.ShouldContain("212 (ErrThrottle, rate exceeded)");
        }

        [Fact]
        public async Task Json_send_answered_by_an_html_502_page_has_an_unknown_outcome_with_a_snippet()
        {
            _gateway.Reply(() => Html(HttpStatusCode.BadGateway));

            var error = await Should.ThrowAsync<GatewayOutcomeUnknownException>(() => AlphaSms(AlphaSmsTransport.Json).SendAsync(Text(AlphaSmsTransport.Json)).ThrowingFailureAsync());

            error.StatusCode.ShouldBe(502);
            error.ResponseSnippet.ShouldNotBeNull().ShouldContain("502 Bad Gateway");
            _gateway.Requests.Count.ShouldBe(1);
        }

        [Fact]
        public async Task Json_balance_answered_by_html_502_pages_is_retried_then_a_gateway_error()
        {
            _gateway.Reply(() => Html(HttpStatusCode.BadGateway), times: 4);

            var error = await Should.ThrowAsync<GatewayException>(() => AlphaSms(AlphaSmsTransport.Json).GetBalanceAsync());

            error.StatusCode.ShouldBe(502);
            _gateway.Requests.Count.ShouldBe(4);
        }

        [Fact]
        public async Task Json_send_with_an_empty_body_has_an_unknown_outcome()
        {
            _gateway.Reply(() => Body(""));

            await Should.ThrowAsync<GatewayOutcomeUnknownException>(() => AlphaSms(AlphaSmsTransport.Json).SendAsync(Text(AlphaSmsTransport.Json)).ThrowingFailureAsync());
        }

        [Fact]
        public async Task Json_balance_with_an_empty_body_is_a_gateway_error()
        {
            _gateway.Reply(() => Body(""));

            var error = await Should.ThrowAsync<GatewayException>(() => AlphaSms(AlphaSmsTransport.Json).GetBalanceAsync());

            error.Message.ShouldContain("null");
        }

        [Fact]
        public async Task Json_send_answered_in_plain_text_has_an_unknown_outcome_with_the_text()
        {
            _gateway.Reply(() => Body("OK", "text/plain"));

            var error = await Should.ThrowAsync<GatewayOutcomeUnknownException>(() => AlphaSms(AlphaSmsTransport.Json).SendAsync(Text(AlphaSmsTransport.Json)).ThrowingFailureAsync());

            error.ResponseSnippet.ShouldBe("OK");
            error.Message.ShouldContain("is not the documented JSON");
            error.InnerException.ShouldBeAssignableTo<Newtonsoft.Json.JsonException>();
        }

        [Fact]
        public async Task Json_reply_under_the_wrong_content_type_is_still_read()
        {
            _gateway.Reply(() => Body("""{"success":true,"data":[{"success":true,"data":{"id":1001,"msg_id":7}}]}""", "text/html"));

            (await AlphaSms(AlphaSmsTransport.Json).SendAsync(Text(AlphaSmsTransport.Json))).ShouldHaveSingleItem().Reference!.GatewayId.ShouldBe("7");
        }

        [Fact]
        public async Task Xml_reply_with_an_external_entity_is_refused_without_resolving_it()
        {
            _gateway.Reply(() => Body("""<?xml version="1.0"?><!DOCTYPE package [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><package><message-viber><msg id="1001" msg_id="5">&xxe;</msg></message-viber></package>""", "text/xml"));

            var error = await Should.ThrowAsync<GatewayOutcomeUnknownException>(() => AlphaSms(AlphaSmsTransport.Xml).SendAsync(Text(AlphaSmsTransport.Xml)).ThrowingFailureAsync());

            error.ToString().ShouldNotContain("root:");
            error.InnerException!.Message.ShouldContain("DTD");
        }

        [Fact]
        public async Task Xml_billion_laughs_reply_is_refused_at_once()
        {
            var entities = string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">"));
            _gateway.Reply(() => Body($"<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">{entities}]><package><balance><amount>&lol9;</amount></balance></package>", "text/xml"), times: 4);

            var error = await Should.ThrowAsync<GatewayException>(() => AlphaSms(AlphaSmsTransport.Xml).GetBalanceAsync());

            // At once, timed by no clock: the reader refused the DTD before expanding any entity, and nothing was asked again.
            error.Message.ShouldContain("DTD");
            _gateway.Requests.Count.ShouldBe(1);
        }

        [Fact]
        public async Task Xml_reply_with_an_html_root_has_an_unknown_outcome()
        {
            _gateway.Reply(() => Body("<html><body>Maintenance</body></html>", "text/html"));

            var error = await Should.ThrowAsync<GatewayOutcomeUnknownException>(() => AlphaSms(AlphaSmsTransport.Xml).SendAsync(Text(AlphaSmsTransport.Xml)).ThrowingFailureAsync());

            error.ResponseSnippet.ShouldNotBeNull().ShouldContain("Maintenance");
        }

        [Fact]
        public async Task A_50_megabyte_reply_is_refused_after_reading_at_most_the_cap()
        {
            HostileContent? huge = null;
            _gateway.Reply(() => new HttpResponseMessage(HttpStatusCode.OK) { Content = huge = HostileContent.Huge(50) });

            var error = await Should.ThrowAsync<GatewayException>(() => AlphaSms(AlphaSmsTransport.Json).GetBalanceAsync());

            error.Message.ShouldContain("larger than 1048576 bytes");
            huge!.BytesRead.ShouldBeLessThan(1024L * 1024L + 64 * 1024);
        }

        [Fact]
        public async Task Http_send_answered_by_an_unknown_line_has_an_unknown_outcome()
        {
            _gateway.Reply(() => Body("queued:yes", "text/plain"));

            var error = await Should.ThrowAsync<GatewayOutcomeUnknownException>(() => AlphaSms(AlphaSmsTransport.Http).SendAsync(Text(AlphaSmsTransport.Http)).ThrowingFailureAsync());

            error.ResponseSnippet.ShouldBe("queued:yes");
        }

        [Fact]
        public async Task Http_balance_that_is_not_a_number_is_a_gateway_error()
        {
            _gateway.Reply(() => Body("balance:abc", "text/plain"));

            var error = await Should.ThrowAsync<GatewayException>(() => AlphaSms(AlphaSmsTransport.Http).GetBalanceAsync());

            error.Message.ShouldContain("no readable balance");
        }

        [Theory]
        [InlineData("""{"success": false, "error": "Access denied"}""", "Access denied", true)]
        [InlineData("""{"success": 0, "error": "Access denied"}""", "Access denied", true)]
        [InlineData("""{"success": true, "data": [{"success": false, "error": "Error in Alpha-name", "data": {"id": 1001}}]}""", "Error in Alpha-name", false)]
        public async Task Json_success_false_in_every_documented_place_is_a_rejection(string reply, string reason, bool wholeRequest)
        {
            _gateway.Reply(() => Body(reply));

            var result = (await AlphaSms(AlphaSmsTransport.Json).SendAsync(Text(AlphaSmsTransport.Json))).ShouldHaveSingleItem();

            // A refused request is every message's failure; a refused item is that message's rejection.
            result.Outcome.ShouldBe(SendOutcome.Rejected);
            if (wholeRequest)
            {
                result.Failure.ShouldBeOfType<GatewayRejectedException>().GatewayMessage.ShouldBe(reason);
            }
            else
            {
                result.Failure.ShouldBeNull();
                result.Error.ShouldBe(reason);
            }
        }

        [Fact]
        public async Task Json_partial_batch_failure_reports_every_recipient()
        {
            _gateway.Reply(() => Body("""{"success":true,"data":[{"success":true,"data":{"id":1,"msg_id":11}},{"success":false,"error":"Error in Alpha-name","data":{"id":2}}]}"""));

            var results = await AlphaSms(AlphaSmsTransport.Json).SendAsync(new[] { Text(AlphaSmsTransport.Json, 1), Text(AlphaSmsTransport.Json, 2) });

            results.Select(r => (r.Outcome, r.Reference?.ClientId)).ShouldBe(new[] { (SendOutcome.Accepted, (long?)1), (SendOutcome.Rejected, (long?)2) });
        }

        [Fact]
        public async Task Xml_partial_batch_failure_reports_every_recipient()
        {
            _gateway.Reply(() => Body("<package><message-viber><msg id=\"1\" msg_id=\"11\">1</msg><msg id=\"2\" msg_id=\"0\">204</msg></message-viber></package>", "text/xml"));

            var results = await AlphaSms(AlphaSmsTransport.Xml).SendAsync(new[] { Text(AlphaSmsTransport.Xml, 1), Text(AlphaSmsTransport.Xml, 2) });

            results.Select(r => r.Outcome).ShouldBe(new[] { SendOutcome.Accepted, SendOutcome.Rejected });
            results[1].Error.ShouldBe("204 (ErrLength)");
        }

        [Fact]
        public async Task Json_reply_with_fewer_results_than_messages_reports_the_rest_as_unknown()
        {
            _gateway.Reply(() => Body("""{"success":true,"data":[{"success":true,"data":{"id":1,"msg_id":11}}]}"""));

            var results = await AlphaSms(AlphaSmsTransport.Json).SendAsync(new[] { Text(AlphaSmsTransport.Json, 1), Text(AlphaSmsTransport.Json, 2) });

            results.Select(r => r.Outcome).ShouldBe(new[] { SendOutcome.Accepted, SendOutcome.Unknown });
        }

        [Fact]
        public async Task Json_reply_with_an_impossible_number_has_an_unknown_outcome()
        {
            _gateway.Reply(() => Body("""{"success":true,"data":[{"success":true,"data":{"id":1001,"msg_id":1e400}}]}"""));

            await Should.ThrowAsync<GatewayOutcomeUnknownException>(() => AlphaSms(AlphaSmsTransport.Json).SendAsync(Text(AlphaSmsTransport.Json)).ThrowingFailureAsync());
        }

        [Fact]
        public async Task Xml_request_level_error_is_a_rejection()
        {
            _gateway.Reply(() => Body("<package><error>202</error></package>", "text/xml"));

            var error = await Should.ThrowAsync<GatewayRejectedException>(() => AlphaSms(AlphaSmsTransport.Xml).SendAsync(Text(AlphaSmsTransport.Xml)).ThrowingFailureAsync());

            error.GatewayErrorCode.ShouldBe("202");
        }

        [Fact]
        public async Task Http_errors_line_is_a_rejection()
        {
            _gateway.Reply(() => Body("errors:Wrong login/password", "text/plain"));

            await Should.ThrowAsync<GatewayRejectedException>(() => AlphaSms(AlphaSmsTransport.Http).SendAsync(Text(AlphaSmsTransport.Http)).ThrowingFailureAsync());
        }

        [Fact]
        public async Task Liveall_success_false_is_a_rejection_with_every_operation_error()
        {
            _gateway.Reply(() => Body("""{"success":false,"OperationErrors":[{"errorCode":56,"errorMessage":"Sender id for IM is not approved","SMSErrorType":4,"valueOfError":""},{"errorCode":13,"errorMessage":"Invalid destination number","SMSErrorType":3,"valueOfError":"30"}],"SubmissionID":0,"data":null}"""));

            var result = (await LiveAll().SendAsync(new ViberMessage { Recipients = { "306912345678" }, Sender = "S", Text = "Hi" })).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Rejected);
            var error = result.Failure.ShouldBeOfType<GatewayRejectedException>();
            error.GatewayErrorCode.ShouldBe("56");
            error.Message.ShouldContain("13 Invalid destination number");
        }

        [Fact]
        public async Task Liveall_plain_text_error_is_a_rejection()
        {
            _gateway.Reply(() => Body("Error: 44 - Invalid api token", "text/plain"));

            await Should.ThrowAsync<GatewayRejectedException>(() => LiveAll().GetBalanceAsync());
        }

        [Fact]
        public async Task Liveall_send_whose_reply_never_comes_has_an_unknown_outcome_and_is_not_repeated()
        {
            // The attempt timeout runs on a fake clock, advanced once the request has reached the gateway (the timeout is armed by then).
            var arrived = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _gateway.NeverReply(arrived);
            var clock = new FakeTimeProvider();
            var policy = QuickRetries.Policy();
            policy.TimeProvider = clock;
            IViberClient client = new LiveAllClient(new LiveAllOptions { Resilience = policy, ApiKey = "test-token" }, _gateway.CreateClient());

            var sending = client.SendAsync(new ViberMessage { Recipients = { "306912345678" }, Sender = "S", Text = "Hi" });
            await arrived.Task.WaitAsync(TimeSpan.FromMinutes(1));
            clock.Advance(policy.AttemptTimeout);
            var result = (await sending).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Unknown);
            var error = result.Failure.ShouldBeOfType<GatewayOutcomeUnknownException>();
            error.Message.ShouldContain("no reply within");
            _gateway.Requests.Count.ShouldBe(1);
        }

        [Theory]
        [InlineData("""{"error": "Wrong alphaname. Check it is correct and approved."}""", HttpStatusCode.OK)]
        [InlineData("""{"status": "ERROR", "error": "Invalid phone number"}""", HttpStatusCode.OK)]
        [InlineData("", HttpStatusCode.BadRequest)]
        public async Task Smsby_refusals_in_each_documented_form_are_rejections(string reply, HttpStatusCode status)
        {
            _gateway.Reply(() => new HttpResponseMessage(status) { Content = new StringContent(reply, Encoding.UTF8, "application/json") });

            var result = (await SmsBy().SendAsync(new ViberMessage { Recipients = { "375291111111" }, Text = "Hi" })).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Rejected);
            result.Failure.ShouldBeOfType<GatewayRejectedException>();
        }

        [Fact]
        public async Task A_status_the_gateway_adds_later_is_kept_raw_with_an_unknown_state()
        {
            _gateway.Reply(() => Body("""{"success":true,"data":[{"success":true,"data":{"id":1001,"type":"viber","status":"SOMETHING NEW","extra":{"nested":true}}}]}"""));

            var status = await AlphaSms(AlphaSmsTransport.Json).GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 1001));

            status.State.ShouldBe(DeliveryState.Unknown);
            status.RawStatus.ShouldBe("SOMETHING NEW");
        }
    }
}
