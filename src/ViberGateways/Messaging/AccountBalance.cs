namespace ViberGateways
{
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
        public string? Error { get; internal set; }

        /// <summary>The currency (for example <c>UAH</c>), where the gateway states it; null where it does not (LiveAll, the AlphaSMS HTTP transport).</summary>
        public string? Currency { get; }
    }
}
