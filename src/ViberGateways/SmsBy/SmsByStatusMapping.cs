using System.Globalization;

namespace ViberGateways.SmsBy
{
    /// <summary>SMS.by's delivery statuses (NEW, SENT, DELIVERED, READ) in gateway-independent terms.</summary>
    internal static class SmsByStatusMapping
    {
        /// <summary>A status SMS.by does not document is <see cref="DeliveryState.Unknown"/>.</summary>
        public static DeliveryState State(string status) => status.ToUpperInvariant() switch
        {
            "NEW" => DeliveryState.Accepted,
            "SENT" => DeliveryState.Sent,
            "DELIVERED" => DeliveryState.Delivered,
            "READ" => DeliveryState.Read,
            _ => DeliveryState.Unknown,
        };

        /// <summary>
        /// A quick message's delivery as SMS.by reported it (getViberDeliveryData). The state follows <c>status</c>
        /// alone: SMS.by documents only error_code 0, so a non-zero code is kept as <see cref="DeliveryStatus.ErrorCode"/>
        /// rather than read as a failure.
        /// </summary>
        public static DeliveryStatus Status(MessageReference reference, string? status, int? errorCode) =>
            new(reference, State(status ?? ""), status ?? "")
            {
                ErrorCode = errorCode is null or 0 ? null : errorCode.Value.ToString(CultureInfo.InvariantCulture),
            };
    }
}
