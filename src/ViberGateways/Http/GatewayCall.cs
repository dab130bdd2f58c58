using System;
using System.Net.Http;
using System.Threading;

namespace ViberGateways.Http
{
    /// <summary>How safe a request is to send again after it may have reached the gateway.</summary>
    public enum RetrySafety
    {
        /// <summary>
        /// A send the gateway does not de-duplicate: once it may have reached the gateway it is never sent again, and a
        /// missing reply makes its outcome unknown. The default for any request the SDK did not classify.
        /// </summary>
        NotRepeatable = 0,

        /// <summary>A query (status, balance, lists): sending it again changes nothing.</summary>
        Idempotent,

        /// <summary>A send whose every message carries a client id the gateway de-duplicates (AlphaSMS): a repeat cannot send twice.</summary>
        Deduplicated,
    }

    /// <summary>
    /// One logical gateway call as the SDK's HTTP handlers see it: which gateway and operation, how many recipients,
    /// how safe it is to repeat, and how many attempts were made. The clients attach it to each request they send.
    /// </summary>
    internal sealed class GatewayCall
    {
        private const string OptionName = "ViberGateways.GatewayCall";
        private static readonly AsyncLocal<GatewayCall?> Ambient = new();
        private int _attempts;

        public GatewayCall(string gateway, string operation, RetrySafety safety, int recipients = 0)
        {
            Gateway = gateway;
            Operation = operation;
            Safety = safety;
            Recipients = recipients;
        }

        public string Gateway { get; }

        public string Operation { get; }

        public RetrySafety Safety { get; }

        public int Recipients { get; }

        /// <summary>How many times the request went out (set by <see cref="GatewayResilienceHandler"/>).</summary>
        public int Attempts => Volatile.Read(ref _attempts);

        /// <summary>Whether the request was sent more than once.</summary>
        public bool WasRepeated => Attempts > 1;

        /// <summary>The call a convenience method declared for the generated operation it is about to run.</summary>
        public static GatewayCall? Current => Ambient.Value;

        /// <summary>Declares the call for the generated operations run until the returned scope is disposed.</summary>
        public static IDisposable Declare(GatewayCall call)
        {
            var previous = Ambient.Value;
            Ambient.Value = call;
            return new Scope(previous);
        }

        public static GatewayCall? Of(HttpRequestMessage request)
        {
#if NET5_0_OR_GREATER
            return request.Options.TryGetValue(new HttpRequestOptionsKey<GatewayCall>(OptionName), out var call) ? call : null;
#else
            return request.Properties.TryGetValue(OptionName, out var call) ? call as GatewayCall : null;
#endif
        }

        public void AttachTo(HttpRequestMessage request)
        {
#if NET5_0_OR_GREATER
            request.Options.Set(new HttpRequestOptionsKey<GatewayCall>(OptionName), this);
#else
            request.Properties[OptionName] = this;
#endif
        }

        public void CountAttempt() => Interlocked.Increment(ref _attempts);

        private sealed class Scope : IDisposable
        {
            private readonly GatewayCall? _previous;

            public Scope(GatewayCall? previous) => _previous = previous;

            public void Dispose() => Ambient.Value = _previous;
        }
    }
}
