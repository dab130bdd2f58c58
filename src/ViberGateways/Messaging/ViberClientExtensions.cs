using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways
{
    /// <summary>Conveniences over <see cref="IViberClient"/>.</summary>
    public static class ViberClientExtensions
    {
        /// <summary>Reads the delivery status of one message.</summary>
        /// <param name="client">The client of the gateway that took the message.</param>
        /// <param name="reference">The reference a send returned.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The status.</returns>
        public static async Task<DeliveryStatus> GetStatusAsync(this IViberClient client, MessageReference reference, CancellationToken cancellationToken = default)
        {
            _ = client ?? throw new ArgumentNullException(nameof(client));
            _ = reference ?? throw new ArgumentNullException(nameof(reference));
            var statuses = await client.GetStatusAsync(new[] { reference }, cancellationToken).ConfigureAwait(false);
            return statuses[0];
        }

        /// <summary>Sends one message to every recipient of a list or a lazy sequence (a file read line by line), read as the send goes.</summary>
        /// <param name="client">The gateway client.</param>
        /// <param name="message">The message, without recipients.</param>
        /// <param name="recipients">The recipients' phone numbers.</param>
        /// <param name="options">Request size, concurrency, pacing and progress; optional.</param>
        /// <param name="cancellationToken">Stops the send.</param>
        /// <returns>One result per recipient, as requests complete.</returns>
        public static IAsyncEnumerable<SendResult> SendBulkAsync(this IViberClient client, ViberMessage message, IEnumerable<string> recipients,
            BulkSendOptions? options = null, CancellationToken cancellationToken = default) =>
            (client ?? throw new ArgumentNullException(nameof(client))).SendBulkAsync(message, new SynchronousInput<string>(recipients, nameof(recipients)), options, cancellationToken);

        /// <summary>Sends personalised messages from a list or a lazy sequence, read as the send goes.</summary>
        /// <param name="client">The gateway client.</param>
        /// <param name="messages">The messages.</param>
        /// <param name="options">Request size, concurrency, pacing and progress; optional.</param>
        /// <param name="cancellationToken">Stops the send.</param>
        /// <returns>One result per recipient, as requests complete.</returns>
        public static IAsyncEnumerable<SendResult> SendBulkAsync(this IViberClient client, IEnumerable<ViberMessage> messages,
            BulkSendOptions? options = null, CancellationToken cancellationToken = default) =>
            (client ?? throw new ArgumentNullException(nameof(client))).SendBulkAsync(new SynchronousInput<ViberMessage>(messages, nameof(messages)), options, cancellationToken);

        /// <summary>
        /// Follows messages until each reaches a final status (<see cref="DeliveryStatus.IsFinal"/>): polls in rounds
        /// with exponential backoff, each round asking for every message still open in as few requests as the gateway
        /// allows, and yields each status as it becomes final. A round the gateway could not answer (unavailable, or
        /// no usable reply) is retried at the next one. A reference with no id the gateway can ask with is yielded at
        /// once, <see cref="DeliveryState.Unknown"/> with the reason. After <see cref="StatusPollingOptions.GiveUpAfter"/>
        /// the messages still open are yielded with their last status.
        /// </summary>
        /// <param name="client">The client of the gateway that took the messages.</param>
        /// <param name="references">The references the sends returned.</param>
        /// <param name="options">Backoff and give-up time; optional.</param>
        /// <param name="cancellationToken">Stops following.</param>
        /// <returns>One status per distinct reference, as each becomes final.</returns>
        /// <exception cref="RequestValidationException">
        /// The options are invalid, or a reference is null or belongs to another gateway; thrown by this call, before anything is enumerated.
        /// </exception>
        /// <exception cref="GatewayRejectedException">The gateway refused a status query (for example a wrong key); ends the enumeration.</exception>
        public static IAsyncEnumerable<DeliveryStatus> FollowStatusAsync(this IViberClient client, IEnumerable<MessageReference> references,
            StatusPollingOptions? options = null, CancellationToken cancellationToken = default)
        {
            _ = client ?? throw new ArgumentNullException(nameof(client));
            return StatusFollower.Follow(async (open, token) => await client.GetStatusAsync(open, token).ConfigureAwait(false), references,
                reference => reference.Gateway == client.Gateway ? null : ("gateway", $"was sent through {reference.Gateway}, not {client.Gateway}"),
                options, cancellationToken);
        }
    }
}
