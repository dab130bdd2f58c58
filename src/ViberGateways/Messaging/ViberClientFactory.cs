using System;
using System.Net.Http;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;

namespace ViberGateways
{
    /// <summary>
    /// Creates a gateway client without dependency injection. The client sends through the SDK's pipeline
    /// (telemetry, retries that are safe, the reply guard) in front of the given HttpClient, as a client
    /// registered with <c>AddViberGateways</c> does.
    /// </summary>
    public static class ViberClientFactory
    {
        /// <summary>Creates an AlphaSMS client speaking <see cref="AlphaSmsOptions.Transport"/>.</summary>
        /// <param name="options">The AlphaSMS options.</param>
        /// <param name="httpClient">The HTTP client to send through (owned by the caller, never disposed by the client).</param>
        /// <returns>The client.</returns>
        /// <exception cref="ArgumentException">The options' base address has a path or is not http(s); the message names the setting.</exception>
        public static IViberClient Create(AlphaSmsOptions options, HttpClient httpClient) =>
            AlphaSmsClientBase.Create(options, httpClient);

        /// <summary>Creates a LiveAll client.</summary>
        /// <param name="options">The LiveAll options.</param>
        /// <param name="httpClient">The HTTP client to send through (owned by the caller, never disposed by the client).</param>
        /// <returns>The client.</returns>
        /// <exception cref="ArgumentException">The options' base address has a path or is not http(s); the message names the setting.</exception>
        public static IViberClient Create(LiveAllOptions options, HttpClient httpClient) =>
            new LiveAllClient(options ?? throw new ArgumentNullException(nameof(options)), httpClient ?? throw new ArgumentNullException(nameof(httpClient)));

        /// <summary>Creates an SMS.by client.</summary>
        /// <param name="options">The SMS.by options.</param>
        /// <param name="httpClient">The HTTP client to send through (owned by the caller, never disposed by the client).</param>
        /// <returns>The client.</returns>
        /// <exception cref="ArgumentException">The options' base address has a path or is not http(s); the message names the setting.</exception>
        public static IViberClient Create(SmsByOptions options, HttpClient httpClient) =>
            new SmsByClient(options ?? throw new ArgumentNullException(nameof(options)), httpClient ?? throw new ArgumentNullException(nameof(httpClient)));
    }
}
