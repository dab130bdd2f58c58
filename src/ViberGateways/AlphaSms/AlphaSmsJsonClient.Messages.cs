using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;
using ViberGateways.Http;

namespace ViberGateways.AlphaSms
{
    // IAlphaSmsClient over the JSON operation's generated models: one request item per message, status and balance items.
    internal partial class AlphaSmsJsonClient
    {
        /// <inheritdoc />
        public override AlphaSmsTransport Transport => AlphaSmsTransport.Json;

        private protected override string OtherStatusIdAdvice => "the AlphaSMS Json transport queries status by client id only; use AlphaSmsMessageId.Client or the XML transport";

        /// <inheritdoc />
        public override async Task<AlphaSmsBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
        {
            var result = await ExecuteOneAsync(new AlphaSmsJsonBalanceItem(), "balance", cancellationToken).ConfigureAwait(false);
            if (result.Data?.Amount is not { } amount)
            {
                throw new GatewayException("The AlphaSMS balance result has no amount", 200, null, null, null);
            }

            return new AlphaSmsBalance(amount, result.Data.Currency);
        }

        private protected override async Task<IReadOnlyList<AlphaSmsSendResult>> SendCheckedAsync(IReadOnlyList<CheckedAlphaSmsMessage> messages, CancellationToken cancellationToken)
        {
            var request = new AlphaSmsJsonRequest { Auth = Options.RequireApiKey() };
            foreach (var message in messages)
            {
                request.Data.Add((AlphaSmsJsonViberItem)message.Wire);
            }

            long? ClientIdOf(int i) => messages[i].ClientId;

            // Every JSON item carries a client id (assigned before the first attempt), but no document says the gateway
            // de-duplicates it (reference gateways.md line 25: "unique within the account", no reply defined for a repeat;
            // only XML documents one, line 51). specs/alphasms-json.yaml therefore declares the item never-after-sent:
            // once the request may have reached the gateway it is not repeated, each message's outcome is Unknown, and
            // its result keeps the client id, which asks the status (a "status" item by id, gateways.md line 40).
            var details = new RequestDetails(messages.Count, itemsChecked: true, clientIds: messages.Select(m => m.ClientId));
            AlphaSmsJsonReply reply;
            try
            {
                using (details.Declare())
                {
                    reply = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
                }
            }
            catch (GatewayException failure) when (failure is GatewayUnavailableException or GatewayOutcomeUnknownException)
            {
                return AlphaSmsSendResults.Failed(messages, failure, i => ClientIdOf(i));
            }

            var itemResults = ItemResults(reply);
            return messages.Select((message, i) =>
            {
                // A null in place of a result (undocumented) is no result: the message's outcome is unknown.
                if (i >= itemResults.Count || itemResults[i] is not { } item)
                {
                    return new AlphaSmsSendResult(message.Index, message.Message.Recipient, SendOutcome.Unknown)
                    {
                        ClientId = message.ClientId,
                        Error = "The AlphaSMS reply carried no result for this message",
                    };
                }

                // An item's error is a refusal as the gateway words it; no JSON error text is documented to mean "already
                // sent" (see above), so none is read as an acceptance.
                return new AlphaSmsSendResult(message.Index, message.Message.Recipient, item.Success ? SendOutcome.Accepted : SendOutcome.Rejected)
                {
                    ClientId = item.Data?.Id ?? message.ClientId,
                    GatewayId = item.Data?.MsgId,
                    Parts = item.Data?.Parts,
                    Error = item.Success ? null : item.Error ?? "rejected without a reason",
                };
            }).ToList();
        }

        private protected override bool AsksStatusByClientId => true;

        private protected override bool AsksStatusByGatewayId => false;

        /// <summary>One request of a <c>status</c> item per message (by client id: the status item has only <c>id</c>); each answered by the result with that <c>id</c>.</summary>
        private protected override async Task<IReadOnlyList<AlphaSmsStatusAnswer>> ReadStatusesAsync(IReadOnlyList<AlphaSmsMessageId> messageIds, CancellationToken cancellationToken)
        {
            var request = new AlphaSmsJsonRequest { Auth = Options.RequireApiKey() };
            foreach (var messageId in messageIds)
            {
                request.Data.Add(new AlphaSmsJsonStatusItem { Id = messageId.Value });
            }

            AlphaSmsJsonReply reply;
            using (new RequestDetails(clientIds: messageIds.Select(id => (long?)id.Value)).Declare())
            {
                reply = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
            }

            var results = ItemResults(reply).Where(result => result != null).ToList();
            return AnswersById(messageIds, results, result => result.Data?.Id, _ => null, (messageId, result) => !result.Success
                ? new AlphaSmsStatusAnswer(new GatewayRejectedException($"AlphaSMS rejected the status request: {result.Error}", null, result.Error, null))
                : new AlphaSmsStatusAnswer(Status(messageId, result.Data ?? new AlphaSmsJsonItemResultData())), "The AlphaSMS JSON status reply");
        }

        private static AlphaSmsMessageStatus Status(AlphaSmsMessageId messageId, AlphaSmsJsonItemResultData data) =>
            new AlphaSmsMessageStatus(AlphaSmsStatusMapping.FromJsonStatus(data.Status), data.Status ?? "")
            {
                ClientId = data.Id ?? messageId.Value,
                GatewayId = data.MsgId,
                Channel = data.Type,
                Replies = data.Replies?.ToList() ?? (IReadOnlyList<AlphaSmsJsonViberReply>)Array.Empty<AlphaSmsJsonViberReply>(),
            };

        private async Task<AlphaSmsJsonItemResult> ExecuteOneAsync(AlphaSmsJsonItem item, string what, CancellationToken cancellationToken)
        {
            var request = new AlphaSmsJsonRequest { Auth = Options.RequireApiKey(), Data = { item } };
            var reply = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
            var result = ItemResults(reply).FirstOrDefault()
                ?? throw new GatewayException($"The AlphaSMS {what} reply carried no result", 200, null, null, null);
            if (!result.Success)
            {
                throw new GatewayRejectedException($"AlphaSMS rejected the {what} request: {result.Error}", null, result.Error, null);
            }

            return result;
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
