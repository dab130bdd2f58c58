using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace ViberGateways.Http
{
    /// <summary>A reply the guard read in full: its bytes, for the client to read without another copy.</summary>
    internal sealed class BufferedReply : ByteArrayContent
    {
        private (Encoding? Named, bool Unknown)? _charset;

        /// <param name="body">The reply's bytes.</param>
        /// <param name="contentType">The reply's Content-Type, the one header that still describes the bytes.</param>
        /// <param name="charset">Its charset, when the caller has looked it up already.</param>
        public BufferedReply(byte[] body, MediaTypeHeaderValue? contentType = null, (Encoding? Named, bool Unknown)? charset = null)
            : base(body)
        {
            Body = body;
            Headers.ContentType = contentType;
            _charset = charset;
        }

        public byte[] Body { get; }

        /// <summary>The charset the Content-Type names, looked up once for every reader (text, JSON, XML and the log event).</summary>
        public (Encoding? Named, bool Unknown) Charset => _charset ??= CharsetOf(Headers.ContentType);

        /// <summary>
        /// The encoding a Content-Type's charset names (null when it names none), or whether it names one this runtime
        /// does not know. Reading the text decides what none or an unknown one means (<see cref="TryText"/>).
        /// </summary>
        public static (Encoding? Named, bool Unknown) CharsetOf(MediaTypeHeaderValue? contentType)
        {
            var charset = contentType?.CharSet;
            if (string.IsNullOrEmpty(charset))
            {
                return default;
            }

            // One pair of quotes around the name, as HttpContent.ReadAsStringAsync takes it.
            var name = charset!.Length > 2 && charset[0] == '"' && charset[charset.Length - 1] == '"' ? charset.Substring(1, charset.Length - 2) : charset;
            try
            {
                return (Encoding.GetEncoding(name), false);
            }
            catch (ArgumentException)
            {
                return (null, true);
            }
        }

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
#if NET5_0_OR_GREATER
            var mark = encoding.Preamble;
#else
            var mark = encoding.GetPreamble();
#endif
            var skipped = mark.Length > 0 && Body.AsSpan().StartsWith(mark) ? mark.Length : 0;
            text = encoding.GetString(Body, skipped, Body.Length - skipped);
            return true;
        }

        private Encoding? EncodingOfByteOrderMark()
        {
            // Only a body that starts as a mark could be one: most replies are spared the checks below.
            var body = Body.AsSpan();
            return body.Length < 2 || body[0] is not (0xEF or 0xFF or 0xFE or 0x00) ? null
                : body.StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }) ? Encoding.UTF8
                : body.StartsWith(new byte[] { 0xFF, 0xFE, 0x00, 0x00 }) ? Encoding.UTF32
                : body.StartsWith(new byte[] { 0xFF, 0xFE }) ? Encoding.Unicode
                : body.StartsWith(new byte[] { 0xFE, 0xFF }) ? Encoding.BigEndianUnicode
                : null;
        }
    }
}
