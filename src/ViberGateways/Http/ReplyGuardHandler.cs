using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Http
{
    /// <summary>
    /// Reads every reply in full before the client sees it: at most <see cref="GatewayResilienceOptions.MaxReplyBytes"/>
    /// (a larger reply is a <see cref="GatewayException"/>, never a hang or an out-of-memory), so a reply cut off
    /// mid-body fails inside the attempt where the retry policy can judge it; and any credential of the request that
    /// the gateway echoes back (an error text quoting the key, say) is masked before it can reach an exception.
    /// </summary>
    public sealed class ReplyGuardHandler : DelegatingHandler
    {
        private readonly int _maxReplyBytes;

        /// <summary>Creates the handler.</summary>
        /// <param name="maxReplyBytes">The largest reply body read.</param>
        public ReplyGuardHandler(int maxReplyBytes)
        {
            _maxReplyBytes = maxReplyBytes > 0 ? maxReplyBytes : throw new ArgumentOutOfRangeException(nameof(maxReplyBytes));
        }

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var secrets = await SecretsOfAsync(request).ConfigureAwait(false);
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Content is null)
            {
                return response;
            }

            try
            {
                var body = await ReadBoundedAsync(response, cancellationToken).ConfigureAwait(false);
                var replacement = new ByteArrayContent(MaskSecrets(body, secrets, response.Content.Headers.ContentType?.CharSet));
                foreach (var header in response.Content.Headers.Where(h => !string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)))
                {
                    replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                response.Content.Dispose();
                response.Content = replacement;
                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        private async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
        {
            var declared = response.Content.Headers.ContentLength;
            if (declared > _maxReplyBytes)
            {
                throw TooLarge(response, declared.Value);
            }

#if NET5_0_OR_GREATER
            using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using var buffer = new MemoryStream();
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > _maxReplyBytes)
                {
                    throw TooLarge(response, null);
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer.ToArray();
        }

        private GatewayException TooLarge(HttpResponseMessage response, long? declared) =>
            new GatewayException(
                $"The gateway's reply is larger than {_maxReplyBytes} bytes{(declared is null ? "" : $" ({declared} declared)")}; no documented reply is, so it was not read",
                (int)response.StatusCode, response: null, headers: null, innerException: null);

        private static async Task<IReadOnlyCollection<string>> SecretsOfAsync(HttpRequestMessage request)
        {
            var text = request.RequestUri?.ToString() ?? "";
            if (request.Content != null)
            {
                text += "\n" + await request.Content.ReadAsStringAsync().ConfigureAwait(false);
            }

            return SecretRedactor.SecretValues(text);
        }

        private static byte[] MaskSecrets(byte[] body, IReadOnlyCollection<string> secrets, string? charset)
        {
            // Replies are UTF-8; a reply in another charset is passed on unchanged rather than re-encoded.
            if (secrets.Count == 0 || (charset != null && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
            {
                return body;
            }

            var text = Encoding.UTF8.GetString(body);
            var masked = secrets.Aggregate(text, (current, secret) => current.Replace(secret, SecretRedactor.Mask));
            return ReferenceEquals(masked, text) || masked == text ? body : Encoding.UTF8.GetBytes(masked);
        }
    }
}
