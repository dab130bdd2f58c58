using System;

namespace ViberGateways.AlphaSms
{
    /// <summary>The AlphaSMS status tables (JSON status text, XML and HTTP status codes) in gateway-independent terms.</summary>
    internal static class AlphaSmsStatusMapping
    {
        /// <summary>A JSON status string; one the documentation does not list is <see cref="DeliveryState.Unknown"/>.</summary>
        public static DeliveryState FromJsonStatus(string? status) => status?.Trim().ToUpperInvariant() switch
        {
            "ACCEPTED" or "QUEUED" => DeliveryState.Accepted,
            "ROUTING" => DeliveryState.Sending,
            "PARTIALLY DELIVERED" => DeliveryState.Sent,
            "DELIVERED" => DeliveryState.Delivered,
            "READ" => DeliveryState.Read,
            "REPLIED" => DeliveryState.Replied,
            "EXPIRED" => DeliveryState.Expired,
            "DELETED" => DeliveryState.Deleted,
            "FILTERED" or "INVALID DESTINATION ADDRESS" or "INVALID SOURCE ADDRESS" or "NO ROUTE" or "REJECTED" or "SIM FULL" or "UNDELIVERABLE" => DeliveryState.Failed,
            _ => DeliveryState.Unknown,
        };

        /// <summary>An XML message status code (1 and 100–113; codes of 200 and more are errors, not states).</summary>
        public static DeliveryState FromXmlCode(int code) => (AlphaSmsXmlMessageStatusCode)code switch
        {
            AlphaSmsXmlMessageStatusCode.Accepted or AlphaSmsXmlMessageStatusCode.AcceptedState => DeliveryState.Accepted,
            AlphaSmsXmlMessageStatusCode.Scheduled => DeliveryState.Scheduled,
            AlphaSmsXmlMessageStatusCode.Enroute or AlphaSmsXmlMessageStatusCode.Sending => DeliveryState.Sending,
            AlphaSmsXmlMessageStatusCode.Delivered => DeliveryState.Delivered,
            AlphaSmsXmlMessageStatusCode.Expired => DeliveryState.Expired,
            AlphaSmsXmlMessageStatusCode.Deleted => DeliveryState.Deleted,
            AlphaSmsXmlMessageStatusCode.Undeliverable or AlphaSmsXmlMessageStatusCode.Rejected or AlphaSmsXmlMessageStatusCode.Discarded
                or AlphaSmsXmlMessageStatusCode.NotSupported or AlphaSmsXmlMessageStatusCode.WrongAlphaname
                or AlphaSmsXmlMessageStatusCode.WrongAlphanameReturned => DeliveryState.Failed,
            _ => DeliveryState.Unknown,
        };

        /// <summary>An HTTP API status code (<c>command=receive</c>).</summary>
        public static DeliveryState FromHttpCode(int code) => (AlphaSmsHttpStatusCode)code switch
        {
            AlphaSmsHttpStatusCode.Pending => DeliveryState.Accepted,
            AlphaSmsHttpStatusCode.Sending => DeliveryState.Sending,
            AlphaSmsHttpStatusCode.Sent or AlphaSmsHttpStatusCode.PartiallyDelivered => DeliveryState.Sent,
            AlphaSmsHttpStatusCode.Delivered => DeliveryState.Delivered,
            AlphaSmsHttpStatusCode.Read => DeliveryState.Read,
            AlphaSmsHttpStatusCode.Deleted => DeliveryState.Deleted,
            AlphaSmsHttpStatusCode.OutOfTouch or AlphaSmsHttpStatusCode.NetworkFailure or AlphaSmsHttpStatusCode.BadOrUnusedNumber => DeliveryState.Failed,
            _ => DeliveryState.Unknown,
        };

        /// <summary>The name of a documented XML code (<c>ErrDuplicate</c>), or null for an undocumented one.</summary>
        public static string? XmlCodeName(int code) =>
            Enum.IsDefined(typeof(AlphaSmsXmlMessageStatusCode), code) ? ((AlphaSmsXmlMessageStatusCode)code).ToString() : null;
    }
}
