using System;
using System.Linq;
using System.Threading.Tasks;
using ViberGateways.Bulk;
using ViberGateways.LiveAll;

namespace ViberGateways.IntegrationTests.Bulk
{
    /// <summary>LiveAll bulk sends against the sandbox: SendIM destinations in groups, each personalised message to its recipients.</summary>
    public class LiveAllBulkTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _fixture;

        public LiveAllBulkTests(SandboxFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task One_message_to_many_goes_out_as_sendim_requests_of_the_set_size()
        {
            var text = $"Table ready {Guid.NewGuid():N}";
            var before = _fixture.Sandbox.Requests.Count;

            var results = await _fixture.LiveAll()
                .SendBulkAsync(new ViberMessage { Sender = "Bistro", Text = text }, BulkInputs.Numbers("30691", 2500), new BulkSendOptions { MaxRecipientsPerRequest = 1000 })
                .AllAsync();

            results.ShouldCoverIndexes(2500);
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted && r.GatewayId() > 0);
            (_fixture.Sandbox.Requests.Count - before).ShouldBe(3);
            var stored = _fixture.Sandbox.Messages.Where(m => m.Text == text).ToDictionary(m => m.Id);
            stored.Count.ShouldBe(2500);
            results.ShouldAllBe(r => stored[r.GatewayId()!.Value].Recipient == r.Recipient);
        }

        [Fact]
        public async Task Personalised_messages_are_one_request_each_to_all_their_recipients_and_a_bad_recipient_is_rejected_alone()
        {
            var text = $"Hi {Guid.NewGuid():N}";
            var messages = Enumerable.Range(0, 12).Select(i => new ViberMessage
            {
                Recipients = i == 5 ? new[] { "306900000001", "306900000002" } : new[] { i == 8 ? "not a phone" : "3069100000" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture) },
                Sender = "Bistro",
                Text = $"{text} #{i}",
            });

            var results = await _fixture.LiveAll().SendBulkAsync(messages.ToAsyncEnumerable(), new BulkSendOptions { MaxConcurrentRequests = 3 }).AllAsync();

            // Index counts recipients: message 5's two are 5 and 6, message 8's one is 9.
            results.ShouldCoverIndexes(13);
            var rejected = results.Single(r => r.Outcome != SendOutcome.Accepted);
            rejected.Index.ShouldBe(9);
            rejected.Failure.ShouldBeOfType<RequestValidationException>().Violations.Single().Field.ShouldBe("messages[8].Recipients[0]");
            var accepted = results.Where(r => r.Outcome == SendOutcome.Accepted).ToList();
            accepted.Select(r => r.Request).Distinct().Count().ShouldBe(11, "one request per message");
            accepted.Where(r => r.Index is 5 or 6).Select(r => r.Request).Distinct().ShouldHaveSingleItem();
            var stored = _fixture.Sandbox.Messages.Where(m => m.Text!.StartsWith(text, StringComparison.Ordinal)).ToDictionary(m => m.Id);
            stored.Values.Select(m => m.Text).OrderBy(t => t)
                .ShouldBe(Enumerable.Range(0, 12).Where(i => i != 8).SelectMany(i => Enumerable.Repeat($"{text} #{i}", i == 5 ? 2 : 1)).OrderBy(t => t));
            accepted.ShouldAllBe(r => stored[r.GatewayId()!.Value].Recipient == r.Recipient, "each recipient's smsid is its own message");
        }

        [Fact]
        public async Task A_wrong_token_stops_the_send()
        {
            var (results, error) = await _fixture.LiveAll("wrong-token")
                .SendBulkAsync(new ViberMessage { Sender = "Bistro", Text = "x" }, BulkInputs.Numbers("30692", 5000), new BulkSendOptions { MaxRecipientsPerRequest = 100, MaxConcurrentRequests = 1 })
                .AllUntilAsync<BulkSendStoppedException>();

            error.InnerException.ShouldBeAssignableTo<GatewayException>();
            error.ToString().ShouldNotContain("wrong-token");
            results.ShouldCoverIndexes(error.NextIndex);
            results.Where(r => r.Request == 1).ShouldAllBe(r => r.Outcome == SendOutcome.Rejected);
            results.Where(r => r.Request != 1).ShouldAllBe(r => r.Outcome == SendOutcome.NotSent);
        }
    }
}
