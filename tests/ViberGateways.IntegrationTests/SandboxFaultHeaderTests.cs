using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using ViberGateways.Sandbox;

namespace ViberGateways.IntegrationTests
{
    /// <summary>
    /// The <c>X-Sandbox-Fault</c> header is the sandbox's own control surface: a value it cannot read is answered 400
    /// naming the header and what it takes, and the request reaches no emulated gateway.
    /// </summary>
    public class SandboxFaultHeaderTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _fixture;

        public SandboxFaultHeaderTests(SandboxFixture fixture) => _fixture = fixture.WithoutQueuedFaults();

        private SandboxGateway Sandbox => _fixture.Sandbox;

        /// <summary>A documented AlphaSMS JSON send of one text, with a fresh client id.</summary>
        private HttpRequestMessage JsonSend(string? faultHeader)
        {
            var send = new HttpRequestMessage(HttpMethod.Post, "api/json.php")
            {
                Content = new StringContent(
                    $$"""{"auth":"{{Sandbox.Credentials.AlphaSmsApiKey}}","data":[{"type":"viber","id":{{Guid.NewGuid().GetHashCode() & 0x7fffffff}},"phone":380971234567,"viber_type":"text","viber_signature":"Shop","viber_message":"Hi"}]}""",
                    System.Text.Encoding.UTF8, "application/json"),
            };
            if (faultHeader != null)
            {
                send.Headers.TryAddWithoutValidation(SandboxGateway.FaultHeader, faultHeader);
            }

            return send;
        }

        [Theory]
        [InlineData("teapot", "'teapot' is not a fault the sandbox plays")]
        [InlineData("503,outage", "'503,outage' is not a fault the sandbox plays")]
        [InlineData("503 outage", "'503 outage' is not a fault the sandbox plays")]
        [InlineData(";outage", "it names no fault")]
        [InlineData("503;", "a ';' has nothing after it")]
        [InlineData("503;;outage", "a ';' has nothing after it")]
        [InlineData("503;=30", "'=30' has no setting name")]
        [InlineData("503;outages=3", "'outages=3' is not a setting it takes")]
        [InlineData("503;outage;outage=30", "outage is given twice")]
        [InlineData("drop=5", "drop takes no value ('drop=5')")]
        [InlineData("html=abc", "html=abc: html takes an HTTP status from 400 to 599")]
        [InlineData("html=200", "html=200: html takes an HTTP status from 400 to 599")]
        [InlineData("html=99999999999", "html=99999999999: html takes an HTTP status from 400 to 599")]
        [InlineData("delay=-1", "delay=-1: delay takes whole milliseconds, at most 86400000")]
        [InlineData("delay=1.5", "delay=1.5: delay takes whole milliseconds, at most 86400000")]
        [InlineData("delay=86400001", "delay=86400001: delay takes whole milliseconds, at most 86400000")]
        [InlineData("429;retry-after=soon", "retry-after=soon: retry-after takes seconds, 0 to 86400")]
        [InlineData("503;retry-after=-1", "retry-after=-1: retry-after takes seconds, 0 to 86400")]
        [InlineData("503;retry-after=NaN", "retry-after=NaN: retry-after takes seconds, 0 to 86400")]
        [InlineData("429;retry-after=1e3", "retry-after=1e3: retry-after takes seconds, 0 to 86400")]
        [InlineData("500;retry-after=2", "retry-after applies to 429 and 503 only, not to '500'")]
        [InlineData("503;outage=0", "outage=0: outage takes seconds, more than 0 and at most 86400")]
        [InlineData("503;outage=", "outage=: outage takes seconds, more than 0 and at most 86400")]
        [InlineData("503;outage=86401", "outage=86401: outage takes seconds, more than 0 and at most 86400")]
        [InlineData("503;outage-requests=0", "outage-requests=0: outage-requests takes a whole number of requests, at least 1")]
        [InlineData("503;outage-requests", "outage-requests=: outage-requests takes a whole number of requests, at least 1")]
        [InlineData("503;outage-requests=2147483648", "outage-requests=2147483648: outage-requests takes a whole number of requests, at least 1")]
        public async Task A_header_the_sandbox_cannot_read_is_answered_400_naming_it_and_the_request_goes_no_further(string header, string problem)
        {
            Sandbox.InjectFault(SandboxFault.ServerError(), "json.php");
            var stored = Sandbox.Messages.Count;
            using var http = _fixture.Http();

            using (var send = JsonSend(header))
            using (var reply = await http.SendAsync(send))
            {
                reply.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
                reply.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
                var text = await reply.Content.ReadAsStringAsync();
                text.ShouldStartWith($"X-Sandbox-Fault: {problem}. It takes one of 429, 503, 500, html");
                text.ShouldNotContain("System.");
            }

            Sandbox.Messages.Count.ShouldBe(stored);
            Sandbox.Requests.Last().ResponseStatus.ShouldBe(400);
            Sandbox.Requests.Last().Fault.ShouldBeNull();
            Sandbox.ClearFaults().ShouldBe(1, "the queued fault is still there and no outage started");

            // The same send without the header is stored: the refusal, not the body, kept it out.
            using (var send = JsonSend(faultHeader: null))
            using (var reply = await http.SendAsync(send))
            {
                reply.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            Sandbox.Messages.Count.ShouldBe(stored + 1);
        }

        [Theory]
        [InlineData(" HTML = 504 ", 504)]
        [InlineData("429 ; Retry-After = 2.5", 429)]
        [InlineData("503;retry-after=0", 503)]
        [InlineData("delay=0", 200)]
        public async Task A_header_may_space_its_parts_and_mix_case(string header, int status)
        {
            using var http = _fixture.Http();
            using var send = JsonSend(header);

            using var reply = await http.SendAsync(send);

            ((int)reply.StatusCode).ShouldBe(status);
            Sandbox.ClearFaults().ShouldBe(0);
        }

        [Fact]
        public void Parse_names_the_part_it_cannot_read()
        {
            Should.Throw<FormatException>(() => SandboxFault.Parse("html=700")).Message.ShouldStartWith("X-Sandbox-Fault: html=700: html takes an HTTP status from 400 to 599.");
            Should.Throw<FormatException>(() => SandboxFault.Parse(new string('x', 500))).Message.Length.ShouldBeLessThan(800, "a long header is not repeated whole");
            SandboxFault.Parse("429;retry-after=2.5").RetryAfter.ShouldBe(TimeSpan.FromSeconds(2.5));
            SandboxFault.Parse("delay").Delay.ShouldBe(TimeSpan.FromSeconds(1));
        }
    }
}
