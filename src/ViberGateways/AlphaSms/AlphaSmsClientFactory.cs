using System;
using System.Net.Http;

namespace ViberGateways.AlphaSms
{
    /// <summary>Creates the AlphaSMS client for the transport the options name.</summary>
    internal static class AlphaSmsClientFactory
    {
        /// <summary>Creates a client speaking <see cref="AlphaSmsOptions.Transport"/>.</summary>
        /// <param name="options">The AlphaSMS options.</param>
        /// <param name="httpClient">The HTTP client to send through (owned by the caller, never disposed by the client).</param>
        /// <returns>The client.</returns>
        public static IAlphaSmsClient Create(AlphaSmsOptions options, HttpClient httpClient)
        {
            _ = options ?? throw new ArgumentNullException(nameof(options));
            _ = httpClient ?? throw new ArgumentNullException(nameof(httpClient));

            return options.Transport switch
            {
                AlphaSmsTransport.Json => new AlphaSmsJsonClient(options, httpClient),
                AlphaSmsTransport.Xml => new AlphaSmsXmlClient(options, httpClient),
                AlphaSmsTransport.Http => new AlphaSmsHttpClient(options, httpClient),
                _ => throw new ArgumentOutOfRangeException(nameof(options), options.Transport, "Unknown AlphaSMS transport."),
            };
        }
    }
}
