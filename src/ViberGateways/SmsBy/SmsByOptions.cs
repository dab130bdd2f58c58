using System;
using System.Collections.Generic;

namespace ViberGateways.SmsBy
{
    /// <summary>Settings for the SMS.by client.</summary>
    public sealed class SmsByOptions : GatewayOptions
    {
        /// <summary>The production address.</summary>
        public static readonly Uri ProductionAddress = new Uri("https://app.sms.by/");

        /// <summary>Creates options pointing at <see cref="ProductionAddress"/>.</summary>
        public SmsByOptions()
            : base(ProductionAddress)
        {
        }

        /// <summary>The SMS.by API key (sent as <c>token</c>).</summary>
        public string? ApiKey { get; set; }

        /// <summary>
        /// The sender id of quick messages (one recipient): a Viber name id (<c>vibername_id</c>), as the SMS.by
        /// account lists them. Used when the message does not set <see cref="SmsByMessageOptions.SenderId"/>.
        /// </summary>
        public long? QuickMessageSenderId { get; set; }

        /// <summary>
        /// The sender id of mailings (several recipients, bulk sends): an alpha name id (<c>alphaname_id</c>,
        /// listed by <c>getAlphanames</c>). Used when the message does not set <see cref="SmsByMessageOptions.SenderId"/>.
        /// </summary>
        public long? MailingSenderId { get; set; }

        /// <summary>The token, or a validation error naming the missing setting.</summary>
        internal string RequireApiKey() => RequiredApiKey(ApiKey, "SMS.by needs an API token");

        internal override IEnumerable<string?> Credentials() => new[] { ApiKey };
    }
}
