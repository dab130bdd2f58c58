using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Sandbox;

namespace ViberGateways.IntegrationTests.Reliability
{
    /// <summary>The faults every gateway's send is put through (<see cref="FaultCatalogue"/>).</summary>
    public enum Fault
    {
        /// <summary>HTTP 429 asking for a wait longer than the policy's cap: not retried.</summary>
        TooManyRequestsPastTheCap,

        /// <summary>HTTP 429 with <c>Retry-After: 0</c>, once: retried at once.</summary>
        TooManyRequestsRetryAfterZero,

        /// <summary>HTTP 429 without <c>Retry-After</c> on every attempt.</summary>
        TooManyRequestsOnEveryAttempt,

        /// <summary>HTTP 503 on every attempt.</summary>
        UnavailableOnEveryAttempt,

        /// <summary>HTTP 503 once.</summary>
        UnavailableOnce,

        /// <summary>The connection closed before the request was handled.</summary>
        DropBeforeHandling,

        /// <summary>The request handled, then the connection closed without a reply.</summary>
        DropAfterHandling,

        /// <summary>The request handled, the reply held back past the attempt timeout.</summary>
        DelayPastTheAttemptTimeout,

        /// <summary>The request handled, half the reply sent, the connection closed.</summary>
        CutBody,

        /// <summary>The request handled, half the reply sent as if it were all of it.</summary>
        MalformedBody,

        /// <summary>A proxy's HTML 502 page; the request not handled.</summary>
        HtmlErrorPage,
    }

    /// <summary>
    /// The fault catalogue's rules, for every gateway (one test class each: <see cref="AlphaSmsFaultCatalogueTests"/>,
    /// <see cref="LiveAllFaultCatalogueTests"/>, <see cref="SmsByFaultCatalogueTests"/>): a fault is played by the
    /// sandbox against one send through the neutral API, made with a canary key, and then
    /// <list type="bullet">
    /// <item>the outcome is the expected one, with the exact exception type behind it;</item>
    /// <item>the message is at the sandbox exactly once if accepted, not at all if not sent, at most once if unknown
    /// (the expected count, counted by its unique text), after the expected number of requests;</item>
    /// <item>the key is in no result, exception text or log line.</item>
    /// </list>
    /// Retries wait nothing (zero base delay, <c>Retry-After: 0</c> or past the cap); the only wall-clock wait is the
    /// one attempt timeout of <see cref="Fault.DelayPastTheAttemptTimeout"/>, and nothing asserts on elapsed time.
    /// </summary>
    public abstract class FaultCatalogue : IClassFixture<FaultCatalogue.CanarySandbox>
    {
        /// <summary>Every attempt a send may make: the first and <see cref="GatewayResilienceOptions.MaxRetryAttempts"/> retries.</summary>
        protected const int Attempts = 4;

        private const string Canary = "CANARY-fault-3e8a61d4";

        private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(1);

        private readonly CanarySandbox _fixture;

        protected FaultCatalogue(CanarySandbox fixture)
        {
            _fixture = fixture;
            Sandbox.ClearFaults();
        }

        private SandboxGateway Sandbox => _fixture.Sandbox;

        /// <summary>
        /// Every fault with what it must come to: on a send the gateway de-duplicates (AlphaSMS JSON and XML, whose
        /// messages carry client ids), and on a send that is never repeated once it may have reached the gateway
        /// (AlphaSMS HTTP, LiveAll, SMS.by). Each expectation is the outcome, the messages stored and the requests made.
        /// </summary>
        private static readonly (Fault Fault, Expected Deduplicated, Expected NeverRepeated)[] Table =
        {
            (Fault.TooManyRequestsPastTheCap, new(SendOutcome.NotSent, 0, 1), new(SendOutcome.NotSent, 0, 1)),
            (Fault.TooManyRequestsRetryAfterZero, new(SendOutcome.Accepted, 1, 2), new(SendOutcome.Accepted, 1, 2)),
            (Fault.TooManyRequestsOnEveryAttempt, new(SendOutcome.NotSent, 0, Attempts), new(SendOutcome.NotSent, 0, Attempts)),
            (Fault.UnavailableOnEveryAttempt, new(SendOutcome.NotSent, 0, Attempts), new(SendOutcome.NotSent, 0, Attempts)),
            (Fault.UnavailableOnce, new(SendOutcome.Accepted, 1, 2), new(SendOutcome.Accepted, 1, 2)),

            // The client cannot tell a drop before handling from one after: a send never repeated is unknown either way.
            (Fault.DropBeforeHandling, new(SendOutcome.Accepted, 1, 2), new(SendOutcome.Unknown, 0, 1)),
            (Fault.DropAfterHandling, new(SendOutcome.Accepted, 1, 2), new(SendOutcome.Unknown, 1, 1)),
            (Fault.DelayPastTheAttemptTimeout, new(SendOutcome.Accepted, 1, 2), new(SendOutcome.Unknown, 1, 1)),
            (Fault.CutBody, new(SendOutcome.Accepted, 1, 2), new(SendOutcome.Unknown, 1, 1)),

            // A complete reply that cannot be read, or a server error: repeating it is not a transport retry.
            (Fault.MalformedBody, new(SendOutcome.Unknown, 1, 1), new(SendOutcome.Unknown, 1, 1)),
            (Fault.HtmlErrorPage, new(SendOutcome.Unknown, 0, 1), new(SendOutcome.Unknown, 0, 1)),
        };

