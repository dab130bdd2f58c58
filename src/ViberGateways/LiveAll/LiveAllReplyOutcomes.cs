using System;
using System.Globalization;
using System.Linq;
using ViberGateways.Http;

namespace ViberGateways.LiveAll
{
    /// <summary>
    /// What a LiveAll reply says of its call, for the call's log event, read as the client reads it: SendIM's
    /// <c>success: false</c> is rejected, and its acceptance is unknown unless every recipient has a message id (the
    /// references); a plain-text <c>Error: CODE - MESSAGE</c> is rejected, another error text unreadable.
    /// </summary>
    internal static class LiveAllReplyOutcomes
    {
        public static ReplyOutcome Of(LiveAllSendImReply reply, int recipients)
        {
            if (!reply.Success)
            {
                return ReplyOutcome.Rejected(reply.OperationErrors?.FirstOrDefault()?.ErrorCode?.ToString(CultureInfo.InvariantCulture));
            }

            var ids = reply.Data?.Select(item => item?.Smsid).ToList() ?? new();
            return ids.Count >= recipients && ids.All(id => id != null) ? ReplyOutcome.Accepted(ids) : ReplyOutcome.Unreadable;
        }

        public static ReplyOutcome OfText(string reply) =>
            LiveAllClient.ErrorReply.Match(reply.Trim()) is { Success: true } error ? ReplyOutcome.Rejected(error.Groups["code"].Value)
            : reply.TrimStart().StartsWith("Error", StringComparison.OrdinalIgnoreCase) ? ReplyOutcome.Unreadable
            : ReplyOutcome.Accepted();
    }

    internal partial class LiveAllClient
    {
        private protected override ReplyOutcome InterpretReply(GatewayCall call, object reply) =>
            reply is LiveAllSendImReply sendIm ? LiveAllReplyOutcomes.Of(sendIm, call.Details?.Recipients ?? 0) : ReplyOutcome.Replied;

        private protected override ReplyOutcome InterpretTextReply(GatewayCall call, string reply) => LiveAllReplyOutcomes.OfText(reply);
    }
}
