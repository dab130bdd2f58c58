using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;

namespace ViberGateways.Http
{
    /// <summary>
    /// Reading the replies of the generated operations, which the pipeline has already read in full and bounded:
    /// JSON with the client's shared serializer, text in the charset the reply names, and a reply that cannot be read
    /// reported as the operation's facts say — for a send, its outcome is unknown.
    /// </summary>
    internal static class GatewayReplies
    {
        /// <summary>The generated code's response headers: the SDK's exceptions carry the status and a redacted snippet, not headers.</summary>
        public static readonly IReadOnlyDictionary<string, IEnumerable<string>> NoHeaders = new Dictionary<string, IEnumerable<string>>();

        public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, JsonSerializer serializer, CancellationToken cancellationToken)
        {
            var body = await BytesAsync(response, cancellationToken).ConfigureAwait(false);
            var encoding = EncodingOf(response);
            T? reply;
            try
            {
                // A small reply is read from its text; a bulk reply from its bytes, never decoded to a large-object-heap string.
                TextReader text = body.Length <= 16 * 1024 ? new StringReader(encoding.GetString(body)) : new StreamReader(new MemoryStream(body, writable: false), encoding);
                using var reader = new JsonTextReader(text) { ArrayPool = JsonCharPool.Instance };
                reply = serializer.Deserialize<T>(reader);
            }
            catch (JsonException exception)
            {
                throw Unreadable(response, encoding.GetString(body), "is not the documented JSON", exception);
            }

            return reply ?? throw Unreadable(response, encoding.GetString(body), "is empty (null)", null);
        }

        /// <summary>The reply's bytes: those the guard read (almost always, and then without a task), or read now.</summary>
        public static ValueTask<byte[]> BytesAsync(HttpResponseMessage response, CancellationToken cancellationToken) => response.Content switch
        {
            null => new ValueTask<byte[]>(Array.Empty<byte>()),
            BufferedReply buffered => new ValueTask<byte[]>(buffered.Body),
            var content => new ValueTask<byte[]>(ReadBytesAsync(content, cancellationToken)),
        };

        private static async Task<byte[]> ReadBytesAsync(HttpContent content, CancellationToken cancellationToken)
        {
#if NET5_0_OR_GREATER
            return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
            cancellationToken.ThrowIfCancellationRequested();
            return await content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
        }

        /// <summary>
        /// A reply's text (nswag-templates/Client.Class.liquid, SDK: 7.): decoded from the bytes the guard read when it
        /// read them (<see cref="BufferedReply.TryText"/>), as <see cref="HttpContent.ReadAsStringAsync()"/> would decode them.
        /// </summary>
        public static Task<string> TextAsync(HttpContent content, CancellationToken cancellationToken)
        {
            if (content is BufferedReply buffered && buffered.TryText(out var text))
            {
                return Task.FromResult(text);
            }
#if NET5_0_OR_GREATER
            return content.ReadAsStringAsync(cancellationToken);
#else
            return content.ReadAsStringAsync();
#endif
        }

        /// <summary>The encoding the reply's content type names; UTF-8 when it names none or one this runtime lacks.</summary>
        public static Encoding EncodingOf(HttpResponseMessage response)
        {
            return (response.Content is BufferedReply buffered ? buffered.Charset.Named : BufferedReply.CharsetOf(response.Content?.Headers.ContentType).Named) ?? Encoding.UTF8;
        }

        /// <summary>
        /// A reply the SDK cannot read. For a query that is the gateway's error; a send may have been accepted all the
        /// same, so its outcome is unknown.
        /// </summary>
        public static GatewayException Unreadable(HttpResponseMessage response, string? body, string problem, Exception? inner)
        {
            var call = GatewayCall.Of(response.RequestMessage!);
            var what = $"The {call.Gateway} {call.Operation.Name} reply";
            return call.Safety == RetrySafety.Repeatable
                ? new GatewayException($"{what} {problem}", (int)response.StatusCode, body, null, inner)
                : new GatewayOutcomeUnknownException($"{what} {problem}; the request may have been accepted", (int)response.StatusCode, body, inner);
        }
    }
}
