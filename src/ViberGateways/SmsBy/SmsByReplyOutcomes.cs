using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ViberGateways.Http;

namespace ViberGateways.SmsBy
{
    internal partial class SmsByClient
    {
        /// <summary>
        /// What an SMS.by reply says of its call, for the call's log event, read as the client reads it: an <c>error</c>
        /// or a status other than OK is rejected, a reply with neither unreadable; the references are the quick message's
        /// <c>message_id</c> and the mailing's uuid. A status query's mailings that list errors are refused, the others
        /// answered: some of each is partial.
        /// </summary>
        private protected override ReplyOutcome InterpretReply(GatewayCall call, object reply) => reply switch
        {
            SmsBySendQuickViberMessageReply quick => OfSend(quick.Status, quick.Error, quick.Result?.MessageId?.ToString(CultureInfo.InvariantCulture)),
            SmsBySendBulkViberReply mailing => OfSend(mailing.Success, mailing.Error, mailing.Uuid),
            SmsByGetViberDeliveryDataReply delivery => OfQuery(delivery.Status, delivery.Error),
            // Seed 004's own example mixes mailings with deliveries and refused ones: each keeps its own outcome.
            IList<SmsByBulkMailingStatus> mailings => ReplyOutcome.OfItems(
                mailings.Count(m => m is not null && m.Errors is not { Count: > 0 }), mailings.Count(m => m?.Errors is { Count: > 0 }), null),
            _ => ReplyOutcome.Replied,
        };

        /// <summary>A send is accepted with its id; without one its outcome is unknown.</summary>
        private static ReplyOutcome OfSend(string? status, string? error, string? gatewayId) =>
            OfQuery(status, error) is { Name: "accepted" } && gatewayId is null ? ReplyOutcome.Unreadable : OfQuery(status, error, gatewayId);

        private static ReplyOutcome OfQuery(string? status, string? error, string? gatewayId = null) =>
            error is null && status is null ? ReplyOutcome.Unreadable
            : Refusal(status, error) != null ? ReplyOutcome.Rejected()
            : ReplyOutcome.Accepted(new[] { gatewayId });
    }
}
