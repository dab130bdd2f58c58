using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ViberGateways.Sandbox;
using Xunit.Abstractions;

namespace ViberGateways.SharedPacingTests
{
    /// <summary>
    /// Two processes, each sending one bulk campaign through the SDK with <c>BulkSendOptions.RateLimiter</c> set to the
    /// same Redis token bucket (RedisRateLimiting), stay within that bucket's rate together, as the sandbox measures
    /// them; one killed mid-send leaves the other to finish within the rate.
    /// </summary>
    public sealed class SharedRedisPacingTests : IClassFixture<RedisServer>
    {
        // 10 at once, then 5 more every 100 ms: 50 messages a second shared by every process.
        private const int Burst = 10;
        private const int TokensPerPeriod = 5;
        private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(100);

        private readonly RedisServer _redis;
        private readonly ITestOutputHelper _output;

        public SharedRedisPacingTests(RedisServer redis, ITestOutputHelper output)
        {
            _redis = redis;
            _output = output;
        }

        [Fact]
        public async Task Two_processes_sharing_one_redis_limiter_stay_within_its_rate_together_and_send_every_message_once()
        {
            await using var sandbox = await SandboxGateway.StartAsync();
            var key = "campaigns-" + Guid.NewGuid().ToString("N");
            using var first = Sender(sandbox, key, "30693", 150);
            using var second = Sender(sandbox, key, "30694", 150);
            await Task.WhenAll(first.ReadyAsync(), second.ReadyAsync());

            var go = sandbox.Options.TimeProvider.GetUtcNow();
            first.Go();
            second.Go();

            (await first.ExitedAsync()).ShouldBe(0, first.Output);
            (await second.ExitedAsync()).ShouldBe(0, second.Output);
            var messages = sandbox.Messages;
            RecipientsOf(messages, "30693").ShouldBe(Numbers("30693", 150), ignoreOrder: true);
            RecipientsOf(messages, "30694").ShouldBe(Numbers("30694", 150), ignoreOrder: true);
            ShouldStayWithinTheSharedBucket(messages, go);
        }

        [Fact]
        public async Task A_process_killed_mid_send_leaves_the_other_to_send_all_of_its_campaign_within_the_rate()
        {
            var victimSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            SandboxGateway? sandboxRef = null;
            await using var sandbox = await SandboxGateway.StartAsync(new SandboxOptions
            {
                // Kill the victim once the sandbox has taken some of its messages: mid-send by what arrived, not by a timer.
                OnRequest = _ =>
                {
                    if (sandboxRef is { } s && s.Messages.Count(m => m.Recipient.StartsWith("30695", StringComparison.Ordinal)) >= 20)
                    {
                        victimSeen.TrySetResult();
                    }
                },
            });
            sandboxRef = sandbox;
            var key = "campaigns-" + Guid.NewGuid().ToString("N");
            using var victim = Sender(sandbox, key, "30695", 300);
            using var survivor = Sender(sandbox, key, "30696", 150);
            await Task.WhenAll(victim.ReadyAsync(), survivor.ReadyAsync());

            var go = sandbox.Options.TimeProvider.GetUtcNow();
            victim.Go();
            survivor.Go();
            await victimSeen.Task.WaitAsync(SenderProcess.HangGuard);
            victim.Kill();

            (await survivor.ExitedAsync()).ShouldBe(0, survivor.Output);
            var messages = sandbox.Messages;
            RecipientsOf(messages, "30696").ShouldBe(Numbers("30696", 150), ignoreOrder: true);
            var victimsSent = RecipientsOf(messages, "30695");
            victimsSent.Count.ShouldBeInRange(20, 299, "the victim was killed mid-send");
            victimsSent.ShouldBeUnique();
            ShouldStayWithinTheSharedBucket(messages, go);
        }

        /// <summary>
        /// Every message's acceptance at the sandbox, counted from the go signal (before which no permit was taken):
        /// by any moment t, at most <c>Burst + TokensPerPeriod × whole periods since go</c> may have arrived. A loaded
        /// machine only delays arrivals, so it cannot break this bound; a window-by-window count could be (delayed
        /// requests arrive bunched). At the last arrival it also means the whole send took at least (M − Burst) / rate.
        /// </summary>
        private void ShouldStayWithinTheSharedBucket(IReadOnlyList<SandboxMessage> messages, DateTimeOffset go)
        {
            var arrivals = messages.Select(m => m.AcceptedAt - go).OrderBy(t => t).ToList();
            for (var k = 1; k <= arrivals.Count; k++)
            {
                // The limiter reads its clock in whole milliseconds: 2 ms of slack for that truncation.
                var periods = (long)Math.Floor((arrivals[k - 1] + TimeSpan.FromMilliseconds(2)) / Period);
                var allowed = Burst + TokensPerPeriod * periods;
                k.ShouldBeLessThanOrEqualTo((int)allowed, $"message {k} arrived {arrivals[k - 1].TotalMilliseconds:0} ms after go, when the shared bucket allowed {allowed}");
            }

            var last = arrivals[^1];
            _output.WriteLine($"{arrivals.Count} messages, the last {last.TotalMilliseconds:0} ms after go: {arrivals.Count / last.TotalSeconds:0.0} a second "
                + $"(the shared limit {TokensPerPeriod / Period.TotalSeconds:0}, after a burst of {Burst})");
        }

        private SenderProcess Sender(SandboxGateway sandbox, string key, string prefix, int count) =>
            SenderProcess.Start(prefix, sandbox.BaseAddress.ToString(), sandbox.Credentials.LiveAllApiToken, _redis.Socket, key, prefix,
                count.ToString(CultureInfo.InvariantCulture), $"{Burst}/{TokensPerPeriod}/{Period.TotalMilliseconds:0}", "20");

        private static List<string> RecipientsOf(IEnumerable<SandboxMessage> messages, string prefix) =>
            messages.Where(m => m.Recipient.StartsWith(prefix, StringComparison.Ordinal)).Select(m => m.Recipient).ToList();

        private static IEnumerable<string> Numbers(string prefix, int count) =>
            Enumerable.Range(0, count).Select(i => prefix + i.ToString("D7", CultureInfo.InvariantCulture));
    }
}
