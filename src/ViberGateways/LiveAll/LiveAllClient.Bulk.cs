using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ViberGateways.Bulk;

namespace ViberGateways.LiveAll
{
    // Bulk sends over SendIM: `destinations` carries one message to many, so only a message to many recipients is
    // grouped into requests (up to 1000 unless set; LiveAll documents no maximum). SendIM carries one text per
    // request, so each personalised message is its own request.
    internal partial class LiveAllClient
    {
        private const int DefaultRecipientsPerRequest = 1000;

        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(ViberMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options, CancellationToken cancellationToken)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));
            _ = recipients ?? throw new ArgumentNullException(nameof(recipients));
            message = message.Snapshot();

            LiveAllRules.CheckBulkTemplate(message, Options);
            var plan = new BulkPlan<string, string>(Gateway.LiveAll, DefaultRecipientsPerRequest, BulkSender.MaxRecipientsPerRequestLimit,
                (recipient, index) => new BulkEntry<string>(index, recipient, RecipientRules.ParseOne(recipient, $"recipients[{index}]").Digits),
                recipient => recipient ?? "",
                (entries, request, cancellation) => SendRequestAsync(LiveAllMapping.ToSendIm(message, Options, entries.Select(entry => entry.Item).ToList(), apiToken: "-"),
                    entries, entry => message.ClientIdOfBulkRecipient(entry.Index), request, null, cancellation));
            return BulkSender.Run(recipients, options, plan, cancellationToken);
        }

        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(IAsyncEnumerable<ViberMessage> messages, BulkSendOptions? options, CancellationToken cancellationToken)
        {
            _ = messages ?? throw new ArgumentNullException(nameof(messages));

            var plan = new BulkPlan<ViberMessage, CheckedMessage<LiveAllSendImRequest>>(Gateway.LiveAll, 1, 1,
                (message, index) =>
                {
                    var personalised = LiveAllRules.Check(message, $"messages[{index}]", Options, personalised: true);
                    return new BulkEntry<CheckedMessage<LiveAllSendImRequest>>(index, message.Recipients[0], personalised);
                },
                message => message?.Recipients?.FirstOrDefault() ?? "",
                (entries, request, cancellation) => SendRequestAsync(entries[0].Item.Message, entries, entry => entry.Item.ClientId, request, null, cancellation))
            {
                // A refusal may concern one message's content: three in a row stop the send.
                StopOnFirstRefusal = false,
            };
            return BulkSender.Run(messages, options, plan, cancellationToken);
        }
    }
}
