using System;
using System.Net.Http;
using System.Text;

namespace ViberGateways.Http
{
    /// <summary>A reply the guard read in full: its bytes, for the client to read without another copy.</summary>
    internal sealed class BufferedReply : ByteArrayContent
    {
        /// <param name="body">The reply's bytes.</param>
        /// <param name="encoding">Its charset as <see cref="GatewayReplies.EncodingOf"/> reads it, when known already.</param>
        public BufferedReply(byte[] body, Encoding? encoding = null)
            : base(body)
        {
            Body = body;
            Encoding = encoding;
        }

        public byte[] Body { get; }

        /// <summary>The charset the guard read from the reply's headers (each reader would otherwise look it up again).</summary>
        public Encoding? Encoding { get; }

        /// <summary>
        /// The body as text, decoded as <see cref="HttpContent.ReadAsStringAsync()"/> decodes it (the charset the
        /// Content-Type names; else a byte order mark; else UTF-8; a matching mark skipped), straight from
        /// <see cref="Body"/>: reading it through <see cref="HttpContent"/> would copy the whole body into a buffer of
        /// its own first. False for a charset this runtime does not know, which only that reading reports as it does.
        /// </summary>
        public bool TryText(out string text)
        {
            var charset = Headers.ContentType?.CharSet;
            Encoding encoding;
            if (charset != null)
            {
                try
                {
                    encoding = Encoding.GetEncoding(charset.Length > 2 && charset[0] == '"' && charset[charset.Length - 1] == '"' ? charset.Substring(1, charset.Length - 2) : charset);
                }
                catch (ArgumentException)
                {
                    text = "";
                    return false;
                }
            }
            else
            {
                encoding = EncodingOfByteOrderMark() ?? Encoding.UTF8;
            }

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
