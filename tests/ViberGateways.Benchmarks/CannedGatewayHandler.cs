using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// An in-memory AlphaSMS gateway: answers <c>api/json.php</c>, <c>api/xml.php</c> and <c>api/http.php</c> with the
    /// documented success reply of <see cref="SendScenario"/>, a new response per call, so every contender pays the
    /// same for the "network". It reads each request body, as a real handler writing it to a connection would;
    /// otherwise content built lazily would look free. With <c>recordRequests</c> it also keeps what it received.
    /// </summary>
    public sealed class CannedGatewayHandler : HttpMessageHandler
    {
        private readonly List<WireRequest>? _requests;

        /// <summary>Creates the gateway.</summary>
        /// <param name="recordRequests">Keep every request (for tests; benchmarks leave it off).</param>
        public CannedGatewayHandler(bool recordRequests = false)
        {
            _requests = recordRequests ? new List<WireRequest>() : null;
        }

        /// <summary>The requests received so far, when recording.</summary>
        public IReadOnlyList<WireRequest> Requests
        {
            get
            {
                if (_requests is null)
                {
                    throw new InvalidOperationException("This gateway was created without recordRequests.");
                }

                lock (_requests)
                {
                    return _requests.ToArray();
                }
            }
        }

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_requests != null)
            {
                var received = await WireRequest.CaptureAsync(request, cancellationToken).ConfigureAwait(false);
                lock (_requests)
                {
                    _requests.Add(received);
                }
            }
            else if (request.Content != null)
            {
                await request.Content.CopyToAsync(Stream.Null, cancellationToken).ConfigureAwait(false);
            }

            return Reply(request.RequestUri?.AbsolutePath);
        }

        private static HttpResponseMessage Reply(string? path) => path switch
        {
            "/api/json.php" => Ok(SendScenario.JsonReply, new MediaTypeHeaderValue("application/json")),
            "/api/xml.php" => Ok(SendScenario.XmlReply, new MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" }),
            "/api/http.php" => Ok(SendScenario.HttpReply, new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" }),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };

        private static HttpResponseMessage Ok(byte[] body, MediaTypeHeaderValue contentType)
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = contentType;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        }
    }
}
