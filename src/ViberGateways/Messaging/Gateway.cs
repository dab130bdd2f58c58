namespace ViberGateways
{
    /// <summary>The gateways this SDK sends through.</summary>
    public enum Gateway
    {
        /// <summary>AlphaSMS (JSON, XML or HTTP transport, chosen in <see cref="AlphaSms.AlphaSmsOptions.Transport"/>).</summary>
        AlphaSms = 0,

        /// <summary>LiveAll (SendIM).</summary>
        LiveAll,

        /// <summary>SMS.by (quick messages and bulk mailings).</summary>
        SmsBy,
    }
}
