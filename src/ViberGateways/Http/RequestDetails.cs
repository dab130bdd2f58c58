using System;
using System.Collections.Generic;
using System.Threading;

namespace ViberGateways.Http
{
    /// <summary>
    /// What a gateway's mapping code knows about the generated operation it is about to call and the spec cannot
    /// say: how many recipients the request carries, the client ids and gateway ids it names (for telemetry), and the model an XML
    /// document was written from (its schemas decide the retry safety). Declared for the calls made until the returned scope is disposed.
    /// </summary>
    internal sealed class RequestDetails(int recipients = 0, object? writtenFrom = null, bool itemsChecked = false, IEnumerable<long?>? clientIds = null,
        IEnumerable<string>? gatewayIds = null)
    {
        private static readonly AsyncLocal<RequestDetails?> Ambient = new();

        private int _attempts;

        public int Recipients { get; } = recipients;

        /// <summary>The client ids the request carries, in order (nulls where a message has none), read only when a log event is written.</summary>
        public IEnumerable<long?>? ClientIds { get; } = clientIds;

        /// <summary>The ids the gateway assigned that the request asks about (a status query), read only when a log event is written.</summary>
        public IEnumerable<string>? GatewayIds { get; } = gatewayIds;

        /// <summary>Whether the items of the body's lists were each checked against the spec when they were mapped from the caller's messages.</summary>
        public bool ItemsChecked { get; } = itemsChecked;

        /// <summary>The model a text body (an XML document) was written from.</summary>
        public object? WrittenFrom { get; } = writtenFrom;

        /// <summary>How many times the calls made under these details went out (a repeat of a request counts).</summary>
        public int Attempts => Volatile.Read(ref _attempts);

        public static RequestDetails? Current => Ambient.Value;

        public void CountAttempt() => Interlocked.Increment(ref _attempts);

        /// <summary>Declares these details for the generated operations run until the scope is disposed.</summary>
        public IDisposable Declare()
        {
            var previous = Ambient.Value;
            Ambient.Value = this;
            return new Scope(previous);
        }

        private sealed class Scope(RequestDetails? previous) : IDisposable
        {
            public void Dispose() => Ambient.Value = previous;
        }
    }
}
