using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// What a client put on the wire: method, absolute URI, request headers, content type and body bytes. Two clients
    /// whose captures are equal sent the gateway the same request.
    /// </summary>
    public sealed class WireRequest
    {
        private WireRequest(string method, Uri? uri, IReadOnlyList<string> headers, string? contentType, byte[] body)
        {
            Method = method;
            Uri = uri;
            Headers = headers;
            ContentType = contentType;
            Body = body;
        }

        /// <summary>The HTTP method.</summary>
        public string Method { get; }

        /// <summary>The request URI, as the handler received it (the base address already applied).</summary>
        public Uri? Uri { get; }

        /// <summary>The request headers (content headers aside), one <c>Name: value</c> line each, sorted.</summary>
        public IReadOnlyList<string> Headers { get; }

        /// <summary>The <c>Content-Type</c> header, exactly as sent, or null without a body.</summary>
        public string? ContentType { get; }

        /// <summary>The body bytes (empty without a body).</summary>
        public byte[] Body { get; }

        /// <summary>Records a request as it reaches the handler.</summary>
        /// <param name="request">The request.</param>
        /// <param name="cancellationToken">Cancels reading the body.</param>
        /// <returns>The capture.</returns>
        public static async Task<WireRequest> CaptureAsync(HttpRequestMessage request, CancellationToken cancellationToken = default)
        {
            if (request is null)
            {
                throw new ArgumentNullException(nameof(request));
            }

            var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var headers = request.Headers
                .Select(header => header.Key + ": " + string.Join(", ", header.Value))
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToArray();
            return new WireRequest(request.Method.Method, request.RequestUri, headers, request.Content?.Headers.ContentType?.ToString(), body);
        }
    }
}
