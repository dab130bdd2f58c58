using System;

namespace ViberGateways
{
    /// <summary>Where one sent message stands, in the same terms for every gateway, with the gateway's own status beside it.</summary>
    public sealed class DeliveryStatus
    {
        /// <summary>Creates a status.</summary>
        /// <param name="reference">The message asked about.</param>
        /// <param name="state">The status in gateway-independent terms.</param>
        /// <param name="rawStatus">The gateway's own status text or code, unchanged (empty when it gave none).</param>
        public DeliveryStatus(MessageReference reference, DeliveryState state, string rawStatus)
        {
            Reference = reference ?? throw new ArgumentNullException(nameof(reference));
            State = state;
            RawStatus = rawStatus ?? "";
        }

        /// <summary>The message asked about.</summary>
        public MessageReference Reference { get; }

        /// <summary>The recipient, digits only.</summary>
        public string Recipient => Reference.Recipient;

        /// <summary>The status in gateway-independent terms.</summary>
        public DeliveryState State { get; }

        /// <summary>The gateway's own status text or code, unchanged.</summary>
        public string RawStatus { get; }

        /// <summary>When the message reached this status, when the gateway said.</summary>
        public DateTimeOffset? UpdatedAt { get; internal set; }

        /// <summary>Why the gateway gave no status for this message (for example it does not know the id), when it gave none.</summary>
        public string? Error { get; internal set; }

        /// <summary>
        /// An error code the gateway reported beside the status it gave (SMS.by's non-zero <c>error_code</c>, whose
        /// meanings are not documented); <see cref="State"/> follows the status alone. Null when it reported none.
        /// </summary>
        public string? ErrorCode { get; internal set; }

        /// <summary>
        /// The reference carries no id this gateway (or transport) can ask with: asking again will not help, so
        /// following stops asking about it.
        /// </summary>
        internal bool Unanswerable { get; set; }

        /// <summary>
        /// Whether the message has reached an end of its delivery: delivered, read, replied, expired, failed or
        /// deleted. Following stops here; a delivered message may still be read or answered later.
        /// </summary>
        public bool IsFinal => State is DeliveryState.Delivered or DeliveryState.Read or DeliveryState.Replied
            or DeliveryState.Expired or DeliveryState.Failed or DeliveryState.Deleted;
    }
}
