using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>A reply body that is endless (counting what was read) or breaks off after some bytes.</summary>
    internal sealed class HostileContent : HttpContent
    {
        private readonly long _failAfter;
        private readonly long _length;

        private HostileContent(long length, long failAfter)
        {
            _length = length;
            _failAfter = failAfter;
        }

        public long BytesRead { get; private set; }

        /// <summary>A body of <paramref name="megabytes"/> MB of 'x' that does not declare its length.</summary>
        public static HostileContent Huge(int megabytes) => new(megabytes * 1024L * 1024L, long.MaxValue);

        /// <summary>A JSON-looking body that breaks off (the connection drops) after <paramref name="bytes"/> bytes.</summary>
        public static HostileContent CutAfter(int bytes) => new(long.MaxValue, bytes);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var chunk = new byte[8192];
            for (var i = 0; i < chunk.Length; i++)
            {
                chunk[i] = (byte)(i == 0 ? '{' : 'x');
            }

            while (BytesRead < _length)
            {
                if (BytesRead >= _failAfter)
                {
                    throw new IOException("The response ended prematurely.");
                }

                var count = (int)Math.Min(chunk.Length, Math.Min(_length, _failAfter) - BytesRead);
                await stream.WriteAsync(chunk, 0, count).ConfigureAwait(false);
                BytesRead += count;
            }
        }

        protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new Reader(this));

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        /// <summary>Reads the body lazily, so a reader that stops early costs nothing more.</summary>
        private sealed class Reader : Stream
        {
            private readonly HostileContent _content;

            public Reader(HostileContent content) => _content = content;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => _content.BytesRead; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (_content.BytesRead >= _content._failAfter)
                {
                    throw new IOException("The response ended prematurely.");
                }

                var available = (int)Math.Min(count, Math.Min(_content._length, _content._failAfter) - _content.BytesRead);
                for (var i = 0; i < available; i++)
                {
                    buffer[offset + i] = (byte)(_content.BytesRead + i == 0 ? '{' : 'x');
                }

                _content.BytesRead += available;
                return available;
            }

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer, offset, count));

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
