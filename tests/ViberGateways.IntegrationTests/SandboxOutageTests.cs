using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.IntegrationTests.Reliability;
using ViberGateways.Sandbox;
using ViberGateways.IntegrationTests.Bulk;

namespace ViberGateways.IntegrationTests
{
    /// <summary>
    /// An outage is one call: every request takes the fault until it is cleared, for a number of requests, or for a
    /// time on the sandbox's clock — declared from code, from the <c>X-Sandbox-Fault</c> header or from the
    /// standalone sandbox's endpoints.
    /// </summary>
    public class SandboxOutageTests : IClassFixture<SandboxFixture>
    {
        private const string Balance = "api/http.php?command=balance";
        private static long _nextClientId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 10 + 7;
        private readonly SandboxFixture _fixture;

        public SandboxOutageTests(SandboxFixture fixture)
        {
            _fixture = fixture.WithoutQueuedFaults();
            Sandbox.ClearRequests();
        }

        private SandboxGateway Sandbox => _fixture.Sandbox;

        /// <summary>The SDK's default number of retries; <see cref="GatewayServices"/> only shortens the waits between them.</summary>
        private static int DefaultAttempts => 1 + new GatewayResilienceOptions().MaxRetryAttempts;

        private static ViberMessage Message() => new()
        {
            Recipients = { "+380971234567" },
            Sender = "Shop",
            Text = "Hello",
            ClientId = Interlocked.Increment(ref _nextClientId),
        };

        private int FaultedRequests(string fault) => Sandbox.Requests.Count(r => r.Fault == fault);

        [Fact]
        public async Task An_outage_until_cleared_outlasts_the_sdks_retries_and_the_next_send_after_clearing_is_accepted()
        {
            using var gateways = new GatewayServices(Sandbox);
            Sandbox.StartOutage(SandboxFault.ServiceUnavailable(), pathContains: "json.php");

            var during = (await gateways.AlphaSms.SendAsync(new[] { Message() })).Single();

            during.Outcome.ShouldBe(SendOutcome.NotSent);
            during.Failure.ShouldBeOfType<GatewayUnavailableException>();
            FaultedRequests("503").ShouldBe(DefaultAttempts);
            Sandbox.Messages.Count(m => m.ClientId == during.ClientId()).ShouldBe(0);

            Sandbox.ClearFaults().ShouldBe(1);
            var after = (await gateways.AlphaSms.SendAsync(new[] { Message() })).Single();

            after.Outcome.ShouldBe(SendOutcome.Accepted);
            Sandbox.Messages.Count(m => m.ClientId == after.ClientId()).ShouldBe(1);
            FaultedRequests("503").ShouldBe(DefaultAttempts);
        }

        [Fact]
        public async Task An_outage_for_a_number_of_requests_ends_after_them_and_the_sdk_gets_through_on_its_last_retry()
        {
            using var gateways = new GatewayServices(Sandbox);
            Sandbox.StartOutage(SandboxFault.ServiceUnavailable(), requests: DefaultAttempts - 1);

            var result = (await gateways.AlphaSms.SendAsync(new[] { Message() })).Single();

            result.Outcome.ShouldBe(SendOutcome.Accepted);
            FaultedRequests("503").ShouldBe(DefaultAttempts - 1);
            Sandbox.Requests.Count.ShouldBe(DefaultAttempts);
            Sandbox.ClearFaults().ShouldBe(0, "the outage ended by itself");
        }

