using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using Newtonsoft.Json;
using ViberGateways.Http;

namespace ViberGateways.SmsBy
{
    /// <summary>The SMS.by Viber client (the 11 Viber endpoints of <c>/api/v1</c> and <c>/api/v2</c>), generated from <c>specs/smsby.yaml</c>.</summary>
    public partial class SmsByClient
    {
        private const string SendBulkViberPath = "api/v1/sendBulkViber";

        // Built once from the generated serializer settings, for sendBulkViber's pooled bodies (GatewayClientBase.PostPooledJsonAsync).
        // Generated models written without a JObject or an empty dictionary per item (GeneratedModelContractResolver).
        static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings) =>
            settings.ContractResolver = new GeneratedModelContractResolver(
                converter => (converter as JsonInheritanceConverter)?.DiscriminatorName,
                type => type.GetCustomAttributes(typeof(JsonInheritanceAttribute), inherit: true).OfType<JsonInheritanceAttribute>().FirstOrDefault(a => a.Type == type)?.Key);

        private static readonly Lazy<JsonSerializer> PooledBodySerializer = new Lazy<JsonSerializer>(() => JsonSerializer.Create(_settings!.Value));

        private static readonly string[] Sends = { "sendBulkViber", "sendQuickViberMessage", "sendViberMessageList", "confirmViberMessage" };

        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder) => ApplyBaseAddress(client, urlBuilder);

        // Sends (and the confirmation that charges a mailing) are never repeated once they may have reached the
        // gateway; reads and marking replies read may be.
        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url)
        {
            var path = url.Split('?')[0];
            var operation = path.Substring(path.LastIndexOf('/') + 1);
            var safety = Array.IndexOf(Sends, operation) >= 0 ? RetrySafety.NotRepeatable : RetrySafety.Idempotent;
            (GatewayCall.Current ?? new GatewayCall("SMS.by", operation, safety)).AttachTo(request);
        }
    }
}
