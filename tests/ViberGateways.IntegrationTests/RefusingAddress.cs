using System;
using System.Net;
using System.Net.Sockets;

namespace ViberGateways.IntegrationTests
{
    /// <summary>
    /// A loopback address where connections are refused: a port bound but not listened on. Held until disposed, so
    /// nothing else can start listening there meanwhile.
    /// </summary>
    internal sealed class RefusingAddress : IDisposable
    {
        private readonly Socket _held = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        public RefusingAddress()
        {
            _held.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_held.LocalEndPoint!).Port}/");
        }

        public Uri BaseAddress { get; }

        public void Dispose() => _held.Dispose();
    }
}
