using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Http;

namespace ViberGateways.AlphaSms
{
    // The HTTP API's request: the parameters of specs/alphasms-http.yaml as ordered pairs, encoded once, sent as a
    // form body (POST, the default) or a query string (GET).
    public partial class AlphaSmsHttpClient
    {
        private const string HttpPath = "api/http.php";

        private async Task<AlphaSmsHttpReply> CallAsync(AlphaSmsHttpParameters parameters, GatewayCall call, CancellationToken cancellationToken)
        {
            var encoded = FormFields.Encode(parameters);
            HttpRequestMessage request;
            if (Options.UseHttpGet)
            {
                request = new HttpRequestMessage(HttpMethod.Get, RequestUri(_httpClient, HttpPath + "?" + encoded));
            }
            else
            {
                var body = new ByteArrayContent(Encoding.ASCII.GetBytes(encoded));
                body.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
                request = new HttpRequestMessage(HttpMethod.Post, RequestUri(_httpClient, HttpPath)) { Content = body };
            }

            call.AttachTo(request);
            var text = await GatewayHttp.SendForTextAsync(_httpClient, request, cancellationToken).ConfigureAwait(false);
            return AlphaSmsHttpReply.Parse(text);
        }
    }
}
