using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// The smallest client a developer would write by hand for the AlphaSMS XML API (<c>POST api/xml.php</c>): an
    /// <see cref="XmlWriter"/> into a <see cref="MemoryStream"/>, the reply read into an <see cref="XDocument"/> with
    /// DTDs prohibited. It writes the same document, indentation included, as <c>AlphaSmsXmlClient.SendAsync</c>.
    /// </summary>
    public sealed class HandWrittenXmlClient
    {
        private static readonly XmlWriterSettings WriterSettings = new()
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
        };

        private static readonly XmlReaderSettings ReaderSettings = new()
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };

        private readonly HttpClient _http;
        private readonly string _apiKey;

        /// <summary>Creates the client.</summary>
        /// <param name="http">The HTTP client, with the gateway's base address.</param>
        /// <param name="apiKey">The AlphaSMS API key.</param>
        public HandWrittenXmlClient(HttpClient http, string apiKey)
        {
            _http = http;
            _apiKey = apiKey;
        }

        /// <summary>Sends one Viber text message.</summary>
        /// <param name="clientId">The caller's unique id for the message.</param>
        /// <param name="recipient">International number, digits only.</param>
        /// <param name="sender">The Viber sender name.</param>
        /// <param name="text">The message text.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>The gateway's id for the message.</returns>
        public async Task<long> SendTextAsync(long clientId, string recipient, string sender, string text, CancellationToken cancellationToken = default)
        {
            using var buffer = new MemoryStream();
            using (var writer = XmlWriter.Create(buffer, WriterSettings))
            {
                writer.WriteStartDocument();
                writer.WriteStartElement("package");
                writer.WriteAttributeString("key", _apiKey);
                writer.WriteStartElement("message-viber");
                writer.WriteStartElement("msg");
                writer.WriteAttributeString("id", clientId.ToString(CultureInfo.InvariantCulture));
                writer.WriteElementString("phone", "+" + recipient);
                writer.WriteElementString("sender", sender);
                writer.WriteElementString("type", "text");
                writer.WriteElementString("text", text);
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteEndElement();
                writer.WriteEndDocument();
            }

            var content = new ByteArrayContent(buffer.ToArray());
            content.Headers.ContentType = new MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" };
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/xml.php") { Content = content };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/xml"));
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();

            using var replyStream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var reader = XmlReader.Create(replyStream, ReaderSettings);
            var msg = XDocument.Load(reader).Root?.Element("message-viber")?.Element("msg");
            // Codes below 200 are accepted states; 200 and above are errors.
            if (msg is null || !int.TryParse(msg.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code >= 200
                || !long.TryParse((string?)msg.Attribute("msg_id"), NumberStyles.None, CultureInfo.InvariantCulture, out var gatewayId))
            {
                throw new InvalidOperationException("AlphaSMS refused the message: " + msg);
            }

            return gatewayId;
        }
    }
}
