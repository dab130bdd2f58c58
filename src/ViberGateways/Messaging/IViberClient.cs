using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways
{
    /// <summary>
    /// Sends Viber messages through one gateway and follows them up, in the same terms for every gateway and
    /// transport. Create one with <see cref="ViberClientFactory"/> or register it with
    /// <c>services.AddViberGateways(configuration)</c>; send through several gateways with <see cref="ViberRouter"/>.
    /// </summary>
    public interface IViberClient
    {
        /// <summary>The gateway this client sends through.</summary>
        Gateway Gateway { get; }

        /// <summary>
        /// Sends one message to its recipients. Every recipient gets one result, in the order given: accepted (with a
        /// <see cref="MessageReference"/> to ask the status with), rejected, not sent or unknown. A gateway failure is
        /// reported in the results, never thrown.
        /// </summary>
        /// <param name="message">The message.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>One result per recipient.</returns>
        /// <exception cref="RequestValidationException">The message is invalid or the gateway cannot carry it; nothing was sent.</exception>
        Task<IReadOnlyList<SendResult>> SendAsync(ViberMessage message, CancellationToken cancellationToken = default);

        /// <summary>
        /// Sends several messages, in as few requests as the gateway allows. Every recipient of every message gets
        /// one result, message by message in the order given (<see cref="SendResult.Index"/> counts them).
        /// </summary>
        /// <param name="messages">The messages (at least one).</param>
        /// <param name="cancellationToken">
        /// Cancels the call with an <see cref="System.OperationCanceledException"/>. Where the gateway takes one message per
        /// request (LiveAll, SMS.by), the messages sent before the cancellation then have no result; to keep a result
        /// for every recipient whenever the send is stopped, use <see cref="SendBulkAsync(IAsyncEnumerable{ViberMessage}, BulkSendOptions, CancellationToken)"/>.
        /// </param>
        /// <returns>One result per recipient.</returns>
        /// <exception cref="RequestValidationException">A message is invalid or the gateway cannot carry it; nothing was sent.</exception>
        Task<IReadOnlyList<SendResult>> SendAsync(IEnumerable<ViberMessage> messages, CancellationToken cancellationToken = default);

        /// <summary>
        /// Sends messages read lazily from <paramref name="messages"/>, however many there are, in requests as large
        /// as the gateway takes, several at once. A message may name several recipients, as for
        /// <see cref="SendAsync(ViberMessage, CancellationToken)"/>, on every gateway. An invalid message gets a rejected
        /// result for each of its recipients, naming the field (a bad recipient only its own:
        /// <c>messages[2].Recipients[1]</c>); the others are sent.
        /// </summary>
        /// <param name="messages">The messages.</param>
        /// <param name="options">Request size, concurrency, pacing and progress; optional.</param>
        /// <param name="cancellationToken">Stops the send: see <see cref="BulkSendCanceledException"/>.</param>
        /// <returns>
        /// One result per recipient, as requests complete. <see cref="SendResult.Index"/> counts recipients, message by
        /// message, as <see cref="SendAsync(IEnumerable{ViberMessage}, CancellationToken)"/> numbers them (the message's
        /// position when each has one recipient); each recipient's client id is <see cref="ViberMessage.ClientId"/> plus
        /// its position in the message.
        /// </returns>
        /// <exception cref="RequestValidationException">The options are invalid; nothing was read or sent.</exception>
        /// <exception cref="BulkSendCanceledException">Ends the results when the send was cancelled.</exception>
        /// <exception cref="BulkSendStoppedException">Ends the results when the gateway refused a whole request or stayed unavailable.</exception>
        IAsyncEnumerable<SendResult> SendBulkAsync(IAsyncEnumerable<ViberMessage> messages, BulkSendOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>Sends one message to every recipient read lazily from <paramref name="recipients"/>, as the other overload does.</summary>
        /// <param name="message">
        /// The message, without recipients; checked before anything is sent. When it sets <see cref="ViberMessage.ClientId"/>,
        /// the recipient at index <c>i</c> gets the client id <c>ClientId + i</c> (the AlphaSMS HTTP transport carries no
        /// client id and refuses one).
        /// </param>
        /// <param name="recipients">The recipients' phone numbers; an invalid one gets a rejected result naming it.</param>
        /// <param name="options">Request size, concurrency, pacing and progress; optional.</param>
        /// <param name="cancellationToken">Stops the send: see <see cref="BulkSendCanceledException"/>.</param>
        /// <returns>One result per recipient, as requests complete.</returns>
        /// <exception cref="RequestValidationException">The message or the options are invalid; nothing was read or sent.</exception>
        /// <exception cref="BulkSendCanceledException">Ends the results when the send was cancelled.</exception>
        /// <exception cref="BulkSendStoppedException">Ends the results when the gateway refused a whole request or stayed unavailable.</exception>
        IAsyncEnumerable<SendResult> SendBulkAsync(ViberMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options = null, CancellationToken cancellationToken = default);

        /// <summary>
        /// Reads the delivery status of messages sent through this gateway, in as few requests as the gateway allows.
        /// Every reference gets one status, in the order given; one the gateway does not report on is
        /// <see cref="DeliveryState.Unknown"/> with <see cref="DeliveryStatus.Error"/> saying why.
        /// </summary>
        /// <param name="references">References returned by a send (or parsed back with <see cref="MessageReference.Parse"/>).</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>One status per reference.</returns>
        /// <exception cref="RequestValidationException">A reference belongs to another gateway or carries no id this gateway can look up.</exception>
        /// <exception cref="GatewayException">The gateway refused the query or could not be reached.</exception>
        Task<IReadOnlyList<DeliveryStatus>> GetStatusAsync(IEnumerable<MessageReference> references, CancellationToken cancellationToken = default);

        /// <summary>Reads the account balance.</summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The balance.</returns>
        /// <exception cref="GatewayException">The gateway refused the query or could not be reached.</exception>
        Task<AccountBalance> GetBalanceAsync(CancellationToken cancellationToken = default);

        /// <summary>
        /// Lists the sender ids the account may send with, where the gateway documents such a list (SMS.by
        /// <c>getAlphanames</c>); an empty list elsewhere, where senders are names written in the message.
        /// </summary>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The senders.</returns>
        /// <exception cref="GatewayException">The gateway refused the query or could not be reached.</exception>
        Task<IReadOnlyList<SenderInfo>> GetSendersAsync(CancellationToken cancellationToken = default);
    }
}
