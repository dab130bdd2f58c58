using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;

namespace ViberGateways.Testing
{
    /// <summary>
    /// A neutral send returns the exception of a request that failed as a whole in each recipient's result; a test
    /// written for any call that may fail (one sending or querying) takes it thrown. Shared by the unit and integration tests.
    /// </summary>
    internal static class SendResultFailures
    {
        /// <summary>The send's results, or the failure they report, thrown.</summary>
        public static async Task<IReadOnlyList<SendResult>> ThrowingFailureAsync(this Task<IReadOnlyList<SendResult>> send)
        {
            var results = await send;
            if (results.Select(result => result.Failure).FirstOrDefault(failure => failure != null) is { } failure)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }

            return results;
        }

        /// <summary>
        /// The send's results, each checked accepted: a wire test that let a refused or unreadable reply pass would
        /// approve a request the stub never took.
        /// </summary>
        public static async Task<IReadOnlyList<SendResult>> AllAcceptedAsync(this Task<IReadOnlyList<SendResult>> send) => AllAccepted(await send);

        /// <summary>A bulk send's results, read to the end, each checked accepted.</summary>
        public static async Task<IReadOnlyList<SendResult>> AllAcceptedAsync(this IAsyncEnumerable<SendResult> send)
        {
            var results = new List<SendResult>();
            await foreach (var result in send)
            {
                results.Add(result);
            }

            return AllAccepted(results);
        }

        private static IReadOnlyList<SendResult> AllAccepted(IReadOnlyList<SendResult> results)
        {
            if (results.Count == 0)
            {
                throw new System.InvalidOperationException("The send returned no results");
            }

            if (results.FirstOrDefault(result => result.Outcome != SendOutcome.Accepted) is { } other)
            {
                throw new System.InvalidOperationException($"Recipient {other.Index} was {other.Outcome}: {other.Error}");
            }

            return results;
        }
    }
}
