using System;
using System.Threading.Tasks;

namespace ViberGateways.Http
{
    /// <summary>
    /// How every send reports a failure. A refusal stays a <see cref="GatewayRejectedException"/> (an HTTP 4xx other than
    /// 408 and 429 is one too: the gateway refused the request), "unavailable" stays a
    /// <see cref="GatewayUnavailableException"/>; any other failure after the request went out — an unexpected status,
    /// an unreadable reply — means the message may have been accepted: <see cref="GatewayOutcomeUnknownException"/>.
    /// </summary>
    internal static class GatewaySends
    {
        public static async Task<T> RunAsync<T>(GatewayCall call, Func<Task<T>> send)
        {
            using (GatewayCall.Declare(call))
            {
                try
                {
                    return await send().ConfigureAwait(false);
                }
                catch (GatewayException failure) when (failure is not (GatewayRejectedException or GatewayUnavailableException or GatewayOutcomeUnknownException))
                {
                    if (failure.StatusCode is >= 400 and < 500 and not 408 and not 429)
                    {
                        throw new GatewayRejectedException($"{call.Gateway} refused the {call.Operation} request", failure.StatusCode,
                            failure.GatewayErrorCode, failure.GatewayMessage, failure.ResponseSnippet, failure);
                    }

                    throw new GatewayOutcomeUnknownException(
                        $"The {call.Gateway} {call.Operation} request may have been accepted, but its reply could not be used ({FirstSentence(failure.Message)})",
                        failure.StatusCode, failure.ResponseSnippet, failure);
                }
            }
        }

        /// <summary>Runs a query (status, balance, lists), which the retry policy may repeat.</summary>
        public static async Task<T> QueryAsync<T>(GatewayCall call, Func<Task<T>> query)
        {
            using (GatewayCall.Declare(call))
            {
                return await query().ConfigureAwait(false);
            }
        }

        private static string FirstSentence(string message)
        {
            var end = message.IndexOf(" (HTTP ", StringComparison.Ordinal);
            return end > 0 ? message.Substring(0, end) : message;
        }
    }
}
