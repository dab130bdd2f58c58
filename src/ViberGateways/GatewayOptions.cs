using System;

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

        private static Uri WithTrailingSlash(Uri address)
        {
            if (!address.IsAbsoluteUri)
            {
                throw new ArgumentException("The gateway base address must be an absolute http or https URI.", nameof(address));
            }

            return address.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? address : new Uri(address.AbsoluteUri + "/");
        }
    }
}
