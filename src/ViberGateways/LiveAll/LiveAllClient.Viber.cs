using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;
using ViberGateways.Http;

namespace ViberGateways.LiveAll
{
    // The gateway-neutral API over this gateway's operations:
    //   send     SendIM, one request per message (sender: message.Sender ?? LiveAllOptions.Sender; the SMS fallback's
    //            sender: SmsFallback.Sender ?? LiveAllOptions.SmsSender; price category: LiveAll.LowCostSms).
    //            LiveAll has no lifetime, schedule or client-id field: Lifetime and ScheduledAt are refused, ClientId
    //            is not sent and only comes back in the reference.
    //   status   GetSMSStatus, many smsids per request.
    //   balance  GetAccountBalance (the reference says euros; the reply states no currency, so Currency is null).
    //   senders  none: LiveAll documents no list of senders (a sender is a name written in the message).
    /// <summary>
    /// The LiveAll client (<c>SendIM</c>, <c>GetSMSStatus</c>, <c>GetAccountBalance</c>), generated from
    /// <c>specs/liveall.yaml</c>, with the neutral API mapped onto it.
    /// </summary>
    internal partial class LiveAllClient : IViberClient
    {
        // LiveAll documents no limit on the smsids of one GetSMSStatus request; 500 is our choice, keeping the form
        // (about 6 KB of ids) and the reply well within what any server takes.
        private const int StatusIdsPerRequest = 500;

        /// <inheritdoc />
        public Gateway Gateway => Gateway.LiveAll;

        async Task<IReadOnlyList<SendResult>> IViberClient.SendAsync(ViberMessage message, CancellationToken cancellationToken) =>
            await SendCheckedAsync(LiveAllRules.Check(message ?? throw new ArgumentNullException(nameof(message)), "message", Options), cancellationToken).ConfigureAwait(false);

        Task<IReadOnlyList<SendResult>> IViberClient.SendAsync(IEnumerable<ViberMessage> messages, CancellationToken cancellationToken) =>
            NeutralResults.SendEachAsync(messages, (message, path) => LiveAllRules.Check(message, path, Options), SendCheckedAsync, cancellationToken);

        Task<IReadOnlyList<DeliveryStatus>> IViberClient.GetStatusAsync(IEnumerable<MessageReference> references, CancellationToken cancellationToken) =>
            NeutralResults.StatusesAsync(references, Gateway,
                reference => NeutralResults.NumericGatewayId(reference) is null ? "the reference has no LiveAll smsid (GatewayId): only an accepted send's reference can be asked about" : null,
                AskStatusAsync, cancellationToken);

        private async Task<IReadOnlyList<DeliveryStatus>> AskStatusAsync(List<MessageReference> all, CancellationToken cancellationToken)
        {
            var ids = all.Select(reference => NeutralResults.NumericGatewayId(reference)!.Value).Distinct().ToList();
            var records = new Dictionary<long, (DeliveryState State, string RawStatus, DateTimeOffset? UpdatedAt)>();
            for (var start = 0; start < ids.Count; start += StatusIdsPerRequest)
            {
                foreach (var (smsId, state, rawStatus, updatedAt) in await StatusRecordsAsync(ids.GetRange(start, Math.Min(StatusIdsPerRequest, ids.Count - start)), cancellationToken).ConfigureAwait(false))
                {
                    records[smsId] = (state, rawStatus, updatedAt);
                }
            }

            return all.Select(reference => records.TryGetValue(NeutralResults.NumericGatewayId(reference)!.Value, out var record)
                ? new DeliveryStatus(reference, record.State, record.RawStatus) { UpdatedAt = record.UpdatedAt }
                : NeutralResults.NotReported(reference, $"LiveAll's GetSMSStatus reply has no record for smsid {reference.GatewayId}")).ToList();
        }

        /// <summary>The LiveAll balance. The reference says it is in euros, but the reply states no currency, so <see cref="AccountBalance.Currency"/> is null.</summary>
        async Task<AccountBalance> IViberClient.GetBalanceAsync(CancellationToken cancellationToken) =>
            new AccountBalance(Gateway, await BalanceAsync(cancellationToken).ConfigureAwait(false), null);

