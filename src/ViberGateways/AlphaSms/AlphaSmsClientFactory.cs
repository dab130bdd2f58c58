using System;
using System.Net.Http;

namespace ViberGateways.AlphaSms
{
    /// <summary>Creates the AlphaSMS client for the transport the options name.</summary>
    internal static class AlphaSmsClientFactory
    {
        /// <summary>Creates a client speaking <see cref="AlphaSmsOptions.Transport"/>.</summary>
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
