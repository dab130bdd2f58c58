using System.Collections.Generic;

namespace ViberGateways.AlphaSms
{
    /// <summary>What every AlphaSMS transport does the same way with results.</summary>
    internal static class AlphaSmsSendResults
    {
        /// <summary>The single message's result; a rejected or unknown outcome becomes the exception a single send throws.</summary>
        public static AlphaSmsSendResult Single(IReadOnlyList<AlphaSmsSendResult> results)
        {
            var result = results[0];
            return result.Outcome switch
            {
                SendOutcome.Accepted => result,
                SendOutcome.Rejected => throw new GatewayRejectedException($"AlphaSMS rejected the message: {result.Error}", result.ErrorCode, result.Error, null),
                _ => throw new GatewayException($"The outcome of the message is unknown: {result.Error}", 200, null, result.Error, null, null),
            };
        }

        /// <summary>A field the transport cannot carry, reported like any other validation error.</summary>
        public static RequestValidationException NotCarried(string field, string message) =>
            new RequestValidationException(new[] { new ValidationViolation(field, "transport", message) });
    }
}
