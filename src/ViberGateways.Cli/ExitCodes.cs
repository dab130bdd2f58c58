namespace ViberGateways.Cli
{
    /// <summary>What <c>viber</c> exits with.</summary>
    internal static class ExitCodes
    {
        /// <summary>Everything was accepted (or delivered).</summary>
        public const int Accepted = 0;

        /// <summary>The gateway rejected the request or some recipients.</summary>
        public const int Rejected = 1;

        /// <summary>Invalid input: nothing was sent.</summary>
        public const int InvalidInput = 2;

        /// <summary>A network or protocol failure: the gateway was unreachable, or its reply could not be read.</summary>
        public const int Failure = 3;
    }
}
