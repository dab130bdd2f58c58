using System.Linq;
using System.Threading.Tasks;
using ViberGateways.Bulk;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Neutral
{
    /// <summary>
    /// LiveAll and SMS.by send a personalised bulk message as one request of its own, to one recipient: a message naming
    /// two is refused, naming the field, and the other messages are still sent.
    /// </summary>
    public class PersonalisedBulkRecipientTests
    {
        public static TheoryData<string, string> Gateways => new()
        {
            { "LiveAll", """{"success":true,"OperationErrors":null,"SubmissionID":0,"data":[21]}""" },
            { "SmsBy", """{"status": "OK", "result": {"message_id": 8484}}""" },
        };

        [Theory]
        [MemberData(nameof(Gateways))]
        public async Task A_personalised_message_to_two_recipients_is_refused_and_the_others_are_sent(string gateway, string reply)
        {
            var stub = new StubGateway().Reply(reply);
            var client = gateway == "LiveAll"
                ? ViberClientFactory.Create(new LiveAllOptions { ApiKey = "k", Sender = "Shop", Resilience = QuickRetries.Policy() }, stub.CreateClient())
                : ViberClientFactory.Create(new SmsByOptions { ApiKey = "k", QuickMessageSenderId = 7, Resilience = QuickRetries.Policy() }, stub.CreateClient());

            var results = await client.SendBulkAsync(new[]
            {
                new ViberMessage { Recipients = { "306912345678", "375291111111" }, Text = "Hi" },
                new ViberMessage { Recipients = { "375292222222" }, Text = "Hello" },
            }.ToAsyncEnumerable(), new BulkSendOptions { MaxConcurrentRequests = 1 }).ToListAsync();

            var refused = results.Single(r => r.Index == 0);
            refused.Outcome.ShouldBe(SendOutcome.Rejected);
            var violation = refused.Failure.ShouldBeOfType<RequestValidationException>().Violations.ShouldHaveSingleItem();
            (violation.Field, violation.Rule).ShouldBe(("messages[0].Recipients", "maxItems"));
            results.Single(r => r.Index == 1).Outcome.ShouldBe(SendOutcome.Accepted);
            stub.Requests.Count.ShouldBe(1);
        }
    }
}
