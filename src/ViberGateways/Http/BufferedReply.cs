using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace ViberGateways.Http
{
    /// <summary>A reply the guard read in full: its bytes, for the client to read without another copy.</summary>
    internal sealed class BufferedReply : ByteArrayContent
    {
        private ReplyCharset? _charset;

        /// <param name="body">The reply's bytes.</param>
        /// <param name="contentType">The reply's Content-Type, the one header that still describes the bytes.</param>
        /// <param name="charset">Its charset, when the caller has looked it up already.</param>
        public BufferedReply(byte[] body, MediaTypeHeaderValue? contentType = null, ReplyCharset? charset = null)
            : base(body)
        {
            Body = body;
            Headers.ContentType = contentType;
            _charset = charset;
        }

        public byte[] Body { get; }

        /// <summary>The charset the Content-Type names, looked up once for every reader (text, JSON, XML and the log event).</summary>
        public ReplyCharset Charset => _charset ??= ReplyCharset.Of(Headers.ContentType);

        /// <summary>
        /// The body as text, decoded as <see cref="HttpContent.ReadAsStringAsync()"/> decodes it (the charset the
        /// Content-Type names; else a byte order mark; else UTF-8; a matching mark skipped), straight from
        /// <see cref="Body"/>: reading it through <see cref="HttpContent"/> would copy the whole body into a buffer of
        /// its own first. False for a charset this runtime does not know, which only that reading reports as it does.
        /// </summary>
        public bool TryText(out string text)
        {
            var charset = Charset;
            if (charset.Unknown)
            {
                text = "";
                return false;
            }

            var encoding = charset.Named ?? EncodingOfByteOrderMark() ?? Encoding.UTF8;

            var mark = MarkLength(encoding);
            text = encoding.GetString(Body, mark, Body.Length - mark);
            return true;
        }

        /// <summary>The length of <paramref name="encoding"/>'s byte order mark when the body starts with it, else 0.</summary>
        private int MarkLength(Encoding encoding)
        {
#if NET5_0_OR_GREATER
            var mark = encoding.Preamble;
            return mark.Length > 0 && Body.AsSpan().StartsWith(mark) ? mark.Length : 0;
#else
            var mark = encoding.GetPreamble();
            return mark.Length > 0 && StartsWith(mark) ? mark.Length : 0;
#endif
        }

        private Encoding? EncodingOfByteOrderMark()
        {
            // Only a body that starts as a mark could be one: most replies are spared the checks below.
            if (Body.Length < 2 || Body[0] is not (0xEF or 0xFF or 0xFE or 0x00))
            {
                return null;
            }

            return StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? Encoding.UTF8
                : StartsWith(new byte[] { 0xFF, 0xFE, 0x00, 0x00 }) ? Encoding.UTF32
                : StartsWith(new byte[] { 0xFF, 0xFE }) ? Encoding.Unicode
                : StartsWith(new byte[] { 0xFE, 0xFF }) ? Encoding.BigEndianUnicode
                : null;
        }

        private bool StartsWith(byte[] prefix)
        {
            if (Body.Length < prefix.Length)
            {
                return false;
            }

            for (var i = 0; i < prefix.Length; i++)
            {
                if (Body[i] != prefix[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
