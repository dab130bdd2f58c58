namespace ViberGateways
{
    /// <summary>One gateway a <see cref="ViberRouter"/> tried for a recipient.</summary>
    public sealed class GatewayAttempt
    {
        /// <summary>Creates an attempt.</summary>
        /// <param name="gateway">The gateway tried.</param>
        /// <param name="outcome">What it did with the message.</param>
        /// <param name="error">Why it did not accept the message, when it did not.</param>
        public GatewayAttempt(Gateway gateway, SendOutcome outcome, string? error)
        {
            Gateway = gateway;
            Outcome = outcome;
            Error = error;
        }

        /// <summary>The gateway tried.</summary>
        public Gateway Gateway { get; }

        /// <summary>What it did with the message.</summary>
        public SendOutcome Outcome { get; }

        /// <summary>Why it did not accept the message, when it did not.</summary>
        public string? Error { get; }

        /// <inheritdoc />
        public override string ToString() => Error is null ? $"{Gateway}: {Outcome}" : $"{Gateway}: {Outcome} ({Error})";
    }
}
