using System;
using System.Collections.Generic;
using System.Threading;
using ViberGateways.Bulk;

namespace ViberGateways.AlphaSms
{
    // Bulk sends: each recipient of each message is one wire model, grouped into requests of up to 500 over JSON and
    // XML (the one message to many and personalised messages alike), one per request over HTTP.
    internal abstract partial class AlphaSmsClientBase
    {
        /// <inheritdoc />
        /// <remarks>
        /// Each recipient of each message is one entry of the bulk send: <see cref="SendResult.Index"/> counts
        /// recipients, message by message (the message's position when each has one recipient). Client ids as for
        /// <see cref="IViberClient.SendAsync(ViberMessage, CancellationToken)"/>.
        /// </remarks>
        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(IAsyncEnumerable<ViberMessage> messages, BulkSendOptions? options, CancellationToken cancellationToken) =>
            BulkSender.Run(BulkRecipients.Each(messages, cancellationToken), options, Plan<BulkRecipient<object>>(
                (item, index) => new BulkEntry<object>(index, item.Recipient, AlphaSmsRules.CheckBulkRecipient(item, Transport, Options)),
                item => item.Recipient, endsMessage: item => item.IsLast), cancellationToken);

        /// <inheritdoc />
        /// <remarks>
        /// The message sets no recipients. Over JSON and XML each recipient's message carries its own client id: the
        /// message's <see cref="ViberMessage.ClientId"/> plus the recipient's index, as on every gateway (so XML
        /// recognises a repeated send of the same list), or one the SDK assigns when the message has none.
        /// </remarks>
        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(ViberMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options, CancellationToken cancellationToken) =>
            BulkRecipients.OneToMany(message, recipients, options, template => AlphaSmsRules.CheckBulkTemplate(template, Transport, Options), (template, content) => Plan<string>(
                (recipient, index) => new BulkEntry<object>(index, recipient, AlphaSmsRules.ForRecipient(template, content, recipient, index, Transport, Options)),
                recipient => recipient ?? ""), cancellationToken);

        /// <summary>A bulk send's plan: requests of up to 500 messages over JSON and XML, one message per request over HTTP.</summary>
        private BulkPlan<TInput, object> Plan<TInput>(Func<TInput, long, BulkEntry<object>> prepare, Func<TInput, string> recipientOf, Func<TInput, bool>? endsMessage = null) =>
            new(Gateway.AlphaSms, Transport == AlphaSmsTransport.Http ? 1 : MessagesPerRequest,
                Transport == AlphaSmsTransport.Http ? 1 : BulkSender.MaxRecipientsPerRequestLimit, prepare, recipientOf,
                async (entries, request, cancellationToken) =>
                {
                    var results = await SendRequestAsync(entries, cancellationToken).ConfigureAwait(false);
                    foreach (var result in results)
                    {
                        result.Request = request;
                    }

                    return results;
                })
            {
                ReferenceOf = entry => AlphaSmsMapping.ReferenceOf(entry.Recipient, AlphaSmsMapping.ClientIdOf(entry.Item), null),
                EndsMessage = endsMessage,
            };
    }
}
