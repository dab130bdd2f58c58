using System;
using System.Buffers;
using System.IO;
using System.Text;

namespace ViberGateways.Http
{
    /// <summary>
    /// A <see cref="TextWriter"/> that encodes what it is given as UTF-8 (no byte order mark) into a stream, batching
    /// characters in pooled buffers: a <see cref="StreamWriter"/> allocates its own character and byte buffers per
    /// writer, which for a one-message request body outweigh the body itself. Disposing flushes; the stream stays open.
    /// </summary>
    internal sealed class PooledUtf8Writer : TextWriter
    {
        private const int BatchChars = 1024;

        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        private readonly Stream _stream;
        private readonly Encoder _encoder = Utf8.GetEncoder();
        private char[]? _chars;
        private byte[]? _bytes;
        private int _count;

        public PooledUtf8Writer(Stream stream)
            : base(System.Globalization.CultureInfo.InvariantCulture)
        {
            _stream = stream ?? throw new ArgumentNullException(nameof(stream));
            _chars = ArrayPool<char>.Shared.Rent(BatchChars);
            // The pool may hand out more characters than asked for, and a batch fills all of them.
            _bytes = ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(_chars.Length));
        }

        public override Encoding Encoding => Utf8;

        public override void Write(char value)
        {
            var chars = Chars();
            if (_count == chars.Length)
            {
                Encode(final: false);
            }

            chars[_count++] = value;
        }

        public override void Write(char[] buffer, int index, int count) => Append(new ReadOnlySpan<char>(buffer, index, count));

        public override void Write(string? value)
        {
            if (value != null)
            {
                Append(value.AsSpan());
            }
        }

        private void Append(ReadOnlySpan<char> value)
        {
            var chars = Chars();
            while (value.Length > 0)
            {
                if (_count == chars.Length)
                {
                    Encode(final: false);
                }

                var taken = Math.Min(value.Length, chars.Length - _count);
                value.Slice(0, taken).CopyTo(chars.AsSpan(_count));
                _count += taken;
                value = value.Slice(taken);
            }
        }

        public override void Flush()
        {
            Chars();
            Encode(final: true);
            _stream.Flush();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _chars != null)
            {
                try
                {
                    Encode(final: true);
                }
                finally
                {
                    ArrayPool<char>.Shared.Return(_chars);
                    ArrayPool<byte>.Shared.Return(_bytes!);
                    _chars = null;
                    _bytes = null;
                }
            }

            base.Dispose(disposing);
        }

        private char[] Chars() => _chars ?? throw new ObjectDisposedException(nameof(PooledUtf8Writer));

        /// <summary>Encodes the batched characters into the stream (a surrogate pair split across batches is held until its second half, unless final).</summary>
        private void Encode(bool final)
        {
            var written = _encoder.GetBytes(_chars!, 0, _count, _bytes!, 0, final);
            _stream.Write(_bytes!, 0, written);
            _count = 0;
        }
    }
}
