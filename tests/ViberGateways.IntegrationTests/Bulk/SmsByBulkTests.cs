using System;
using System.Linq;
using System.Threading.Tasks;
using ViberGateways.Bulk;
using ViberGateways.SmsBy;

namespace ViberGateways.IntegrationTests.Bulk
{
    /// <summary>SMS.by bulk sends against the sandbox: one mailing per request, bulk and personal.</summary>
    public class SmsByBulkTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _fixture;

        public SmsByBulkTests(SandboxFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task One_message_to_many_goes_out_as_one_mailing_per_request()
        {
            var text = $"Sale {Guid.NewGuid():N}";
            var client = _fixture.SmsBy();

            var results = await client.SendBulkAsync(new SmsByMessage { SenderId = 444, Text = text, MailingName = "Spring" }, BulkInputs.Numbers("37529", 2100))
                .AllAsync();

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
        public async Task Each_recipient_of_a_personal_mailing_gets_its_own_text_and_a_bad_one_is_rejected_alone()
        {
            var tag = Guid.NewGuid().ToString("N");
            var recipients = Enumerable.Range(0, 25).Select(i => new SmsByPersonalRecipient(
                i == 3 ? "" : "37533" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture),
                $"Dear customer {i} {tag}",
                i == 7 ? "https://example.com/" + new string('a', 200) : $"https://example.com/o/{i}"));
            var message = new SmsByMessage { SenderId = 444, Button = new SmsByButton("Open", "https://example.com/o"), ImageUrl = "https://example.com/a.png" };

            var results = await _fixture.SmsBy().SendBulkAsync(message, recipients.ToAsyncEnumerable(), new BulkSendOptions { MaxRecipientsPerRequest = 10 }).AllAsync();

            results.ShouldCoverIndexes(25);
            results.Where(r => r.Outcome == SendOutcome.Rejected).Select(r => ((RequestValidationException)r.Failure!).Violations.Single().Field)
                .ShouldBe(new[] { "recipients[3].Phone", "recipients[7].ButtonUrl" }, ignoreOrder: true);
            results.Where(r => r.Outcome == SendOutcome.Accepted).Select(r => r.MailingId()).Distinct().Count().ShouldBe(3);
            _fixture.Sandbox.Messages.Where(m => m.Text?.EndsWith(tag, StringComparison.Ordinal) == true).Select(m => m.Text).OrderBy(t => t)
                .ShouldBe(Enumerable.Range(0, 25).Where(i => i != 3 && i != 7).Select(i => $"Dear customer {i} {tag}").OrderBy(t => t));
        }

        [Fact]
        public void A_personal_mailing_message_with_its_own_text_fails_at_the_call()
        {
            var error = Should.Throw<RequestValidationException>(() =>
                _fixture.SmsBy().SendBulkAsync(new SmsByMessage { SenderId = 444, Text = "shared" }, new[] { new SmsByPersonalRecipient("375291111111", "own") }.ToAsyncEnumerable()));

            error.Violations.ShouldHaveSingleItem().Field.ShouldBe("message.Text");
        }
    }
}
