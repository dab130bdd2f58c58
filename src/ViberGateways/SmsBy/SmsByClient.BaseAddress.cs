using System.Net.Http;
using System.Text;

namespace ViberGateways.SmsBy
{
    /// <summary>The SMS.by Viber client (the 11 Viber endpoints of <c>/api/v1</c> and <c>/api/v2</c>), generated from <c>specs/smsby.yaml</c>.</summary>
    public partial class SmsByClient
    {
        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder) => ApplyBaseAddress(client, urlBuilder);
    }
}
