using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Newtonsoft.Json;
using static ViberGateways.Benchmarks.HandWrittenJsonClient;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// The floor under <see cref="BulkSendBenchmarks"/>: the same million AlphaSMS JSON items, read from the same lazy
    /// recipients and put in requests of 500, serialized with Newtonsoft alone into <see cref="Stream.Null"/> — no
    /// HTTP, no gateway, no checks, no results. The request model is the hand-written client's, which writes the same
    /// JSON as the SDK. Same job and columns as the bulk send, so the SDK's CPU per recipient there divided by the one
    /// here is its cost over serializing alone. Runs on its own with <c>--filter '*BulkSerialization*'</c>.
    /// </summary>
    [Config(typeof(BulkColumnsConfig))]
    [MemoryDiagnoser]
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
    public class BulkSerializationBenchmarks
    {
        /// <summary>Items per request, as the SDK's bulk send batches them.</summary>
        private const int MessagesPerRequest = 500;

        private static readonly JsonSerializer Serializer = JsonSerializer.CreateDefault();

        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>Recipients per send.</summary>
        [Params(1_000_000)]
        public int Recipients { get; set; }

        /// <summary>Every recipient's item built and serialized in requests of 500, bytes discarded.</summary>
        /// <returns>Items serialized.</returns>
        [Benchmark]
        public async Task<long> SerializeWithNewtonsoftAlone()
        {
            var message = BulkScenario.Message;
            // One array for every request: a request's body is written before the next one's items are read.
            var batch = new ViberItem[MessagesPerRequest];
            var inBatch = 0;
            long serialized = 0;
            await foreach (var recipient in BulkScenario.Recipients(Recipients))
            {
                batch[inBatch++] = new ViberItem
                {
                    // Client ids as the SDK assigns them: one per message, counting up.
                    Id = serialized + inBatch,
                    Phone = long.Parse(recipient, NumberStyles.None, CultureInfo.InvariantCulture),
                    ViberSignature = message.Sender!,
                    ViberMessage = message.Text!,
                };
                if (inBatch == batch.Length)
                {
                    WriteRequest(batch);
                    serialized += inBatch;
                    inBatch = 0;
                }
            }

            if (inBatch > 0)
            {
                WriteRequest(batch.AsSpan(0, inBatch).ToArray());
                serialized += inBatch;
            }

            return BulkScenario.Verify(serialized, Recipients);
        }

        /// <summary>Records the figures the bulk columns show.</summary>
        [GlobalCleanup]
        public void RecordFigures() => ProcessFigures.Record(nameof(SerializeWithNewtonsoftAlone), Recipients);

        private static void WriteRequest(ViberItem[] items)
        {
            using var text = new StreamWriter(Stream.Null, Utf8, 1024, leaveOpen: true);
            using var json = new JsonTextWriter(text);
            Serializer.Serialize(json, new SendRequest { Auth = BulkScenario.ApiKey, Data = items });
        }
    }
}
