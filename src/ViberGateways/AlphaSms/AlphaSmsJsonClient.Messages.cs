using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;
using ViberGateways.Http;

namespace ViberGateways.AlphaSms
{
    // The JSON operation's generated models: one request item per message, status and balance items.
    internal partial class AlphaSmsJsonClient
    {
        /// <inheritdoc />
        public override AlphaSmsTransport Transport => AlphaSmsTransport.Json;

        private protected override async Task<AccountBalance> ReadBalanceAsync(CancellationToken cancellationToken)
        {
            var reply = await ExecuteAsync(new AlphaSmsJsonRequest { Auth = Options.RequireApiKey(), Data = { new AlphaSmsJsonBalanceItem() } }, cancellationToken).ConfigureAwait(false);
            var result = ItemResults(reply).FirstOrDefault() ?? throw new GatewayException("The AlphaSMS balance reply carried no result", 200, null, null, null);
            return !result.Success ? throw new GatewayRejectedException($"AlphaSMS rejected the balance request: {result.Error}", null, result.Error, null)
                : result.Data?.Amount is { } amount ? new AccountBalance(Gateway.AlphaSms, amount, result.Data.Currency)
                : throw new GatewayException("The AlphaSMS balance result has no amount", 200, null, null, null);
        }

        private protected override async Task<IReadOnlyList<SendResult>> SendRequestAsync(IReadOnlyList<BulkEntry<object>> entries, CancellationToken cancellationToken)
        {
            var request = new AlphaSmsJsonRequest { Auth = Options.RequireApiKey(), Data = new List<AlphaSmsJsonItem>(entries.Count) };
            foreach (var entry in entries)
            {
                request.Data.Add((AlphaSmsJsonItem)entry.Item);
            }

            // Every JSON item carries a client id (assigned before the first attempt), but no document says the gateway
            // de-duplicates it (reference gateways.md line 25: "unique within the account", no reply defined for a repeat;
            // only XML documents one, line 51). specs/alphasms-json.yaml therefore declares the item never-after-sent:
            // once the request may have reached the gateway it is not repeated, each message's outcome is Unknown, and
            // its result keeps the client id, which asks the status (a "status" item by id, gateways.md line 40).
            var details = new RequestDetails(entries.Count, itemsChecked: true, clientIds: entries.Select(entry => AlphaSmsMapping.ClientIdOf(entry.Item)));
            AlphaSmsJsonReply reply;
            try
            {
                using var declared = details.Declare();
                reply = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (GatewayException failure) when (failure is GatewayUnavailableException or GatewayOutcomeUnknownException)
            {
                return entries.Select(entry => AlphaSmsMapping.Failed(entry, failure)).ToList();
            }

            var itemResults = ItemResults(reply);
            return entries.Select((entry, i) =>
            {
                var clientId = ((AlphaSmsJsonViberItem)entry.Item).Id;

                // A null in place of a result (undocumented) is no result: the message's outcome is unknown.
                if (i >= itemResults.Count || itemResults[i] is not { } item)
                {
                    return AlphaSmsMapping.Result(entry, SendOutcome.Unknown, clientId, error: "The AlphaSMS reply carried no result for this message");
                }

                // An item's error is a refusal as the gateway words it; no JSON error text is documented to mean "already
                // sent" (see above), so none is read as an acceptance.
                return AlphaSmsMapping.Result(entry, item.Success ? SendOutcome.Accepted : SendOutcome.Rejected, item.Data?.Id ?? clientId, item.Data?.MsgId,
                    item.Data?.Parts, error: item.Success ? null : item.Error ?? "rejected without a reason");
            }).ToList();
        }

        /// <summary>One request of a <c>status</c> item per message (by client id: the status item has only <c>id</c>); each answered by the result with that <c>id</c>.</summary>
        private protected override async Task<IReadOnlyList<DeliveryStatus>> ReadStatusesAsync(IReadOnlyList<(MessageReference Reference, AlphaSmsMessageId Id)> asked,
            CancellationToken cancellationToken)
        {
            var request = new AlphaSmsJsonRequest { Auth = Options.RequireApiKey(), Data = asked.Select(a => (AlphaSmsJsonItem)new AlphaSmsJsonStatusItem { Id = a.Id.Value }).ToList() };

            using var declared = new RequestDetails(clientIds: asked.Select(a => (long?)a.Id.Value)).Declare();
            var reply = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);

            var results = ItemResults(reply).Where(result => result != null).ToList();
            return StatusesById(asked, results, result => result.Data?.Id, _ => null, (reference, _, result) => !result.Success
                ? AlphaSmsMapping.Refused(reference, new GatewayRejectedException($"AlphaSMS rejected the status request: {result.Error}", null, result.Error, null))
                : AlphaSmsMapping.Status(reference, AlphaSmsStatusMapping.FromJsonStatus(result.Data?.Status), result.Data?.Status ?? "",
                    result.Data?.Replies?.Select(r => r?.Datetime) ?? Enumerable.Empty<string?>()), "The AlphaSMS JSON status reply");
        }

        /// <summary>The per-item results, or the whole request's rejection (<c>"success": false</c>) as an exception.</summary>
        private static IList<AlphaSmsJsonItemResult> ItemResults(AlphaSmsJsonReply reply)
        {
            if (!reply.Success)
            {
                throw new GatewayRejectedException($"AlphaSMS rejected the request: {reply.Error}", null, reply.Error, null);
            }

            return reply.Data ?? new List<AlphaSmsJsonItemResult>();
        }
    }
}
