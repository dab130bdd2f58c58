using System.IO;
using System.Linq;
using System.Text;
using ViberGateways.Http;

namespace ViberGateways.Tests.Bodies
{
    /// <summary>
    /// The writer JSON request bodies are serialized through writes exactly the UTF-8 bytes of its text, across the
    /// boundaries of its pooled batches too, and leaves the stream open.
    /// </summary>
    public class PooledUtf8WriterTests
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        [Theory]
        [InlineData(10)]
        [InlineData(1023)]
        [InlineData(1024)]
        [InlineData(5000)]
        public void Text_of_any_length_is_written_as_its_utf8_bytes_even_with_a_surrogate_pair_split_across_batches(int prefixLength)
        {
            // "😀" is a surrogate pair: after a prefix of 1023 characters its halves fall in two batches.
            var text = new string('a', prefixLength) + "Привіт 😀 " + string.Concat(Enumerable.Repeat("ß€", 700));

            Write(writer => writer.Write(text)).ShouldBe(Utf8.GetBytes(text));
            Write(writer => writer.Write(text.ToCharArray(), 0, text.Length)).ShouldBe(Utf8.GetBytes(text));
            Write(writer =>
            {
                foreach (var character in text)
                {
                    writer.Write(character);
                }
            }).ShouldBe(Utf8.GetBytes(text));
        }

        [Fact]
        public void After_disposing_writing_and_flushing_are_refused_as_disposed_and_disposing_again_does_nothing()
        {
            using var stream = new MemoryStream();
            var writer = new PooledUtf8Writer(stream);
            writer.Write("body");
            writer.Dispose();

            Should.Throw<System.ObjectDisposedException>(() => writer.Flush());
            Should.Throw<System.ObjectDisposedException>(() => writer.Write("more"));
            Should.Throw<System.ObjectDisposedException>(() => writer.Write('m'));
            writer.Dispose();
            stream.ToArray().ShouldBe(Utf8.GetBytes("body"));
        }

        [Fact]
        public void Disposing_flushes_and_leaves_the_stream_open()
        {
            using var stream = new MemoryStream();
            using (var writer = new PooledUtf8Writer(stream))
            {
                writer.Write("{\"a\":1}");
                stream.Length.ShouldBe(0, "characters are batched until a flush");
            }

            stream.CanWrite.ShouldBeTrue();
            stream.ToArray().ShouldBe(Utf8.GetBytes("{\"a\":1}"));
        }

        private static byte[] Write(System.Action<PooledUtf8Writer> write)
        {
            using var stream = new MemoryStream();
            using (var writer = new PooledUtf8Writer(stream))
            {
                write(writer);
            }

            return stream.ToArray();
        }
    }
}
