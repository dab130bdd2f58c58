using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways.SmsBy
{
    internal partial interface ISmsByClient
    {
        /// <summary>
        /// Sends one message to every recipient of <paramref name="recipients"/>, read lazily however many there are,
        /// as <c>bulk</c> mailings (sendBulkViber): one mailing per request of up to
        /// <see cref="BulkSendOptions.MaxRecipientsPerRequest"/> recipients (1000 unless set; SMS.by documents no
        /// maximum), several at once. Each accepted recipient's result carries its mailing's uuid
        /// (<see cref="MessageReference.MailingId"/>) for <see cref="StatusBulkViberAsync"/>.
        /// </summary>
        /// <exception cref="RequestValidationException">The message or the options are invalid; nothing was read or sent.</exception>
        /// <exception cref="BulkSendCanceledException">Ends the results when the send was cancelled.</exception>
        /// <exception cref="BulkSendStoppedException">Ends the results when SMS.by refused a mailing or stayed unavailable.</exception>
        IAsyncEnumerable<SendResult> SendBulkAsync(SmsByMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>
        /// Sends each recipient its own text as <c>personal</c> mailings (sendBulkViber), read lazily however many there
        /// are, in requests of up to <see cref="BulkSendOptions.MaxRecipientsPerRequest"/> recipients (1000 unless set).
        /// The message gives the sender, the mailing's name and schedule, and a button's caption (with the image above
        /// it); each recipient gives the text and, optionally, the button's link.
        /// </summary>
        /// <exception cref="RequestValidationException">The message or the options are invalid; nothing was read or sent.</exception>
        /// <exception cref="BulkSendCanceledException">Ends the results when the send was cancelled.</exception>
        /// <exception cref="BulkSendStoppedException">Ends the results when SMS.by refused three mailings in a row or stayed unavailable.</exception>
        IAsyncEnumerable<SendResult> SendBulkAsync(SmsByMessage message, IAsyncEnumerable<SmsByPersonalRecipient> recipients, BulkSendOptions? options = null,
            CancellationToken cancellationToken = default);
    }

    // Bulk sends over sendBulkViber: each request is one mailing, `bulk` (one content, a list of phone numbers) or
    // `personal` (each phone number its own text). The reply names the mailing, not its recipients.
    internal partial class SmsByClient
    {
        private const int DefaultRecipientsPerMailing = 1000;

        /// <inheritdoc />
        public virtual IAsyncEnumerable<SendResult> SendBulkAsync(SmsByMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options = null,
            CancellationToken cancellationToken = default) =>
            SendBulkAsync(message, recipients, options, _ => null, cancellationToken);

        /// <summary>As the public overload; each accepted recipient's reference keeps the client id <paramref name="clientIdOf"/> gives its index.</summary>
        private IAsyncEnumerable<SendResult> SendBulkAsync(SmsByMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options, Func<long, long?> clientIdOf,
            CancellationToken cancellationToken)
        {
            SmsByRules.CheckBulkTemplate(message, personal: false);
            var token = Options.RequireApiKey();
            var plan = new BulkPlan<string, string>(Gateway.SmsBy, DefaultRecipientsPerMailing, BulkSender.MaxRecipientsPerRequestLimit,
                (recipient, index) => new BulkEntry<string>(index, recipient, RecipientRules.ParseOne(recipient, $"recipients[{index}]").Digits),
                recipient => recipient ?? "",
                (entries, request, cancellation) => SendMailingAsync(token, entries, digits => SmsByMapping.ToSameMessageMailing(message, digits), clientIdOf, request, cancellation));
            return BulkSender.Run(recipients, options, plan, cancellationToken);
        }

        /// <inheritdoc />
        public virtual IAsyncEnumerable<SendResult> SendBulkAsync(SmsByMessage message, IAsyncEnumerable<SmsByPersonalRecipient> recipients, BulkSendOptions? options = null,
            CancellationToken cancellationToken = default)
        {
            SmsByRules.CheckBulkTemplate(message, personal: true);
            var token = Options.RequireApiKey();
            var plan = new BulkPlan<SmsByPersonalRecipient, SmsByPersonalDelivery>(Gateway.SmsBy, DefaultRecipientsPerMailing, BulkSender.MaxRecipientsPerRequestLimit,
                (recipient, index) => new BulkEntry<SmsByPersonalDelivery>(index, recipient?.Phone ?? "", SmsByRules.PersonalDelivery(message, recipient, $"recipients[{index}]")),
                recipient => recipient?.Phone ?? "",
                (entries, request, cancellation) => SendMailingAsync(token, entries, deliveries => SmsByMapping.ToPersonalMailing(message, deliveries), _ => null, request, cancellation))
            {
                // A refused personal mailing may be about one recipient's text: three in a row stop the send.
                StopOnFirstRefusal = false,
            };
            return BulkSender.Run(recipients, options, plan, cancellationToken);
        }

        private async Task<IReadOnlyList<SendResult>> SendMailingAsync<TItem>(string token, IReadOnlyList<BulkEntry<TItem>> entries,
            Func<List<TItem>, SmsByBulkViberMailing> mailingOf, Func<long, long?> clientIdOf, int request, CancellationToken cancellationToken)
        {
            var items = new List<TItem>(entries.Count);
            foreach (var entry in entries)
            {
                items.Add(entry.Item);
            }

            var uuid = await SendMailingAsync(token, mailingOf(items), entries.Count, cancellationToken).ConfigureAwait(false);
            var results = new SendResult[entries.Count];
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = entries[i].Result(Gateway.SmsBy, SendOutcome.Accepted, request,
                    reference: new MessageReference(Gateway.SmsBy, NeutralResults.Digits(entries[i].Recipient), clientIdOf(entries[i].Index), mailingId: uuid));
            }

            return results;
        }
    }
}
