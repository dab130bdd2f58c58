namespace ViberGateways
{
    /// <summary>What became of one message of a send.</summary>
    public enum SendOutcome
    {
        /// <summary>The gateway accepted the message and gave it an id.</summary>
        Accepted = 0,

        /// <summary>The gateway rejected the message; the result says why. Nothing was sent to the recipient.</summary>
        Rejected,

        /// <summary>
        /// The request may have reached the gateway but no reply was read (a timeout or a dropped connection), so
        /// the SDK cannot tell whether the message was accepted. It is not retried automatically.
        /// </summary>
        Unknown,
    }
}
