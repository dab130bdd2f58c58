using System;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ViberGateways.LiveAll
{
    // SendIM documents two shapes for the items of `data`: a bare message id (the page's example) and
    // {"destination": …, "smsid": …} (its property table). Both read into this type; an item read from a bare
    // id is written back as one, so the model never changes what the gateway sent.
    [JsonConverter(typeof(LiveAllDestinationResultConverter))]
    internal partial class LiveAllDestinationResult
    {
        private sealed class LiveAllDestinationResultConverter : JsonConverter
        {
            public override bool CanConvert(Type objectType) => objectType == typeof(LiveAllDestinationResult);

            public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer)
            {
                switch (reader.TokenType)
                {
                    case JsonToken.Null:
                        return null;
                    case JsonToken.Integer:
                    case JsonToken.String when long.TryParse((string)reader.Value!, out _):
                        return new LiveAllDestinationResult { Smsid = Convert.ToInt64(reader.Value, System.Globalization.CultureInfo.InvariantCulture) };
                    case JsonToken.StartObject:
                        var result = new LiveAllDestinationResult();
                        serializer.Populate(reader, result);
                        return result;
                    default:
                        throw new JsonSerializationException($"A SendIM data item must be a message id or an object, not {reader.TokenType}.");
                }
            }

            public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
            {
                var item = (LiveAllDestinationResult)value!;
                if (item.Destination is null && item.Smsid.HasValue && item.AdditionalProperties.Count == 0)
                {
                    writer.WriteValue(item.Smsid.Value);
                    return;
                }

                var json = new JObject();
                if (item.Destination != null)
                {
                    json["destination"] = item.Destination;
                }

                if (item.Smsid.HasValue)
                {
                    json["smsid"] = item.Smsid.Value;
                }

                foreach (var extra in item.AdditionalProperties)
                {
                    json[extra.Key] = extra.Value is null ? JValue.CreateNull() : JToken.FromObject(extra.Value, serializer);
                }

                json.WriteTo(writer);
            }
        }
    }
}
