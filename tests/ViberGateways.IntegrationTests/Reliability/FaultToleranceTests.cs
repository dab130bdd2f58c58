using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.Sandbox;
using ViberGateways.SmsBy;
using ViberGateways.Testing;

namespace ViberGateways.IntegrationTests.Reliability
{
    /// <summary>
    /// Faults played by the sandbox against the DI-registered clients. After each, every message is at the sandbox
    /// exactly once, or reported as not sent (and absent) or as of unknown outcome — never duplicated, never lost
    /// without a word.
    /// </summary>
    public class FaultToleranceTests : IClassFixture<SandboxFixture>
    {
        private static long _nextClientId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 10;
        private readonly SandboxFixture _fixture;

        public FaultToleranceTests(SandboxFixture fixture) => _fixture = fixture.WithoutQueuedFaults();

        private SandboxGateway Sandbox => _fixture.Sandbox;

        private static ViberMessage Message(AlphaSmsTransport transport) => new()
        {
            Recipients = { "+380971234567" },
            Sender = "Shop",
            Text = "Hello",
            ClientId = transport == AlphaSmsTransport.Http ? null : Interlocked.Increment(ref _nextClientId),
        };

        private int StoredWithClientId(long? clientId) => Sandbox.Messages.Count(m => m.ClientId == clientId);

        /// <summary>The invariant: accepted → stored once; not sent → absent; unknown → at most once.</summary>
        private void ShouldBeAccountedFor(SendResult result, int storedBefore)
        {
            var stored = result.Reference?.ClientId is { } id ? StoredWithClientId(id) : Sandbox.Messages.Count - storedBefore;
            switch (result.Outcome)
            {
                case SendOutcome.Accepted:
                    stored.ShouldBe(1);
                    break;
                case SendOutcome.NotSent:
                    stored.ShouldBe(0);
                    break;
                case SendOutcome.Unknown:
                    stored.ShouldBeLessThanOrEqualTo(1);
                    break;
                default:
                    throw new ShouldAssertException($"unexpected outcome {result.Outcome}");
            }
        }

        private async Task<(SendResult Result, int StoredBefore)> SendThroughAsync(AlphaSmsTransport transport, SandboxFault fault, string path, Action<GatewayResilienceOptions>? policy = null)
        {
            using var gateways = new GatewayServices(Sandbox, policy, transport: transport);
            Sandbox.InjectFault(fault, path);
            var before = Sandbox.Messages.Count;
            var result = (await gateways.AlphaSms.SendAsync(new[] { Message(transport) })).Single();
            return (result, before);
        }

        [Theory]
        [InlineData(AlphaSmsTransport.Json, "json.php")]
        [InlineData(AlphaSmsTransport.Xml, "xml.php")]
        [InlineData(AlphaSmsTransport.Http, "http.php")]
        public async Task Too_many_requests_with_retry_after_is_waited_out_and_the_message_sent_once(AlphaSmsTransport transport, string path)
        {
            // The policy's waits run on a fake clock: the one it takes (the timeouts armed around each attempt aside) is
            // the second the reply asked for, and nothing is sent again until that second has passed on the clock.
            var clock = new WatchedClock();
            var (attemptTimeout, totalTimeout) = (TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(20));
            var sending = SendThroughAsync(transport, SandboxFault.TooManyRequests(TimeSpan.FromSeconds(1)), path,
                policy => (policy.TimeProvider, policy.AttemptTimeout, policy.TotalTimeout) = (clock, attemptTimeout, totalTimeout));

            (await clock.NextWaitAsync(attemptTimeout, totalTimeout)).ShouldBe(TimeSpan.FromSeconds(1));
            sending.IsCompleted.ShouldBeFalse("the retry waits for the clock");
            clock.Advance(TimeSpan.FromSeconds(1));
            var (result, before) = await sending;

            result.Outcome.ShouldBe(SendOutcome.Accepted);
            ShouldBeAccountedFor(result, before);
        }

        [Fact]
        public async Task A_retry_after_longer_than_the_cap_ends_in_not_sent_with_the_delay()
        {
            var (result, before) = await SendThroughAsync(AlphaSmsTransport.Json, SandboxFault.TooManyRequests(TimeSpan.FromMinutes(5)), "json.php",
                policy => policy.MaxRetryAfter = TimeSpan.FromSeconds(2));

            result.Outcome.ShouldBe(SendOutcome.NotSent);
            result.Error.ShouldNotBeNull().ShouldContain("HTTP 429");
            ((GatewayUnavailableException)result.Failure!).RetryAfter.ShouldBe(TimeSpan.FromMinutes(5));
            ShouldBeAccountedFor(result, before);
        }

