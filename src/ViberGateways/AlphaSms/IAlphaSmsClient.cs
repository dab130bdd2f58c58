using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// Sends Viber messages through AlphaSMS and follows them up, over whichever transport the client speaks
    /// (<see cref="AlphaSmsJsonClient"/>, <see cref="AlphaSmsXmlClient"/> or <see cref="AlphaSmsHttpClient"/>).
    /// Create one with <see cref="AlphaSmsClientFactory"/> to pick the transport from <see cref="AlphaSmsOptions.Transport"/>.
    /// </summary>
    internal interface IAlphaSmsClient
    {
        /// <summary>The transport this client speaks.</summary>
        AlphaSmsTransport Transport { get; }

        /// <summary>Sends one message.</summary>
        /// <exception cref="RequestValidationException">The message is invalid or the transport cannot carry it; nothing was sent.</exception>
        /// <exception cref="GatewayException">The gateway rejected the request or the message, or its reply could not be read.</exception>
        Task<AlphaSmsSendResult> SendAsync(AlphaSmsMessage message, CancellationToken cancellationToken = default);

        /// <summary>
        /// Sends several messages: in one request over JSON and XML, one request per message over HTTP. A message
        /// the gateway rejects does not fail the others: every message gets a result, in the order given.
        /// </summary>
        /// <exception cref="RequestValidationException">A message is invalid or the transport cannot carry it; nothing was sent.</exception>
        /// <exception cref="GatewayException">The gateway rejected the whole request (for example a wrong key), or its reply could not be read.</exception>
        Task<IReadOnlyList<AlphaSmsSendResult>> SendBatchAsync(IEnumerable<AlphaSmsMessage> messages, CancellationToken cancellationToken = default);

        /// <summary>
        /// Sends personalised messages, read lazily from <paramref name="messages"/> however many there are, in
        /// requests of up to <see cref="BulkSendOptions.MaxRecipientsPerRequest"/> messages (JSON and XML; 500 unless
        /// set) or one per message (HTTP), several at once. Each message is checked on its own: an invalid one gets a
        /// rejected result naming the field, the others are sent. Over JSON and XML every message carries a client id
        /// (assigned when it has none), so a repeated request cannot send twice and an unknown outcome can be checked
        /// with <see cref="GetStatusAsync"/>.
        /// </summary>
        /// <exception cref="RequestValidationException">The options are invalid; nothing was read or sent.</exception>
        /// <exception cref="BulkSendCanceledException">Ends the results when the send was cancelled.</exception>
        /// <exception cref="BulkSendStoppedException">Ends the results when the gateway refused a whole request or stayed unavailable.</exception>
        IAsyncEnumerable<SendResult> SendBulkAsync(IAsyncEnumerable<AlphaSmsMessage> messages, BulkSendOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>
        /// Sends one message to every recipient of <paramref name="recipients"/>, read lazily however many there are,
        /// as <see cref="SendBulkAsync(IAsyncEnumerable{AlphaSmsMessage}, BulkSendOptions?, CancellationToken)"/> does.
        /// </summary>
        /// <exception cref="RequestValidationException">The message or the options are invalid; nothing was read or sent.</exception>
        /// <exception cref="BulkSendCanceledException">Ends the results when the send was cancelled.</exception>
        /// <exception cref="BulkSendStoppedException">Ends the results when the gateway refused a whole request or stayed unavailable.</exception>
        IAsyncEnumerable<SendResult> SendBulkAsync(AlphaSmsMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>Reads the delivery status of a sent message.</summary>
        Task<AlphaSmsMessageStatus> GetStatusAsync(AlphaSmsMessageId messageId, CancellationToken cancellationToken = default);

        /// <summary>Reads the account balance.</summary>
        Task<AlphaSmsBalance> GetBalanceAsync(CancellationToken cancellationToken = default);
    }
}
