using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;
using Microsoft.IO;
using Newtonsoft.Json;

namespace ViberGateways.Http
{
    /// <summary>
    /// A request body serialized once, straight from the model into pooled 16 KiB blocks — no string, no
    /// large-object-heap array however many recipients a request carries — and sent with a Content-Length (none of
    /// the gateways documents chunked request bodies). A repeated attempt sends the same bytes.
    /// </summary>
    internal sealed class PooledBodyContent : HttpContent
    {
        private static readonly RecyclableMemoryStreamManager Blocks = new RecyclableMemoryStreamManager(new RecyclableMemoryStreamManager.Options
        {
            BlockSize = 16 * 1024,
            LargeBufferMultiple = 1024 * 1024,
            MaximumBufferSize = 16 * 1024 * 1024,
            // Blocks come back to the pool when a request is disposed; keep at most this much idle.
            MaximumSmallPoolFreeBytes = 16 * 1024 * 1024,
        });

        private readonly RecyclableMemoryStream _body;

        private PooledBodyContent(RecyclableMemoryStream body, MediaTypeHeaderValue contentType)
        {
            _body = body;
            Headers.ContentType = contentType;
        }

        /// <summary>A JSON body (UTF-8), as <see cref="JsonConvert.SerializeObject(object)"/> would write it with the same serializer settings.</summary>
        public static PooledBodyContent Json(object value, JsonSerializer serializer, MediaTypeHeaderValue contentType) => Write(contentType, stream =>
        {
            // Pooled batches: the writer only carries characters on their way into the pooled blocks.
            using var text = new PooledUtf8Writer(stream);
            using var json = new JsonTextWriter(text) { Formatting = serializer.Formatting, ArrayPool = JsonCharPool.Instance };
            serializer.Serialize(json, value);
        });

        private static PooledBodyContent Write(MediaTypeHeaderValue contentType, Action<Stream> write)
        {
            // Guid.Empty: the pool's per-stream id is for diagnostics, and a new Guid per request costs time.
            var body = (RecyclableMemoryStream)Blocks.GetStream(Guid.Empty, null);
            try
            {
                write(body);
                return new PooledBodyContent(body, contentType);
            }
            catch
            {
                body.Dispose();
                throw;
            }
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            _body.Position = 0;
            return _body.CopyToAsync(stream);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _body.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
