using System;
using System.Collections.Generic;
using System.Linq;
using ViberGateways.Http;

namespace ViberGateways.AlphaSms
{
    // What each AlphaSMS transport's reply says of its call, for the call's log event, read as the clients read their
    // results: a refused request is rejected; per message, a refusal is rejected and a result with an id accepted;
    // the gateway's ids (msg_id, sms_id, the HTTP id) are the references.
    internal abstract partial class AlphaSmsClientBase
    {
        /// <summary>A reply's per-message results (a null one refused): the accepted ones' ids are the references.</summary>
        private protected static ReplyOutcome OfItems<TResult>(IList<TResult> results, Func<TResult, bool> accepted, Func<TResult, long?> gatewayId)
        {
            var answered = results.Where(accepted).ToList();
            return ReplyOutcome.OfItems(answered.Count, results.Count - answered.Count, answered.Select(gatewayId));
        }
    }

    internal partial class AlphaSmsJsonClient
    {
        /// <summary>JSON: <c>success</c> of the request, then of each item.</summary>
        private protected override ReplyOutcome InterpretReply(GatewayCall call, object reply) => reply switch
        {
            AlphaSmsJsonReply { Success: false } => ReplyOutcome.Rejected(),
            AlphaSmsJsonReply json => OfItems(json.Data?.Where(item => item != null).ToList() ?? new(), item => item.Success, item => item.Data?.MsgId),
            _ => ReplyOutcome.Replied,
        };
    }

    internal partial class AlphaSmsXmlClient
    {
        /// <summary>XML: the code of each message (as <see cref="OutcomeOf"/> reads it) or status query (below 200 answered).</summary>
        private protected override ReplyOutcome InterpretReply(GatewayCall call, object reply) => reply switch
        {
            AlphaSmsXmlReply xml when (xml.MessageViber ?? xml.Message) is { } sent => OfSent(call, sent),
            AlphaSmsXmlReply { Status: { } statuses } => OfItems(statuses, result => result != null && result.Code < 200, result => result.SmsId),

            // A send reply without message results may still have been accepted.
            AlphaSmsXmlReply => call.Safety != RetrySafety.Repeatable ? ReplyOutcome.Unreadable : ReplyOutcome.Accepted(),
            _ => ReplyOutcome.Replied,
        };

        /// <summary>A send reply's results against the package's messages; a 208 the client reports as unknown leaves the call unknown too.</summary>
        private static ReplyOutcome OfSent(GatewayCall call, IList<AlphaSmsXmlSendResult> results)
        {
            var package = (call.Model as AlphaSmsXmlSendPackage)?.MessageViber;
            var items = results.Select((result, i) => (Result: result,
                Outcome: result is null ? SendOutcome.Rejected : OutcomeOf(result, package?.ElementAtOrDefault(i), call.Attempts))).ToList();
            var outcome = OfItems(items, item => item.Outcome == SendOutcome.Accepted, item => item.Result.MsgId);
            return items.Any(item => item.Outcome == SendOutcome.Unknown) ? new ReplyOutcome("unknown", outcome.GatewayIds) : outcome;
        }
    }

    internal partial class AlphaSmsHttpClient
    {
        /// <summary>HTTP: one plain-text line (<see cref="AlphaSmsHttpReply"/>).</summary>
        private protected override ReplyOutcome InterpretReply(GatewayCall call, object reply) =>
            reply is string text ? AlphaSmsHttpReply.Parse(text).Outcome(send: call.Safety != RetrySafety.Repeatable) : ReplyOutcome.Replied;
    }
}
