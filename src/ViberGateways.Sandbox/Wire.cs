using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ViberGateways.Sandbox
{
    /// <summary>Reading requests and writing replies, the same way for every emulated gateway.</summary>
    internal static class Wire
    {
        public static async Task<string> ReadBodyAsync(HttpContext http)
        {
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            return await reader.ReadToEndAsync().ConfigureAwait(false);
        }

        /// <summary>The body as a JSON object, or null when it is not one.</summary>
        public static async Task<JsonObject?> ReadJsonObjectAsync(HttpContext http)
        {
            try
            {
                return JsonNode.Parse(await ReadBodyAsync(http).ConfigureAwait(false)) as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>A JSON value as text: a string as is, any other value as written.</summary>
        public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToString();

        public static IResult Json(JsonNode reply, int statusCode = 200) => Results.Text(reply.ToJsonString(), "application/json", Encoding.UTF8, statusCode);

        public static IResult Plain(string reply) => Results.Text(reply, "text/plain", Encoding.UTF8);
    }
}
