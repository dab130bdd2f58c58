using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Http
{
    /// <summary>
    /// The innermost step of the SDK's pipeline, once per attempt. Sends it through the caller's <see cref="HttpClient"/>
    /// (its handlers, connection pool and base address); an <see cref="HttpClient"/> sends a request message only once,
    /// so a repeated attempt goes out as a copy with the same method, URI, headers and body. Then reads the reply in
    /// full before the client sees it: at most <see cref="GatewayResilienceOptions.MaxReplyBytes"/> (a larger reply is a
    /// <see cref="GatewayException"/>, never a hang or an out-of-memory), so a reply cut off mid-body fails inside the
    /// attempt where the retry policy can judge it; and any credential of the request that the gateway echoes back (an
    /// error text quoting the key, say) is masked before it can reach an exception.
    /// </summary>
    internal sealed class ReplyGuardHandler(HttpClient client, int maxReplyBytes) : HttpMessageHandler
    {
        private readonly int _maxReplyBytes = maxReplyBytes > 0 ? maxReplyBytes : throw new ArgumentOutOfRangeException(nameof(maxReplyBytes));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = GatewayCall.Of(request);
            var response = await SendAttemptAsync(request, call.Attempts > 1, cancellationToken).ConfigureAwait(false);
            if (response.Content is null)
            {
                return response;
            }

            try
            {
                var body = await ReadBoundedAsync(response.Content, _maxReplyBytes, cancellationToken).ConfigureAwait(false);
                if (body is null)
                {
                    var declared = response.Content.Headers.ContentLength;
                    throw GatewayReplies.Unreadable(response, null,
                        $"is larger than {_maxReplyBytes} bytes{(declared is null ? "" : $" ({declared} declared)")}; no documented reply is, so it was not read", null);
                }

                // The body is read: of its headers, only the type (and charset) still describes it.
                var contentType = response.Content.Headers.ContentType;
                var charset = BufferedReply.CharsetOf(contentType);
                var replacement = new BufferedReply(MaskSecrets(body, call.Secrets, charset.Named ?? Encoding.UTF8), contentType, charset);
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

        private async Task<HttpResponseMessage> SendAttemptAsync(HttpRequestMessage request, bool repeat, CancellationToken cancellationToken)
        {
            var attempt = repeat ? Copy(request) : request;
            try
            {
                var response = await client.SendAsync(attempt, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                response.RequestMessage = request;
                return response;
            }
            finally
            {
                if (repeat)
                {
                    // The body belongs to the original request, which a later attempt may send again.
                    attempt.Content = null;
                    attempt.Dispose();
                }
            }
        }

        private static HttpRequestMessage Copy(HttpRequestMessage request)
        {
            var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, Content = request.Content };
#if NET5_0_OR_GREATER
            copy.VersionPolicy = request.VersionPolicy;
            foreach (var option in request.Options)
            {
                ((IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
            }
#else
            foreach (var property in request.Properties)
            {
                copy.Properties[property.Key] = property.Value;
            }
#endif
            foreach (var header in request.Headers)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            return copy;
        }

        /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
        private static Task<byte[]?> ReadBoundedAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
        {
            // A reply that comes after the caller (or the attempt timeout) gave up is not read.
            cancellationToken.ThrowIfCancellationRequested();
            if (content.Headers.ContentLength is not long declared)
            {
                return ReadUndeclaredAsync(content, maxBytes, cancellationToken);
            }

            if (declared > maxBytes)
            {
                return Task.FromResult<byte[]?>(null);
            }

            // HTTP framing stops the read at the declared length: read it in one piece, in the runtime's own task.
#if NET5_0_OR_GREATER
            return content.ReadAsByteArrayAsync(cancellationToken)!;
#else
            return content.ReadAsByteArrayAsync()!;
#endif
        }

        /// <summary>A body of no declared length, read in chunks until it ends or passes <paramref name="maxBytes"/> (null).</summary>
        private static async Task<byte[]?> ReadUndeclaredAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
        {
#if NET5_0_OR_GREATER
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using var buffer = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        return null;
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.ToArray();
        }

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
                if (value.Length == 0 || body.AsSpan().IndexOf(value) < 0)
                {
                    continue;
                }

                var mask = encoding.GetBytes(SecretRedactor.Mask);
                var masked = new List<byte>(body.Length);
                var from = 0;
                for (int at; (at = body.AsSpan(from).IndexOf(value)) >= 0; from += at + value.Length)
                {
                    masked.AddRange(new ArraySegment<byte>(body, from, at));
                    masked.AddRange(mask);
                }

                masked.AddRange(new ArraySegment<byte>(body, from, body.Length - from));
                body = masked.ToArray();
            }

            return body;
        }
    }
}
