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
    }
}
