using System;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.IntegrationTests
{
    /// <summary>Waits for something another process part does to become visible, for as long as a busy machine may need.</summary>
    internal static class Eventually
    {
        /// <summary>A guard against a hang, not a measure: nothing asserts how soon the thing is seen.</summary>
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

        /// <summary>The first non-null answer of <paramref name="look"/>, asked again every few milliseconds.</summary>
        public static async Task<T> SeenAsync<T>(Func<T?> look, string? what = null)
            where T : class
        {
            using var giveUp = new CancellationTokenSource(HangGuard);
            while (true)
            {
                if (look() is { } seen)
                {
                    return seen;
                }

                if (giveUp.IsCancellationRequested)
                {
                    throw new ShouldAssertException($"never seen in {HangGuard.TotalSeconds:0} s: {what ?? "the awaited state"}");
                }

                await Task.Delay(5);
            }
        }
    }
}
