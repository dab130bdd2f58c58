using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// Sends Viber messages through AlphaSMS and follows them up, over whichever transport the client speaks
    /// (<see cref="AlphaSmsJsonClient"/>, <see cref="AlphaSmsXmlClient"/> or <see cref="AlphaSmsHttpClient"/>).
    /// Create one with <see cref="AlphaSmsClientFactory"/> to pick the transport from <see cref="AlphaSmsOptions.Transport"/>.
    /// </summary>
    public interface IAlphaSmsClient
    {
        /// <summary>The transport this client speaks.</summary>
        AlphaSmsTransport Transport { get; }

        /// <summary>Sends one message.</summary>
        /// <param name="message">The message.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The accepted message's ids.</returns>
        /// <exception cref="RequestValidationException">The message is invalid or the transport cannot carry it; nothing was sent.</exception>
        /// <exception cref="GatewayException">The gateway rejected the request or the message, or its reply could not be read.</exception>
        Task<AlphaSmsSendResult> SendAsync(AlphaSmsMessage message, CancellationToken cancellationToken = default);

        /// <summary>
        /// Sends several messages: in one request over JSON and XML, one request per message over HTTP. A message
        /// the gateway rejects does not fail the others: every message gets a result, in the order given.
        /// </summary>
        /// <param name="messages">The messages (at least one).</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>One result per message.</returns>
        /// <exception cref="RequestValidationException">A message is invalid or the transport cannot carry it; nothing was sent.</exception>
        /// <exception cref="GatewayException">The gateway rejected the whole request (for example a wrong key), or its reply could not be read.</exception>
        Task<IReadOnlyList<AlphaSmsSendResult>> SendBatchAsync(IEnumerable<AlphaSmsMessage> messages, CancellationToken cancellationToken = default);

        /// <summary>Reads the delivery status of a sent message.</summary>
        /// <param name="messageId">The message: by client id (JSON, XML) or gateway id (XML, HTTP).</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The status.</returns>
        Task<AlphaSmsMessageStatus> GetStatusAsync(AlphaSmsMessageId messageId, CancellationToken cancellationToken = default);

        /// <summary>Reads the account balance.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The balance.</returns>
        Task<AlphaSmsBalance> GetBalanceAsync(CancellationToken cancellationToken = default);
    }
}
