namespace ViberGateways
{
    /// <summary>
    /// Where a message stands, in the same terms for every gateway. Each gateway's own status (kept beside it as
    /// raw text or code) maps onto one of these; a status the gateway documents nowhere maps to <see cref="Unknown"/>.
    /// </summary>
    public enum DeliveryState
    {
        /// <summary>The gateway reported a status this SDK does not know; see the raw status.</summary>
        Unknown = 0,

        /// <summary>Accepted by the gateway, not yet handed on.</summary>
        Accepted,

        /// <summary>Scheduled for a later send.</summary>
        Scheduled,

        /// <summary>Being sent or routed.</summary>
        Sending,

        /// <summary>Sent to the messenger, no delivery report yet.</summary>
        Sent,

        /// <summary>Delivered to the recipient's device.</summary>
        Delivered,

        /// <summary>Opened by the recipient (Viber read receipt).</summary>
        Read,

        /// <summary>The recipient answered (Viber two-way).</summary>
        Replied,

        /// <summary>Not delivered before its lifetime ran out.</summary>
        Expired,

        /// <summary>Rejected or undeliverable (bad number, filtered, not a Viber user, no route).</summary>
        Failed,

        /// <summary>Deleted before delivery.</summary>
        Deleted,
    }
}
