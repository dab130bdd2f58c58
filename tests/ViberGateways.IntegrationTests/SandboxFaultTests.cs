using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Sandbox;
using ViberGateways.IntegrationTests.Bulk;

namespace ViberGateways.IntegrationTests
{
    /// <summary>The sandbox's own features: request log, fault injection (queued and per request), its endpoints, a fixed port.</summary>
    public class SandboxFaultTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _fixture;

        public SandboxFaultTests(SandboxFixture fixture) => _fixture = fixture.WithoutQueuedFaults();

        private SandboxGateway Sandbox => _fixture.Sandbox;

        private static ViberMessage Text() => new() { Recipients = { "380971234567" }, Sender = "Shop", Text = "Hi" };

        [Fact]
        public async Task Too_many_requests_carries_retry_after_and_nothing_is_stored()
        {
            var before = Sandbox.Messages.Count;
            Sandbox.InjectFault(SandboxFault.TooManyRequests(TimeSpan.FromSeconds(2)), "http.php");
            using var http = _fixture.Http();

            using var reply = await http.GetAsync("api/http.php?command=balance");

            reply.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            reply.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(2));
            Sandbox.Messages.Count.ShouldBe(before);
            Sandbox.Requests.Last().Fault.ShouldBe("429 Retry-After 2s");
        }

        [Fact]
        public async Task Cleared_faults_reach_no_later_request()
        {
            Sandbox.InjectFault(SandboxFault.DropConnection(), "http.php");
            Sandbox.InjectFault(SandboxFault.ServerError());

            Sandbox.ClearFaults().ShouldBe(2);

            using var http = _fixture.Http();
            using var reply = await http.GetAsync("api/http.php?command=balance");
            reply.StatusCode.ShouldBe(HttpStatusCode.OK);
            Sandbox.Requests.Last().Fault.ShouldBeNull();
            Sandbox.ClearFaults().ShouldBe(0);
        }

        [Fact]
        public async Task Queued_faults_for_a_path_are_taken_in_the_order_they_were_queued_whatever_waits_between_them()
        {
            Sandbox.InjectFault(SandboxFault.ServerError(), "http.php");
            Sandbox.InjectFault(SandboxFault.ServiceUnavailable(), "json.php");
            Sandbox.InjectFault(SandboxFault.HtmlErrorPage(), "http.php");
            using var http = _fixture.Http();

            (await http.GetAsync("api/json.php")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await http.GetAsync("api/http.php?command=balance")).StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
            (await http.GetAsync("api/http.php?command=balance")).StatusCode.ShouldBe(HttpStatusCode.BadGateway);
            Sandbox.ClearFaults().ShouldBe(0);
        }

        [Fact]
        public async Task Queued_faults_beyond_the_limit_are_refused_409_until_a_request_takes_one_or_they_are_cleared()
        {
            using var http = _fixture.Http();
            try
            {
                for (var i = 1; i < SandboxGateway.MaxQueuedFaults; i++)
                {
                    Sandbox.InjectFault(SandboxFault.ServerError(), $"never-requested-{i}");
                }

                // The last place goes to a fault the next balance request takes.
                (await http.PostAsJsonAsync("_sandbox/faults", new { fault = "503", path = "http.php" })).StatusCode.ShouldBe(HttpStatusCode.OK);

                using (var refused = await http.PostAsJsonAsync("_sandbox/faults", new { fault = "503" }))
                {
                    refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
                    (await refused.Content.ReadFromJsonAsync<SandboxErrorReply>())!.Error.ShouldBe(
                        $"{SandboxGateway.MaxQueuedFaults} faults are queued already, the most the sandbox keeps; let requests take them or clear them first (ClearFaults, DELETE /_sandbox/faults).");
                }

                Should.Throw<InvalidOperationException>(() => Sandbox.InjectFault(SandboxFault.ServiceUnavailable()))
                    .Message.ShouldStartWith($"{SandboxGateway.MaxQueuedFaults} faults are queued already");

                (await http.GetAsync("api/http.php?command=balance")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, "the request takes its queued fault and frees a place");
                (await http.PostAsJsonAsync("_sandbox/faults", new { fault = "503", path = "never-requested-0" })).StatusCode.ShouldBe(HttpStatusCode.OK);
                Sandbox.ClearFaults().ShouldBe(SandboxGateway.MaxQueuedFaults);
                (await http.PostAsJsonAsync("_sandbox/faults", new { fault = "503", path = "never-requested-0" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            finally
            {
                Sandbox.ClearFaults();
            }
        }

        [Theory]
        [InlineData("503", 503, "text/plain")]
        [InlineData("500", 500, "text/plain")]
        [InlineData("html", 502, "text/html")]
        public async Task Status_faults_are_played_per_request_from_the_header(string header, int status, string contentType)
        {
            using var http = _fixture.Http();
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/http.php?command=balance");
            request.Headers.Add(SandboxGateway.FaultHeader, header);

            using var reply = await http.SendAsync(request);

            ((int)reply.StatusCode).ShouldBe(status);
            reply.Content.Headers.ContentType!.MediaType.ShouldBe(contentType);
        }

        // Faults seen with a plain HttpClient: what the sandbox does. How the SDK handles each is in Reliability/FaultToleranceTests.
        [Fact]
        public async Task A_dropped_connection_after_handling_stores_the_message_but_the_client_gets_no_reply()
        {
            Sandbox.InjectFault(SandboxFault.DropConnection(afterProcessing: true), "json.php");
            var before = Sandbox.Messages.Count;
            using var http = _fixture.Http();

            await Should.ThrowAsync<HttpRequestException>(() => http.PostAsync("api/json.php", JsonSend()));

            Sandbox.Messages.Count.ShouldBe(before + 1);
        }

        [Fact]
        public async Task A_dropped_connection_before_handling_stores_nothing()
        {
            Sandbox.InjectFault(SandboxFault.DropConnection(), "json.php");
            var before = Sandbox.Messages.Count;
            using var http = _fixture.Http();

            await Should.ThrowAsync<HttpRequestException>(() => http.PostAsync("api/json.php", JsonSend()));

            Sandbox.Messages.Count.ShouldBe(before);
        }

        [Fact]
        public async Task A_truncated_body_fails_the_read()
        {
            Sandbox.InjectFault(SandboxFault.TruncatedBody(), "http.php");
            using var http = _fixture.Http();

            // The cut shows while the headers or while the body are read, as the connection's timing has it.
            await Should.ThrowAsync<HttpRequestException>(() => http.GetStringAsync("api/http.php?command=balance&key=" + Uri.EscapeDataString(Sandbox.Credentials.AlphaSmsApiKey)));
        }

        /// <summary>A documented JSON send of one text, with a fresh client id.</summary>
        private StringContent JsonSend() => new StringContent(
            $$"""{"auth":"{{Sandbox.Credentials.AlphaSmsApiKey}}","data":[{"type":"viber","id":{{Guid.NewGuid().GetHashCode() & 0x7fffffff}},"phone":380971234567,"viber_type":"text","viber_signature":"Shop","viber_message":"Hi"}]}""",
            System.Text.Encoding.UTF8, "application/json");

        [Fact]
        public async Task A_malformed_body_is_a_gateway_exception_with_a_snippet()
        {
            Sandbox.InjectFault(SandboxFault.MalformedBody(), "json.php");

            var error = await Should.ThrowAsync<GatewayException>(() => _fixture.AlphaSms(AlphaSmsTransport.Json).GetBalanceAsync());

            error.StatusCode.ShouldBe(200);
        }

        [Fact]
        public async Task A_delay_holds_the_reply_back()
        {
            // Fault delays run on the wall clock (they stand for network latency), so no delay is timed here: an hour's
            // hold has the request handled and logged but unanswered, and the client giving up ends it. A sandbox of
            // its own tells the test when the hold starts.
            var holding = new TaskCompletionSource<SandboxRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var sandbox = await SandboxGateway.StartAsync(new SandboxOptions { OnHold = request => holding.TrySetResult(request) });
            sandbox.InjectFault(SandboxFault.Delayed(TimeSpan.FromHours(1)), "http.php");
            using var http = new HttpClient();
            using var giveUp = new CancellationTokenSource();
            var client = ViberClientFactory.Create(new AlphaSmsOptions { BaseAddress = sandbox.BaseAddress, ApiKey = sandbox.Credentials.AlphaSmsApiKey, Transport = AlphaSmsTransport.Http }, http);

            var asking = client.GetBalanceAsync(giveUp.Token);
            var held = await holding.Task.WaitAsync(TimeSpan.FromSeconds(60));

            held.Fault.ShouldBe("delay 3600000ms after handling");
            asking.IsCompleted.ShouldBeFalse("the reply is held back");
            held.ResponseStatus.ShouldBe(0, "no reply has gone out");
            giveUp.Cancel();
            await Should.ThrowAsync<OperationCanceledException>(asking);
        }

        [Fact]
        public async Task The_request_log_keeps_method_path_content_type_and_body()
        {
            await _fixture.AlphaSms(AlphaSmsTransport.Xml).GetBalanceAsync();

            var logged = Sandbox.Requests.Last();
            logged.Method.ShouldBe("POST");
            logged.Path.ShouldBe("/api/xml.php");
            logged.ContentType.ShouldBe("application/xml; charset=utf-8");
            logged.Body.ShouldContain("<balance />");
            logged.ResponseStatus.ShouldBe(200);
        }

        [Fact]
        public async Task Its_own_endpoints_list_requests_and_messages_and_take_replies()
        {
            var sent = (await _fixture.AlphaSms(AlphaSmsTransport.Json).SendAsync(Text())).ShouldHaveSingleItem();
            using var http = _fixture.Http();

            (await http.GetStringAsync("_sandbox/requests")).ShouldContain("/api/json.php");
            (await http.GetStringAsync("_sandbox/messages")).ShouldContain($"\"id\": {sent.GatewayId()}");
            using var reply = await http.PostAsJsonAsync("_sandbox/replies", new { messageId = sent.GatewayId(), phone = "380971234567", text = "Thanks" });
            reply.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await _fixture.AlphaSms(AlphaSmsTransport.Json).GetStatusAsync(sent.Reference!)).State.ShouldBe(DeliveryState.Replied);
        }

        [Fact]
        public async Task A_fixed_port_is_honoured()
        {
            // The port this class's sandbox holds: a second sandbox asked for it must try that very port, and so fail.
            var taken = Sandbox.BaseAddress.Port;

            var error = await Should.ThrowAsync<System.IO.IOException>(() => SandboxGateway.StartAsync(new SandboxOptions { Port = taken }));

            error.Message.ShouldContain($"127.0.0.1:{taken}");
        }

        [Fact]
        public void Fault_headers_parse_into_faults()
        {
            SandboxFault.Parse("429;retry-after=3").RetryAfter.ShouldBe(TimeSpan.FromSeconds(3));
            SandboxFault.Parse("delay=250").Delay.ShouldBe(TimeSpan.FromMilliseconds(250));
            SandboxFault.Parse("drop-after").AfterProcessing.ShouldBeTrue();
            SandboxFault.Parse("html=504").StatusCode.ShouldBe(504);
            Should.Throw<FormatException>(() => SandboxFault.Parse("teapot"));
        }
    }
}
