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
        /// <inheritdoc />
        /// <remarks>
        /// Each recipient is one entry of the bulk send, as on every gateway (<see cref="SendResult.Index"/> counts
        /// recipients, message by message; client ids as for one message). A message goes out as its single send
        /// would (so the sender id it needs is the same): to one recipient as a quick message, to several as one mailing
        /// per request of up to <see cref="BulkSendOptions.MaxRecipientsPerRequest"/> of them (1000 unless set); no
        /// request mixes two messages.
        /// </remarks>
        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(IAsyncEnumerable<ViberMessage> messages, BulkSendOptions? options, CancellationToken cancellationToken) =>
            BulkRecipients.Personalised(Gateway.SmsBy, messages, options, CheckBulkMessage, static message => message.Violations, async (entries, request, cancellation) =>
            {
                // A request carries one content: a mailing to some of one message's recipients, or a quick message to its one.
                var (message, (mailing, senderId, _)) = (entries[0].Item.Message, entries[0].Item.Checked);
                var digits = entries.Select(entry => entry.Item.Digits).ToList();
                object sent = mailing ? SmsByMapping.ToMailing(message, senderId, digits) : SmsByMapping.ToQuickMessage(message, senderId, digits[0]);
                var (gatewayId, mailingId) = await SendAsync(sent, entries.Count, null, cancellation).ConfigureAwait(false);
                return entries.Select(entry => entry.Result(Gateway, SendOutcome.Accepted, request,
                    reference: new MessageReference(Gateway, entry.Item.Digits, entry.Item.ClientId, gatewayId, mailingId))).ToList();
            }, cancellationToken);

        /// <summary>
        /// One mailing per request of up to <see cref="BulkSendOptions.MaxRecipientsPerRequest"/> recipients (1000 unless
        /// set; SMS.by documents no maximum), several at once. Each accepted recipient's reference carries its mailing's
        /// uuid (<see cref="MessageReference.MailingId"/>).
        /// </summary>
        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(ViberMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options, CancellationToken cancellationToken) =>
            // Every request is a mailing, whatever its size: the sender is the mailing's (alphaname_id).
            BulkRecipients.OneToMany(message, recipients, options, template => Check(template, "message", bulk: true), (template, _) =>
            {
                var senderId = SmsByMapping.SenderId(Options, template, "message", mailing: true, new ValidationErrors());
                var token = Options.RequireApiKey();
                return BulkRecipients.OneToManyPlan(Gateway.SmsBy, template, async (entries, request, cancellation) =>
                {
                    var mailing = SmsByMapping.ToMailing(template, senderId, entries.Select(entry => entry.Item).ToList());
                    var uuid = await SendMailingAsync(token, mailing, entries.Count, null, cancellation).ConfigureAwait(false);
                    return entries.Select(entry => entry.Result(Gateway, SendOutcome.Accepted, request,
                        reference: new MessageReference(Gateway, NeutralResults.Digits(entry.Recipient), template.ClientIdOfBulkRecipient(entry.Index), mailingId: uuid))).ToList();
                });
            }, cancellationToken);

        /// <summary>
        /// A personalised bulk send's message, all but its recipients (each is checked as it is read): sent as a mailing
        /// or a quick message as its single send would be, from that kind's sender id.
        /// </summary>
        private (bool Mailing, long? SenderId, IReadOnlyList<ValidationViolation> Violations) CheckBulkMessage(ViberMessage message, string path)
        {
            var errors = new ValidationErrors();
            var mailing = SmsByRules.IsMailing(message);
            var (_, senderId) = Check(message, path, RecipientsFrom.EachAsRead, mailing, new List<string>(), errors);
            return (mailing, senderId, errors.Violations);
        }
    }
}
