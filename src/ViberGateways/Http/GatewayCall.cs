using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;

namespace ViberGateways.Http
{
    /// <summary>
    /// One request as the client's pipeline sees it: the operation's facts from specs/, the retry safety of this body,
    /// the credentials it carries (to mask wherever a reply echoes them), the details the caller declared, and how many
    /// attempts went out. The generated operation attaches it to the request (GatewayClientBase.BeforeSend).
    /// </summary>
    internal sealed class GatewayCall
    {
        private const string OptionName = "ViberGateways.GatewayCall";
        private int _attempts;

        public GatewayCall(GatewayOperation operation, RetrySafety safety, IReadOnlyList<string> secrets, RequestDetails? details)
        {
            Operation = operation;
            Safety = safety;
            Secrets = secrets;
            Details = details;
        }

        public GatewayOperation Operation { get; }

        public string Gateway => Operation.Gateway;

        public RetrySafety Safety { get; }

        /// <summary>The credential values this request carries (at least four characters each).</summary>
        public IReadOnlyList<string> Secrets { get; }

        /// <summary>What the caller declared about the call (recipients), if anything.</summary>
        public RequestDetails? Details { get; }

        /// <summary>How many times the request went out (counted by the resilience handler).</summary>
        public int Attempts => Volatile.Read(ref _attempts);

        public void CountAttempt()
        {
            Interlocked.Increment(ref _attempts);
            Details?.CountAttempt();
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
    }
}
