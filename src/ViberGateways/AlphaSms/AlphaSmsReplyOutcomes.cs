using System.Linq;
using ViberGateways.Http;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// What each AlphaSMS transport's reply says of its call, for the call's log event, read as the clients read their
    /// results: a refused request is rejected; per message, a refusal is rejected and a result with an id accepted;
    /// the gateway's ids (<c>msg_id</c>, <c>sms_id</c>, the HTTP <c>id</c>) are the references.
    /// </summary>
    internal static class AlphaSmsReplyOutcomes
    {
        /// <summary>JSON: <c>success</c> of the request, then of each item.</summary>
        public static ReplyOutcome Of(AlphaSmsJsonReply reply)
        {
            if (!reply.Success)
            {
                return ReplyOutcome.Rejected();
            }

            var items = reply.Data?.Where(item => item != null).ToList() ?? new();
            return ReplyOutcome.OfItems(items.Count(item => item.Success), items.Count(item => !item.Success),
                items.Where(item => item.Success).Select(item => item.Data?.MsgId));
        }

        /// <summary>XML: the code of each message (below 200, or 208 for a repeat, accepted) or status query (below 200 answered).</summary>
        public static ReplyOutcome Of(AlphaSmsXmlReply reply, bool send)
        {
            if ((reply.MessageViber ?? reply.Message) is { } sent)
            {
                var accepted = sent.Where(result => result != null && (result.Code < 200 || result.Code == (int)AlphaSmsXmlMessageStatusCode.ErrDuplicate)).ToList();
                return ReplyOutcome.OfItems(accepted.Count, sent.Count - accepted.Count, accepted.Select(result => result.MsgId));
            }

            if (reply.Status is { } statuses)
            {
                var answered = statuses.Where(result => result != null && result.Code < 200).ToList();
                return ReplyOutcome.OfItems(answered.Count, statuses.Count - answered.Count, answered.Select(result => result.SmsId));
            }

            // A send reply without message results may still have been accepted.
            return send ? ReplyOutcome.Unreadable : ReplyOutcome.Accepted();
        }

        /// <summary>HTTP: one plain-text line (<see cref="AlphaSmsHttpReply"/>).</summary>
        public static ReplyOutcome OfHttp(string text, bool send) => AlphaSmsHttpReply.Parse(text).Outcome(send);
    }

    internal partial class AlphaSmsJsonClient
    {
        private protected override ReplyOutcome InterpretReply(GatewayCall call, object reply) =>
            reply is AlphaSmsJsonReply json ? AlphaSmsReplyOutcomes.Of(json) : ReplyOutcome.Replied;
    }

    internal partial class AlphaSmsXmlClient
    {
        private protected override ReplyOutcome InterpretReply(GatewayCall call, object reply) =>
            reply is AlphaSmsXmlReply xml ? AlphaSmsReplyOutcomes.Of(xml, send: call.Safety != RetrySafety.Repeatable) : ReplyOutcome.Replied;
    }

    internal partial class AlphaSmsHttpClient
    {
        private protected override ReplyOutcome InterpretTextReply(GatewayCall call, string reply) =>
            AlphaSmsReplyOutcomes.OfHttp(reply, send: call.Safety != RetrySafety.Repeatable);
    }
}
