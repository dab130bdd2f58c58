using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Neutral
{
    /// <summary>
    /// A personalised bulk send treats a message to several recipients as one message even when its recipients take
    /// several requests: its refusals count once towards the three in a row that stop the send, and a stopped or
    /// cancelled send reads a message whole or not at all, so the index to resume from falls between messages.
    /// </summary>
    public class BulkMessageBoundaryTests
    {
        private static readonly string[] ThreeRecipients = { "380971111111", "380972222222", "380973333333" };

        public static TheoryData<string, string> RefusingGateways => new()
        {
            { EveryClient.LiveAll, """{"success": false, "OperationErrors": [{"errorCode": 56, "errorMessage": "Sender id for IM is not approved", "SMSErrorType": 4, "valueOfError": ""}], "SubmissionID": 0, "data": null}""" },
            { EveryClient.SmsBy, """{"error": "Alphaname is not approved"}""" },
        };

        [Theory]
        [MemberData(nameof(RefusingGateways))]
        public async Task A_refused_message_spanning_three_requests_is_one_refusal_and_the_next_message_is_sent(string name, string refusal)
        {
            var stub = new StubGateway().Reply(refusal).Reply(refusal).Reply(refusal).Reply(name == EveryClient.LiveAll
                ? """{"success": true, "OperationErrors": null, "SubmissionID": 0, "data": [2101520394]}"""
                : """{"status": "OK", "result": {"message_id": 8484}}""");
            var messages = new[]
            {
                new ViberMessage { Recipients = ThreeRecipients.ToList(), Sender = "Shop", Text = "Refused" },
                new ViberMessage { Recipients = { "380974444444" }, Sender = "Shop", Text = "Sent" },
            };

            var results = await EveryClient.Create(name, stub)
                .SendBulkAsync(messages.ToAsyncEnumerable(), new BulkSendOptions { MaxRecipientsPerRequest = 1, MaxConcurrentRequests = 1 })
                .ToListAsync();

            results.OrderBy(result => result.Index).Select(result => result.Outcome)
                .ShouldBe(new[] { SendOutcome.Rejected, SendOutcome.Rejected, SendOutcome.Rejected, SendOutcome.Accepted });
            stub.Requests.Count.ShouldBe(4);
        }

        [Theory]
        [MemberData(nameof(EveryClient.Names), MemberType = typeof(EveryClient))]
        public async Task A_send_cancelled_while_a_message_is_read_reads_that_message_whole(string name)
        {
            using var cancellation = new CancellationTokenSource();
            // Unanswered until the cancellation: nothing but the cancellation can stop the send.
            var stub = new StubGateway().NeverReply();
            var results = new List<SendResult>();

            // Awaited rather than through Should.ThrowAsync, which reports a cancelled task's exception as a bare TaskCanceledException.
            var ending = await Record.ExceptionAsync(async () =>
            {
                await foreach (var result in EveryClient.Create(name, stub).SendBulkAsync(CancelledBeforeTheSecondMessage(cancellation), cancellationToken: cancellation.Token))
                {
                    results.Add(result);
                }
            });
            var cancelled = ending.ShouldBeOfType<BulkSendCanceledException>();

            // The second message was read after the cancellation, all of it: resuming from NextIndex starts a message.
            cancelled.NextIndex.ShouldBe(4);
            results.Select(result => result.Index).OrderBy(index => index).ShouldBe(new long[] { 0, 1, 2, 3 });
            results.Where(result => result.Index > 0).ShouldAllBe(result => result.Outcome == SendOutcome.NotSent);
        }

        private static async IAsyncEnumerable<ViberMessage> CancelledBeforeTheSecondMessage(CancellationTokenSource cancellation)
        {
            await Task.Yield();
            yield return new ViberMessage { Recipients = { "380970000000" }, Sender = "Shop", Text = "First" };
            cancellation.Cancel();
            yield return new ViberMessage { Recipients = ThreeRecipients.ToList(), Sender = "Shop", Text = "Second" };
        }
    }
}
