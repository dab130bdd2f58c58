using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways.IntegrationTests.Bulk
{
    /// <summary>Inputs and readers for bulk-send tests: distinct phone numbers produced lazily, and every result collected.</summary>
    internal static class BulkInputs
    {
        /// <summary><paramref name="count"/> distinct numbers with the given prefix, produced one at a time (never as a list).</summary>
        public static async IAsyncEnumerable<string> Numbers(string prefix, int count, PulledCounter? pulled = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    pulled?.Pulled();
                    yield return prefix + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
                    if (i % 256 == 0)
                    {
                        await Task.Yield();
                    }
                }
            }
            finally
            {
                pulled?.LetGo();
            }
        }

        public static async Task<List<SendResult>> AllAsync(this IAsyncEnumerable<SendResult> results)
        {
            var all = new List<SendResult>();
            await foreach (var result in results)
            {
                all.Add(result);
            }

            return all;
        }

        /// <summary>Reads every result until the stream ends with <typeparamref name="TException"/>; returns both.</summary>
        public static async Task<(List<SendResult> Results, TException Error)> AllUntilAsync<TException>(this IAsyncEnumerable<SendResult> results, Action<SendResult>? onResult = null)
            where TException : Exception
        {
            var all = new List<SendResult>();
            try
            {
                await foreach (var result in results)
                {
                    all.Add(result);
                    onResult?.Invoke(result);
                }
            }
            catch (TException error)
            {
                return (all, error);
            }

            throw new InvalidOperationException($"The results ended without a {typeof(TException).Name}.");
        }

        /// <summary>The client id a result's reference holds.</summary>
        public static long? ClientId(this SendResult result) => result.Reference?.ClientId;

        /// <summary>The gateway's message id a result's reference holds, as the sandbox stores it.</summary>
        public static long? GatewayId(this SendResult result) =>
            long.TryParse(result.Reference?.GatewayId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;

        /// <summary>The mailing a result's reference names (SMS.by).</summary>
        public static string? MailingId(this SendResult result) => result.Reference?.MailingId;

        /// <summary>Every index from 0 to <paramref name="count"/> − 1 exactly once.</summary>
        public static void ShouldCoverIndexes(this IEnumerable<SendResult> results, long count) =>
            results.Select(r => r.Index).OrderBy(i => i).ShouldBe(Enumerable.Range(0, (int)count).Select(i => (long)i));
    }

    /// <summary>What a bulk send did with its input: how much it read, how far ahead of the caller, whether it let go.</summary>
    internal sealed class PulledCounter
    {
        private int _count, _resultsRead, _mostAhead, _letGo;

        public int Count => Volatile.Read(ref _count);

        /// <summary>The furthest the input was ever read ahead of the results the caller had read.</summary>
        public int MostAhead => Volatile.Read(ref _mostAhead);

        /// <summary>Whether the input's enumerator was disposed (finished, or abandoned by the send).</summary>
        public bool IsLetGo => Volatile.Read(ref _letGo) == 1;

        public void Pulled()
        {
            var ahead = Interlocked.Increment(ref _count) - Volatile.Read(ref _resultsRead);
            for (var most = MostAhead; ahead > most; most = MostAhead)
            {
                if (Interlocked.CompareExchange(ref _mostAhead, ahead, most) == most)
                {
                    break;
                }
            }
        }

        /// <summary>The caller has read one more result.</summary>
        public void ResultRead() => Interlocked.Increment(ref _resultsRead);

        public void LetGo() => Volatile.Write(ref _letGo, 1);
    }

    /// <summary>Records every progress report synchronously (Progress&lt;T&gt; would post them later).</summary>
    internal sealed class RecordingProgress : IProgress<BulkProgress>
    {
        private readonly List<BulkProgress> _reports = new();

        public IReadOnlyList<BulkProgress> Reports
        {
            get
            {
                lock (_reports)
                {
                    return _reports.ToList();
                }
            }
        }

        public void Report(BulkProgress value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
        }
    }
}