        [Theory]
        [InlineData(AlphaSmsTransport.Json, "json.php")]
        [InlineData(AlphaSmsTransport.Http, "http.php")]
        public async Task Service_unavailable_is_retried_and_the_message_sent_once(AlphaSmsTransport transport, string path)
        {
            Sandbox.InjectFault(SandboxFault.ServiceUnavailable(), path);

            var (result, before) = await SendThroughAsync(transport, SandboxFault.ServiceUnavailable(), path);

            result.Outcome.ShouldBe(SendOutcome.Accepted);
            ShouldBeAccountedFor(result, before);
        }

        [Fact]
        public async Task Service_unavailable_on_every_attempt_is_not_sent()
        {
            for (var i = 0; i < 3; i++)
            {
                Sandbox.InjectFault(SandboxFault.ServiceUnavailable(), "xml.php");
            }

            var (result, before) = await SendThroughAsync(AlphaSmsTransport.Xml, SandboxFault.ServiceUnavailable(), "xml.php");

            result.Outcome.ShouldBe(SendOutcome.NotSent);
            ShouldBeAccountedFor(result, before);
        }

        [Fact]
        public async Task A_connection_dropped_after_the_gateway_took_an_xml_message_is_repeated_safely_thanks_to_the_client_id()
        {
            var (result, before) = await SendThroughAsync(AlphaSmsTransport.Xml, SandboxFault.DropConnection(afterProcessing: true), "xml.php");

            // The repeat is answered 208 ERR_DUPLICATE, "a message with this id exists" (gateways.md line 51): accepted.
            result.Outcome.ShouldBe(SendOutcome.Accepted);
            ShouldBeAccountedFor(result, before);
        }

        [Fact]
        public async Task A_connection_dropped_after_a_json_send_is_not_repeated_and_the_outcome_is_unknown_with_the_client_id()
        {
            var (result, before) = await SendThroughAsync(AlphaSmsTransport.Json, SandboxFault.DropConnection(afterProcessing: true), "json.php");

            // No document shows the JSON API refusing a repeated id: a repeat could send the message twice.
            result.Outcome.ShouldBe(SendOutcome.Unknown);
            var clientId = result.Reference.ShouldNotBeNull().ClientId.ShouldNotBeNull();
            StoredWithClientId(clientId).ShouldBe(1);
            ShouldBeAccountedFor(result, before);
        }

        [Fact]
        public async Task A_connection_dropped_after_an_http_send_is_not_repeated_and_the_outcome_is_unknown()
        {
            var (result, before) = await SendThroughAsync(AlphaSmsTransport.Http, SandboxFault.DropConnection(afterProcessing: true), "http.php");

            result.Outcome.ShouldBe(SendOutcome.Unknown);
            (Sandbox.Messages.Count - before).ShouldBe(1);
            ShouldBeAccountedFor(result, before);
        }

        [Fact]
        public async Task A_connection_dropped_before_an_http_send_was_handled_is_unknown_and_nothing_was_stored()
        {
            var (result, before) = await SendThroughAsync(AlphaSmsTransport.Http, SandboxFault.DropConnection(), "http.php");

            result.Outcome.ShouldBe(SendOutcome.Unknown);
            (Sandbox.Messages.Count - before).ShouldBe(0);
        }

        [Theory]
        [InlineData(AlphaSmsTransport.Xml, "xml.php", SendOutcome.Accepted)]
        [InlineData(AlphaSmsTransport.Json, "json.php", SendOutcome.Unknown)]
        [InlineData(AlphaSmsTransport.Http, "http.php", SendOutcome.Unknown)]
        public async Task A_reply_later_than_the_attempt_timeout(AlphaSmsTransport transport, string path, SendOutcome expected)
        {
            // The sandbox holds the first reply until the client gives up. The client's timeouts run on a fake clock,
            // advanced only once the sandbox holds that reply: no attempt can time out by accident on a slow machine,
            // and the retry (XML, de-duplicated by its id) can never time out at all.
            var holding = new TaskCompletionSource<SandboxRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var sandbox = await SandboxGateway.StartAsync(new SandboxOptions { OnHold = request => holding.TrySetResult(request) });
            var clock = new WatchedClock();
            var (attemptTimeout, totalTimeout) = (TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1));
            using var gateways = new GatewayServices(sandbox, policy =>
                (policy.TimeProvider, policy.AttemptTimeout, policy.TotalTimeout, policy.BaseDelay) = (clock, attemptTimeout, totalTimeout, TimeSpan.FromSeconds(1)), transport: transport);
            sandbox.InjectFault(SandboxFault.Delayed(TimeSpan.FromMinutes(10)), path);
            var message = Message(transport);

            var sending = gateways.AlphaSms.SendAsync(new[] { message });
            await holding.Task.WaitAsync(TimeSpan.FromSeconds(60));
            clock.Advance(attemptTimeout);
            if (expected == SendOutcome.Accepted)
            {
                clock.Advance(await clock.NextWaitAsync(attemptTimeout, totalTimeout));
            }

