using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ViberGateways.AlphaSms;

namespace ViberGateways.Tests.Specs
{
    /// <summary>
    /// Every JSON example documented in specs/ (requests, replies, form fields and query parameter sets) goes
    /// through the generated model of its schema: it must deserialize, leave no field unmodelled, and serialize
    /// back to the same JSON structure.
    /// </summary>
    public class SpecExampleTests
    {
        private static readonly string[] JsonLikeMediaTypes = { "application/json", "application/x-www-form-urlencoded" };

        public static IEnumerable<object[]> Examples() =>
            OpenApiSpec.FileNames.SelectMany(file => ExamplesOf(OpenApiSpec.Load(file)))
                .Select(example => new object[] { example.Spec, example.Location, example.SchemaRef });

        [Theory]
        [MemberData(nameof(Examples))]
        public void Documented_example_round_trips_through_the_generated_model(string specFile, string location, string schemaRef)
        {
            var spec = OpenApiSpec.Load(specFile);
            var example = (JToken)ExampleAt(spec, location);
            var modelType = ModelType(spec, schemaRef);

            var model = example.ToObject(modelType, JsonSerializer.Create())!;

            UnmodelledFields(model, "$").ShouldBeEmpty($"{location} has fields its schema does not declare");
            var roundTripped = JToken.FromObject(model, JsonSerializer.Create(new JsonSerializerSettings { NullValueHandling = NullValueHandling.Ignore }));
            JToken.DeepEquals(Normalise(roundTripped), Normalise(example))
                .ShouldBeTrue($"{location} changed on the way through {modelType.Name}:\n{roundTripped}\nexpected:\n{example}");
        }

        [Fact]
        public void Every_spec_documents_json_examples()
        {
            var counts = OpenApiSpec.FileNames.ToDictionary(f => f, f => ExamplesOf(OpenApiSpec.Load(f)).Count());
            counts.Where(c => c.Key != "alphasms-xml.yaml").ShouldAllBe(c => c.Value > 0);
        }

        private sealed record Example(string Spec, string Location, string SchemaRef);

        private static IEnumerable<Example> ExamplesOf(OpenApiSpec spec)
        {
            foreach (var path in ((JObject)spec.Document["paths"]!).Properties())
            {
                foreach (var operation in ((JObject)path.Value).Properties())
                {
                    var content = operation.Value.SelectToken("requestBody.content") as JObject;
                    foreach (var example in MediaExamples(spec, content, $"{path.Name} {operation.Name} request"))
                    {
                        yield return example;
                    }

                    foreach (var response in (operation.Value["responses"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
                    {
                        foreach (var example in MediaExamples(spec, response.Value["content"] as JObject, $"{path.Name} {operation.Name} {response.Name}"))
                        {
                            yield return example;
                        }
                    }

                    foreach (var parameter in operation.Value["parameters"]?.Children() ?? Enumerable.Empty<JToken>())
                    {
                        if (parameter["schema"]?["$ref"] is JValue reference && parameter["examples"] is JObject examples)
                        {
                            foreach (var name in examples.Properties())
                            {
                                yield return new Example(spec.FileName, $"{path.Name} {operation.Name} parameter {parameter["name"]} example {name.Name}", (string)reference!);
                            }
                        }
                    }
                }
            }
        }

        private static IEnumerable<Example> MediaExamples(OpenApiSpec spec, JObject? content, string where)
        {
            foreach (var media in content?.Properties().Where(p => JsonLikeMediaTypes.Contains(p.Name)) ?? Enumerable.Empty<JProperty>())
            {
                var schemaRef = media.Value["schema"]?["$ref"] ?? media.Value["schema"]?["items"]?["$ref"];
                var isArray = media.Value["schema"]?["type"]?.ToString() == "array";
                foreach (var name in (media.Value["examples"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
                {
                    yield return new Example(spec.FileName, $"{where} {media.Name} example {name.Name}", (isArray ? "array:" : "") + schemaRef);
                }
            }
        }

        private static JToken ExampleAt(OpenApiSpec spec, string location)
        {
            var example = ExamplesOf(spec).Single(e => e.Location == location);
            var parts = location.Split(' ');
            var operation = spec.Document["paths"]![parts[0]]![parts[1]]!;
            var exampleName = parts[^1];
            if (parts[2] == "parameter")
            {
                return operation["parameters"]!.Single(p => (string)p["name"]! == parts[3])["examples"]![exampleName]!["value"]!;
            }

            var mediaType = parts[^3];
            var content = parts[2] == "request" ? operation["requestBody"]!["content"]! : operation["responses"]![parts[2]]!["content"]!;
            _ = example;
            return content[mediaType]!["examples"]![exampleName]!["value"]!;
        }

        private static Type ModelType(OpenApiSpec spec, string schemaRef)
        {
            var isArray = schemaRef.StartsWith("array:", StringComparison.Ordinal);
            var name = schemaRef.Substring(isArray ? 6 : 0).Split('/').Last();
            var type = typeof(AlphaSmsOptions).Assembly.GetType(spec.Namespace + "." + name)
                ?? throw new InvalidOperationException($"No generated type {spec.Namespace}.{name} for {schemaRef}");
            return isArray ? typeof(List<>).MakeGenericType(type) : type;
        }

        /// <summary>Paths of JSON fields that landed in a generated model's AdditionalProperties.</summary>
        private static IEnumerable<string> UnmodelledFields(object? value, string path)
        {
            if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal)
            {
                yield break;
            }

            if (value is IEnumerable items and not IDictionary)
            {
                var index = 0;
                foreach (var item in items)
                {
                    foreach (var field in UnmodelledFields(item, $"{path}[{index++}]"))
                    {
                        yield return field;
                    }
                }

                yield break;
            }

            if (value is IDictionary map)
            {
                // A map schema (additionalProperties only, such as SmsByAlphanames): every key is modelled.
                foreach (DictionaryEntry entry in map)
                {
                    foreach (var field in UnmodelledFields(entry.Value, $"{path}.{entry.Key}"))
                    {
                        yield return field;
                    }
                }

                yield break;
            }

            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var propertyValue = property.GetValue(value);
                if (property.Name == "AdditionalProperties" && propertyValue is IDictionary extra)
                {
                    foreach (var key in extra.Keys)
                    {
                        yield return $"{path}.{key}";
                    }
                }
                else if (property.GetIndexParameters().Length == 0 && property.PropertyType.Namespace?.StartsWith("ViberGateways", StringComparison.Ordinal) == true
                         || propertyValue is IEnumerable and not string)
                {
                    foreach (var field in UnmodelledFields(propertyValue, $"{path}.{property.Name}"))
                    {
                        yield return field;
                    }
                }
            }
        }

        /// <summary>An explicit <c>null</c> equals an absent field, and 1.0 equals 1; everything else compares exactly.</summary>
        private static JToken Normalise(JToken token) => token switch
        {
            JObject o => new JObject(o.Properties().Where(p => p.Value.Type != JTokenType.Null)
                .OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => new JProperty(p.Name, Normalise(p.Value)))),
            JArray a => new JArray(a.Select(Normalise)),
            JValue { Type: JTokenType.Float } v when (double)v! % 1 == 0 => new JValue((long)(double)v!),
            _ => token,
        };
    }
}
