using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using ViberGateways.Http;

namespace ViberGateways.Tests.Bodies
{
    /// <summary>
    /// A reply the pipeline buffered is read as text exactly as <see cref="HttpContent.ReadAsStringAsync()"/> reads the
    /// same bytes and headers: the named charset, else a byte order mark, else UTF-8; a matching mark skipped; an
    /// unknown charset the same error.
    /// </summary>
    public class BufferedReplyTextTests
    {
        public static TheoryData<byte[], string?> Replies => new()
        {
            { Encoding.UTF8.GetBytes("id:84523377 sms_count:1"), "utf-8" },
            { Encoding.UTF8.GetBytes("id:84523377 sms_count:1"), null },
            { Encoding.UTF8.GetBytes("\"quoted\" charset"), "\"utf-8\"" },
            { Encoding.UTF8.GetPreamble().AsEnumerable().Concat(Encoding.UTF8.GetBytes("marked Привіт")).ToArray(), null },
            { Encoding.UTF8.GetPreamble().AsEnumerable().Concat(Encoding.UTF8.GetBytes("marked Привіт")).ToArray(), "utf-8" },
            { Encoding.Unicode.GetPreamble().AsEnumerable().Concat(Encoding.Unicode.GetBytes("utf-16 Привіт")).ToArray(), null },
            { Encoding.BigEndianUnicode.GetPreamble().AsEnumerable().Concat(Encoding.BigEndianUnicode.GetBytes("utf-16be Привіт")).ToArray(), null },
            { Encoding.UTF32.GetPreamble().AsEnumerable().Concat(Encoding.UTF32.GetBytes("utf-32 Привіт")).ToArray(), null },
            { Encoding.Latin1.GetBytes("Latin-1 café"), "iso-8859-1" },
            { Encoding.UTF8.GetBytes("mark of another charset"), "utf-16" },
            { new byte[] { 0xFF }, null },
            { System.Array.Empty<byte>(), "utf-8" },
        };

        [Theory]
        [MemberData(nameof(Replies))]
        public async Task Text_is_what_ReadAsStringAsync_reads(byte[] body, string? charset)
        {
            var expected = await Content(new ByteArrayContent(body), charset).ReadAsStringAsync();

            (await GatewayReplies.TextAsync(Content(new BufferedReply(body), charset), default)).ShouldBe(expected);
        }

        [Fact]
        public async Task An_unknown_charset_fails_as_ReadAsStringAsync_fails()
        {
            var expected = await Should.ThrowAsync<System.InvalidOperationException>(() => Content(new ByteArrayContent(new byte[] { 0x41 }), "no-such-charset").ReadAsStringAsync());

            (await Should.ThrowAsync<System.InvalidOperationException>(() => GatewayReplies.TextAsync(Content(new BufferedReply(new byte[] { 0x41 }), "no-such-charset"), default)))
                .Message.ShouldBe(expected.Message);
        }

        private static HttpContent Content(HttpContent content, string? charset)
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = charset };
            return content;
        }
    }
}
