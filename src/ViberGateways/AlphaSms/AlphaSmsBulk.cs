using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// Bulk sends over any AlphaSMS transport: each message checked on its own, requests of up to 500 messages over
    /// JSON (the <c>data</c> list) and XML (one <c>&lt;message-viber&gt;</c> package), one per message over HTTP.
    /// AlphaSMS documents no maximum per request.
    /// </summary>
    internal static class AlphaSmsBulk
    {
        public const int DefaultMessagesPerRequest = 500;

        /// <summary>Sends the checked messages of one request; the transport's batch send.</summary>
        public delegate Task<IReadOnlyList<AlphaSmsSendResult>> RequestSender(IReadOnlyList<CheckedAlphaSmsMessage> messages, CancellationToken cancellationToken);

        public static IAsyncEnumerable<BulkRecipientResult> Messages(IAsyncEnumerable<AlphaSmsMessage> messages, BulkSendOptions? options, AlphaSmsTransport transport,
            RequestSender send, CancellationToken cancellationToken) =>
            Items(messages, options, transport, send, (message, index) => AlphaSmsRules.CheckBulkMessage(message, transport, $"messages[{index}]"),
                message => message?.Recipient ?? "", cancellationToken);

        /// <summary>
        /// Sends any input whose items each become one checked message (<paramref name="check"/> throws a
        /// <see cref="RequestValidationException"/> for one that cannot be sent: that item is rejected, the others go on).
        /// </summary>
        public static IAsyncEnumerable<BulkRecipientResult> Items<TInput>(IAsyncEnumerable<TInput> input, BulkSendOptions? options, AlphaSmsTransport transport,
            RequestSender send, Func<TInput, long, CheckedAlphaSmsMessage> check, Func<TInput, string> recipientOf, CancellationToken cancellationToken) =>
            BulkSender.Run(input, options, Plan<TInput>(transport, send,
                (item, index) => new BulkEntry<CheckedAlphaSmsMessage>(index, recipientOf(item), check(item, index)), recipientOf), cancellationToken);

        public static IAsyncEnumerable<BulkRecipientResult> ToRecipients(AlphaSmsMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options,
            AlphaSmsTransport transport, RequestSender send, CancellationToken cancellationToken)
        {
            var content = AlphaSmsRules.CheckBulkTemplate(message, transport);
            return BulkSender.Run(recipients, options, Plan<string>(transport, send, (recipient, index) =>
                new BulkEntry<CheckedAlphaSmsMessage>(index, recipient, AlphaSmsRules.ForRecipient(message, content, recipient, index, transport)),
                recipient => recipient ?? ""), cancellationToken);
        }

        private static BulkPlan<TInput, CheckedAlphaSmsMessage> Plan<TInput>(AlphaSmsTransport transport, RequestSender send,
            Func<TInput, long, BulkEntry<CheckedAlphaSmsMessage>> prepare, Func<TInput, string> recipientOf) =>
            new BulkPlan<TInput, CheckedAlphaSmsMessage>("AlphaSMS", transport == AlphaSmsTransport.Http ? 1 : DefaultMessagesPerRequest,
                transport == AlphaSmsTransport.Http ? 1 : BulkSender.MaxRecipientsPerRequestLimit, prepare, recipientOf,
                (entries, request, cancellationToken) => SendAsync(entries, request, send, cancellationToken))
            {
                ClientIdOf = message => message.ClientId,
            };

        private static async Task<IReadOnlyList<BulkRecipientResult>> SendAsync(IReadOnlyList<BulkEntry<CheckedAlphaSmsMessage>> entries, int request, RequestSender send,
            CancellationToken cancellationToken)
        {
            var messages = new CheckedAlphaSmsMessage[entries.Count];
            for (var i = 0; i < messages.Length; i++)
            {
                messages[i] = entries[i].Item;
            }

            var sent = await send(messages, cancellationToken).ConfigureAwait(false);
            var results = new BulkRecipientResult[entries.Count];
            for (var i = 0; i < results.Length; i++)
            {
                var result = sent[i];
                results[i] = new BulkRecipientResult(entries[i].Index, entries[i].Recipient, result.Outcome)
                {
                    Request = request,
                    ClientId = result.ClientId,
                    GatewayId = result.GatewayId,
                    Parts = result.Parts,
                    ErrorCode = result.ErrorCode,
                    Error = result.Error,
                    Failure = result.Failure,
                };
            }

            return results;
        }
    }
}
