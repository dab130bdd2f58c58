using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.Sandbox;
using ViberGateways.SmsBy;

namespace ViberGateways.IntegrationTests
{
    /// <summary>
    /// One sandbox gateway on a free loopback port per test class, on a fake clock: a test moves its messages
    /// through the delivery timeline by advancing <see cref="Clock"/>, never by waiting.
    /// </summary>
    public sealed class SandboxFixture : IAsyncLifetime
    {
        public static readonly DeliveryTimeline FastTimeline = new()
        {
            SentAfter = TimeSpan.FromMilliseconds(50),
            DeliveredAfter = TimeSpan.FromMilliseconds(150),
            ReadAfter = TimeSpan.FromMilliseconds(300),
        };

        public SandboxGateway Sandbox { get; private set; } = null!;

        /// <summary>The sandbox's clock; it moves only when a test advances it.</summary>
        public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

        public async Task InitializeAsync() => Sandbox = await SandboxGateway.StartAsync(new SandboxOptions { Timeline = FastTimeline, TimeProvider = Clock });

        /// <summary>Lets every message accepted so far reach its last state (read, or failed).</summary>
        public void PassTheWholeTimeline() => Clock.Advance(FastTimeline.ReadAfter);

        public async Task DisposeAsync() => await Sandbox.DisposeAsync();

        /// <summary>
        /// The fixture for a test that queues faults: one a previous test queued for a request its client gave up on
        /// before sending (an attempt timeout on a busy machine) must not reach this test's requests.
        /// </summary>
        public SandboxFixture WithoutQueuedFaults()
        {
            Sandbox.ClearFaults();
            return this;
        }

        /// <param name="through">A handler the requests go through before the network (it must not have an inner handler yet).</param>
        public HttpClient Http(DelegatingHandler? through = null)
        {
            if (through != null)
            {
                through.InnerHandler = new SocketsHttpHandler();
            }

            var client = through is null ? new HttpClient() : new HttpClient(through);
            client.BaseAddress = Sandbox.BaseAddress;
            client.Timeout = TimeSpan.FromSeconds(10);
            return client;
        }

        internal IViberClient AlphaSms(AlphaSmsTransport transport, bool useHttpGet = false, string? key = null, DelegatingHandler? through = null) =>
            ViberClientFactory.Create(new AlphaSmsOptions
            {
                BaseAddress = Sandbox.BaseAddress,
                ApiKey = key ?? Sandbox.Credentials.AlphaSmsApiKey,
                Transport = transport,
                UseHttpGet = useHttpGet,
            }, Http(through));

        internal IViberClient LiveAll(string? token = null) =>
            new LiveAllClient(new LiveAllOptions { BaseAddress = Sandbox.BaseAddress, ApiKey = token ?? Sandbox.Credentials.LiveAllApiToken }, Http());

        internal SmsByClient SmsBy(string? token = null) =>
            new(new SmsByOptions { BaseAddress = Sandbox.BaseAddress, ApiKey = token ?? Sandbox.Credentials.SmsByToken }, Http());
    }
}
