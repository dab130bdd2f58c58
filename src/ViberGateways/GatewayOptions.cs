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
            DefaultBaseAddress = defaultBaseAddress ?? throw new ArgumentNullException(nameof(defaultBaseAddress));
            _baseAddress = WithTrailingSlash(defaultBaseAddress, nameof(defaultBaseAddress));
        }

        /// <summary>
        /// Scheme, host and port of the gateway (for example a local sandbox). The documented paths are kept; a
        /// trailing slash is added because the clients build relative paths. An address with a path, or without an
        /// http(s) scheme, is refused when a client is made with these options and when the host starts.
        /// </summary>
        /// <exception cref="ArgumentException">The address is relative.</exception>
        public Uri BaseAddress
        {
            get => _baseAddress;
            set => _baseAddress = WithTrailingSlash(value ?? throw new ArgumentNullException(nameof(value)), nameof(value));
        }

        /// <summary>The gateway's production address: the form a wrong base address is shown.</summary>
        internal Uri DefaultBaseAddress { get; }

        /// <summary>The retry and timeout policy and the reply size cap, used by every client made with these options.</summary>
        public GatewayResilienceOptions Resilience { get; set; } = new GatewayResilienceOptions();

        /// <summary>
        /// The most connections the HTTP client opens to the gateway at once (default 32); further requests wait for
        /// a pooled connection instead of opening new sockets.
        /// </summary>
        public int MaxConnections { get; set; } = 32;

        private Uri WithTrailingSlash(Uri address, string parameter)
        {
            if (!address.IsAbsoluteUri)
            {
                // A relative address cannot even be held; the rest of the rule is checked where the options are used.
                throw new ArgumentException(
                    $"{GetType().Name}.{nameof(BaseAddress)}: {GatewayConfiguration.BaseAddressProblem(address.OriginalString, DefaultBaseAddress)}", parameter);
            }

            return address.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? address : new Uri(address.AbsoluteUri + "/");
        }

        /// <summary>An API key the gateway needs, or a validation error naming the missing setting (for example <c>SmsByOptions.ApiKey</c>).</summary>
        internal string RequiredApiKey(string? apiKey, string missing) =>
            string.IsNullOrWhiteSpace(apiKey) ? throw RequestValidationException.Of(GetType().Name + ".ApiKey", "required", missing) : apiKey!;

        /// <summary>The credentials these options hold, to mask wherever a reply echoes them.</summary>
        internal virtual IEnumerable<string?> Credentials() => Array.Empty<string?>();
    }
}
