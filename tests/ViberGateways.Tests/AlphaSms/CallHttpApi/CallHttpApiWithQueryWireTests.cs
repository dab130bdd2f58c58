using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.AlphaSms.CallHttpApi
{
    /// <summary>The HTTP API cases with the parameters in the query of a GET (<c>GET /api/http.php</c>).</summary>
    public class CallHttpApiWithQueryWireTests : CallHttpApiWireTests
    {
        private protected override Variant Variant => Variant.HttpGet;
    }
}
