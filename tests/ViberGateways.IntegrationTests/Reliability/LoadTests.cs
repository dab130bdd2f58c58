using System;
using System.Linq;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Sandbox;
using ViberGateways.IntegrationTests.Bulk;

namespace ViberGateways.IntegrationTests.Reliability
{
    /// <summary>Many concurrent sends through one DI-registered client: every one accounted for, connections pooled.</summary>
    public class LoadTests
    {
        private readonly Xunit.Abstractions.ITestOutputHelper _output;

        public LoadTests(Xunit.Abstractions.ITestOutputHelper output) => _output = output;

        private const int Sends = 10_000;
        private const int MaxConnections = 32;

        [Fact]
        public async Task Ten_thousand_concurrent_sends_through_one_client_are_all_accepted_over_a_bounded_pool_of_connections()
        {
            await using var sandbox = await SandboxGateway.StartAsync();
            // Every send waits its turn for one of 32 connections inside its attempt: on a busy two-core machine the last
            // ones wait minutes, so the budgets are the whole run's, not one request's (the test asserts no time).
            using var gateways = new GatewayServices(sandbox, policy => (policy.AttemptTimeout, policy.TotalTimeout) = (TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10)), maxConnections: MaxConnections);
            var client = gateways.AlphaSms;
            var firstId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 100;
            var clock = System.Diagnostics.Stopwatch.StartNew();

            var results = await Task.WhenAll(Enumerable.Range(0, Sends).Select(async i => (await client.SendAsync(new ViberMessage
            {
                Recipients = { "+380971234567" },
                Sender = "Shop",
                Text = "Load " + i,
                ClientId = firstId + i,
            })).ShouldHaveSingleItem()));

            _output.WriteLine($"{Sends} sends in {clock.Elapsed.TotalSeconds:0.0} s over {sandbox.ConnectionsOpened} connections (at most {sandbox.MostConnectionsAtOnce} at once)");
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted && r.GatewayId() != null);
            results.Select(r => r.ClientId()).Distinct().Count().ShouldBe(Sends);
            var stored = sandbox.Messages.Where(m => m.ClientId >= firstId && m.ClientId < firstId + Sends).ToList();
            stored.Count.ShouldBe(Sends);
            stored.Select(m => m.ClientId).Distinct().Count().ShouldBe(Sends);
            sandbox.ConnectionsOpened.ShouldBeLessThanOrEqualTo(MaxConnections);
            sandbox.ConnectionsOpened.ShouldBeGreaterThan(0);
        }
    }
}
