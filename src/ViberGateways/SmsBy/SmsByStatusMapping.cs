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
    }
}
