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

        public static IAsyncEnumerable<SendResult> Messages(IAsyncEnumerable<AlphaSmsMessage> messages, BulkSendOptions? options, AlphaSmsTransport transport,
            RequestSender send, CancellationToken cancellationToken) =>
            Items(messages, options, transport, send, (message, index) => AlphaSmsRules.CheckBulkMessage(message, transport, $"messages[{index}]"),
                message => message?.Recipient ?? "", cancellationToken);

        /// <summary>
        /// Sends any input whose items each become one checked message (<paramref name="check"/> throws a
        /// <see cref="RequestValidationException"/> for one that cannot be sent: that item is rejected, the others go on).
        /// </summary>
        public static IAsyncEnumerable<SendResult> Items<TInput>(IAsyncEnumerable<TInput> input, BulkSendOptions? options, AlphaSmsTransport transport,
            RequestSender send, Func<TInput, long, CheckedAlphaSmsMessage> check, Func<TInput, string> recipientOf, CancellationToken cancellationToken) =>
            BulkSender.Run(input, options, Plan<TInput>(transport, send,
                (item, index) => new BulkEntry<CheckedAlphaSmsMessage>(index, recipientOf(item), check(item, index)), recipientOf), cancellationToken);

        public static IAsyncEnumerable<SendResult> ToRecipients(AlphaSmsMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options,
            AlphaSmsTransport transport, RequestSender send, CancellationToken cancellationToken)
        {
            var content = AlphaSmsRules.CheckBulkTemplate(message, transport);
            return BulkSender.Run(recipients, options, Plan<string>(transport, send, (recipient, index) =>
                new BulkEntry<CheckedAlphaSmsMessage>(index, recipient, AlphaSmsRules.ForRecipient(message, content, recipient, index, transport)),
                recipient => recipient ?? ""), cancellationToken);
        }

        private static BulkPlan<TInput, CheckedAlphaSmsMessage> Plan<TInput>(AlphaSmsTransport transport, RequestSender send,
            Func<TInput, long, BulkEntry<CheckedAlphaSmsMessage>> prepare, Func<TInput, string> recipientOf) =>
            new BulkPlan<TInput, CheckedAlphaSmsMessage>(Gateway.AlphaSms, transport == AlphaSmsTransport.Http ? 1 : DefaultMessagesPerRequest,
                transport == AlphaSmsTransport.Http ? 1 : BulkSender.MaxRecipientsPerRequestLimit, prepare, recipientOf,
                (entries, request, cancellationToken) => SendAsync(entries, request, send, cancellationToken))
            {
                ReferenceOf = entry => AlphaSmsViberMapping.ReferenceOf(entry.Recipient, entry.Item.ClientId, null),
            };

        private static async Task<IReadOnlyList<SendResult>> SendAsync(IReadOnlyList<BulkEntry<CheckedAlphaSmsMessage>> entries, int request, RequestSender send,
            CancellationToken cancellationToken)
        {
            var messages = new CheckedAlphaSmsMessage[entries.Count];
            for (var i = 0; i < messages.Length; i++)
            {
                messages[i] = entries[i].Item;
            }

            var sent = await send(messages, cancellationToken).ConfigureAwait(false);
            var results = new SendResult[entries.Count];
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = AlphaSmsViberMapping.ToSendResult(sent[i], entries[i].Index);
                results[i].Request = request;
            }

            return results;
        }
    }
}
