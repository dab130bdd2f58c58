using System.Linq;
using ViberGateways.Http;

namespace ViberGateways.AlphaSms
{
    // What each AlphaSMS transport's reply says of its call, for the call's log event, read as the clients read their
    // results: a refused request is rejected; per message, a refusal is rejected and a result with an id accepted;
    // the gateway's ids (msg_id, sms_id, the HTTP id) are the references.
    internal partial class AlphaSmsJsonClient
    {
        /// <summary>JSON: <c>success</c> of the request, then of each item.</summary>
        private protected override ReplyOutcome InterpretReply(GatewayCall call, object reply)
        {
            if (reply is not AlphaSmsJsonReply json)
            {
                return ReplyOutcome.Replied;
            }

            var items = json.Data?.Where(item => item != null).ToList() ?? new();
            return !json.Success ? ReplyOutcome.Rejected()
                : ReplyOutcome.OfItems(items.Count(item => item.Success), items.Count(item => !item.Success), items.Where(item => item.Success).Select(item => item.Data?.MsgId));
        }
    }

    internal partial class AlphaSmsXmlClient
    {
        /// <summary>XML: the code of each message (accepted as <see cref="IsAccepted"/> reads it) or status query (below 200 answered).</summary>
        private protected override ReplyOutcome InterpretReply(GatewayCall call, object reply)
        {
            if (reply is not AlphaSmsXmlReply xml)
            {
                return ReplyOutcome.Replied;
            }

            if ((xml.MessageViber ?? xml.Message) is { } sent)
            {
                var accepted = sent.Where(result => result != null && IsAccepted(result)).ToList();
                return ReplyOutcome.OfItems(accepted.Count, sent.Count - accepted.Count, accepted.Select(result => result.MsgId));
            }

            if (xml.Status is { } statuses)
            {
                var answered = statuses.Where(result => result != null && result.Code < 200).ToList();
                return ReplyOutcome.OfItems(answered.Count, statuses.Count - answered.Count, answered.Select(result => result.SmsId));
            }

            // A send reply without message results may still have been accepted.
            return call.Safety != RetrySafety.Repeatable ? ReplyOutcome.Unreadable : ReplyOutcome.Accepted();
        }
    }

    internal partial class AlphaSmsHttpClient
    {
        /// <summary>HTTP: one plain-text line (<see cref="AlphaSmsHttpReply"/>).</summary>
        private protected override ReplyOutcome InterpretReply(GatewayCall call, object reply) =>
            reply is string text ? AlphaSmsHttpReply.Parse(text).Outcome(send: call.Safety != RetrySafety.Repeatable) : ReplyOutcome.Replied;
    }
}
