using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.AlphaSms.CallHttpApi
{
    /// <summary>The HTTP API cases with the parameters in a form-urlencoded POST body (<c>POST /api/http.php</c>).</summary>
    public class CallHttpApiWithFormWireTests : CallHttpApiWireTests
    {
        private protected override Variant Variant => Variant.HttpPost;
    }
}
