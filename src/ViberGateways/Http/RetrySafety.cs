namespace ViberGateways.Http
{
    /// <summary>
    /// Whether a request may be sent again after it may have reached the gateway, as specs/ declares it
    /// (<c>x-retry-safety</c>). Ordered from the least to the most repeatable: a request made of parts takes the
    /// weakest of them.
    /// </summary>
    internal enum RetrySafety
    {
        /// <summary>
        /// <c>never-after-sent</c>: a send the gateway does not de-duplicate. Once it may have reached the gateway it
        /// is never sent again, and a missing reply makes its outcome unknown. The default for anything undeclared.
        /// </summary>
        NeverAfterSent = 0,

        /// <summary>
        /// <c>deduplicated</c>: a send whose every message carries the client id the gateway de-duplicates on; a
        /// repeat cannot send a message twice.
        /// </summary>
        Deduplicated = 1,

        /// <summary><c>repeatable</c>: a query (status, balance, lists); sending it again changes nothing.</summary>
        Repeatable = 2,
    }
}
