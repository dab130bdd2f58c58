using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ViberGateways.Http;

namespace ViberGateways.LiveAll
{
    internal partial class LiveAllClient
    {
        /// <summary>
        /// What a LiveAll reply says of its call, for the call's log event, read as the client reads it: SendIM's
        /// <c>success: false</c> is rejected, and its acceptance is unknown unless every destination has a message id,
        /// matched as the results match them (the references); a plain-text <c>Error: CODE - MESSAGE</c> is rejected, another error text unreadable.
        /// </summary>
        private protected override ReplyOutcome InterpretReply(GatewayCall call, object reply) => reply switch
        {
            LiveAllSendImReply { Success: false } refused => ReplyOutcome.Rejected(refused.OperationErrors?.FirstOrDefault()?.ErrorCode?.ToString(CultureInfo.InvariantCulture)),
            LiveAllSendImReply sendIm when call.Model is LiveAllSendImRequest request =>
                MessageIds(request.Destinations, sendIm.Data ?? new List<LiveAllDestinationResult>()) is var ids && ids.All(id => id != null) ? ReplyOutcome.Accepted(ids) : ReplyOutcome.Unreadable,
            string text => ErrorReply.Match(text.Trim()) is { Success: true } error ? ReplyOutcome.Rejected(error.Groups["code"].Value)
                : text.TrimStart().StartsWith("Error", StringComparison.OrdinalIgnoreCase) ? ReplyOutcome.Unreadable
                : ReplyOutcome.Accepted(),
            _ => ReplyOutcome.Replied,
        };
    }
}
