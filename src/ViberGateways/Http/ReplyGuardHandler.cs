using System;
using System.Collections.Generic;
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
    internal sealed class ReplyGuardHandler(int maxReplyBytes) : DelegatingHandler
    {
        private readonly int _maxReplyBytes = maxReplyBytes > 0 ? maxReplyBytes : throw new ArgumentOutOfRangeException(nameof(maxReplyBytes));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var secrets = GatewayCall.Of(request).Secrets;
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Content is null)
            {
                return response;
            }

            try
            {
                var body = await BoundedBody.ReadAsync(response.Content, _maxReplyBytes, cancellationToken).ConfigureAwait(false);
                if (body is null)
                {
                    throw TooLarge(response, response.Content.Headers.ContentLength);
                }

                // The body is read: of its headers, only the type (and charset) still describes it.
                var contentType = response.Content.Headers.ContentType;
                var charset = ReplyCharset.Of(contentType);
                var replacement = new BufferedReply(MaskSecrets(body, secrets, charset.OrUtf8), contentType, charset);
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

        private GatewayException TooLarge(HttpResponseMessage response, long? declared) =>
            GatewayReplies.Unreadable(response, null, $"is larger than {_maxReplyBytes} bytes{(declared is null ? "" : $" ({declared} declared)")}; no documented reply is, so it was not read", null);

        /// <summary>
        /// Masks every secret in the reply's own charset (UTF-8 when it names none, or one this runtime lacks), byte for
        /// byte, so that a reply in another charset (an error page in Latin-1) is masked too and nothing is re-encoded.
        /// </summary>
        private static byte[] MaskSecrets(byte[] body, IReadOnlyList<string> secrets, Encoding encoding)
        {
            foreach (var secret in secrets)
            {
                // Almost no reply echoes a credential: look for its bytes before copying anything.
                var value = encoding.GetBytes(secret);
                if (value.Length > 0 && IndexOf(body, value, 0) >= 0)
                {
                    body = Replace(body, value, encoding.GetBytes(SecretRedactor.Mask));
                }
            }

            return body;
        }

        private static byte[] Replace(byte[] body, byte[] value, byte[] mask)
        {
            var masked = new List<byte>(body.Length);
            var from = 0;
            for (var at = IndexOf(body, value, 0); at >= 0; at = IndexOf(body, value, from))
            {
                masked.AddRange(new ArraySegment<byte>(body, from, at - from));
                masked.AddRange(mask);
                from = at + value.Length;
            }

            masked.AddRange(new ArraySegment<byte>(body, from, body.Length - from));
            return masked.ToArray();
        }

        private static int IndexOf(byte[] body, byte[] value, int start)
        {
#if NET5_0_OR_GREATER
            var found = body.AsSpan(start).IndexOf(value);
            return found < 0 ? -1 : start + found;
#else
            for (var i = start; i + value.Length <= body.Length; i++)
            {
                var j = 0;
                while (j < value.Length && body[i + j] == value[j])
                {
                    j++;
                }

                if (j == value.Length)
                {
                    return i;
                }
            }

            return -1;
#endif
        }
    }
}
