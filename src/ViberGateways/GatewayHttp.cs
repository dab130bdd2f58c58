using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways
{
    /// <summary>
    /// Sends a request for the hand-written transports (AlphaSMS XML and HTTP) and reads the reply as text, with a
    /// cap on its size; an unexpected HTTP status becomes a <see cref="GatewayException"/>.
    /// </summary>
    internal static class GatewayHttp
    {
        /// <summary>The largest reply body read (1 MiB); every documented reply is a few hundred bytes.</summary>
        public const int MaxReplyBytes = 1024 * 1024;

        public static async Task<string> SendForTextAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            using (request)
            using (var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false))
            {
                var status = (int)response.StatusCode;
                var body = await ReadBoundedTextAsync(response.Content, status, cancellationToken).ConfigureAwait(false);
                if (status < 200 || status > 299)
                {
                    throw new GatewayException("The gateway answered with an unexpected HTTP status", status, body, null, null);
                }

                return body;
            }
        }

        private static async Task<string> ReadBoundedTextAsync(HttpContent? content, int status, CancellationToken cancellationToken)
        {
            if (content is null)
            {
                return "";
            }

            var charset = content.Headers.ContentType?.CharSet;
            Encoding encoding;
            try
            {
                encoding = string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset!.Trim('"'));
            }
            catch (ArgumentException)
            {
                encoding = Encoding.UTF8;
            }

#if NET5_0_OR_GREATER
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > MaxReplyBytes)
                {
                    var start = encoding.GetString(buffer.GetBuffer(), 0, (int)Math.Min(buffer.Length, 1024));
                    throw new GatewayException($"The gateway's reply is larger than {MaxReplyBytes} bytes; no documented reply is", status, start, null, null);
                }

                buffer.Write(chunk, 0, read);
            }

            return encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
    }
}
