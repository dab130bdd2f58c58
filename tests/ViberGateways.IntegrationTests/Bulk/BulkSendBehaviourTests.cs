using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Bulk;
using ViberGateways.IntegrationTests.Reliability;
using ViberGateways.Testing;

namespace ViberGateways.IntegrationTests.Bulk
{
    /// <summary>What every bulk send does alike: streaming input, cancellation, pacing, progress, bad options.</summary>
    public class BulkSendBehaviourTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _fixture;

        public BulkSendBehaviourTests(SandboxFixture fixture) => _fixture = fixture.WithoutQueuedFaults();

        private static ViberMessage Template(string text) => new ViberMessage { Sender = "Shop", Text = text };

        [Fact]
        public async Task The_input_is_read_as_the_send_needs_it_not_all_at_once()
        {
            var pulled = new PulledCounter();
            var options = new BulkSendOptions { MaxRecipientsPerRequest = 10, MaxConcurrentRequests = 2 };
            var results = _fixture.AlphaSms(AlphaSmsTransport.Json).SendBulkAsync(Template($"Lazy {Guid.NewGuid():N}"), BulkInputs.Numbers("38066", 1_000_000, pulled), options);

            await using (var reader = results.GetAsyncEnumerator())
            {
                for (var read = 0; read < 100; read++)
                {
                    (await reader.MoveNextAsync()).ShouldBeTrue();
                    pulled.ResultRead();
                }
            }

            // Bounded channels: never more than a few requests' worth per concurrent request ahead of the caller, of a million.
            pulled.MostAhead.ShouldBeLessThan(200);
            pulled.Count.ShouldBeLessThan(1000);
            pulled.IsLetGo.ShouldBeTrue("a reader that stops reading results stops the send: the input is let go before the stream is");
        }

        [Fact]
        public async Task Cancelling_mid_way_leaves_a_result_for_every_recipient_read_and_sends_nothing_after()
        {
            var text = $"Cancelled {Guid.NewGuid():N}";
            using var cancel = new CancellationTokenSource();
            var received = 0;
            var pulled = new PulledCounter();
            var requests = new RequestsInFlight();

            var (results, error) = await _fixture.AlphaSms(AlphaSmsTransport.Json, through: requests)
                .SendBulkAsync(Template(text), BulkInputs.Numbers("38068", 100_000, pulled), new BulkSendOptions { MaxRecipientsPerRequest = 20, MaxConcurrentRequests = 3 }, cancel.Token)
                .AllUntilAsync<BulkSendCanceledException>(_ =>
                {
                    if (++received == 100)
                    {
                        cancel.Cancel();
                    }
                });

            error.CancellationToken.ShouldBe(cancel.Token);
            results.ShouldCoverIndexes(error.NextIndex);
            error.NextIndex.ShouldBeLessThan(1000);
            error.Progress.Completed.ShouldBe(error.NextIndex);
            error.Progress.Accepted.ShouldBe(results.Count(r => r.Outcome == SendOutcome.Accepted));
            results.Count(r => r.Outcome == SendOutcome.Accepted).ShouldBeGreaterThanOrEqualTo(100);
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted || r.Outcome == SendOutcome.Unknown || r.Outcome == SendOutcome.NotSent);

            // The record is true to the gateway: accepted ones arrived, not-sent ones did not, unknown ones may have.
            var stored = _fixture.Sandbox.Messages.Where(m => m.Text == text).Select(m => m.Recipient).ToHashSet();
            results.Where(r => r.Outcome == SendOutcome.Accepted).ShouldAllBe(r => stored.Contains(r.Recipient));
            results.Where(r => r.Outcome == SendOutcome.NotSent).ShouldAllBe(r => !stored.Contains(r.Recipient) && r.Request == 0);
            results.Where(r => r.Outcome == SendOutcome.Unknown).ShouldAllBe(r => r.Failure is OperationCanceledException && r.ClientId() > 0);

