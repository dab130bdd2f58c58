using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// An in-memory gateway for unit tests: answers every request with the next queued reply and records what
    /// the client put on the wire (method, URI, content headers, body bytes).
    /// </summary>
    internal sealed class StubGateway : HttpMessageHandler
    {
        private readonly ConcurrentQueue<Func<CancellationToken, Task<HttpResponseMessage>>> _replies = new();

        public List<RecordedRequest> Requests { get; } = new();

        public RecordedRequest LastRequest => Requests[Requests.Count - 1];

        public StubGateway Reply(string body, string contentType = "application/json", HttpStatusCode status = HttpStatusCode.OK)
        {
            return Reply(() => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) });
        }

        /// <summary>Queues a reply built by hand (an odd status, headers, a hostile body), <paramref name="times"/> times.</summary>
        public StubGateway Reply(Func<HttpResponseMessage> reply, int times = 1)
        {
            for (var i = 0; i < times; i++)
            {
                _replies.Enqueue(_ => Task.FromResult(reply()));
            }

            return this;
        }

        /// <summary>Queues a reply that sees the request's cancellation token (to act while the request is in flight).</summary>
        public StubGateway Reply(Func<CancellationToken, Task<HttpResponseMessage>> reply)
        {
            _replies.Enqueue(reply);
            return this;
        }

        /// <summary>
        /// Queues a request that is never answered: it waits until the client gives up on it. <paramref name="arrived"/>
        /// completes once the request has reached the stub.
        /// </summary>
        public StubGateway NeverReply(TaskCompletionSource<bool>? arrived = null)
        {
            _replies.Enqueue(async cancellationToken =>
            {
                arrived?.TrySetResult(true);
                await Task.Delay(Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable: the wait ends only by cancellation");
            });
            return this;
        }

        /// <summary>An HttpClient that sends through this stub, with the base address DI would give it.</summary>
        public HttpClient CreateClient(string baseAddress = "https://gateway.test/") =>
            new HttpClient(this, disposeHandler: false) { BaseAddress = new Uri(baseAddress) };

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken);
            lock (Requests)
            {
                Requests.Add(new RecordedRequest(request.Method.Method, request.RequestUri!, request.Content?.Headers.ContentType?.ToString(), body)
                {
                    Accept = request.Headers.Accept.Count == 0 ? null : request.Headers.Accept.ToString(),
                });
            }

            if (!_replies.TryDequeue(out var reply))
            {
                throw new InvalidOperationException("The stub gateway has no reply queued for " + request.Method + " " + request.RequestUri);
            }

            return await reply(cancellationToken);
        }
    }

    internal sealed record RecordedRequest(string Method, Uri Uri, string? ContentType, byte[] Body)
    {
        /// <summary>The Accept header the request went out with, if any.</summary>
        public string? Accept { get; init; }

        public string BodyText => Encoding.UTF8.GetString(Body);
    }
}
