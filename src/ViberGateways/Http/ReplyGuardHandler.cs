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
    internal sealed class ReplyGuardHandler : DelegatingHandler
    {
        private readonly int _maxReplyBytes;

        public ReplyGuardHandler(int maxReplyBytes)
        {
            _maxReplyBytes = maxReplyBytes > 0 ? maxReplyBytes : throw new ArgumentOutOfRangeException(nameof(maxReplyBytes));
        }

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

                var replacement = new BufferedReply(MaskSecrets(body, secrets, response.Content.Headers.ContentType?.CharSet));
                // The body is read: of its headers, only the type (and charset) still describes it.
                replacement.Headers.ContentType = response.Content.Headers.ContentType;
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

        private static byte[] MaskSecrets(byte[] body, IReadOnlyList<string> secrets, string? charset)
        {
            // Replies are UTF-8; a reply in another charset is passed on unchanged rather than re-encoded.
            if (charset != null && !charset.Trim('"').Equals("utf-8", StringComparison.OrdinalIgnoreCase))
            {
                return body;
            }

            string? text = null;
            foreach (var secret in secrets)
            {
                // Almost no reply echoes a credential: look for its bytes before decoding anything.
                if (Contains(body, Encoding.UTF8.GetBytes(secret)))
                {
                    text = (text ?? Encoding.UTF8.GetString(body)).Replace(secret, SecretRedactor.Mask);
                }
            }

            return text is null ? body : Encoding.UTF8.GetBytes(text);
        }

        private static bool Contains(byte[] body, byte[] value)
        {
#if NET5_0_OR_GREATER
            return body.AsSpan().IndexOf(value) >= 0;
#else
            for (var i = 0; i + value.Length <= body.Length; i++)
            {
                var j = 0;
                while (j < value.Length && body[i + j] == value[j])
                {
                    j++;
                }

                if (j == value.Length)
                {
                    return true;
                }
            }

            return false;
#endif
        }
    }

    /// <summary>A reply the guard read in full: its bytes, for the client to read without another copy.</summary>
    internal sealed class BufferedReply : ByteArrayContent
    {
        public BufferedReply(byte[] body)
            : base(body)
        {
            Body = body;
        }

        public byte[] Body { get; }
    }
}
