using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using ViberGateways.Http;

namespace ViberGateways.AlphaSms
{
    // The XML wire format of specs/alphasms-xml.yaml: documents written with XmlWriter (text escaped by it), replies
    // read with DTD processing prohibited and no external resolution.
    public partial class AlphaSmsXmlClient
    {
        private const string XmlPath = "api/xml.php";

        private static readonly XmlWriterSettings WriterSettings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            // "\r" in user text is written as &#xD; so it survives the reader's line-break normalisation.
            NewLineHandling = NewLineHandling.Entitize,
            CheckCharacters = true,
        };

        private static readonly XmlReaderSettings ReaderSettings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = GatewayHttp.MaxReplyBytes,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };

        private static HttpContent Write(AlphaSmsXmlSendPackage package) => WritePackage(package.Key, writer =>
        {
            writer.WriteStartElement("message-viber");
            foreach (var message in package.MessageViber)
            {
                writer.WriteStartElement("msg");
                WriteAttribute(writer, "id", message.Id);
                if (message.DateBeg != null)
                {
                    writer.WriteAttributeString("date_beg", message.DateBeg);
                }

                writer.WriteElementString("phone", message.Phone);
                writer.WriteElementString("sender", message.Sender);
                writer.WriteElementString("type", message.Type switch
                {
                    AlphaSmsXmlMessageType.Text => "text",
                    AlphaSmsXmlMessageType.Image => "image",
                    _ => "button",
                });
                writer.WriteElementString("text", message.Text);
                WriteOptionalElement(writer, "image", message.Image);
                WriteOptionalElement(writer, "button", message.Button);
                WriteOptionalElement(writer, "url", message.Url);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });

        private static HttpContent Write(AlphaSmsXmlStatusPackage package) => WritePackage(package.Key, writer =>
        {
            writer.WriteStartElement("status");
            foreach (var query in package.Status)
            {
                writer.WriteStartElement("msg");
                WriteAttribute(writer, "id", query.Id);
                WriteAttribute(writer, "sms_id", query.SmsId);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });

        private static HttpContent Write(AlphaSmsXmlBalancePackage package) => WritePackage(package.Key, writer =>
        {
            writer.WriteStartElement("balance");
            writer.WriteEndElement();
        });

        private static AlphaSmsXmlSendReply ReadSendReply(XmlReplyBody xml)
        {
            // The reply table names the element "message"; every example uses "message-viber": accept both.
            var results = Container(xml, "message-viber", "message").Elements("msg").Select(msg => new AlphaSmsXmlSendResult
            {
                Id = LongAttribute(msg, "id"),
                MsgId = LongAttribute(msg, "msg_id"),
                Code = Code(msg, xml),
            });
            var reply = new AlphaSmsXmlSendReply();
            foreach (var result in results)
            {
                reply.MessageViber.Add(result);
            }

            return reply;
        }

        private static AlphaSmsXmlStatusReply ReadStatusReply(XmlReplyBody xml)
        {
            var reply = new AlphaSmsXmlStatusReply();
            foreach (var msg in Container(xml, "status").Elements("msg"))
            {
                reply.Status.Add(new AlphaSmsXmlStatusResult
                {
                    Id = LongAttribute(msg, "id"),
                    SmsId = LongAttribute(msg, "sms_id"),
                    SmsCount = (int?)LongAttribute(msg, "sms_count"),
                    DateCompleted = (string?)msg.Attribute("date_completed"),
                    Code = Code(msg, xml),
                });
            }

            return reply;
        }

        private static AlphaSmsXmlBalanceReply ReadBalanceReply(XmlReplyBody xml)
        {
            var balance = Container(xml, "balance");
            var amountText = ((string?)balance.Element("amount"))?.Trim();
            if (!decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount))
            {
                throw Undocumented("The AlphaSMS XML balance reply has no readable amount", xml, null);
            }

            return new AlphaSmsXmlBalanceReply { Balance = new AlphaSmsXmlBalance { Amount = amount, Currency = ((string?)balance.Element("currency"))?.Trim() } };
        }

        private async Task<XmlReplyBody> PostAsync(HttpContent document, GatewayCall call, CancellationToken cancellationToken)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, RequestUri(_httpClient, XmlPath)) { Content = document };
            call.AttachTo(request);
            var (body, encoding) = await GatewayHttp.SendForBytesAsync(_httpClient, request, cancellationToken).ConfigureAwait(false);
            return new XmlReplyBody(body, encoding);
        }

        private static HttpContent WritePackage(string key, Action<XmlWriter> writeBody) => PooledBodyContent.Write(
            new MediaTypeHeaderValue("application/xml") { CharSet = "utf-8" },
            stream =>
            {
                using var writer = XmlWriter.Create(stream, WriterSettings);
                writer.WriteStartDocument();
                writer.WriteStartElement("package");
                writer.WriteAttributeString("key", key);
                writeBody(writer);
                writer.WriteEndElement();
                writer.WriteEndDocument();
            });

        private static void WriteAttribute(XmlWriter writer, string name, long? value)
        {
            if (value.HasValue)
            {
                writer.WriteAttributeString(name, value.Value.ToString(CultureInfo.InvariantCulture));
            }
        }

        private static void WriteOptionalElement(XmlWriter writer, string name, string? value)
        {
            if (value != null)
            {
                writer.WriteElementString(name, value);
            }
        }

        /// <summary>
        /// The reply's <c>&lt;package&gt;</c> child named <paramref name="names"/>. A package without it is a
        /// request-level error (which element carries that code is not documented, so any numeric code in the
        /// package is read), or not a documented reply at all.
        /// </summary>
        private static XElement Container(XmlReplyBody xml, params string[] names)
        {
            XDocument document;
            try
            {
                using var reader = xml.Open(ReaderSettings);
                document = XDocument.Load(reader);
            }
            catch (XmlException exception)
            {
                throw Undocumented("The AlphaSMS XML reply is not well-formed XML (or contains a DTD)", xml, exception);
            }

            var package = document.Root is { Name.LocalName: "package" } root ? root : throw Undocumented("The AlphaSMS XML reply has no <package> root", xml, null);
            var container = package.Elements().FirstOrDefault(e => names.Contains(e.Name.LocalName));
            if (container != null)
            {
                return container;
            }

            var requestError = package.DescendantNodes().OfType<XText>()
                .Select(t => int.TryParse(t.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : (int?)null)
                .FirstOrDefault(code => code >= 200);
            if (requestError is { } errorCode)
            {
                var name = Enum.IsDefined(typeof(AlphaSmsXmlRequestErrorCode), errorCode) ? ((AlphaSmsXmlRequestErrorCode)errorCode).ToString() : "an undocumented error";
                throw new GatewayRejectedException($"AlphaSMS rejected the XML request: {errorCode} ({name})",
                    errorCode.ToString(CultureInfo.InvariantCulture), name, xml.Text);
            }

            throw Undocumented($"The AlphaSMS XML reply has no <{names[0]}> element", xml, null);
        }

        private static long? LongAttribute(XElement element, string name) =>
            element.Attribute(name) is { } attribute
                ? long.TryParse(attribute.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null
                : null;

        private static int Code(XElement msg, XmlReplyBody xml) =>
            int.TryParse(msg.Value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                ? code
                : throw Undocumented("An AlphaSMS XML reply <msg> carries no numeric status code", xml, null);

        private static GatewayException Undocumented(string message, XmlReplyBody xml, Exception? inner) =>
            new GatewayException(message, 200, xml.Text, null, inner);

        /// <summary>
        /// A reply as received: parsed from its bytes (as the XML declaration says, when the HTTP charset is UTF-8 or
        /// absent) and decoded to text only for an error's snippet.
        /// </summary>
        private readonly struct XmlReplyBody
        {
            private readonly byte[] _body;
            private readonly Encoding _encoding;

            public XmlReplyBody(byte[] body, Encoding encoding)
            {
                _body = body;
                _encoding = encoding;
            }

            public string Text => _encoding.GetString(_body);

            public XmlReader Open(XmlReaderSettings settings) =>
                _encoding.CodePage == Encoding.UTF8.CodePage
                    ? XmlReader.Create(new MemoryStream(_body), settings)
                    : XmlReader.Create(new StringReader(Text), settings);
        }
    }
}
