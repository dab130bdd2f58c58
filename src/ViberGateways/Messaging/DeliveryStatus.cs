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
        public DateTimeOffset? UpdatedAt { get; set; }

        /// <summary>Why the gateway gave no status for this message (for example it does not know the id), when it gave none.</summary>
        public string? Error { get; set; }

        /// <summary>
        /// Whether the status will not change any more: delivered, read, replied, expired, failed or deleted.
        /// (A delivered message may still be read; following stops at delivery.)
        /// </summary>
        public bool IsFinal => State is DeliveryState.Delivered or DeliveryState.Read or DeliveryState.Replied
            or DeliveryState.Expired or DeliveryState.Failed or DeliveryState.Deleted;
    }

    /// <summary>An account balance.</summary>
    public sealed class AccountBalance
    {
        /// <summary>Creates a balance.</summary>
        /// <param name="gateway">The gateway.</param>
        /// <param name="amount">The amount; null where the gateway documents no way to read it.</param>
        /// <param name="currency">The currency, where the gateway states it.</param>
        public AccountBalance(Gateway gateway, decimal? amount, string? currency)
        {
            Gateway = gateway;
            Amount = amount;
            Currency = currency;
        }

        /// <summary>The gateway.</summary>
        public Gateway Gateway { get; }

        /// <summary>The amount; null where the gateway documents no way to read it (SMS.by): then <see cref="Error"/> says so.</summary>
        public decimal? Amount { get; }

        /// <summary>Why there is no amount, when there is none.</summary>
        public string? Error { get; set; }

        /// <summary>The currency (for example <c>UAH</c>), where the gateway states it; null where it does not (LiveAll, the AlphaSMS HTTP transport).</summary>
        public string? Currency { get; }
    }

    /// <summary>A sender id the account may send with (SMS.by <c>getAlphanames</c>: id and name).</summary>
    public sealed class SenderInfo
    {
        /// <summary>Creates a sender.</summary>
        /// <param name="id">The id to send with.</param>
        /// <param name="name">The name recipients see.</param>
        public SenderInfo(string id, string name)
        {
            Id = id;
            Name = name;
        }

        /// <summary>The id to send with.</summary>
        public string Id { get; }

        /// <summary>The name recipients see.</summary>
        public string Name { get; }
    }
}
