namespace ViberGateways.LiveAll
{
    /// <summary>LiveAll status numbers in gateway-independent terms.</summary>
    internal static class LiveAllStatusMapping
    {
        public static DeliveryState FromCode(int code) => (LiveAllMessageStatusCode)code switch
        {
            LiveAllMessageStatusCode.ImAccepted or LiveAllMessageStatusCode.ImNotYetSent or LiveAllMessageStatusCode.Queued => DeliveryState.Accepted,
            LiveAllMessageStatusCode.ImSent or LiveAllMessageStatusCode.Sent => DeliveryState.Sent,
            LiveAllMessageStatusCode.ImDelivered or LiveAllMessageStatusCode.Delivered => DeliveryState.Delivered,
            LiveAllMessageStatusCode.ImSeen or LiveAllMessageStatusCode.ImOpen => DeliveryState.Read,
            LiveAllMessageStatusCode.ImExpired => DeliveryState.Expired,
            LiveAllMessageStatusCode.ImDeleted => DeliveryState.Deleted,
            LiveAllMessageStatusCode.ImUndelivered or LiveAllMessageStatusCode.ImRejected => DeliveryState.Failed,
            _ => DeliveryState.Unknown,
        };
    }
}
