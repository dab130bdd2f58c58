using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ViberGateways.Tests.Specs
{
    /// <summary>One operation of a spec: its path, HTTP method and node.</summary>
    internal sealed record SpecOperation(string Path, string Method, JObject Node)
    {
        public string Id => (string)Node["operationId"]!;
    }

    /// <summary>Walks what the fact tests read in a spec: its operations, its component schemas and their properties.</summary>
    internal static class SpecNavigation
    {
        public static IEnumerable<SpecOperation> Operations(this OpenApiSpec spec) =>
            ((JObject)spec.Document["paths"]!).Properties()
                .SelectMany(path => ((JObject)path.Value).Properties().Select(operation => new SpecOperation(path.Name, operation.Name, (JObject)operation.Value)));

        /// <summary>The component schemas, by name.</summary>
        public static IEnumerable<JProperty> Schemas(this OpenApiSpec spec) =>
            (spec.Document.SelectToken("components.schemas") as JObject)?.Properties() ?? Enumerable.Empty<JProperty>();

        /// <summary>The schema itself, or the one its <c>$ref</c> points to.</summary>
        public static JObject Dereference(this OpenApiSpec spec, JToken schema) =>
            (JObject)(schema["$ref"] is JValue reference ? spec.Resolve((string)reference!) : schema);

        /// <summary>
        /// The properties a schema declares itself and in its inline <c>allOf</c> parts; with
        /// <paramref name="inherited"/>, also those of the parts it refers to (what a generated model inherits).
        /// </summary>
        public static IEnumerable<JProperty> PropertiesOf(this OpenApiSpec spec, JToken schema, bool inherited)
        {
            var parts = schema["allOf"]?.Children()
                .Where(part => inherited || part["$ref"] is null)
                .SelectMany(part => spec.PropertiesOf(spec.Dereference(part), inherited)) ?? Enumerable.Empty<JProperty>();
            return ((schema["properties"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>()).Concat(parts);
        }

        /// <summary>Whether a schema describes an object, which NSwag generates as a model class.</summary>
        public static bool IsObject(JToken schema) =>
            schema["enum"] is null && ((string?)schema["type"] == "object" || schema["properties"] != null || schema["allOf"] != null);

        /// <summary>A boolean flag that is absent when false (<c>x-xml-attribute</c>, <c>xml.attribute</c>).</summary>
        public static bool Flag(JToken? value) => value is JValue { Value: true };
    }
}
