using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ViberGateways.Bulk;

namespace ViberGateways.LiveAll
{
    // Bulk sends over SendIM: `destinations` carries one text to many, so a message's recipients are grouped into
    // requests (up to 1000 unless set; LiveAll documents no maximum) — the one message to many as one whole, each
    // personalised message on its own, as SendAsync(message) sends it. SendIM carries one text per request, so no
    // request mixes two messages.
    internal partial class LiveAllClient
    {
        private const int DefaultRecipientsPerRequest = 1000;

        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(ViberMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options, CancellationToken cancellationToken)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));
            _ = recipients ?? throw new ArgumentNullException(nameof(recipients));
            message = message.Snapshot();

            BulkSender.CheckMessage(() => LiveAllRules.CheckBulkTemplate(message, Options), options);
            var plan = new BulkPlan<string, string>(Gateway.LiveAll, DefaultRecipientsPerRequest, BulkSender.MaxRecipientsPerRequestLimit,
                (recipient, index) => BulkRecipients.OfOneToMany(message, recipient, index),
                recipient => recipient ?? "",
                (entries, request, cancellation) => SendRequestAsync(LiveAllMapping.ToSendIm(message, Options, entries.Select(entry => entry.Item).ToList(), apiToken: "-"),
                    entries, entry => message.ClientIdOfBulkRecipient(entry.Index), request, null, cancellation));
            return BulkSender.Run(recipients, options, plan, cancellationToken);
        }

        /// <inheritdoc />
        /// <remarks>
        /// Each recipient is one entry of the bulk send, as on every gateway (<see cref="SendResult.Index"/> counts
        /// recipients, message by message; client ids as for one message). A message's recipients go in one SendIM
        /// request, or several of <see cref="BulkSendOptions.MaxRecipientsPerRequest"/>: its reply gives each
        /// destination its own smsid, so every recipient keeps its own result, and a refused request refuses only them.
        /// </remarks>
        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(IAsyncEnumerable<ViberMessage> messages, BulkSendOptions? options, CancellationToken cancellationToken)
        {
            _ = messages ?? throw new ArgumentNullException(nameof(messages));

            var plan = new BulkPlan<BulkRecipient<BulkMessage>, BulkDestination<BulkMessage>>(Gateway.LiveAll, DefaultRecipientsPerRequest,
                BulkSender.MaxRecipientsPerRequestLimit,
                (item, index) => new BulkEntry<BulkDestination<BulkMessage>>(index, item.Recipient, item.Check(message => message.Violations)),
                item => item.Recipient,
                (entries, request, cancellation) => SendRequestAsync(
                    LiveAllMapping.ToSendIm(entries[0].Item.Message.Message, Options, entries.Select(entry => entry.Item.Digits).ToList(), apiToken: "-"),
                    entries, entry => entry.Item.ClientId, request, null, cancellation))
            {
                // SendIM carries one text: a request never goes beyond its message's last recipient.
                EndsRequest = item => item.IsLast,

                // A refusal may concern one message's content: three in a row stop the send.
                StopOnFirstRefusal = false,
            };
            return BulkSender.Run(BulkRecipients.Each(messages, (message, path) => new BulkMessage(message, LiveAllRules.CheckBulkMessage(message, path, Options)), cancellationToken),
                options, plan, cancellationToken);
        }

        /// <summary>A personalised bulk send's message (the copy read) and its violations, found once for all its recipients.</summary>
        private sealed class BulkMessage(ViberMessage message, IReadOnlyList<ValidationViolation> violations)
        {
            public ViberMessage Message { get; } = message;

            public IReadOnlyList<ValidationViolation> Violations { get; } = violations;
        }
    }
}
