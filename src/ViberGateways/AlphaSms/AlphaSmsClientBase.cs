using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// Base of the three AlphaSMS transport clients (generated from <c>specs/alphasms-json.yaml</c>,
    /// <c>alphasms-xml.yaml</c> and <c>alphasms-http.yaml</c>): the one message model, checked for the transport, then
    /// sent by the transport's generated operation.
    /// </summary>
    internal abstract partial class AlphaSmsClientBase : GatewayClientBase<AlphaSmsOptions>, IAlphaSmsClient
    {
        private protected AlphaSmsClientBase(AlphaSmsOptions options)
            : base(options)
        {
        }

        /// <inheritdoc />
        public abstract AlphaSmsTransport Transport { get; }

        /// <inheritdoc />
        public async Task<AlphaSmsSendResult> SendAsync(AlphaSmsMessage message, CancellationToken cancellationToken = default) =>
            AlphaSmsSendResults.Single(await SendCheckedAsync(AlphaSmsRules.Check(new[] { message }, Transport, "message"), cancellationToken).ConfigureAwait(false));

        /// <inheritdoc />
        public Task<IReadOnlyList<AlphaSmsSendResult>> SendBatchAsync(IEnumerable<AlphaSmsMessage> messages, CancellationToken cancellationToken = default) =>
            SendCheckedAsync(AlphaSmsRules.Check(messages, Transport, "messages"), cancellationToken);

        /// <inheritdoc />
        public IAsyncEnumerable<SendResult> SendBulkAsync(IAsyncEnumerable<AlphaSmsMessage> messages, BulkSendOptions? options = null, CancellationToken cancellationToken = default) =>
            AlphaSmsBulk.Messages(messages, options, Transport, SendCheckedAsync, cancellationToken);

        /// <inheritdoc />
        public IAsyncEnumerable<SendResult> SendBulkAsync(AlphaSmsMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options = null, CancellationToken cancellationToken = default) =>
            AlphaSmsBulk.ToRecipients(message, recipients, options, Transport, SendCheckedAsync, cancellationToken);

        /// <inheritdoc />
        public async Task<AlphaSmsMessageStatus> GetStatusAsync(AlphaSmsMessageId messageId, CancellationToken cancellationToken = default)
        {
            if (!(messageId.IsClientId ? AsksStatusByClientId : AsksStatusByGatewayId))
            {
                throw AlphaSmsSendResults.NotCarried(nameof(messageId), OtherStatusIdAdvice);
            }

            return (await ReadStatusesAsync(new[] { messageId }, cancellationToken).ConfigureAwait(false))[0].OrThrow();
        }

        /// <inheritdoc />
        public abstract Task<AlphaSmsBalance> GetBalanceAsync(CancellationToken cancellationToken = default);

        /// <summary>Why this transport cannot ask the status by the other kind of id, and what to use instead.</summary>
        private protected virtual string OtherStatusIdAdvice => "";

        /// <summary>Sends checked messages in as few requests as the transport allows; one result per message.</summary>
        private protected abstract Task<IReadOnlyList<AlphaSmsSendResult>> SendCheckedAsync(IReadOnlyList<CheckedAlphaSmsMessage> messages, CancellationToken cancellationToken);
    }
}
