using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways.LiveAll
{
    // The gateway-neutral API over this gateway's operations.
    internal partial class LiveAllClient : IViberClient
    {
        /// <inheritdoc />
        public Gateway Gateway => Gateway.LiveAll;

        Task<IReadOnlyList<SendResult>> IViberClient.SendAsync(ViberMessage message, CancellationToken cancellationToken) => throw new NotImplementedException();

        Task<IReadOnlyList<SendResult>> IViberClient.SendAsync(IEnumerable<ViberMessage> messages, CancellationToken cancellationToken) => throw new NotImplementedException();

        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(IAsyncEnumerable<ViberMessage> messages, BulkSendOptions? options, CancellationToken cancellationToken) => throw new NotImplementedException();

        IAsyncEnumerable<SendResult> IViberClient.SendBulkAsync(ViberMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options, CancellationToken cancellationToken) => throw new NotImplementedException();

        Task<IReadOnlyList<DeliveryStatus>> IViberClient.GetStatusAsync(IEnumerable<MessageReference> references, CancellationToken cancellationToken) => throw new NotImplementedException();

        Task<AccountBalance> IViberClient.GetBalanceAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

        Task<IReadOnlyList<SenderInfo>> IViberClient.GetSendersAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
    }
}
