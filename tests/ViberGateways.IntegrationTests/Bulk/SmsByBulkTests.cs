using System;
using System.Linq;
using System.Threading.Tasks;
using ViberGateways.Bulk;
using ViberGateways.SmsBy;

namespace ViberGateways.IntegrationTests.Bulk
{
    /// <summary>SMS.by bulk sends against the sandbox: one message to many as one mailing per request, personalised messages each as its single send (a quick message to one, a mailing to several).</summary>
    public class SmsByBulkTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _fixture;

        public SmsByBulkTests(SandboxFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task One_message_to_many_goes_out_as_one_mailing_per_request()
        {
            var text = $"Sale {Guid.NewGuid():N}";
            var client = _fixture.SmsBy();

            var results = await ((IViberClient)client).SendBulkAsync(
                new ViberMessage { Text = text, SmsBy = new SmsByMessageOptions { SenderId = 444, MailingName = "Spring" } }, BulkInputs.Numbers("37529", 2100)).AllAsync();

            results.ShouldCoverIndexes(2100);
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted && r.MailingId() != null);
            var mailings = results.GroupBy(r => r.MailingId()).ToList();
            mailings.Select(g => g.Count()).OrderBy(c => c).ShouldBe(new[] { 100, 1000, 1000 });
            foreach (var mailing in mailings)
            {
                _fixture.Sandbox.Messages.Where(m => m.Mailing == mailing.Key).Select(m => m.Recipient).OrderBy(r => r).ShouldBe(mailing.Select(r => r.Recipient).OrderBy(r => r));
            }

            var status = await client.StatusBulkViberAsync(_fixture.Sandbox.Credentials.SmsByToken, mailings[0].Key!);
            status.SelectMany(s => s.Success ?? new System.Collections.Generic.List<SmsByBulkDeliveryStatus>()).Count().ShouldBe(mailings[0].Count());
        }

        [Fact]
        public async Task Each_personalised_message_goes_out_with_its_own_text_and_a_bad_one_is_rejected_alone()
        {
            var tag = Guid.NewGuid().ToString("N");
            var messages = Enumerable.Range(0, 25).Select(i => new ViberMessage
            {
                Recipients = { i == 3 ? "" : "37533" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture) },
                Text = $"Dear customer {i} {tag}",
                ImageUrl = "https://example.com/a.png",
                Button = new ViberButton("Open", i == 7 ? "example.com/o/7" : $"https://example.com/o/{i}"),
                SmsBy = new SmsByMessageOptions { SenderId = 7 },
            });

            var results = await ((IViberClient)_fixture.SmsBy()).SendBulkAsync(messages.ToAsyncEnumerable()).AllAsync();

            results.ShouldCoverIndexes(25);
            results.Where(r => r.Outcome == SendOutcome.Rejected).Select(r => ((RequestValidationException)r.Failure!).Violations.Single().Field)
                .ShouldBe(new[] { "messages[3].Recipients[0]", "messages[7].Button.Url" }, ignoreOrder: true);
            results.Where(r => r.Outcome == SendOutcome.Accepted).ShouldAllBe(r => r.Reference!.GatewayId != null, "each message is a quick message of its own");
            _fixture.Sandbox.Messages.Where(m => m.Text?.EndsWith(tag, StringComparison.Ordinal) == true).Select(m => m.Text).OrderBy(t => t)
                .ShouldBe(Enumerable.Range(0, 25).Where(i => i != 3 && i != 7).Select(i => $"Dear customer {i} {tag}").OrderBy(t => t));
        }

        [Fact]
        public async Task A_personalised_message_to_several_goes_out_as_one_mailing_reaching_each_of_them_once()
        {
            var tag = Guid.NewGuid().ToString("N");
            var messages = new[]
            {
                new ViberMessage { Recipients = { "375334000001", "375334000002", "375334000003" }, Text = $"To all {tag}", SmsBy = new SmsByMessageOptions { SenderId = 444 } },
                new ViberMessage { Recipients = { "375334000004" }, Text = $"To one {tag}", SmsBy = new SmsByMessageOptions { SenderId = 7 } },
            };

            var results = await ((IViberClient)_fixture.SmsBy()).SendBulkAsync(messages.ToAsyncEnumerable()).AllAsync();

            results.ShouldCoverIndexes(4);
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted);
            var mailing = results.Where(r => r.Index < 3).Select(r => r.MailingId()).Distinct().ShouldHaveSingleItem().ShouldNotBeNull();
            results.Single(r => r.Index == 3).Reference!.GatewayId.ShouldNotBeNull("a message to one is a quick message");
            _fixture.Sandbox.Messages.Where(m => m.Mailing == mailing).Select(m => m.Recipient).OrderBy(r => r).ShouldBe(new[] { "375334000001", "375334000002", "375334000003" });
            _fixture.Sandbox.Messages.Where(m => m.Text?.EndsWith(tag, StringComparison.Ordinal) == true).Select(m => m.Recipient).OrderBy(r => r)
                .ShouldBe(new[] { "375334000001", "375334000002", "375334000003", "375334000004" });
        }

        [Fact]
        public void A_message_to_many_with_recipients_of_its_own_fails_at_the_call()
        {
            var error = Should.Throw<RequestValidationException>(() =>
                ((IViberClient)_fixture.SmsBy()).SendBulkAsync(new ViberMessage { Recipients = { "375291111111" }, Text = "shared", SmsBy = new SmsByMessageOptions { SenderId = 444 } },
                    new[] { "375292222222" }.ToAsyncEnumerable()));

            error.Violations.ShouldHaveSingleItem().Field.ShouldBe("message.Recipients");
        }
    }
}
