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
        /// The request may have reached the gateway but no usable reply came back (a timeout, a dropped connection, an
        /// unreadable reply), so the SDK cannot tell whether the message was accepted. It is not sent again
        /// automatically unless the gateway documents de-duplicating it (AlphaSMS XML with client ids). Ask the status
        /// with the result's reference before sending again: AlphaSMS JSON and XML references carry the client id,
        /// which finds the message; HTTP, LiveAll and SMS.by give their ids only in the reply, so an unknown outcome
        /// there carries none and cannot be resolved by a status query.
        /// </summary>
        Unknown,

        /// <summary>The gateway could not be reached or did not take the request (HTTP 429/503 after retries): nothing was sent; safe to send again.</summary>
        NotSent,
    }
}
