using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ViberGateways.Bulk;

namespace ViberGateways.SmsBy
{
    // Bulk sends: one message to many as sendBulkViber `bulk` mailings (one content, a list of phone numbers; the reply
    // names the mailing, not its recipients); personalised messages one per request, each as a send of its own.
    internal partial class SmsByClient
    {
        private const int DefaultRecipientsPerMailing = 1000;

        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(IAsyncEnumerable<ViberMessage> messages, BulkSendOptions? options, CancellationToken cancellationToken)
        {
            _ = messages ?? throw new ArgumentNullException(nameof(messages));

            // Each message has one recipient and goes out as a quick message, one per request: the messages may differ
            // in everything, which one personal mailing (one sender, image and button caption) cannot carry.
            var plan = new BulkPlan<ViberMessage, CheckedMessage<object>>(Gateway.SmsBy, 1, 1,
                (message, index) =>
                {
                    var path = $"messages[{index}]";
                    if (message is null)
                    {
                        throw RequestValidationException.Of(path, "required", "must not be null");
                    }

                    var errors = new ValidationErrors();
                    NeutralResults.OneRecipientWhenPersonalised(message, path, errors);
                    errors.ThrowIfAny();

                    return new BulkEntry<CheckedMessage<object>>(index, message.Recipients?.FirstOrDefault() ?? "", Check(message, path));
                },
                message => message?.Recipients?.FirstOrDefault() ?? "",
                async (entries, request, cancellation) =>
                {
                    var entry = entries[0];
                    var sent = await SendAsync(entry.Item.Message, entry.Item.Digits.Count, null, cancellation).ConfigureAwait(false);
                    return new[]
                    {
                        entry.Result(Gateway, SendOutcome.Accepted, request,
                            reference: new MessageReference(Gateway, NeutralResults.Digits(entry.Recipient), entry.Item.ClientId, sent.GatewayId, sent.MailingId)),
                    };
                })
            {
                // A refusal may concern one message's content: three in a row stop the send.
                StopOnFirstRefusal = false,
            };
            return BulkSender.Run(messages, options, plan, cancellationToken);
        }

        /// <summary>
        /// One mailing per request of up to <see cref="BulkSendOptions.MaxRecipientsPerRequest"/> recipients (1000 unless
        /// set; SMS.by documents no maximum), several at once. Each accepted recipient's reference carries its mailing's
        /// uuid (<see cref="MessageReference.MailingId"/>).
        /// </summary>
        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(ViberMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options, CancellationToken cancellationToken)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));
            _ = recipients ?? throw new ArgumentNullException(nameof(recipients));
            message = message.Snapshot();

            // Every request is a mailing, whatever its size: the sender is the mailing's (alphaname_id).
            Check(message, "message", bulk: true);
            var senderId = SmsByMapping.SenderId(Options, message, "message", mailing: true, new ValidationErrors());
            var token = Options.RequireApiKey();
            var plan = new BulkPlan<string, string>(Gateway.SmsBy, DefaultRecipientsPerMailing, BulkSender.MaxRecipientsPerRequestLimit,
                (recipient, index) => new BulkEntry<string>(index, recipient, RecipientRules.ParseOne(recipient, $"recipients[{index}]").Digits),
                recipient => recipient ?? "",
                async (entries, request, cancellation) =>
                {
                    var mailing = SmsByMapping.ToMailing(message, senderId, entries.Select(entry => entry.Item).ToList());
                    var uuid = await SendMailingAsync(token, mailing, entries.Count, null, cancellation).ConfigureAwait(false);
                    return entries.Select(entry => entry.Result(Gateway, SendOutcome.Accepted, request,
                        reference: new MessageReference(Gateway, NeutralResults.Digits(entry.Recipient), message.ClientIdOfBulkRecipient(entry.Index), mailingId: uuid))).ToList();
                });
            return BulkSender.Run(recipients, options, plan, cancellationToken);
        }
    }
}
