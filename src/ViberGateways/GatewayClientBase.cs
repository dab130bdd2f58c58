using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using ViberGateways.Http;

namespace ViberGateways
{
    /// <summary>
    /// Base of every gateway client: holds the client's options. The <see cref="HttpClient"/> belongs to the
    /// caller (usually IHttpClientFactory) and is never disposed by a client.
    /// </summary>
    /// <typeparam name="TOptions">The gateway's options type.</typeparam>
    public abstract class GatewayClientBase<TOptions>
        where TOptions : GatewayOptions
    {
        /// <summary>Creates the client base.</summary>
        /// <param name="options">The gateway's options (credentials, base address).</param>
        protected GatewayClientBase(TOptions options)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <summary>The options this client was created with.</summary>
        protected TOptions Options { get; }

        /// <summary>
        /// Generated clients build relative paths without a leading slash. When the <see cref="HttpClient"/> has
        /// no <see cref="HttpClient.BaseAddress"/> (a client created by hand), the options' base address is used.
        /// </summary>
        /// <param name="client">The HTTP client the request goes through.</param>
        /// <param name="url">The relative URL being built.</param>
        protected void ApplyBaseAddress(HttpClient client, StringBuilder url)
        {
            if (client is null)
            {
                throw new ArgumentNullException(nameof(client));
            }

            if (url is null)
            {
                throw new ArgumentNullException(nameof(url));
            }

            if (client.BaseAddress is null)
            {
                url.Insert(0, Options.BaseAddress.AbsoluteUri);
            }
        }

        /// <summary>
        /// Refuses a request body that breaks the limits its spec declares, before any network I/O. Generated
        /// operations call it from NSwag's BeforeSend extension point (src/build/nswag-templates).
        /// </summary>
        /// <param name="request">The request body model.</param>
        /// <exception cref="RequestValidationException">The body breaks a limit; the exception lists every one.</exception>
        protected void ValidateBeforeSend(object? request)
        {
            if (request is null)
            {
                return;
            }

            SpecLimits.ThrowIfBroken(request, "request");
        }

        /// <summary>The request URI of a hand-written transport: relative to the client's base address, or to the options' one.</summary>
        /// <param name="client">The HTTP client the request goes through.</param>
        /// <param name="relativeUrl">The documented path (and query) without a leading slash.</param>
        /// <returns>The URI to send to.</returns>
        protected Uri RequestUri(HttpClient client, string relativeUrl)
        {
            if (client is null)
            {
                throw new ArgumentNullException(nameof(client));
            }

            return client.BaseAddress is null ? new Uri(Options.BaseAddress, relativeUrl) : new Uri(relativeUrl, UriKind.Relative);
        }

        /// <summary>
        /// Sends a generated operation's request as the operation would (same method, path, headers and bytes, checked
        /// against the spec's limits), with the JSON body written once into pooled blocks rather than a string, and
        /// reads its JSON reply: the path the SDK's sends take, bulk requests of hundreds of items included.
        /// </summary>
        private protected Task<TReply> PostPooledJsonAsync<TReply>(HttpClient client, string relativeUrl, object request, JsonSerializer serializer, GatewayCall call,
            CancellationToken cancellationToken)
        {
            ValidateBeforeSend(request);
            return GatewayHttp.PostJsonAsync<TReply>(client, RequestUri(client, relativeUrl), request, serializer, call, cancellationToken);
        }
    }
}
