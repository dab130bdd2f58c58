using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using ViberGateways.Http;

namespace ViberGateways.AlphaSms
{
    /// <summary>The AlphaSMS JSON API client (<c>POST /api/json.php</c>), generated from <c>specs/alphasms-json.yaml</c>.</summary>
    public partial class AlphaSmsJsonClient
    {
        private const string JsonPath = "api/json.php";

        // Built once from the generated serializer settings (a JsonSerializer is safe to share once configured).
        // Generated models written without a JObject or an empty dictionary per item (GeneratedModelContractResolver).
        static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings) =>
            settings.ContractResolver = new GeneratedModelContractResolver(
                converter => (converter as JsonInheritanceConverter)?.DiscriminatorName,
                type => type.GetCustomAttributes(typeof(JsonInheritanceAttribute), inherit: true).OfType<JsonInheritanceAttribute>().FirstOrDefault(a => a.Type == type)?.Key);

        private static readonly Lazy<JsonSerializer> PooledBodySerializer = new Lazy<JsonSerializer>(() => JsonSerializer.Create(_settings!.Value));

        private Task<AlphaSmsJsonReply> PostAsync(AlphaSmsJsonRequest request, GatewayCall call, CancellationToken cancellationToken) =>
            PostPooledJsonAsync<AlphaSmsJsonReply>(_httpClient, JsonPath, request, PooledBodySerializer.Value, call, cancellationToken);

        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, StringBuilder urlBuilder) => ApplyBaseAddress(client, urlBuilder);

        // A raw ExecuteAsync may carry sends without client ids the caller controls: it is never repeated once it may
        // have reached the gateway. The IAlphaSmsClient methods declare their calls (sends with ids are de-duplicated).
        partial void PrepareRequest(HttpClient client, HttpRequestMessage request, string url) =>
            (GatewayCall.Current ?? new GatewayCall("AlphaSMS", "json", RetrySafety.NotRepeatable)).AttachTo(request);
    }
}
