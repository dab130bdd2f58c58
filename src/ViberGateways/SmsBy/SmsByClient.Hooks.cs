using System.Linq;
using Newtonsoft.Json;

namespace ViberGateways.SmsBy
{
    /// <summary>The SMS.by Viber client (the 11 Viber endpoints of <c>/api/v1</c> and <c>/api/v2</c>), generated from <c>specs/smsby.yaml</c>.</summary>
    public partial class SmsByClient
    {
        // Generated models written without a JObject or an empty dictionary per item (GeneratedModelContractResolver).
        static partial void UpdateJsonSerializerSettings(JsonSerializerSettings settings) =>
            settings.ContractResolver = new GeneratedModelContractResolver(
                converter => (converter as JsonInheritanceConverter)?.DiscriminatorName,
                type => type.GetCustomAttributes(typeof(JsonInheritanceAttribute), inherit: true).OfType<JsonInheritanceAttribute>().FirstOrDefault(a => a.Type == type)?.Key);
    }
}
