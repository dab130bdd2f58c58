using System;
using System.Net.Http.Headers;
using System.Text;

namespace ViberGateways.Http
{
    /// <summary>
    /// The charset a reply's Content-Type names, looked up once: the encoding, none named, or one this runtime does not
    /// know. Reading the text decides what none or an unknown one means (<see cref="BufferedReply.TryText"/>).
    /// </summary>
    internal readonly struct ReplyCharset
    {
        private ReplyCharset(Encoding? named, bool unknown)
        {
            Named = named;
            Unknown = unknown;
        }

        /// <summary>The encoding the charset names; null when none is named or it is unknown.</summary>
        public Encoding? Named { get; }

        /// <summary>Whether a charset is named that this runtime does not know.</summary>
        public bool Unknown { get; }

        /// <summary>The named encoding, else UTF-8 (the gateways' documented charset).</summary>
        public Encoding OrUtf8 => Named ?? Encoding.UTF8;

        public static ReplyCharset Of(MediaTypeHeaderValue? contentType)
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
                return new ReplyCharset(Encoding.GetEncoding(name), unknown: false);
            }
            catch (ArgumentException)
            {
                return new ReplyCharset(null, unknown: true);
            }
        }
    }
}