            var result = (await sending).Single();
            result.Outcome.ShouldBe(expected);
            if (expected == SendOutcome.Unknown)
            {
                result.Error.ShouldNotBeNull().ShouldContain("no reply within");
            }

            // Held, so stored: accepted or not, the message is there exactly once.
            sandbox.Messages.Count(stored => stored.Text == message.Text).ShouldBe(1);
        }

        [Theory]
        [InlineData(AlphaSmsTransport.Xml, "xml.php", SendOutcome.Accepted)]
        [InlineData(AlphaSmsTransport.Json, "json.php", SendOutcome.Unknown)]
        [InlineData(AlphaSmsTransport.Http, "http.php", SendOutcome.Unknown)]
        public async Task A_truncated_reply(AlphaSmsTransport transport, string path, SendOutcome expected)
        {
            var (result, before) = await SendThroughAsync(transport, SandboxFault.TruncatedBody(), path);

            result.Outcome.ShouldBe(expected);
            ShouldBeAccountedFor(result, before);
        }

        [Fact]
        public async Task A_malformed_reply_to_a_send_is_unknown_and_the_message_is_stored_once()
        {
            var (result, before) = await SendThroughAsync(AlphaSmsTransport.Json, SandboxFault.MalformedBody(), "json.php");

            result.Outcome.ShouldBe(SendOutcome.Unknown);
            StoredWithClientId(result.Reference?.ClientId).ShouldBe(1);
        }

        [Fact]
        public async Task A_liveall_send_whose_connection_drops_is_unknown_and_not_repeated()
        {
            using var gateways = new GatewayServices(Sandbox);
            Sandbox.InjectFault(SandboxFault.DropConnection(afterProcessing: true), "SendIM");
            var before = Sandbox.Messages.Count;
            var requests = Sandbox.Requests.Count;

            var result = (await gateways.LiveAllViber.SendAsync(new ViberMessage { Recipients = { "306912345678" }, Sender = "S", Text = "Hi" })).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Unknown);
            result.Failure.ShouldBeOfType<GatewayOutcomeUnknownException>();

            (Sandbox.Messages.Count - before).ShouldBe(1);
            (Sandbox.Requests.Count - requests).ShouldBe(1);
        }

        [Fact]
        public async Task An_smsby_send_refused_with_503_three_times_then_taken_is_sent_once()
        {
            using var gateways = new GatewayServices(Sandbox);
            for (var i = 0; i < 3; i++)
            {
                Sandbox.InjectFault(SandboxFault.ServiceUnavailable(), "sendQuickViberMessage");
            }

            var before = Sandbox.Messages.Count;

            var sent = (await ((IViberClient)gateways.SmsBy).SendAsync(new ViberMessage { Recipients = { "375291111111" }, Text = "Hi", SmsBy = new SmsByMessageOptions { SenderId = 7 } }))
                .ShouldHaveSingleItem();

            sent.Reference.ShouldNotBeNull().GatewayId.ShouldNotBeNull();
            (Sandbox.Messages.Count - before).ShouldBe(1);
        }

        [Fact]
        public async Task Queries_are_repeated_through_drops_and_server_errors()
        {
            using var gateways = new GatewayServices(Sandbox);
            Sandbox.InjectFault(SandboxFault.DropConnection(afterProcessing: true), "GetAccountBalance");
            Sandbox.InjectFault(SandboxFault.ServerError(), "GetAccountBalance");

            (await gateways.LiveAllViber.GetBalanceAsync()).Amount.ShouldBe(Sandbox.Options.Balance);
        }

        [Fact]
        public async Task An_unreachable_gateway_means_nothing_was_sent()
        {
            using var refusing = new RefusingAddress();
            using var gateways = new GatewayServices(refusing.BaseAddress, Sandbox.Credentials);

            var result = (await gateways.AlphaSms.SendAsync(new[] { Message(AlphaSmsTransport.Json) })).Single();

            result.Outcome.ShouldBe(SendOutcome.NotSent);
            result.Error.ShouldNotBeNull().ShouldContain("Could not reach the gateway");
        }

        [Fact]
        public async Task Cancellation_is_honoured_and_not_reported_as_a_gateway_failure()
        {
            // Cancelled by the caller while the request is on its way.
            using var cancel = new CancellationTokenSource();
            var requests = new RequestsInFlight { OnStart = cancel.Cancel };

            await Should.ThrowAsync<OperationCanceledException>(() => _fixture.AlphaSms(AlphaSmsTransport.Json, through: requests).GetBalanceAsync(cancel.Token));
            requests.Started.ShouldBe(1, "cancelled by the caller, the request is not repeated");
        }
    }
}