        [Fact]
        public async Task A_timed_outage_ends_when_its_time_has_passed_on_the_sandbox_clock()
        {
            Sandbox.StartOutage(SandboxFault.ServerError(), duration: TimeSpan.FromSeconds(30));
            using var http = _fixture.Http();

            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.InternalServerError);
            _fixture.Clock.Advance(TimeSpan.FromSeconds(29));
            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.InternalServerError);
            _fixture.Clock.Advance(TimeSpan.FromSeconds(1));
            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.OK);
        }

        [Fact]
        public async Task The_header_declares_an_outage_its_own_request_starts()
        {
            using var http = _fixture.Http();
            using var declaring = new HttpRequestMessage(HttpMethod.Get, Balance);
            declaring.Headers.Add(SandboxGateway.FaultHeader, "503;outage-requests=3");

            (await http.SendAsync(declaring)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.OK);
        }

        [Fact]
        public async Task The_header_declares_an_outage_until_cleared()
        {
            using var http = _fixture.Http();
            using var declaring = new HttpRequestMessage(HttpMethod.Get, Balance);
            declaring.Headers.Add(SandboxGateway.FaultHeader, "html;outage");

            (await http.SendAsync(declaring)).StatusCode.ShouldBe(HttpStatusCode.BadGateway);
            for (var i = 0; i < 5; i++)
            {
                (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.BadGateway);
            }

            Sandbox.ClearFaults().ShouldBe(1);
            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.OK);
        }

        [Fact]
        public async Task The_control_endpoints_start_an_outage_queue_a_fault_and_clear_them()
        {
            using var http = _fixture.Http();

            (await http.PostAsJsonAsync("_sandbox/outages", new { fault = "429;retry-after=1", path = "http.php" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.TooManyRequests);
            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.TooManyRequests);
            using (var cleared = await http.DeleteAsync("_sandbox/faults"))
            {
                (await cleared.Content.ReadFromJsonAsync<ClearedReply>())!.Cleared.ShouldBe(1);
            }

            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.OK);

            (await http.PostAsJsonAsync("_sandbox/faults", new { fault = "500" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.InternalServerError);
            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.OK);

            (await http.PostAsJsonAsync("_sandbox/outages", new { fault = "503", requests = 2 })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.ServiceUnavailable);
            (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.OK);
        }

        [Theory]
        [InlineData("_sandbox/outages", """{"fault":"404"}""")]
        [InlineData("_sandbox/outages", """{"fault":"503","requests":0}""")]
        [InlineData("_sandbox/faults", """{"path":"json.php"}""")]
        public async Task The_control_endpoints_refuse_what_they_cannot_play(string endpoint, string body)
        {
            using var http = _fixture.Http();

            using var reply = await http.PostAsync(endpoint, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

            reply.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            Sandbox.ClearFaults().ShouldBe(0);
        }

        [Theory]
        [InlineData("_sandbox/outages", """{"fault":"503","seconds":"thirty"}""", "seconds must be a number")]
        [InlineData("_sandbox/outages", """{"fault":"503","requests":1.5}""", "requests must be a whole number")]
        [InlineData("_sandbox/outages", """{"fault":503}""", "fault must be a string")]
        [InlineData("_sandbox/outages", "{\"fault\":\"503\"", "the body is not valid JSON")]
        [InlineData("_sandbox/outages", """{"fault":"503","seconds":1e9}""", "seconds must be more than 0 and at most 86400")]
        [InlineData("_sandbox/outages", """{"fault":"503","seconds":0}""", "seconds must be more than 0 and at most 86400")]
        [InlineData("_sandbox/outages", """{"fault":"503","requests":0}""", "requests must be at least 1")]
        [InlineData("_sandbox/outages", """{"fault":"teapot"}""", "fault: 'teapot' is not a fault the sandbox plays")]
        [InlineData("_sandbox/outages", """{"fault":"503;outage-requests=0"}""", "fault: outage-requests=0: outage-requests takes a whole number of requests, at least 1")]
        [InlineData("_sandbox/faults", """{"fault":"429;retry-after=99999"}""", "fault: retry-after=99999: retry-after takes seconds, 0 to 86400")]
        [InlineData("_sandbox/faults", """{"fault":"delay=1.5"}""", "fault: delay=1.5: delay takes whole milliseconds, at most 86400000")]
        [InlineData("_sandbox/outages", "", "the body is not valid JSON")]
        [InlineData("_sandbox/faults", "not json", "the body is not valid JSON")]
        [InlineData("_sandbox/faults", "[1]", "the body must be a JSON object")]
        [InlineData("_sandbox/faults", """{"path":"json.php"}""", "fault is required")]
        [InlineData("_sandbox/faults", """{"fault":"503","path":7}""", "path must be a string")]
        [InlineData("_sandbox/replies", """{"messageId":"abc","phone":"380971234567","text":"Yes"}""", "messageId must be a whole number")]
        [InlineData("_sandbox/replies", "{\"messageId\":1,\"phone\":\"380971234567\",\"text\":", "the body is not valid JSON")]
        public async Task A_control_request_that_is_not_json_or_has_a_field_of_the_wrong_type_is_answered_400_naming_the_problem(string endpoint, string body, string problem)
        {
            using var http = _fixture.Http();

            using var reply = await http.PostAsync(endpoint, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

            reply.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            var error = (await reply.Content.ReadFromJsonAsync<SandboxErrorReply>())!.Error;
            error.ShouldStartWith(problem + ". Send {");
            error.ShouldNotContain("System.");
            Sandbox.ClearFaults().ShouldBe(0);
        }

        [Fact]
        public async Task Outages_beyond_the_limit_are_refused_409_until_one_ends_or_they_are_cleared()
        {
            using var http = _fixture.Http();
            try
            {
                for (var i = 1; i < SandboxGateway.MaxOutages; i++)
                {
                    Sandbox.StartOutage(SandboxFault.ServerError(), pathContains: $"never-requested-{i}");
                }

                // The last place goes to an outage the next balance request ends.
                (await http.PostAsJsonAsync("_sandbox/outages", new { fault = "503", requests = 1, path = "http.php" })).StatusCode.ShouldBe(HttpStatusCode.OK);

                using (var refused = await http.PostAsJsonAsync("_sandbox/outages", new { fault = "503" }))
                {
                    refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
                    (await refused.Content.ReadFromJsonAsync<SandboxErrorReply>())!.Error.ShouldBe(
                        $"{SandboxGateway.MaxOutages} outages are running already, the most the sandbox keeps; clear them first (ClearFaults, DELETE /_sandbox/faults).");
                }

                Should.Throw<InvalidOperationException>(() => Sandbox.StartOutage(SandboxFault.ServiceUnavailable()));
                using (var declared = new HttpRequestMessage(HttpMethod.Get, Balance))
                {
                    declared.Headers.Add(SandboxGateway.FaultHeader, "500;outage");
                    using var reply = await http.SendAsync(declared);
                    reply.StatusCode.ShouldBe(HttpStatusCode.Conflict);
                    (await reply.Content.ReadAsStringAsync()).ShouldContain("outages are running already");
                }

                (await StatusOfAsync(http)).ShouldBe(HttpStatusCode.ServiceUnavailable, "the one-request outage takes this request and ends");
                (await http.PostAsJsonAsync("_sandbox/outages", new { fault = "503", path = "never-requested-0" })).StatusCode.ShouldBe(HttpStatusCode.OK);
                Sandbox.ClearFaults().ShouldBe(SandboxGateway.MaxOutages);
                (await http.PostAsJsonAsync("_sandbox/outages", new { fault = "503", path = "never-requested-0" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            finally
            {
                Sandbox.ClearFaults();
            }
        }

        [Fact]
        public void An_outage_must_be_able_to_end_by_itself_if_given_a_limit()
        {
            Should.Throw<ArgumentOutOfRangeException>(() => Sandbox.StartOutage(SandboxFault.ServerError(), duration: TimeSpan.Zero));
            Should.Throw<ArgumentOutOfRangeException>(() => Sandbox.StartOutage(SandboxFault.ServerError(), requests: 0));
            Sandbox.ClearFaults().ShouldBe(0);
        }

        private static async Task<HttpStatusCode> StatusOfAsync(HttpClient http)
        {
            using var reply = await http.GetAsync(Balance);
            return reply.StatusCode;
        }

        private sealed class ClearedReply
        {
            public int Cleared { get; set; }
        }
    }
}
