using System.Net.Http;
using System.Text;

namespace ViberGateways.AlphaSms
{
    /// <summary>The AlphaSMS JSON API client (<c>POST /api/json.php</c>), generated from <c>specs/alphasms-json.yaml</c>.</summary>
    public partial class AlphaSmsJsonClient
    {
        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder) => ApplyBaseAddress(client, urlBuilder);
    }
}
