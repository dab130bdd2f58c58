using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ViberGateways.Bulk;

namespace ViberGateways.SmsBy
{
    // Bulk sends: one message to many as sendBulkViber `bulk` mailings (one content, a list of phone numbers; the reply
    // names the mailing, not its recipients); personalised messages each sent as SendAsync(message) sends it — a quick
    // message to one recipient, a mailing to several — the messages may differ in everything, which one personal
    // mailing (one sender, image and button caption) cannot carry.
    internal partial class SmsByClient
    {
        private const int DefaultRecipientsPerMailing = 1000;

        /// <inheritdoc />
        /// <remarks>
        /// Each recipient is one entry of the bulk send, as on every gateway (<see cref="SendResult.Index"/> counts
        /// recipients, message by message; client ids as for one message). A message goes out as its single send
        /// would (so the sender id it needs is the same): to one recipient as a quick message, to several as one mailing
        /// per request of up to <see cref="BulkSendOptions.MaxRecipientsPerRequest"/> of them (1000 unless set); no
        /// request mixes two messages.
        /// </remarks>
        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(IAsyncEnumerable<ViberMessage> messages, BulkSendOptions? options, CancellationToken cancellationToken)
        {
            _ = messages ?? throw new ArgumentNullException(nameof(messages));

            var plan = new BulkPlan<BulkRecipient<BulkMessage>, BulkDestination<BulkMessage>>(Gateway.SmsBy, DefaultRecipientsPerMailing, BulkSender.MaxRecipientsPerRequestLimit,
                (item, index) => new BulkEntry<BulkDestination<BulkMessage>>(index, item.Recipient, item.Check(message => message.Violations)),
                item => item.Recipient,
                async (entries, request, cancellation) =>
                {
                    var message = entries[0].Item.Message;
                    var digits = entries.Select(entry => entry.Item.Digits).ToList();
                    object sent = message.Mailing
                        ? SmsByMapping.ToMailing(message.Message, message.SenderId, digits)
                        : SmsByMapping.ToQuickMessage(message.Message, message.SenderId, digits[0]);
                    var (gatewayId, mailingId) = await SendAsync(sent, entries.Count, null, cancellation).ConfigureAwait(false);
                    return entries.Select(entry => entry.Result(Gateway, SendOutcome.Accepted, request,
                        reference: new MessageReference(Gateway, entry.Item.Digits, entry.Item.ClientId, gatewayId, mailingId))).ToList();
                })
            {
                // A request carries one content: a mailing to some of one message's recipients, or a quick message to its one.
                EndsRequest = item => item.IsLast,

                // A refusal may concern one message's content: three in a row stop the send.
                StopOnFirstRefusal = false,
            };
            return BulkSender.Run(BulkRecipients.Each(messages, CheckBulkMessage, cancellationToken), options, plan, cancellationToken);
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
            BulkSender.CheckMessage(() => Check(message, "message", bulk: true), options);
            var senderId = SmsByMapping.SenderId(Options, message, "message", mailing: true, new ValidationErrors());
            var token = Options.RequireApiKey();
            var plan = new BulkPlan<string, string>(Gateway.SmsBy, DefaultRecipientsPerMailing, BulkSender.MaxRecipientsPerRequestLimit,
                (recipient, index) => BulkRecipients.OfOneToMany(message, recipient, index),
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

        /// <summary>
        /// A personalised bulk send's message, all but its recipients (each is checked as it is read): sent as a mailing
        /// or a quick message as its single send would be, from that kind's sender id.
        /// </summary>
        private BulkMessage CheckBulkMessage(ViberMessage message, string path)
        {
            var errors = new ValidationErrors();
            var mailing = SmsByRules.IsMailing(message);
            var (_, senderId) = Check(message, path, RecipientsFrom.EachAsRead, mailing, new List<string>(), errors);
            return new BulkMessage(message, mailing, senderId, errors.Violations);
        }

        /// <summary>A personalised bulk send's message (the copy read), how it is sent, and its violations, found once for all its recipients.</summary>
        private sealed class BulkMessage(ViberMessage message, bool mailing, long? senderId, IReadOnlyList<ValidationViolation> violations)
        {
            public ViberMessage Message { get; } = message;

            public bool Mailing { get; } = mailing;

            public long? SenderId { get; } = senderId;

            public IReadOnlyList<ValidationViolation> Violations { get; } = violations;
        }
    }
}
