using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.IntegrationTests
{
    /// <summary>Counts the requests one client started and the ones that have finished (answered, failed or cancelled).</summary>
    internal sealed class RequestsInFlight : DelegatingHandler
    {
        private int _started, _finished;

        public int Started => Volatile.Read(ref _started);

        public int Finished => Volatile.Read(ref _finished);

        /// <summary>Runs as each request starts on its way.</summary>
        public Action? OnStart { get; init; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _started);
            OnStart?.Invoke();
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Increment(ref _finished);
            }
        }
    }
}
