using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

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
        /// Every message of a request that failed as a whole: rejected when the gateway refused it, not sent when it
        /// was unavailable, unknown when the request may have reached it. Nothing is dropped: each message gets its result.
        /// </summary>
        public static List<AlphaSmsSendResult> Failed(IReadOnlyList<CheckedAlphaSmsMessage> messages, GatewayException failure, Func<int, long?> clientIdOf) =>
            messages.Select((message, i) => Failed(message, failure, clientIdOf(i))).ToList();

        public static AlphaSmsSendResult Failed(CheckedAlphaSmsMessage message, GatewayException failure, long? clientId) =>
            new AlphaSmsSendResult(message.Index, message.Message.Recipient, failure.Outcome)
            {
                ClientId = clientId,
                ErrorCode = failure.GatewayErrorCode,
                Error = failure.Message,
                Failure = failure,
            };

        /// <summary>
        /// Sends <paramref name="messages"/> in requests of at most <paramref name="perRequest"/>, one after another,
        /// and keeps every answered request's results. A request's failure is its messages' result (rejected, not
        /// sent, unknown); once the gateway is unavailable, refuses the account (<paramref name="refusesAccount"/>) or
        /// the caller cancels, the messages not yet sent are not sent, with the reason (a message in flight at the
        /// cancellation is unknown). Such a failure before any request was answered is thrown, as is any failure of
        /// a send that is one request: nothing answered can be lost, and the caller reads it as the whole send's.
        /// </summary>
        public static async Task<IReadOnlyList<AlphaSmsSendResult>> InRequestsAsync(IReadOnlyList<CheckedAlphaSmsMessage> messages, int perRequest,
            AlphaSmsBulk.RequestSender send, Func<GatewayRejectedException, bool> refusesAccount, CancellationToken cancellationToken)
        {
            if (messages.Count <= perRequest)
            {
                return await send(messages, cancellationToken).ConfigureAwait(false);
            }

            var results = new List<AlphaSmsSendResult>(messages.Count);
            string? stopped = null;
            GatewayException? stoppedBy = null;
            for (var start = 0; start < messages.Count; start += perRequest)
            {
                var request = Slice(messages, start, Math.Min(perRequest, messages.Count - start));
                if (stopped is null && cancellationToken.IsCancellationRequested)
                {
                    if (results.Count == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    stopped = Cancelled;
                }

                if (stopped != null)
                {
                    results.AddRange(request.Select(message => NotSent(message, stopped, stoppedBy)));
                    continue;
                }

                try
                {
                    var sent = await send(request, cancellationToken).ConfigureAwait(false);
                    results.AddRange(sent);
                    if (sent.Count > 0 && sent.All(result => result.Outcome == SendOutcome.NotSent && result.Failure is GatewayUnavailableException))
                    {
                        stoppedBy = sent[0].Failure!;
                        stopped = Unavailable + stoppedBy.Message;
                    }
                }
                catch (OperationCanceledException cancelled) when (cancellationToken.IsCancellationRequested && results.Count > 0)
                {
                    var inFlight = new GatewayOutcomeUnknownException("The send was cancelled while this request was in flight: it may have reached the gateway", 0, cancelled);
                    results.AddRange(Failed(request, inFlight, i => request[i].ClientId));
                    stopped = Cancelled;
                }
                catch (GatewayException failure) when (results.Count > 0 || !RefusesAccount(failure))
                {
                    results.AddRange(Failed(request, failure, i => request[i].ClientId));
                    if (failure is GatewayUnavailableException || RefusesAccount(failure))
                    {
                        stoppedBy = failure;
                        stopped = (failure is GatewayUnavailableException ? Unavailable : RefusedAccount) + failure.Message;
                    }
                }
            }

            return results;

            bool RefusesAccount(GatewayException failure) => failure is GatewayRejectedException refusal && refusesAccount(refusal);
        }

        private const string Cancelled = "Not sent: the send was cancelled before this message went out";

        private const string Unavailable = "Not sent: the gateway was unavailable for an earlier message: ";

        private const string RefusedAccount = "Not sent: the gateway refused the account for an earlier message: ";

        private static AlphaSmsSendResult NotSent(CheckedAlphaSmsMessage message, string reason, GatewayException? cause) =>
            new AlphaSmsSendResult(message.Index, message.Message.Recipient, SendOutcome.NotSent)
            {
                ClientId = message.ClientId,
                ErrorCode = cause?.GatewayErrorCode,
                Error = reason,
                Failure = cause,
            };

        private static CheckedAlphaSmsMessage[] Slice(IReadOnlyList<CheckedAlphaSmsMessage> messages, int start, int count)
        {
            var slice = new CheckedAlphaSmsMessage[count];
            for (var i = 0; i < count; i++)
            {
                slice[i] = messages[start + i];
            }

            return slice;
        }

        /// <summary>A field the transport cannot carry, reported like any other validation error.</summary>
        public static RequestValidationException NotCarried(string field, string message) =>
            RequestValidationException.Of(field, "transport", message);
    }
}
