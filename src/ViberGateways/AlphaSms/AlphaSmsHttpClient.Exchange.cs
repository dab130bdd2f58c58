using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Http;

namespace ViberGateways.AlphaSms
{
    // The HTTP API's exchange: the parameters of specs/alphasms-http.yaml sent by its generated operations, as a form
    // body (POST, the default, so credentials stay out of URLs) or a query string (GET); the plain-text reply read
    // by AlphaSmsHttpReply.
    internal partial class AlphaSmsHttpClient
    {
        /// <summary>One command; <paramref name="askedGatewayId"/> is the gateway's id a status query asks about.</summary>
        private async Task<AlphaSmsHttpReply> CallAsync(AlphaSmsHttpParameters parameters, int recipients, CancellationToken cancellationToken, string? askedGatewayId = null)
        {
            using (new RequestDetails(recipients, gatewayIds: askedGatewayId is null ? null : new[] { askedGatewayId }).Declare())
            {
                var text = Options.UseHttpGet
                    ? await CallHttpApiWithQueryCoreAsync(parameters, cancellationToken).ConfigureAwait(false)
                    : await CallHttpApiWithFormCoreAsync(parameters, cancellationToken).ConfigureAwait(false);
                return AlphaSmsHttpReply.Parse(text);
            }
        }
    }
}
