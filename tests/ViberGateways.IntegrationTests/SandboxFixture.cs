using System;
using System.Net.Http;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.Sandbox;
using ViberGateways.SmsBy;

namespace ViberGateways.IntegrationTests
{
    /// <summary>One sandbox gateway on a free loopback port per test class, with a fast delivery timeline.</summary>
    public sealed class SandboxFixture : IAsyncLifetime
    {
        public static readonly DeliveryTimeline FastTimeline = new()
        {
            SentAfter = TimeSpan.FromMilliseconds(50),
            DeliveredAfter = TimeSpan.FromMilliseconds(150),
            ReadAfter = TimeSpan.FromMilliseconds(300),
        };

        public SandboxGateway Sandbox { get; private set; } = null!;

        public async Task InitializeAsync() => Sandbox = await SandboxGateway.StartAsync(new SandboxOptions { Timeline = FastTimeline });

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

        public HttpClient Http() => new() { BaseAddress = Sandbox.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };

        public IAlphaSmsClient AlphaSms(AlphaSmsTransport transport, bool useHttpGet = false, string? key = null) =>
            AlphaSmsClientFactory.Create(new AlphaSmsOptions
            {
                BaseAddress = Sandbox.BaseAddress,
                ApiKey = key ?? Sandbox.Credentials.AlphaSmsApiKey,
                Transport = transport,
                UseHttpGet = useHttpGet,
            }, Http());

        public LiveAllClient LiveAll(string? token = null) =>
            new(new LiveAllOptions { BaseAddress = Sandbox.BaseAddress, ApiToken = token ?? Sandbox.Credentials.LiveAllApiToken }, Http());

        public SmsByClient SmsBy(string? token = null) =>
            new(new SmsByOptions { BaseAddress = Sandbox.BaseAddress, Token = token ?? Sandbox.Credentials.SmsByToken }, Http());

        /// <summary>Polls until <paramref name="condition"/> holds, for at most five seconds.</summary>
        public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition)
        {
            var deadline = DateTimeOffset.UtcNow.AddSeconds(5);
            while (true)
            {
                var value = await read();
                if (condition(value) || DateTimeOffset.UtcNow > deadline)
                {
                    return value;
                }

                await Task.Delay(25);
            }
        }
    }
}
