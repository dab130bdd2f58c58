using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Shouldly;
using ViberGateways.LiveAll;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// An in-memory LiveAll that accepts every SendIM request, whatever its size, records each request's destinations
    /// and tells when one arrives: for bulk tests that count requests rather than script replies.
    /// </summary>
    internal sealed class AcceptingLiveAllGateway : HttpMessageHandler
    {
        private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(60);

        private readonly ConcurrentQueue<IReadOnlyList<string>> _requests = new();
        private readonly SemaphoreSlim _arrived = new(0);
        private long _nextId = 1000;

        /// <summary>Each request's destinations, in the order the requests arrived.</summary>
        public IReadOnlyList<IReadOnlyList<string>> Requests => _requests.ToList();

        public IEnumerable<string> Recipients => Requests.SelectMany(r => r);

        /// <summary>The neutral client of a LiveAll account sending through this gateway.</summary>
        public IViberClient Client() =>
            ViberClientFactory.Create(new LiveAllOptions { ApiKey = StubbedClients.LiveAllApiToken, Sender = "Shop" },
                new HttpClient(this, disposeHandler: false) { BaseAddress = new Uri("https://liveall.test/") });

        /// <summary>Waits until <paramref name="count"/> more requests have arrived.</summary>
        public async Task ArrivedAsync(int count = 1)
        {
            for (var i = 0; i < count; i++)
            {
                (await _arrived.WaitAsync(HangGuard)).ShouldBeTrue("no request arrived");
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = JObject.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
            var destinations = body["destinations"]!.Values<string>().Select(d => d!).ToList();
            _requests.Enqueue(destinations);
            var ids = destinations.Select(_ => Interlocked.Increment(ref _nextId)).ToList();
            var reply = JsonConvert.SerializeObject(new { success = true, OperationErrors = (object?)null, SubmissionID = 0, data = ids });
            _arrived.Release();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(reply, Encoding.UTF8, "application/json") };
        }
    }
}
