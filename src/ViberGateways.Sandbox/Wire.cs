using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ViberGateways.Sandbox
{
    /// <summary>Reading requests and writing replies, the same way for every emulated gateway.</summary>
    internal static class Wire
    {
        /// <summary>The request body as text: read once, when the request was recorded (<see cref="SandboxGateway"/>).</summary>
        public static string Body(HttpContext http) => SandboxGateway.Recorded(http).Body;

        /// <summary>The body as a JSON object, or null when it is not one.</summary>
        public static JsonObject? JsonObject(HttpContext http)
        {
            try
            {
                return JsonNode.Parse(Body(http)) as JsonObject;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        /// <summary>A phone number's digits, as the sandbox stores recipients; an all-digit phone (the usual case in a mailing of millions) is returned as it is.</summary>
        public static string PhoneDigits(string phone)
        {
            foreach (var c in phone)
            {
                if (!char.IsDigit(c))
                {
                    return new string(phone.Where(char.IsDigit).ToArray());
                }
            }

            return phone;
        }

        /// <summary>Characters as the gateways count a text's length (Unicode code points: an emoji is one).</summary>
        public static int CharacterCount(string text)
        {
            var count = 0;
            foreach (var c in text)
            {
                if (!char.IsLowSurrogate(c))
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>A JSON value as text: a string as is, any other value as written.</summary>
        public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToString();

        public static IResult Json(JsonNode reply, int statusCode = 200) => Results.Text(reply.ToJsonString(), "application/json", Encoding.UTF8, statusCode);

        public static IResult Plain(string reply) => Results.Text(reply, "text/plain", Encoding.UTF8);
    }
}
