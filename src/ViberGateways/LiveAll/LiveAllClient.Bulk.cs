using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways.LiveAll
{
    internal partial interface ILiveAllClient
    {
        /// <summary>
        /// Sends one message to every recipient of <paramref name="recipients"/>, read lazily however many there are:
        /// SendIM requests of up to <see cref="BulkSendOptions.MaxRecipientsPerRequest"/> destinations (1000 unless
        /// set; LiveAll documents no maximum), several at once. An invalid phone number gets a rejected result naming
        /// it; the others are sent.
        /// </summary>
        /// <exception cref="RequestValidationException">The message or the options are invalid; nothing was read or sent.</exception>
        /// <exception cref="BulkSendCanceledException">Ends the results when the send was cancelled.</exception>
        /// <exception cref="BulkSendStoppedException">Ends the results when LiveAll refused a request or stayed unavailable.</exception>
        IAsyncEnumerable<SendResult> SendBulkAsync(LiveAllMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>
        /// Sends personalised messages, each with exactly one recipient, read lazily however many there are: SendIM
        /// carries one text per request, so each message is its own request, several at once.
        /// </summary>
        /// <exception cref="RequestValidationException">The options are invalid; nothing was read or sent.</exception>
        /// <exception cref="BulkSendCanceledException">Ends the results when the send was cancelled.</exception>
        /// <exception cref="BulkSendStoppedException">Ends the results when LiveAll refused three requests in a row or stayed unavailable.</exception>
        IAsyncEnumerable<SendResult> SendBulkAsync(IAsyncEnumerable<LiveAllMessage> messages, BulkSendOptions? options = null, CancellationToken cancellationToken = default);
    }

    // Bulk sends over SendIM: `destinations` carries one message to many, so only a message to many recipients is
    // grouped into requests.
    internal partial class LiveAllClient
    {
        private const int DefaultRecipientsPerRequest = 1000;

        /// <inheritdoc />
        public virtual IAsyncEnumerable<SendResult> SendBulkAsync(LiveAllMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options = null,
            CancellationToken cancellationToken = default) =>
            SendBulkAsync(message, recipients, options, _ => null, cancellationToken);

        /// <summary>As the public overload; each accepted recipient's reference keeps the client id <paramref name="clientIdOf"/> gives its index.</summary>
        private IAsyncEnumerable<SendResult> SendBulkAsync(LiveAllMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options, Func<long, long?> clientIdOf,
            CancellationToken cancellationToken)
        {
            LiveAllRules.CheckBulkTemplate(message);
            var plan = new BulkPlan<string, string>(Gateway.LiveAll, DefaultRecipientsPerRequest, BulkSender.MaxRecipientsPerRequestLimit,
                (recipient, index) => new BulkEntry<string>(index, recipient, RecipientRules.ParseOne(recipient, $"recipients[{index}]").Digits),
                recipient => recipient ?? "",
                (entries, request, cancellation) => SendRequestAsync(message, entries, digits => digits, entry => clientIdOf(entry.Index), request, cancellation));
            return BulkSender.Run(recipients, options, plan, cancellationToken);
        }

        /// <inheritdoc />
        public virtual IAsyncEnumerable<SendResult> SendBulkAsync(IAsyncEnumerable<LiveAllMessage> messages, BulkSendOptions? options = null,
            CancellationToken cancellationToken = default)
        {
            var plan = new BulkPlan<LiveAllMessage, (LiveAllMessage Message, string Digits)>(Gateway.LiveAll, 1, 1,
                (message, index) =>
                {
                    var digits = LiveAllRules.CheckPersonalised(message, $"messages[{index}]").Digits;
                    return new BulkEntry<(LiveAllMessage, string)>(index, message.Recipients[0], (message, digits));
                },
                message => message?.Recipients?.FirstOrDefault() ?? "",
                (entries, request, cancellation) => SendRequestAsync(entries[0].Item.Message, entries, item => item.Digits, _ => null, request, cancellation))
            {
                // A refusal may concern one message's content: three in a row stop the send.
                StopOnFirstRefusal = false,
            };
            return BulkSender.Run(messages, options, plan, cancellationToken);
        }

        /// <summary>One SendIM request for the entries; an accepted one's reference holds its smsid and the client id <paramref name="clientIdOf"/> gives.</summary>
        private async Task<IReadOnlyList<SendResult>> SendRequestAsync<TItem>(LiveAllMessage message, IReadOnlyList<BulkEntry<TItem>> entries,
            Func<TItem, string> destinationOf, Func<BulkEntry<TItem>, long?> clientIdOf, int request, CancellationToken cancellationToken)
        {
            var destinations = new string[entries.Count];
            for (var i = 0; i < destinations.Length; i++)
            {
                destinations[i] = destinationOf(entries[i].Item);
            }

            var ids = MessageIds(destinations, await SendToAsync(message, destinations, cancellationToken).ConfigureAwait(false));
            var results = new SendResult[entries.Count];
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = ids[i] is { } smsId
                    ? entries[i].Result(Gateway.LiveAll, SendOutcome.Accepted, request, reference: new MessageReference(Gateway.LiveAll,
                        NeutralResults.Digits(entries[i].Recipient), clientIdOf(entries[i]), smsId.ToString(CultureInfo.InvariantCulture)))
                    : entries[i].Result(Gateway.LiveAll, SendOutcome.Unknown, request, "LiveAll accepted the request but its reply has no message id for this recipient");
            }

            return results;
        }
    }
}
