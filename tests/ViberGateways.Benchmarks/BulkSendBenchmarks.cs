using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using ViberGateways.AlphaSms;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// One message to a million recipients through AlphaSMS JSON to the sandbox gateway (its own process, on loopback):
    /// the SDK's streamed bulk send (recipients read as needed, 500 per request, 4 requests at once, one result per
    /// recipient as requests complete) against the same sends with everything built in memory first (all messages
    /// read into a list, sent in the same batches and concurrency, all results kept). Peak memory shows what streaming
    /// saves; recipients per second what it costs.
    /// </summary>
    [Config(typeof(BulkColumnsConfig))]
    [MemoryDiagnoser]
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
    public class BulkSendBenchmarks
    {
        private BulkScenario _scenario = null!;

        /// <summary>Recipients per send.</summary>
        [Params(1_000_000)]
        public int Recipients { get; set; }

        /// <summary>A fresh sandbox for each iteration.</summary>
        [IterationSetup]
        public void StartSandbox() => _scenario = BulkScenario.Start();

        /// <summary>Stops it.</summary>
        [IterationCleanup]
        public void StopSandbox() => _scenario.Dispose();

        /// <summary>The SDK's bulk send, reading the recipients as it goes.</summary>
        /// <returns>Recipients accepted.</returns>
        [Benchmark(Baseline = true)]
        public Task<long> StreamedBulkSend() => _scenario.StreamedBulkSendAsync(Recipients);

        /// <summary>Every message built in memory first, then sent in the same batches, every result kept.</summary>
        /// <returns>Recipients accepted.</returns>
        [Benchmark]
        public async Task<long> EverythingInMemoryFirst()
        {
            var messages = new List<ViberMessage>();
            await foreach (var recipient in BulkScenario.Recipients(Recipients))
            {
                var message = BulkScenario.Message;
                message.Recipients = new System.Collections.Generic.List<string> { recipient };
                messages.Add(message);
            }

            var batches = messages.Chunk(500).ToList();
            var results = new IReadOnlyList<SendResult>[batches.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, batches.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 },
                async (i, cancellationToken) => results[i] = await _scenario.Client.SendAsync(batches[i], cancellationToken));
            return BulkScenario.Verify(results.Sum(batch => batch.Count(r => r.Outcome == SendOutcome.Accepted)), Recipients);
        }

        /// <summary>Records the streamed send's figures.</summary>
        [GlobalCleanup(Target = nameof(StreamedBulkSend))]
        public void RecordStreamedFigures() => ProcessFigures.Record(nameof(StreamedBulkSend), Recipients);

        /// <summary>Records the in-memory send's figures.</summary>
        [GlobalCleanup(Target = nameof(EverythingInMemoryFirst))]
        public void RecordInMemoryFigures() => ProcessFigures.Record(nameof(EverythingInMemoryFirst), Recipients);
    }

    /// <summary>
    /// The same streamed bulk send against one request per recipient with the same SDK (<c>SendAsync</c>, 4 at once),
    /// to a smaller list so the slow contender finishes in reasonable time, against one sandbox kept running for every
    /// iteration, after enough warm-up runs for both processes' code to be fully compiled: the time ratio is the
    /// throughput ratio.
    /// </summary>
    [Config(typeof(BulkColumnsConfig))]
    [MemoryDiagnoser]
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 4, iterationCount: 5)]
    public class BulkVersusSingleSendsBenchmarks
    {
        private BulkScenario _scenario = null!;

        /// <summary>Recipients per send.</summary>
        [Params(50_000)]
        public int Recipients { get; set; }

        /// <summary>One sandbox for the whole run.</summary>
        [GlobalSetup]
        public void StartSandbox() => _scenario = BulkScenario.Start();

        /// <summary>The SDK's bulk send.</summary>
        /// <returns>Recipients accepted.</returns>
        [Benchmark(Baseline = true)]
        public Task<long> StreamedBulkSend() => _scenario.StreamedBulkSendAsync(Recipients);

        /// <summary>One <c>SendAsync</c> per recipient, 4 at once.</summary>
        /// <returns>Recipients accepted.</returns>
        [Benchmark]
        public async Task<long> OneRequestPerRecipient()
        {
            long accepted = 0;
            await Parallel.ForEachAsync(BulkScenario.Recipients(Recipients), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (recipient, cancellationToken) =>
            {
                var message = BulkScenario.Message;
                message.Recipients = new System.Collections.Generic.List<string> { recipient };
                var sent = await _scenario.Client.SendAsync(message, cancellationToken);
                if (sent[0].Outcome == SendOutcome.Accepted)
                {
                    Interlocked.Increment(ref accepted);
                }
            });
            return BulkScenario.Verify(accepted, Recipients);
        }

        /// <summary>Records the streamed send's figures and stops the sandbox.</summary>
        [GlobalCleanup(Target = nameof(StreamedBulkSend))]
        public void RecordStreamedFigures()
        {
            ProcessFigures.Record(nameof(StreamedBulkSend), Recipients);
            _scenario.Dispose();
        }

        /// <summary>Records the single sends' figures and stops the sandbox.</summary>
        [GlobalCleanup(Target = nameof(OneRequestPerRecipient))]
        public void RecordSingleFigures()
        {
            ProcessFigures.Record(nameof(OneRequestPerRecipient), Recipients);
            _scenario.Dispose();
        }
    }
}
