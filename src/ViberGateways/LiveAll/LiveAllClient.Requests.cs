using System;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json;
using ViberGateways.Http;

namespace ViberGateways.LiveAll
{
    /// <summary>The LiveAll client (<c>SendIM</c>, <c>GetSMSStatus</c>, <c>GetAccountBalance</c>), generated from <c>specs/liveall.yaml</c>.</summary>
    public partial class LiveAllClient
    {
        private const string SendImPath = "apiext/Sendout/SendIM";

        // Built once from the generated serializer settings, for SendIM's pooled bodies (GatewayClientBase.PostPooledJsonAsync).
        private static readonly Lazy<JsonSerializer> PooledBodySerializer = new Lazy<JsonSerializer>(() => JsonSerializer.Create(_settings!.Value));

        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder) => ApplyBaseAddress(client, urlBuilder);

        // SendIM sends; the other two only read, so they may be repeated.
        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
        {
            var operation = url.Substring(url.LastIndexOf('/') + 1);
            var safety = operation.Equals("SendIM", StringComparison.OrdinalIgnoreCase) ? RetrySafety.NotRepeatable : RetrySafety.Idempotent;
            (GatewayCall.Current ?? new GatewayCall("LiveAll", operation, safety)).AttachTo(request);
        }
    }
}
