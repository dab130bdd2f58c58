using System;
using System.Collections.Generic;

namespace ViberGateways.LiveAll
{
    /// <summary>Settings for the LiveAll client.</summary>
    public sealed class LiveAllOptions : GatewayOptions
    {
        /// <summary>The production address.</summary>
        public static readonly Uri ProductionAddress = new Uri("https://sms.liveall.eu/");

        /// <summary>Creates options pointing at <see cref="ProductionAddress"/>.</summary>
        public LiveAllOptions()
            : base(ProductionAddress)
        {
        }

        /// <summary>The account's API key (sent as <c>apitoken</c>), shown on the LiveAll account page.</summary>
        public string? ApiKey { get; set; }

        /// <summary>The approved Viber sender name, used when a message does not set <see cref="ViberMessage.Sender"/>.</summary>
        public string? Sender { get; set; }

        /// <summary>The SMS sender id of SMS fallbacks, used when the fallback does not set <see cref="SmsFallback.Sender"/>.</summary>
        public string? SmsSender { get; set; }

        /// <summary>The API token, or a validation error naming the missing setting.</summary>
        internal string RequireApiKey() => RequiredApiKey(ApiKey, "LiveAll needs an API token");

        internal override IEnumerable<string?> Credentials() => new[] { ApiKey };
    }
}