        /// <summary>The catalogue's rows for each of <paramref name="ways"/> (a transport, an operation), as a send the gateway de-duplicates or one never repeated.</summary>
        protected static TheoryData<T, Fault, SendOutcome, int, int> Rows<T>(Func<T, bool> deduplicated, params T[] ways)
        {
            var rows = new TheoryData<T, Fault, SendOutcome, int, int>();
            foreach (var way in ways)
            {
                foreach (var (fault, whenDeduplicated, whenNeverRepeated) in Table)
                {
                    var expected = deduplicated(way) ? whenDeduplicated : whenNeverRepeated;
                    rows.Add(way, fault, expected.Outcome, expected.Stored, expected.Requests);
                }
            }

            return rows;
        }

        /// <summary>Plays <paramref name="fault"/> on requests to <paramref name="path"/> against one send and checks the rules.</summary>
        private protected async Task PlayAsync(Fault fault, SendOutcome outcome, int stored, int requests, string path, string recipient,
            Func<GatewayServices, IViberClient> client, AlphaSmsTransport transport = AlphaSmsTransport.Json, bool useHttpGet = false)
        {
            using var gateways = new GatewayServices(Sandbox, policy =>
            {
                policy.BaseDelay = TimeSpan.Zero;
                policy.MaxRetryAttempts = Attempts - 1;
                policy.MaxRetryAfter = TimeSpan.FromSeconds(2);
                policy.AttemptTimeout = fault == Fault.DelayPastTheAttemptTimeout ? AttemptTimeout : TimeSpan.FromSeconds(10);
            }, key: Canary, transport: transport, useHttpGet: useHttpGet);
            foreach (var played in Played(fault))
            {
                Sandbox.InjectFault(played, path);
            }

            var text = $"{fault} {Guid.NewGuid():N}";
            var requestsBefore = Sandbox.Requests.Count(r => r.Path.Contains(path, StringComparison.OrdinalIgnoreCase));
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));

            var result = (await client(gateways).SendAsync(new ViberMessage { Recipients = { recipient }, Sender = "Shop", Text = text }, bound.Token)).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(outcome, result.Error);
            var storedNow = Sandbox.Messages.Count(m => m.Text == text);
            (storedNow, Sandbox.Requests.Count(r => r.Path.Contains(path, StringComparison.OrdinalIgnoreCase)) - requestsBefore).ShouldBe((stored, requests), "(messages stored, requests made)");
            ShouldBeAccountedFor(result, storedNow);
            Sandbox.ClearFaults().ShouldBe(0, "every fault queued was played");
            ShouldNotLeak(new[] { result.Error, result.Failure?.ToString(), result.Reference?.ToString() }, gateways.Logs);
        }

        /// <summary>The invariant, with the exact failure type behind each outcome.</summary>
        private static void ShouldBeAccountedFor(SendResult result, int stored)
        {
            switch (result.Outcome)
            {
                case SendOutcome.Accepted:
                    stored.ShouldBe(1);
                    result.Failure.ShouldBeNull();
                    result.Reference.ShouldNotBeNull();
                    break;
                case SendOutcome.NotSent:
                    stored.ShouldBe(0);
                    result.Failure.ShouldBeOfType<GatewayUnavailableException>();
                    break;
                case SendOutcome.Unknown:
                    stored.ShouldBeLessThanOrEqualTo(1);
                    result.Failure.ShouldBeOfType<GatewayOutcomeUnknownException>();
                    break;
                default:
                    throw new ShouldAssertException($"unexpected outcome {result.Outcome}: {result.Error}");
            }
        }

        private static void ShouldNotLeak(IEnumerable<string?> texts, CapturedLogs logs)
        {
            logs.Lines.ShouldNotBeEmpty();
            foreach (var text in texts.Concat(logs.Lines))
            {
                text?.ShouldNotContain(Canary, Case.Insensitive);
                text?.ShouldNotContain(Uri.EscapeDataString(Canary), Case.Insensitive);
            }
        }

        private static IEnumerable<SandboxFault> Played(Fault fault) => fault switch
        {
            Fault.TooManyRequestsPastTheCap => new[] { SandboxFault.TooManyRequests(TimeSpan.FromMinutes(10)) },
            Fault.TooManyRequestsRetryAfterZero => new[] { SandboxFault.TooManyRequests(TimeSpan.Zero) },
            Fault.TooManyRequestsOnEveryAttempt => Enumerable.Range(0, Attempts).Select(_ => SandboxFault.TooManyRequests(null)),
            Fault.UnavailableOnEveryAttempt => Enumerable.Range(0, Attempts).Select(_ => SandboxFault.ServiceUnavailable()),
            Fault.UnavailableOnce => new[] { SandboxFault.ServiceUnavailable() },
            Fault.DropBeforeHandling => new[] { SandboxFault.DropConnection() },
            Fault.DropAfterHandling => new[] { SandboxFault.DropConnection(afterProcessing: true) },
            Fault.DelayPastTheAttemptTimeout => new[] { SandboxFault.Delayed(AttemptTimeout * 3) },
            Fault.CutBody => new[] { SandboxFault.TruncatedBody() },
            Fault.MalformedBody => new[] { SandboxFault.MalformedBody() },
            Fault.HtmlErrorPage => new[] { SandboxFault.HtmlErrorPage() },
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        };

        private sealed record Expected(SendOutcome Outcome, int Stored, int Requests);

        /// <summary>A sandbox whose every credential is the canary, so that the canary key is accepted.</summary>
        public sealed class CanarySandbox : IAsyncLifetime
        {
            public SandboxGateway Sandbox { get; private set; } = null!;

            public async Task InitializeAsync() => Sandbox = await SandboxGateway.StartAsync(new SandboxOptions
            {
                Credentials = new SandboxCredentials { AlphaSmsApiKey = Canary, LiveAllApiToken = Canary, SmsByToken = Canary },
            });

            public async Task DisposeAsync() => await Sandbox.DisposeAsync();
        }
    }
}
