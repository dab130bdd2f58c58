using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Bulk;
using ViberGateways.Sandbox;

namespace ViberGateways.IntegrationTests.Bulk
{
    /// <summary>AlphaSMS bulk sends over each transport against the sandbox: grouping, ids, partial failure, stopping.</summary>
    public class AlphaSmsBulkTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _fixture;

        public AlphaSmsBulkTests(SandboxFixture fixture) => _fixture = fixture.WithoutQueuedFaults();

        private static ViberMessage Template(string text) => new ViberMessage { Sender = "Shop", Text = text };

        [Theory]
        [InlineData(AlphaSmsTransport.Json, 1234, 100, 13)]
        [InlineData(AlphaSmsTransport.Xml, 1234, 100, 13)]
        [InlineData(AlphaSmsTransport.Http, 40, 100, 40)]
        public async Task One_message_to_many_goes_out_in_requests_of_the_set_size_with_an_id_per_recipient(AlphaSmsTransport transport, int recipients, int perRequest, int requests)
        {
            var text = $"Spring sale {transport} {Guid.NewGuid():N}";
            var before = _fixture.Sandbox.Requests.Count;

            var results = await _fixture.AlphaSms(transport)
                .SendBulkAsync(Template(text), BulkInputs.Numbers("38097", recipients), new BulkSendOptions { MaxRecipientsPerRequest = perRequest })
                .AllAsync();

            results.ShouldCoverIndexes(recipients);
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted && r.GatewayId() > 0 && r.Request >= 1);
            results.Select(r => r.Request).Distinct().Count().ShouldBe(requests);
            if (transport != AlphaSmsTransport.Http)
            {
                results.Select(r => r.ClientId()).Distinct().Count().ShouldBe(recipients, "every recipient's message has its own client id");
            }

            var stored = _fixture.Sandbox.Messages.Where(m => m.Text == text).ToList();
            stored.Select(m => m.Recipient).OrderBy(r => r).ShouldBe(results.Select(r => r.Recipient).OrderBy(r => r));
            (_fixture.Sandbox.Requests.Count - before).ShouldBe(requests);
            var (index, gatewayId) = (results[7].Index, results[7].GatewayId());
            stored.Single(m => m.Id == gatewayId).Recipient.ShouldBe("38097" + index.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public async Task An_unknown_outcome_can_be_checked_by_the_client_id_the_sdk_assigned()
        {
            var client = _fixture.AlphaSms(AlphaSmsTransport.Xml);
            var text = $"Check me {Guid.NewGuid():N}";

            var results = await client.SendBulkAsync(Template(text), new[] { "380971110001", "380971110002" }.ToAsyncEnumerable()).AllAsync();

            // Asked by the client id alone, as after an unknown outcome (no gateway id to ask by).
            var status = await client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971110002", clientId: results[1].ClientId()!.Value));
            status.Error.ShouldBeNull();
            status.State.ShouldBe(DeliveryState.Accepted);
        }

        [Fact]
        public async Task Personalised_messages_with_invalid_ones_and_a_reused_client_id_each_get_their_result()
        {
            var text = $"Personal {Guid.NewGuid():N}";
            var usedId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 7;
            (await _fixture.AlphaSms(AlphaSmsTransport.Json).SendAsync(new ViberMessage { Recipients = { "380970000000" }, Sender = "Shop", Text = "first", ClientId = usedId }))
                .ShouldHaveSingleItem().Outcome.ShouldBe(SendOutcome.Accepted);
            var messages = Enumerable.Range(0, 30).Select(i => new ViberMessage
            {
                Recipients = { i == 4 ? "not a phone" : "38050" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture) },
                Sender = "Shop",
                Text = i == 9 ? new string('x', 1001) : $"{text} #{i}",
                ClientId = i == 17 ? usedId : null,
            });

            var results = await _fixture.AlphaSms(AlphaSmsTransport.Json).SendBulkAsync(messages.ToAsyncEnumerable(), new BulkSendOptions { MaxRecipientsPerRequest = 8 }).AllAsync();

            results.ShouldCoverIndexes(30);
            var byIndex = results.ToDictionary(r => r.Index);
            byIndex[4].Outcome.ShouldBe(SendOutcome.Rejected);
            byIndex[4].Failure.ShouldBeOfType<RequestValidationException>().Violations.Single().Field.ShouldBe("messages[4].Recipients[0]");
            byIndex[4].Request.ShouldBe(0, "an invalid message is never sent");
            byIndex[9].Failure.ShouldBeOfType<RequestValidationException>().Violations.Single().Field.ShouldBe("messages[9].Text");
            // No document defines a JSON refusal of a repeated client id: the emulator takes it as a new message.
            byIndex[17].Outcome.ShouldBe(SendOutcome.Accepted);
            byIndex[17].ClientId().ShouldBe(usedId);
            results.Count(r => r.Outcome == SendOutcome.Accepted).ShouldBe(28);
            _fixture.Sandbox.Messages.Count(m => m.Text?.StartsWith(text, StringComparison.Ordinal) == true).ShouldBe(28);
        }

        [Fact]
        public async Task A_request_the_gateway_fails_is_reported_unknown_and_the_send_goes_on()
        {
            var text = $"Partial {Guid.NewGuid():N}";
            var client = _fixture.AlphaSms(AlphaSmsTransport.Xml);
            _fixture.Sandbox.InjectFault(SandboxFault.ServerError(), "xml.php");

            var results = await client.SendBulkAsync(Template(text), BulkInputs.Numbers("38063", 50), new BulkSendOptions { MaxRecipientsPerRequest = 10, MaxConcurrentRequests = 1 }).AllAsync();

            results.ShouldCoverIndexes(50);
            var unknown = results.Where(r => r.Outcome == SendOutcome.Unknown).ToList();
            unknown.Count.ShouldBe(10);
            unknown.Select(r => r.Request).Distinct().ShouldHaveSingleItem();
            unknown.ShouldAllBe(r => r.Failure is GatewayOutcomeUnknownException && r.ClientId() > 0);
            results.Count(r => r.Outcome == SendOutcome.Accepted).ShouldBe(40);
            _fixture.Sandbox.Messages.Count(m => m.Text == text).ShouldBe(40);
        }

        [Fact]
        public async Task A_wrong_key_stops_the_send_after_the_first_request_and_reports_every_recipient_read()
        {
            var text = $"Wrong key {Guid.NewGuid():N}";
            var pulled = new PulledCounter();

            var (results, error) = await _fixture.AlphaSms(AlphaSmsTransport.Json, key: "not-the-key")
                .SendBulkAsync(Template(text), BulkInputs.Numbers("38067", 100_000, pulled), new BulkSendOptions { MaxRecipientsPerRequest = 50, MaxConcurrentRequests = 2 })
                .AllUntilAsync<BulkSendStoppedException>();

            error.InnerException.ShouldBeOfType<GatewayRejectedException>();
            error.Message.ShouldNotContain("not-the-key");
            results.ShouldCoverIndexes(error.NextIndex);
            error.NextIndex.ShouldBeLessThan(1000, "the input stops being read once the send stops");
            pulled.IsLetGo.ShouldBeTrue("the input is let go once the send stops");
            results.Count(r => r.Outcome == SendOutcome.Rejected).ShouldBeGreaterThanOrEqualTo(50);
            results.Where(r => r.Outcome != SendOutcome.Rejected).ShouldAllBe(r => r.Outcome == SendOutcome.NotSent && r.Request == 0);
            error.Progress.Completed.ShouldBe(error.NextIndex);
            _fixture.Sandbox.Messages.Count(m => m.Text == text).ShouldBe(0);
        }
    }
}
