using System.Collections.Generic;
using System.Threading;
using ViberGateways.Bulk;

namespace ViberGateways.LiveAll
{
    /// <summary>
    /// The LiveAll bulk sends for a list, an array or any lazy <see cref="IEnumerable{T}"/> (a database reader, a
    /// file read line by line): items are read one at a time as the send needs them, never copied.
    /// </summary>
    internal static class LiveAllBulkExtensions
    {
        /// <summary>Sends one message to many recipients through LiveAll; see <see cref="ILiveAllClient.SendBulkAsync(LiveAllMessage, IAsyncEnumerable{string}, BulkSendOptions?, CancellationToken)"/>.</summary>
        public static IAsyncEnumerable<SendResult> SendBulkAsync(this ILiveAllClient client, LiveAllMessage message, IEnumerable<string> recipients,
            BulkSendOptions? options = null, CancellationToken cancellationToken = default) =>
            client.SendBulkAsync(message, new SynchronousInput<string>(recipients, nameof(recipients)), options, cancellationToken);

        /// <summary>Sends personalised messages through LiveAll; see <see cref="ILiveAllClient.SendBulkAsync(IAsyncEnumerable{LiveAllMessage}, BulkSendOptions?, CancellationToken)"/>.</summary>
        public static IAsyncEnumerable<SendResult> SendBulkAsync(this ILiveAllClient client, IEnumerable<LiveAllMessage> messages, BulkSendOptions? options = null,
            CancellationToken cancellationToken = default) =>
            client.SendBulkAsync(new SynchronousInput<LiveAllMessage>(messages, nameof(messages)), options, cancellationToken);
    }
}
