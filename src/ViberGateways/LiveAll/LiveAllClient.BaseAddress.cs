using System.Net.Http;
using System.Text;

namespace ViberGateways.LiveAll
{
    /// <summary>The LiveAll client (<c>SendIM</c>, <c>GetSMSStatus</c>, <c>GetAccountBalance</c>), generated from <c>specs/liveall.yaml</c>.</summary>
    public partial class LiveAllClient
    {
        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder) => ApplyBaseAddress(client, urlBuilder);
    }
}
