using System.Collections.Generic;
using System.Threading;
using ViberGateways.Bulk;

namespace ViberGateways.SmsBy
{
    /// <summary>
    /// The SMS.by bulk sends for a list, an array or any lazy <see cref="IEnumerable{T}"/> (a database reader, a
    /// file read line by line): items are read one at a time as the send needs them, never copied.
    /// </summary>
    internal static class SmsByBulkExtensions
    {
        /// <summary>Sends one message to many recipients as SMS.by bulk mailings; see <see cref="ISmsByClient.SendBulkAsync(SmsByMessage, IAsyncEnumerable{string}, BulkSendOptions?, CancellationToken)"/>.</summary>
        public static IAsyncEnumerable<SendResult> SendBulkAsync(this ISmsByClient client, SmsByMessage message, IEnumerable<string> recipients,
            BulkSendOptions? options = null, CancellationToken cancellationToken = default) =>
            client.SendBulkAsync(message, new SynchronousInput<string>(recipients, nameof(recipients)), options, cancellationToken);

        /// <summary>Sends each recipient its own text as SMS.by personal mailings; see <see cref="ISmsByClient.SendBulkAsync(SmsByMessage, IAsyncEnumerable{SmsByPersonalRecipient}, BulkSendOptions?, CancellationToken)"/>.</summary>
        public static IAsyncEnumerable<SendResult> SendBulkAsync(this ISmsByClient client, SmsByMessage message, IEnumerable<SmsByPersonalRecipient> recipients,
            BulkSendOptions? options = null, CancellationToken cancellationToken = default) =>
            client.SendBulkAsync(message, new SynchronousInput<SmsByPersonalRecipient>(recipients, nameof(recipients)), options, cancellationToken);
    }
}
