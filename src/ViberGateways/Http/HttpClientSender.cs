using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Http
{
    /// <summary>
    /// The innermost step of the SDK's pipeline: sends each attempt through the caller's <see cref="HttpClient"/>
    /// (its handlers, connection pool and base address). An <see cref="HttpClient"/> sends a request message only
    /// once, so a repeated attempt goes out as a copy with the same method, URI, headers and body.
    /// </summary>
    internal sealed class HttpClientSender : HttpMessageHandler
    {
        private readonly HttpClient _client;

        public HttpClientSender(HttpClient client) => _client = client;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var repeat = GatewayCall.Of(request).Attempts > 1;
            var attempt = repeat ? Copy(request) : request;
            try
            {
                var response = await _client.SendAsync(attempt, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                response.RequestMessage = request;
                return response;
            }
            finally
            {
                if (repeat)
                {
                    // The body belongs to the original request, which a later attempt may send again.
                    attempt.Content = null;
                    attempt.Dispose();
                }
            }
        }

        private static HttpRequestMessage Copy(HttpRequestMessage request)
        {
            var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, Content = request.Content };
#if NET5_0_OR_GREATER
            copy.VersionPolicy = request.VersionPolicy;
            foreach (var option in request.Options)
            {
                ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
            }
#else
            foreach (var property in request.Properties)
            {
                copy.Properties[property.Key] = property.Value;
            }
#endif
            foreach (var header in request.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return copy;
        }
    }
}
