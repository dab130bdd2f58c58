using System;
using System.Collections.Generic;

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

        /// <summary>The API key from the AlphaSMS personal cabinet (sent as JSON <c>auth</c>, XML <c>key</c>, HTTP <c>key</c>).</summary>
        public string? ApiKey { get; set; }

        /// <summary>Personal cabinet login: the HTTP transport's alternative to <see cref="ApiKey"/> (with <see cref="Password"/>).</summary>
        public string? Login { get; set; }

        /// <summary>Personal cabinet password, for <see cref="Login"/>.</summary>
        public string? Password { get; set; }

        /// <summary>The approved Viber sender name, used when a message does not set <see cref="ViberMessage.Sender"/>.</summary>
        public string? Sender { get; set; }

        /// <summary>The SMS sender name of SMS fallbacks, used when the fallback does not set <see cref="SmsFallback.Sender"/>.</summary>
        public string? SmsSender { get; set; }

        /// <summary>The API that carries the messages: JSON (the default), XML or HTTP.</summary>
        public AlphaSmsTransport Transport { get; set; } = AlphaSmsTransport.Json;

        /// <summary>
        /// Send HTTP transport requests as a GET query string instead of a form POST. Off by default: with GET the
        /// credentials travel in the URL, where proxies and server logs keep them.
        /// </summary>
        public bool UseHttpGet { get; set; }

        /// <summary>The API key, or a validation error naming the missing setting.</summary>
        internal string RequireApiKey() =>
            string.IsNullOrWhiteSpace(ApiKey) ? RequiredApiKey(ApiKey, $"the AlphaSMS {Transport} transport needs an API key") : ApiKey!; // the text only when it is needed

        internal override IEnumerable<string?> Credentials() => new[] { ApiKey, Password };
    }
}
