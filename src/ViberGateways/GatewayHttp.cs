using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using ViberGateways.Http;

namespace ViberGateways
{
    /// <summary>
    /// Sends a request for the hand-written transports (AlphaSMS XML and HTTP, pooled JSON bodies) and reads the reply
    /// as text, with a cap on its size; an unexpected HTTP status becomes a <see cref="GatewayException"/>.
    /// </summary>
    internal static class GatewayHttp
    {
        /// <summary>The largest reply body read (1 MiB); every documented reply is a few hundred bytes, a bulk reply tens of KiB.</summary>
        public const int MaxReplyBytes = 1024 * 1024;

        private static readonly MediaTypeWithQualityHeaderValue AcceptJson = new MediaTypeWithQualityHeaderValue("application/json");

        /// <summary>
        /// POSTs a model generated from a spec as a pooled JSON body (<see cref="PooledBodyContent"/>) and reads the
        /// documented JSON reply with the same serializer: the request a generated operation sends, with the body
        /// written once into pooled blocks instead of a string.
        /// </summary>
        public static async Task<TReply> PostJsonAsync<TReply>(HttpClient client, Uri uri, object model, JsonSerializer serializer, GatewayCall call, CancellationToken cancellationToken)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = PooledBodyContent.Json(model, serializer) };
            request.Headers.Accept.Add(AcceptJson);
            call.AttachTo(request);
            var (reply, encoding) = await SendForBytesAsync(client, request, cancellationToken).ConfigureAwait(false);
            TReply? result;
            try
            {
                // A small reply is read from its text; a bulk reply from its bytes, never decoded to a large-object-heap string.
                TextReader text = reply.Length <= 16 * 1024 ? new StringReader(encoding.GetString(reply)) : new StreamReader(new MemoryStream(reply), encoding);
                using var reader = new JsonTextReader(text) { ArrayPool = JsonCharPool.Instance };
                result = serializer.Deserialize<TReply>(reader);
            }
            catch (JsonException exception)
            {
                throw new GatewayException("Could not deserialize the response body string as " + typeof(TReply).FullName + ".", 200, encoding.GetString(reply), null, exception);
            }

            return result ?? throw new GatewayException("Response was null which was not expected.", 200, encoding.GetString(reply), null, null);
        }

        public static async Task<string> SendForTextAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var (body, encoding) = await SendForBytesAsync(client, request, cancellationToken).ConfigureAwait(false);
            return encoding.GetString(body);
        }

        /// <summary>Sends the request; the reply's bytes (at most <see cref="MaxReplyBytes"/>) and the encoding its content type names (UTF-8 by default).</summary>
        public static async Task<(byte[] Body, Encoding Encoding)> SendForBytesAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using (request)
            using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                var status = (int)response.StatusCode;
                var encoding = EncodingOf(response.Content);
                byte[] body;
                if (response.Content is null)
                {
                    body = new byte[0];
                }
                else
                {
                    var read = await BoundedBody.ReadAsync(response.Content, MaxReplyBytes, cancellationToken).ConfigureAwait(false);
                    body = read.Body ?? throw new GatewayException($"The gateway's reply is larger than {MaxReplyBytes} bytes; no documented reply is", status,
                        encoding.GetString(read.Start, 0, Math.Min(read.Start.Length, 1024)), null, null);
                }

                if (status < 200 || status > 299)
                {
                    throw new GatewayException("The gateway answered with an unexpected HTTP status", status, encoding.GetString(body), null, null);
                }

                return (body, encoding);
            }
        }

        private static Encoding EncodingOf(HttpContent? content)
        {
            var charset = content?.Headers.ContentType?.CharSet;
            try
            {
                return string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset!.Trim('"'));
            }
            catch (ArgumentException)
            {
                return Encoding.UTF8;
            }
        }
    }
}