            // Nothing is sent after the stream ended: every request had finished, and the input was let go.
            requests.Started.ShouldBeGreaterThan(0);
            requests.Finished.ShouldBe(requests.Started);
            pulled.IsLetGo.ShouldBeTrue();
        }

        [Fact]
        public async Task An_input_that_fails_still_has_what_it_gave_sent_then_the_results_end_with_its_exception()
        {
            var text = $"Input fails {Guid.NewGuid():N}";

            var (results, error) = await _fixture.AlphaSms(AlphaSmsTransport.Json)
                .SendBulkAsync(Template(text), FailingAfter(25), new BulkSendOptions { MaxRecipientsPerRequest = 10 })
                .AllUntilAsync<InvalidOperationException>();

            error.Message.ShouldBe("the database went away");
            results.ShouldCoverIndexes(25);
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted);
            _fixture.Sandbox.Messages.Count(m => m.Text == text).ShouldBe(25);

            static async System.Collections.Generic.IAsyncEnumerable<string> FailingAfter(int count)
            {
                await foreach (var number in BulkInputs.Numbers("38091", count))
                {
                    yield return number;
                }

                throw new InvalidOperationException("the database went away");
            }
        }

        [Fact]
        public async Task A_messages_per_second_limit_paces_the_requests()
        {
            // The pacing runs on a fake clock, moved a tenth of a second only once each request has gone: the request
            // after it can go only then, so request k leaves at exactly k tenths of a second, whatever the machine's load.
            var clock = new WatchedClock();
            var sentAt = new ConcurrentQueue<TimeSpan>();
            var sent = new SemaphoreSlim(0);
            var start = clock.GetUtcNow();
            var requests = new RequestsInFlight { OnStart = () => { sentAt.Enqueue(clock.GetUtcNow() - start); sent.Release(); } };

            var sending = _fixture.AlphaSms(AlphaSmsTransport.Json, through: requests)
                .SendBulkAsync(Template($"Paced {Guid.NewGuid():N}"), BulkInputs.Numbers("38073", 60), new BulkSendOptions { MaxMessagesPerSecond = 100, MaxRecipientsPerRequest = 500, TimeProvider = clock })
                .AllAsync();

            // 100 per second in requests of a tenth of a second's allowance: 10 at once, then 10 more every 100 ms.
            // Requests reserve their turn in order but start their waits concurrently, so the first wait seen may be any
            // of the reserved ones: a whole number of tenths of a second, the exact departures are checked below.
            (await clock.NextWaitAsync()).ShouldBeOneOf(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(400));
            for (var request = 1; request <= 6; request++)
            {
                (await sent.WaitAsync(TimeSpan.FromSeconds(60))).ShouldBeTrue($"request {request} never went");
                if (request < 6)
                {
                    clock.Advance(TimeSpan.FromMilliseconds(100));
                }
            }

            var results = await sending;
            sentAt.ShouldBe(Enumerable.Range(0, 6).Select(k => TimeSpan.FromMilliseconds(100 * k)));
            results.Count.ShouldBe(60);
            results.Max(r => r.Request).ShouldBe(6);
        }

        [Fact]
        public async Task Progress_is_reported_after_each_request_and_at_the_end()
        {
            var progress = new RecordingProgress();

            var results = await _fixture.AlphaSms(AlphaSmsTransport.Json)
                .SendBulkAsync(Template($"Progress {Guid.NewGuid():N}"), BulkInputs.Numbers("38095", 95), new BulkSendOptions { MaxRecipientsPerRequest = 10, Progress = progress })
                .AllAsync();

            results.Count.ShouldBe(95);
            var reports = progress.Reports;
            reports.Count.ShouldBe(11, "ten requests and the end");
            var last = reports[^1];
            (last.Read, last.Accepted, last.Completed, last.Requests).ShouldBe((95L, 95L, 95L, 10));
            reports.Select(r => r.Completed).ShouldBeInOrder(SortDirection.Ascending);
            last.ToString().ShouldStartWith("95 of 95 recipients done");
        }

        [Theory]
        [InlineData(0, null, null, "options.MaxRecipientsPerRequest")]
        [InlineData(null, 0, null, "options.MaxConcurrentRequests")]
        [InlineData(null, 65, null, "options.MaxConcurrentRequests")]
        [InlineData(null, null, 0.0, "options.MaxMessagesPerSecond")]
        [InlineData(null, null, double.NaN, "options.MaxMessagesPerSecond")]
        public void Invalid_options_fail_at_the_call_naming_the_option_before_the_input_is_read(int? perRequest, int? concurrency, double? rate, string field)
        {
            var pulled = new PulledCounter();
            var options = new BulkSendOptions { MaxRecipientsPerRequest = perRequest, MaxConcurrentRequests = concurrency ?? 4, MaxMessagesPerSecond = rate };

            var error = Should.Throw<RequestValidationException>(() => _fixture.AlphaSms(AlphaSmsTransport.Json).SendBulkAsync(Template("x"), BulkInputs.Numbers("38099", 10, pulled), options));

            error.Violations.ShouldHaveSingleItem().Field.ShouldBe(field);
            pulled.Count.ShouldBe(0);
        }

        [Fact]
        public void A_message_for_many_recipients_that_names_a_recipient_fails_at_the_call()
        {
            var client = _fixture.AlphaSms(AlphaSmsTransport.Json);
            var recipients = new[] { "380971234567" }.ToAsyncEnumerable();

            var namingRecipients = Should.Throw<RequestValidationException>(() =>
                client.SendBulkAsync(new ViberMessage { Recipients = { "380971234567" }, Sender = "Shop", Text = "x" }, recipients));

            namingRecipients.Violations.Select(v => (v.Field, v.Rule)).ShouldBe(new[] { ("message.Recipients", "bulk") });
        }

        [Fact]
        public async Task Through_dependency_injection_the_send_is_retried_safely_and_logged_per_request()
        {
            using var gateways = new GatewayServices(_fixture.Sandbox);
            var text = $"Injected {Guid.NewGuid():N}";
            _fixture.Sandbox.InjectFault(ViberGateways.Sandbox.SandboxFault.ServiceUnavailable(TimeSpan.FromMilliseconds(10)), "json.php");

            var results = await gateways.AlphaSms.SendBulkAsync(Template(text), BulkInputs.Numbers("38093", 300), new BulkSendOptions { MaxRecipientsPerRequest = 100 }).AllAsync();

            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted);
            _fixture.Sandbox.Messages.Count(m => m.Text == text).ShouldBe(300);
            gateways.Logs.Lines.Count(l => l.Contains("[GatewayCallCompleted]") && l.Contains("; 100 recipient(s)")).ShouldBe(3);
            gateways.Logs.Lines.ShouldNotContain(l => l.Contains(text));
        }
    }
}
