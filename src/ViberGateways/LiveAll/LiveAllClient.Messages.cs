using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Http;

namespace ViberGateways.LiveAll
{
    internal partial interface ILiveAllClient
    {
        /// <summary>Sends one Viber message to its recipients through SendIM, after checking it against LiveAll's documented limits.</summary>
        Task<IReadOnlyList<LiveAllSendResult>> SendAsync(LiveAllMessage message, CancellationToken cancellationToken = default);
    }

    /// <summary>
    /// The LiveAll client (<c>SendIM</c>, <c>GetSMSStatus</c>, <c>GetAccountBalance</c>), generated from
    /// <c>specs/liveall.yaml</c>. <see cref="SendAsync"/> is a convenience over the generated SendIM: the API token from
    /// the options, the documented limits checked before any I/O, <c>success: false</c> turned into a
    /// <see cref="GatewayRejectedException"/>, and <c>data</c> matched to the recipients.
    /// </summary>
    internal partial class LiveAllClient
    {
        /// <inheritdoc />
        public virtual async Task<IReadOnlyList<LiveAllSendResult>> SendAsync(LiveAllMessage message, CancellationToken cancellationToken = default)
        {
            var recipients = LiveAllRules.Check(message);
            var destinations = recipients.Select(r => r.Digits).ToList();
            var ids = MessageIds(destinations, await SendToAsync(message, destinations, cancellationToken).ConfigureAwait(false));
            return message.Recipients.Select((recipient, i) => ids[i] is { } smsId
                ? new LiveAllSendResult(recipient, smsId)
                : throw new GatewayOutcomeUnknownException($"LiveAll accepted the request but its reply has no message id for recipient {i + 1}", 200, null)).ToList();
        }

        /// <summary>
        /// One SendIM request: the message to these destinations; <c>success: false</c> becomes a <see cref="GatewayRejectedException"/>.
        /// <paramref name="clientIds"/> are the ids the SDK gave the destinations (SendIM carries none; they are logged).
        /// </summary>
        private async Task<IList<LiveAllDestinationResult>> SendToAsync(LiveAllMessage message, IReadOnlyList<string> destinations, CancellationToken cancellationToken, IEnumerable<long?>? clientIds = null)
        {
            var request = LiveAllMapping.ToSendIm(message, destinations as IList<string> ?? destinations.ToList(), Options.RequireApiKey());

            LiveAllSendImReply reply;
            using (new RequestDetails(destinations.Count, clientIds: clientIds).Declare())
            {
                reply = await SendImAsync(request, cancellationToken).ConfigureAwait(false);
            }

            if (!reply.Success)
            {
                var errors = reply.OperationErrors ?? new List<LiveAllOperationError>();
                var first = errors.FirstOrDefault();
                var described = string.Join("; ", errors.Select(e => $"{e.ErrorCode} {e.ErrorMessage}".Trim()));
                throw new GatewayRejectedException($"LiveAll rejected the message: {(described.Length > 0 ? described : "no reason given")}",
                    first?.ErrorCode?.ToString(System.Globalization.CultureInfo.InvariantCulture), first?.ErrorMessage, null);
            }

            return reply.Data ?? new List<LiveAllDestinationResult>();
        }

        /// <summary>
        /// The message id of each destination, in order (null where the reply has none). Objects name their
        /// destination (a destination given twice takes its ids in order); bare ids come in the order of the destinations.
        /// </summary>
        private static long?[] MessageIds(IReadOnlyList<string> destinations, IList<LiveAllDestinationResult> data)
        {
            var named = new Dictionary<string, Queue<long>>(StringComparer.Ordinal);
            foreach (var item in data)
            {
                if (item?.Destination != null && item.Smsid is { } id)
                {
                    if (!named.TryGetValue(item.Destination, out var ids))
                    {
                        named[item.Destination] = ids = new Queue<long>();
                    }

                    ids.Enqueue(id);
                }
            }

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
