using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Http
{
    /// <summary>Reads a reply body, never more than a limit: the one bounded read behind <see cref="ReplyGuardHandler"/>.</summary>
    internal static class BoundedBody
    {
        /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
        public static async Task<byte[]?> ReadAsync(HttpContent content, int maxBytes, CancellationToken cancellationToken)
        {
            // A reply that comes after the caller (or the attempt timeout) gave up is not read.
            cancellationToken.ThrowIfCancellationRequested();
            if (content.Headers.ContentLength is long declared)
            {
                if (declared > maxBytes)
                {
                    return null;
                }

                // HTTP framing stops the read at the declared length: read it in one piece.
#if NET5_0_OR_GREATER
                return await content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
#else
                return await content.ReadAsByteArrayAsync().ConfigureAwait(false);
#endif
            }

#if NET5_0_OR_GREATER
            using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#else
            using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#endif
            using var buffer = new MemoryStream();
            var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
            try
            {
                int read;
                while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        return null;
                    }

                    buffer.Write(chunk, 0, read);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(chunk);
            }

            return buffer.ToArray();
        }
    }
}
