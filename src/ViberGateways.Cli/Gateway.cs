namespace ViberGateways.Cli
{
    /// <summary>The gateways <c>viber</c> talks to (written in lower case on the command line).</summary>
    internal enum Gateway
    {
        AlphaSms,
        LiveAll,
        SmsBy,
    }
}
