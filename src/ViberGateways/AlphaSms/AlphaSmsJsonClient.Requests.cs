using System.Net.Http;
using System.Text;
using ViberGateways.Http;

namespace ViberGateways.AlphaSms
{
    /// <summary>The AlphaSMS JSON API client (<c>POST /api/json.php</c>), generated from <c>specs/alphasms-json.yaml</c>.</summary>
    public partial class AlphaSmsJsonClient
    {
        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder) => ApplyBaseAddress(client, urlBuilder);

        // A raw ExecuteAsync may carry sends without client ids the caller controls: it is never repeated once it may
        // have reached the gateway. The IAlphaSmsClient methods declare their calls (sends with ids are de-duplicated).
        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url) =>
            (GatewayCall.Current ?? new GatewayCall("AlphaSMS", "json", RetrySafety.NotRepeatable)).AttachTo(request);
    }
}
