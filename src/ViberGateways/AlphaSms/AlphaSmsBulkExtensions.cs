using System.Collections.Generic;
using System.Threading;
using ViberGateways.Bulk;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// The AlphaSMS bulk sends for a list, an array or any lazy <see cref="IEnumerable{T}"/> (a database reader, a
    /// file read line by line): items are read one at a time as the send needs them, never copied.
    /// </summary>
    internal static class AlphaSmsBulkExtensions
    {
        /// <summary>Sends personalised messages through AlphaSMS; see <see cref="IAlphaSmsClient.SendBulkAsync(IAsyncEnumerable{AlphaSmsMessage}, BulkSendOptions?, CancellationToken)"/>.</summary>
        public static IAsyncEnumerable<SendResult> SendBulkAsync(this IAlphaSmsClient client, IEnumerable<AlphaSmsMessage> messages, BulkSendOptions? options = null,
            CancellationToken cancellationToken = default) =>
            client.SendBulkAsync(new SynchronousInput<AlphaSmsMessage>(messages, nameof(messages)), options, cancellationToken);

        /// <summary>Sends one message to many recipients through AlphaSMS; see <see cref="IAlphaSmsClient.SendBulkAsync(AlphaSmsMessage, IAsyncEnumerable{string}, BulkSendOptions?, CancellationToken)"/>.</summary>
        public static IAsyncEnumerable<SendResult> SendBulkAsync(this IAlphaSmsClient client, AlphaSmsMessage message, IEnumerable<string> recipients,
            BulkSendOptions? options = null, CancellationToken cancellationToken = default) =>
            client.SendBulkAsync(message, new SynchronousInput<string>(recipients, nameof(recipients)), options, cancellationToken);
    }
}
