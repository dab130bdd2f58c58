using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// The smallest client a developer would write by hand for the AlphaSMS HTTP API (<c>POST api/http.php</c>, a form
    /// body): the parameters joined with <see cref="Uri.EscapeDataString"/>, the plain-text reply
    /// (<c>id:84523377 sms_count:1</c>) cut apart by hand. It posts the same form, parameter order included, as
    /// <c>AlphaSmsHttpClient.SendAsync</c>.
    /// </summary>
    public sealed class HandWrittenHttpClient
    {
        /// <summary>The lifetime sent when none is chosen: the page marks <c>viber_lifetime</c> required, at most 86400 seconds.</summary>
        private const string Lifetime = "86400";

        private readonly HttpClient _http;
        private readonly string _apiKey;

        /// <summary>Creates the client.</summary>
        /// <param name="http">The HTTP client, with the gateway's https base address.</param>
        /// <param name="apiKey">The AlphaSMS API key.</param>
        public HandWrittenHttpClient(HttpClient http, string apiKey)
        {
            _http = http;
            _apiKey = apiKey;
        }

        /// <summary>Sends one Viber text message.</summary>
        /// <param name="recipient">International number, digits only.</param>
        /// <param name="sender">The Viber sender name (also the required SMS <c>from</c>).</param>
        /// <param name="text">The message text (also the required SMS <c>message</c>).</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The gateway's id for the message.</returns>
        public async Task<long> SendTextAsync(string recipient, string sender, string text, CancellationToken cancellationToken = default)
        {
            var escapedSender = Uri.EscapeDataString(sender);
            var escapedText = Uri.EscapeDataString(text);
            var form = "version=https&key=" + Uri.EscapeDataString(_apiKey) + "&command=send&from=" + escapedSender
                + "&to=" + Uri.EscapeDataString(recipient) + "&message=" + escapedText + "&viber=1&viber_type=text&viber_message=" + escapedText
                + "&viber_from=" + escapedSender + "&viber_lifetime=" + Lifetime + "&viber_sms=0";
            var content = new ByteArrayContent(Encoding.ASCII.GetBytes(form));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/http.php") { Content = content };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();

            var reply = (await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Trim();
            var end = reply.IndexOf(' ');
            if (!reply.StartsWith("id:", StringComparison.Ordinal)
                || !long.TryParse(reply.AsSpan(3, (end < 0 ? reply.Length : end) - 3), NumberStyles.None, CultureInfo.InvariantCulture, out var gatewayId))
            {
                throw new InvalidOperationException("AlphaSMS refused the message: " + reply);
            }

            return gatewayId;
        }
    }
}
