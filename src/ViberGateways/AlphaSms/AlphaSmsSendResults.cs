using System;
using System.Collections.Generic;
using System.Linq;

namespace ViberGateways.AlphaSms
{
    /// <summary>What every AlphaSMS transport does the same way with results.</summary>
    internal static class AlphaSmsSendResults
    {
        /// <summary>The single message's result; any other outcome than accepted becomes the exception a single send throws.</summary>
        public static AlphaSmsSendResult Single(IReadOnlyList<AlphaSmsSendResult> results)
        {
            var result = results[0];
            return result.Outcome switch
            {
                SendOutcome.Accepted => result,
                SendOutcome.Rejected => throw new GatewayRejectedException($"AlphaSMS rejected the message: {result.Error}", result.ErrorCode, result.Error, null),
                _ => throw result.Failure ?? new GatewayOutcomeUnknownException($"The outcome of the message is unknown: {result.Error}", 200, null),
            };
        }

        /// <summary>
        /// Every message of a request that failed as a whole: not sent when the gateway was unavailable, unknown when
        /// the request may have reached it. Nothing is dropped: each message gets its result.
        /// </summary>
        public static List<AlphaSmsSendResult> Failed(IReadOnlyList<CheckedAlphaSmsMessage> messages, GatewayException failure, Func<int, long?> clientIdOf) =>
            messages.Select((message, i) => Failed(message, failure, clientIdOf(i))).ToList();

        public static AlphaSmsSendResult Failed(CheckedAlphaSmsMessage message, GatewayException failure, long? clientId) =>
            new AlphaSmsSendResult(message.Index, message.Message.Recipient, failure is GatewayUnavailableException ? SendOutcome.NotSent : SendOutcome.Unknown)
            {
                ClientId = clientId,
                Error = failure.Message,
                Failure = failure,
            };

        /// <summary>A field the transport cannot carry, reported like any other validation error.</summary>
        public static RequestValidationException NotCarried(string field, string message) =>
            new RequestValidationException(new[] { new ValidationViolation(field, "transport", message) });
    }
}
