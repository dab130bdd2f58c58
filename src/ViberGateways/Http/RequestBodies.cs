using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;

namespace ViberGateways.Http
{
    /// <summary>
    /// The request bodies of the generated operations (nswag-templates/Client.Class.liquid): JSON written once into
    /// pooled blocks by the client's shared serializer, forms encoded once from the model, text (the AlphaSMS XML
    /// documents) as UTF-8 with its charset. Each can be sent again unchanged by a retry.
    /// </summary>
    internal static class RequestBodies
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        public static HttpContent Json(object model, JsonSerializer serializer, string mediaType)
        {
            try
            {
                return PooledBodyContent.Json(model, serializer, new MediaTypeHeaderValue(mediaType));
            }
            catch (JsonSerializationException)
            {
                // The body is written before the operation checks it (NSwag's BeforeSend comes later): a required field
                // left null stops the serializer first. Name every broken limit as the check would.
                SpecLimits.ThrowIfBroken(model, "request");
                throw;
            }
        }

        public static HttpContent Form(object model, string mediaType) =>
            WithType(new ByteArrayContent(FormFields.EncodeToBytes(model)), new MediaTypeHeaderValue(mediaType));

        // One array, not pooled blocks: for a document of a few messages a pooled stream and its writer cost more
        // than the array they would save (measured: 1.9x the hand-written client's allocations against 1.36x).
        public static HttpContent Text(string text, string mediaType) =>
            WithType(new ByteArrayContent(Utf8.GetBytes(text)), new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" });

        private static HttpContent WithType(HttpContent content, MediaTypeHeaderValue type)
        {
            content.Headers.ContentType = type;
            return content;
        }
    }
}
