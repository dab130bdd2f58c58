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
        /// <summary>Request bodies up to this size are also scanned for credentials; larger ones (bulk sends) rely on the known ones.</summary>
        private const int MaxScannedBodyChars = 8 * 1024;

        private readonly int _maxReplyBytes;
        private readonly string[] _knownSecrets;

        /// <summary>Creates the handler; it finds the credentials to mask in each request.</summary>
        /// <param name="maxReplyBytes">The largest reply body read.</param>
        public ReplyGuardHandler(int maxReplyBytes)
            : this(maxReplyBytes, Array.Empty<string>())
        {
        }

        /// <summary>Creates the handler for a client whose credentials are known (the SDK's registrations pass its options' ones).</summary>
        /// <param name="maxReplyBytes">The largest reply body read.</param>
        /// <param name="knownSecrets">Credentials to mask in every reply, besides those found in each request.</param>
        public ReplyGuardHandler(int maxReplyBytes, IEnumerable<string?> knownSecrets)
        {
            _maxReplyBytes = maxReplyBytes > 0 ? maxReplyBytes : throw new ArgumentOutOfRangeException(nameof(maxReplyBytes));
            _knownSecrets = (knownSecrets ?? throw new ArgumentNullException(nameof(knownSecrets)))
                .Where(secret => !string.IsNullOrEmpty(secret) && secret!.Length >= 4).Select(secret => secret!).Distinct().ToArray();
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
            var (body, _) = await BoundedBody.ReadAsync(response.Content, _maxReplyBytes, cancellationToken).ConfigureAwait(false);
            return body ?? throw TooLarge(response, response.Content.Headers.ContentLength);
        }

        private GatewayException TooLarge(HttpResponseMessage response, long? declared) =>
            new GatewayException(
                $"The gateway's reply is larger than {_maxReplyBytes} bytes{(declared is null ? "" : $" ({declared} declared)")}; no documented reply is, so it was not read",
                (int)response.StatusCode, response: null, headers: null, innerException: null);

        private async Task<IReadOnlyCollection<string>> SecretsOfAsync(HttpRequestMessage request)
        {
            var text = request.RequestUri?.ToString() ?? "";
            if (request.Content != null && !(request.Content.Headers.ContentLength > MaxScannedBodyChars && _knownSecrets.Length > 0))
            {
                text += "\n" + await request.Content.ReadAsStringAsync().ConfigureAwait(false);
            }

            var found = SecretRedactor.SecretValues(text);
            return _knownSecrets.Length == 0 ? found : found.Concat(_knownSecrets).Distinct().ToList();
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
