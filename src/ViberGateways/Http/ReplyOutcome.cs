using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ViberGateways.Http
{
    /// <summary>
    /// What a 2xx reply says of its call, as the gateway's mapping reads it: the outcome its log event names and the ids
    /// the gateway assigned, and the gateway's error code of a refused request (never anything else of the reply: its
    /// text may quote numbers or messages). Each gateway client reads its replies into one
    /// (each gateway's <c>…ReplyOutcomes.cs</c>); an operation it does not read is <see cref="Replied"/>.
    /// </summary>
    internal sealed class ReplyOutcome(string name, IEnumerable<string>? gatewayIds, string? errorCode = null)
    {
        /// <summary>accepted, partial, rejected, unknown or replied (the operation's reply is not read for its outcome).</summary>
        public string Name { get; } = name;

        /// <summary>The ids the gateway assigned in this reply, in order; null when it names none.</summary>
        public IEnumerable<string>? GatewayIds { get; } = gatewayIds;

        /// <summary>The gateway's error code for a request it refused as a whole, when it gave one.</summary>
        public string? ErrorCode { get; } = errorCode;

        public static ReplyOutcome Replied { get; } = new("replied", null);

        /// <summary>The gateway answered, but not in a documented form: a send may have been accepted all the same.</summary>
        public static ReplyOutcome Unreadable { get; } = new("unknown", null);

        public static ReplyOutcome Accepted(IEnumerable<long?>? gatewayIds = null) => new("accepted", Ids(gatewayIds));

        public static ReplyOutcome Accepted(IEnumerable<string?> gatewayIds) => new("accepted", gatewayIds.Where(id => !string.IsNullOrEmpty(id)).Select(id => id!));

        /// <summary>The gateway refused the request as a whole, with its error code when it gave one.</summary>
        public static ReplyOutcome Rejected(string? errorCode = null) => new("rejected", null, errorCode);

        /// <summary>Per-item results: all accepted, all refused (rejected), or some of each (partial); the ids are the accepted items'.</summary>
        public static ReplyOutcome OfItems(int accepted, int refused, IEnumerable<long?>? gatewayIds) =>
            new(refused == 0 ? "accepted" : accepted == 0 ? "rejected" : "partial", Ids(gatewayIds));

        private static IEnumerable<string>? Ids(IEnumerable<long?>? ids) =>
            ids?.Where(id => id is > 0).Select(id => id!.Value.ToString(CultureInfo.InvariantCulture));
    }
}
