using System;
using System.Collections.Generic;

namespace ViberGateways
{
    /// <summary>Settings every gateway client shares.</summary>
    public abstract class GatewayOptions
    {
        private Uri _baseAddress;

        /// <summary>Creates options with the gateway's production address.</summary>
        /// <param name="defaultBaseAddress">The gateway's production scheme and host.</param>
        protected GatewayOptions(Uri defaultBaseAddress)
        {
            _baseAddress = WithTrailingSlash(defaultBaseAddress ?? throw new ArgumentNullException(nameof(defaultBaseAddress)));
        }

        /// <summary>
        /// Scheme, host and port of the gateway (for example a local sandbox). The documented paths are kept; a
        /// trailing slash is added because the clients build relative paths.
        /// </summary>
        public Uri BaseAddress
        {
            get => _baseAddress;
            set => _baseAddress = WithTrailingSlash(value ?? throw new ArgumentNullException(nameof(value)));
        }

        /// <summary>The retry and timeout policy and the reply size cap, used by every client made with these options.</summary>
        public GatewayResilienceOptions Resilience { get; set; } = new GatewayResilienceOptions();

        /// <summary>
        /// The most connections the HTTP client opens to the gateway at once (default 32); further requests wait for
        /// a pooled connection instead of opening new sockets.
        /// </summary>
        public int MaxConnections { get; set; } = 32;

        private static Uri WithTrailingSlash(Uri address)
        {
            if (!address.IsAbsoluteUri)
            {
                throw new ArgumentException("The gateway base address must be an absolute http or https URI.", nameof(address));
            }

            return address.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? address : new Uri(address.AbsoluteUri + "/");
        }

        /// <summary>The credentials these options hold, to mask wherever a reply echoes them.</summary>
        internal virtual IEnumerable<string?> Credentials() => Array.Empty<string?>();
    }
}
