using System;

namespace ViberGateways.AlphaSms
{
    /// <summary>Settings for the AlphaSMS clients.</summary>
    public sealed class AlphaSmsOptions : GatewayOptions
    {
        /// <summary>The production address (the English documentation's host); <c>https://alphasms.ua</c> serves the same API.</summary>
        public static readonly Uri ProductionAddress = new Uri("https://alphasms.net/");

        /// <summary>Creates options pointing at <see cref="ProductionAddress"/>.</summary>
        public AlphaSmsOptions()
            : base(ProductionAddress)
        {
        }

        /// <summary>The API key from the AlphaSMS personal cabinet (JSON <c>auth</c>, XML <c>key</c>, HTTP <c>key</c>).</summary>
        public string? ApiKey { get; set; }
    }
}
