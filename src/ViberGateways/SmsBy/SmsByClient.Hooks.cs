using System.Linq;
using System.Net.Http;
using Newtonsoft.Json;

namespace ViberGateways.SmsBy
{
    /// <summary>The SMS.by Viber client (its 11 Viber operations and getAlphanames), generated from <c>specs/smsby.yaml</c>.</summary>
    internal partial class SmsByClient
    {
        // Generated models written without a JObject or an empty dictionary per item (GeneratedModelContractResolver).
        static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings) =>
            settings.ContractResolver = new GeneratedModelContractResolver(
                converter => (converter as JsonInheritanceConverter)?.DiscriminatorName,
                type => type.GetCustomAttributes(typeof(JsonInheritanceAttribute), inherit: true).OfType<JsonInheritanceAttribute>().FirstOrDefault(a => a.Type == type)?.Key);

        // An uploaded image's part names its file as browsers do, filename="image.png" (RFC 7578; some multipart parsers
        // read only a quoted filename), without the RFC 5987 filename* .NET adds.
        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
        {
            if (request.Content is MultipartFormDataContent parts)
            {
                foreach (var disposition in parts.Select(part => part.Headers.ContentDisposition).Where(d => d?.FileName != null))
                {
                    disposition!.FileName = "\"" + disposition.FileName!.Trim('"') + "\"";
                    disposition.FileNameStar = null;
                }
            }
        }
    }
}
