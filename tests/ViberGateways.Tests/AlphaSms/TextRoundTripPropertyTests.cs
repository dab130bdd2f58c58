using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Web;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using ViberGateways.AlphaSms;
using ViberGateways.Tests.Infrastructure;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.AlphaSms
{
    /// <summary>
    /// Arbitrary Unicode text (emoji, markup and query metacharacters, line breaks, right-to-left scripts, combining
    /// marks) sent by the client comes back unchanged when the request body is read by an independent parser:
    /// System.Text.Json for JSON, System.Xml for XML, System.Web's query parser for the HTTP query and form.
    /// </summary>
    public class TextRoundTripPropertyTests
    {
        private const int CasesPerTransport = 1000;

        private static readonly string[] Specials = { "<", ">", "&", "\"", "'", "&amp;", "&=", "+", "%", "%20", "#", "?", ";", "/", "\\", "]]>", "\n", "\r", "\r\n", "\t", " " };

        /// <summary>One Unicode character (a code point, as a string of one or two UTF-16 units) from a mix of ranges.</summary>
        private static readonly Gen<string> Character = Gen.OneOf(
            Gen.Choose(0x20, 0x7E).Select(Char),                  // ASCII
            Gen.Elements(Specials),                                // markup, query metacharacters, line breaks
            Gen.Choose(0x1F300, 0x1FAFF).Select(Char),            // emoji (surrogate pairs)
            Gen.Choose(0x05D0, 0x05EA).Select(Char),              // Hebrew
            Gen.Choose(0x0627, 0x064A).Select(Char),              // Arabic
            Gen.Elements("\u200F", "\u200E", "\u202B", "\u202C"), // bidi marks and embeddings
            Gen.Choose(0x0400, 0x04FF).Select(Char),              // Cyrillic
            Gen.Choose(0x0300, 0x036F).Select(Char),              // combining marks
            Gen.Choose(0x4E00, 0x9FFF).Select(Char),              // CJK
            Gen.Choose(0xA0, 0xD7FF).Select(Char));               // anything else in the BMP below the surrogates

        private static readonly Gen<string> Texts = Character.ListOf()
            .Select(parts => string.Concat(parts))
            .Where(text => !string.IsNullOrWhiteSpace(text) && new StringInfo(text).CodePoints <= 1000);

        [Theory]
        [InlineData(Variant.Json)]
        [InlineData(Variant.Xml)]
        [InlineData(Variant.HttpGet)]
        [InlineData(Variant.HttpPost)]
        public void Any_text_reaches_the_gateway_unchanged(Variant variant)
        {
            var property = Prop.ForAll(Arb.From(Texts), text =>
            {
                var gateway = new StubGateway();
                var client = Client(variant, gateway);
                gateway.Reply(variant switch
                {
                    Variant.Json => """{"success":true,"data":[{"success":true,"data":{"id":1001,"msg_id":1}}]}""",
                    Variant.Xml => "<package><message-viber><msg id=\"1001\" msg_id=\"1\">1</msg></message-viber></package>",
                    _ => "id:1 sms_count:1",
                });

                client.SendAsync(Message(client, text)).GetAwaiter().GetResult();

                return TextOnTheWire(variant, gateway.LastRequest) == text;
            });

            Check.One(Config.QuickThrowOnFailure.WithMaxTest(CasesPerTransport).WithEndSize(400), property);
        }

        private static string? TextOnTheWire(Variant variant, RecordedRequest request) => variant switch
        {
            Variant.Json => JsonDocument.Parse(request.Body).RootElement.GetProperty("data")[0].GetProperty("viber_message").GetString(),
            Variant.Xml => XDocument.Parse(request.BodyText).Descendants("text").Single().Value,
            Variant.HttpGet => HttpUtility.ParseQueryString(request.Uri.Query)["viber_message"],
            _ => HttpUtility.ParseQueryString(request.BodyText)["viber_message"],
        };

        private static string Char(int codePoint) => char.ConvertFromUtf32(codePoint);

        private readonly struct StringInfo
        {
            private readonly string _text;

            public StringInfo(string text) => _text = text;

            public int CodePoints => _text.Count(c => !char.IsLowSurrogate(c));
        }
    }
}