        /// <summary>An empty list: LiveAll documents no list of senders (the sender is a name written in the message).</summary>
        Task<IReadOnlyList<SenderInfo>> IViberClient.GetSendersAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<SenderInfo>>(Array.Empty<SenderInfo>());

        /// <summary>One SendIM request for a checked message; a whole-request failure becomes one result per recipient.</summary>
        private async Task<IReadOnlyList<SendResult>> SendCheckedAsync(CheckedMessage<LiveAllSendImRequest> message, CancellationToken cancellationToken)
        {
            var entries = message.Recipients.Select((recipient, i) => new BulkEntry<long?>(i, recipient, message.ClientIds[i])).ToList();
            try
            {
                return await SendRequestAsync(message.Message, entries, entry => entry.Item, 0, message.ClientIds, cancellationToken).ConfigureAwait(false);
            }
            catch (GatewayException failure)
            {
                return NeutralResults.Failed(Gateway, message.Recipients, failure);
            }
        }

        /// <summary>
        /// One SendIM request for the entries, one result each: accepted with a reference holding the destination's
        /// smsid and the client id <paramref name="clientIdOf"/> gives, or unknown where the reply has no smsid for it.
        /// <paramref name="loggedClientIds"/> are logged with the call (SendIM carries no client id).
        /// </summary>
        private async Task<IReadOnlyList<SendResult>> SendRequestAsync<TItem>(LiveAllSendImRequest sendIm, IReadOnlyList<BulkEntry<TItem>> entries,
            Func<BulkEntry<TItem>, long?> clientIdOf, int request, IEnumerable<long?>? loggedClientIds, CancellationToken cancellationToken)
        {
            var ids = MessageIds(sendIm.Destinations, await SubmitAsync(sendIm, loggedClientIds, cancellationToken).ConfigureAwait(false));
            return entries.Select((entry, i) => ids[i] is { } smsId
                ? entry.Result(Gateway, SendOutcome.Accepted, request,
                    reference: new MessageReference(Gateway, sendIm.Destinations[i], clientIdOf(entry), smsId.ToString(CultureInfo.InvariantCulture)))
                : entry.Result(Gateway, SendOutcome.Unknown, request, "LiveAll accepted the request but its reply has no message id for this recipient")).ToList();
        }

        /// <summary>
        /// One SendIM request with the configured API token; <c>success: false</c> becomes a <see cref="GatewayRejectedException"/>.
        /// <paramref name="clientIds"/> are the ids the SDK gave the destinations (SendIM carries none; they are logged).
        /// </summary>
        private async Task<IList<LiveAllDestinationResult>> SubmitAsync(LiveAllSendImRequest request, IEnumerable<long?>? clientIds, CancellationToken cancellationToken)
        {
            request.Apitoken = Options.RequireApiKey();
            using var declared = new RequestDetails(request.Destinations.Count, clientIds: clientIds).Declare();
            var reply = await SendImAsync(request, cancellationToken).ConfigureAwait(false);

            if (!reply.Success)
            {
                var errors = reply.OperationErrors ?? new List<LiveAllOperationError>();
                var first = errors.FirstOrDefault();
                var described = string.Join("; ", errors.Select(e => $"{e.ErrorCode} {e.ErrorMessage}".Trim()));
                throw new GatewayRejectedException($"LiveAll rejected the message: {(described.Length > 0 ? described : "no reason given")}",
                    first?.ErrorCode?.ToString(CultureInfo.InvariantCulture), first?.ErrorMessage, null);
            }

            return reply.Data ?? new List<LiveAllDestinationResult>();
        }

        /// <summary>
        /// The message id of each destination, in order (null where the reply has none). Objects name their
        /// destination (a destination given twice takes its ids in order); bare ids come in the order of the destinations.
        /// </summary>
        private static long?[] MessageIds(IList<string> destinations, IList<LiveAllDestinationResult> data)
        {
            var named = data.Where(item => item?.Destination != null && item.Smsid != null).GroupBy(item => item.Destination!, StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => new Queue<long>(group.Select(item => item.Smsid!.Value)), StringComparer.Ordinal);

            var result = new long?[destinations.Count];
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = named.TryGetValue(destinations[i], out var ids) && ids.Count > 0 ? ids.Dequeue()
                    : i < data.Count && data[i] is { Destination: null } bare ? bare.Smsid
                    : null;
            }

            return result;
        }
    }
}
