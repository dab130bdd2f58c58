using System.Linq;
using Newtonsoft.Json;

namespace ViberGateways.AlphaSms
{
    /// <summary>The AlphaSMS JSON API client, generated from <c>specs/alphasms-json.yaml</c>.</summary>
    internal partial class AlphaSmsJsonClient
    {
        // Generated models written without a JObject or an empty dictionary per item (GeneratedModelContractResolver).
        static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings) =>
            settings.ContractResolver = new GeneratedModelContractResolver(
                converter => (converter as JsonInheritanceConverter)?.DiscriminatorName,
                type => type.GetCustomAttributes(typeof(JsonInheritanceAttribute), inherit: true).OfType<JsonInheritanceAttribute>().FirstOrDefault(a => a.Type == type)?.Key);
    }
}
