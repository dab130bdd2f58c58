using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ViberGateways.AlphaSms;
using ViberGateways.Sandbox;

namespace ViberGateways.IntegrationTests
{
    /// <summary>A sandbox left running keeps the newest messages and requests up to its limits, and forgets the rest.</summary>
    public class SandboxRetentionTests
    {
        private const int Limit = 100;

        [Fact]
        public async Task Only_the_newest_messages_and_requests_are_kept_and_the_indexes_stay_within_the_limit()
        {
            await using var sandbox = await SandboxGateway.StartAsync(new SandboxOptions { MaxRetainedMessages = Limit, MaxRetainedRequests = Limit });
            var client = Client(sandbox);

            var sent = await SendAsync(client, 250);

            sandbox.Messages.Select(m => m.Id).ShouldBe(sent.Skip(150).Select(s => s.GatewayId!.Value));
            sandbox.Requests.Count.ShouldBe(Limit);
            sandbox.Store.IndexSizes.ShouldBe((Limit, Limit));

            // Another 250: the structures hold the same number, not more.
            var more = await SendAsync(client, 250);

            sandbox.Messages.Select(m => m.Id).ShouldBe(more.Skip(150).Select(s => s.GatewayId!.Value));
            sandbox.Requests.Count.ShouldBe(Limit);
            sandbox.Store.IndexSizes.ShouldBe((Limit, Limit));
        }

        [Fact]
        public async Task A_forgotten_message_is_answered_as_an_id_the_gateway_never_issued()
        {
            // A clock that stands still: the kept message stays in its first state.
            await using var sandbox = await SandboxGateway.StartAsync(new SandboxOptions { MaxRetainedMessages = Limit, TimeProvider = new FakeTimeProvider() });
            var client = Client(sandbox, AlphaSmsTransport.Xml);
            var sent = await SendAsync(client, Limit + 1);

            var forgotten = await Should.ThrowAsync<GatewayRejectedException>(() => client.GetStatusAsync(AlphaSmsMessageId.Gateway(sent[0].GatewayId!.Value)));
            var neverIssued = await Should.ThrowAsync<GatewayRejectedException>(() => client.GetStatusAsync(AlphaSmsMessageId.Gateway(1)));
            var kept = await client.GetStatusAsync(AlphaSmsMessageId.Gateway(sent[1].GatewayId!.Value));

            forgotten.GatewayErrorCode.ShouldBe(neverIssued.GatewayErrorCode);
            forgotten.GatewayErrorCode.ShouldNotBeNull();
            kept.State.ShouldBe(DeliveryState.Accepted);
        }

        [Fact]
        public async Task The_default_limit_is_ten_thousand()
        {
            new SandboxOptions().MaxRetainedMessages.ShouldBe(10_000);
            new SandboxOptions().MaxRetainedRequests.ShouldBe(10_000);
            await Should.ThrowAsync<ArgumentOutOfRangeException>(() => SandboxGateway.StartAsync(new SandboxOptions { MaxRetainedMessages = 0 }));
        }

        private static IAlphaSmsClient Client(SandboxGateway sandbox, AlphaSmsTransport transport = AlphaSmsTransport.Json) =>
            AlphaSmsClientFactory.Create(new AlphaSmsOptions { BaseAddress = sandbox.BaseAddress, ApiKey = sandbox.Credentials.AlphaSmsApiKey, Transport = transport }, new System.Net.Http.HttpClient());

        private static int _nextClientId = 1;

        private static async Task<AlphaSmsSendResult[]> SendAsync(IAlphaSmsClient client, int count)
        {
            var results = new AlphaSmsSendResult[count];
            for (var i = 0; i < count; i++)
            {
                results[i] = await client.SendAsync(new AlphaSmsMessage { Recipient = "380971234567", Sender = "Shop", Text = "Hi", ClientId = System.Threading.Interlocked.Increment(ref _nextClientId) });
                results[i].Outcome.ShouldBe(SendOutcome.Accepted);
            }

            return results;
        }
    }
}
