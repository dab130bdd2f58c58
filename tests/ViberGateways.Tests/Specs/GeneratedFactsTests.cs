using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ViberGateways.Benchmarks;

namespace ViberGateways.Tests.Specs
{
    /// <summary>
    /// The generated code carries what specs/ declares, read back by reflection from the SDK's assembly and compared
    /// with the YAML: each operation's facts (nswag-templates/Client.Class.Body), each client's credential names
    /// (Client.Class.Annotations), each model's retry safety and XML element name (Class.Annotations) and each
    /// property's retry safety and XML layout (Class.Property.Annotations). The fact attributes are internal; they
    /// are found by name, so a template that stops emitting one, or emits a stale value, fails here.
    /// </summary>
    public class GeneratedFactsTests
    {
        private const string Facts = "ViberGateways.Http.";
        private static readonly Assembly Sdk = typeof(GatewayException).Assembly;

        public static TheoryData<string> Specs => new(OpenApiSpec.FileNames);

        /// <summary>
        /// A request field a spec gives a <c>default</c> starts with it in the generated model, so a field added to a spec
        /// with a default reaches the wire with no C# edit (the mapping code sets only the fields it knows); NSwag starts
        /// an optional field unset unless nswag.json asks for the defaults. (No spec declares one today: the setting is
        /// what this pins. SpecFactTests keeps defaults off the schemas a reply may use.)
        /// </summary>
        [Fact]
        public void The_generator_gives_each_field_its_spec_default()
        {
            var settings = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "nswag.json")));

            settings.SelectToken("codeGenerators.openApiToCSharpClient.generateDefaultValues")
                .ShouldBe(new JValue(true), "nswag.json: a spec default would not reach the wire");
        }

        [Theory]
        [MemberData(nameof(Specs))]
        public void Every_operation_of_the_generated_client_carries_its_facts(string file)
        {
            var spec = OpenApiSpec.Load(file);
            var (client, operations) = GeneratedClient(spec);

            foreach (var operation in spec.Operations())
            {
                operations.Keys.ShouldContain(operation.Id, $"{client.Name} has no facts of {operation.Id}");
                var generated = operations[operation.Id];
                var declared = (string)operation.Node["x-retry-safety"]!;
                var where = $"{client.Name} {operation.Id} ({spec.Where(operation.Node)})";

                Read<string>(generated, "Gateway").ShouldBe((string)spec.Document["x-gateway"]!, where);
                (Read<bool>(generated, "DecidedByBody") ? "by-body" : Kebab(Read<Enum>(generated, "Safety").ToString())).ShouldBe(declared, where);
                Read<string[]>(generated, "SecretNames").ShouldBe(SecretsOf(operation), where);
            }

            operations.Keys.ShouldBe(spec.Operations().Select(o => o.Id), ignoreOrder: true, $"{client.Name} has facts of operations {file} does not declare");
        }

        [Theory]
        [MemberData(nameof(Specs))]
        public void Every_generated_client_names_exactly_the_secrets_of_its_operations(string file)
        {
            var spec = OpenApiSpec.Load(file);
            var (client, _) = GeneratedClient(spec);

            var names = Attribute(client, "SecretFieldNamesAttribute").ShouldHaveSingleItem($"{client.Name} has no SecretFieldNames");

            ((string)names.ConstructorArguments[0].Value!).Split(',').Select(n => n.Trim()).Distinct()
                .ShouldBe(spec.Operations().SelectMany(SecretsOf).Distinct(), ignoreOrder: true, $"{client.Name}: SecretFieldNames against x-secrets of specs/{file}");
        }

        [Theory]
        [MemberData(nameof(Specs))]
        public void Every_generated_model_carries_the_facts_of_its_schema(string file)
        {
            var spec = OpenApiSpec.Load(file);
            var errors = new List<string>();
            foreach (var schema in spec.Schemas().Where(s => SpecNavigation.IsObject(s.Value)))
            {
                var model = Sdk.GetType($"{spec.Namespace}.{schema.Name}");
                if (model is null)
                {
                    errors.Add($"{spec.Where(schema.Value)}: no generated model {spec.Namespace}.{schema.Name}");
                    continue;
                }

                var safety = Attribute(model, "RetrySafetyFactAttribute").SingleOrDefault();
                Compare(errors, spec, schema.Value, $"{model.Name} RetrySafetyFact", "x-retry-safety", safety?.ConstructorArguments[0].Value);
                Compare(errors, spec, schema.Value, $"{model.Name} RetrySafetyFact.DeduplicatedBy", "x-deduplicated-by",
                    safety?.NamedArguments.SingleOrDefault(a => a.MemberName == "DeduplicatedBy").TypedValue.Value);
                Compare(errors, spec, schema.Value, $"{model.Name} XmlName", "x-xml-name", Attribute(model, "XmlNameAttribute").SingleOrDefault()?.ConstructorArguments[0].Value);

                var properties = model.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    .Where(p => p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName != null)
                    .ToDictionary(p => p.GetCustomAttribute<JsonPropertyAttribute>()!.PropertyName!, StringComparer.Ordinal);
                // The discriminator is written by the polymorphic converter, not held in a property.
                var discriminator = (string?)schema.Value.SelectToken("discriminator.propertyName");
                foreach (var declared in spec.PropertiesOf(schema.Value, inherited: false).Where(p => p.Name != discriminator))
                {
                    if (!properties.TryGetValue(declared.Name, out var property))
                    {
                        errors.Add($"{spec.Where(declared.Value)}: {model.Name} has no property for '{declared.Name}'");
                        continue;
                    }

                    var what = $"{model.Name}.{property.Name}";
                    Compare(errors, spec, declared.Value, $"{what} RetrySafetyFact", "x-retry-safety", Attribute(property, "RetrySafetyFactAttribute").SingleOrDefault()?.ConstructorArguments[0].Value);
                    Compare(errors, spec, declared.Value, $"{what} XmlItemName", "x-xml-item", Attribute(property, "XmlItemNameAttribute").SingleOrDefault()?.ConstructorArguments[0].Value);
                    Compare(errors, spec, declared.Value, $"{what} XmlAttributeNode", "x-xml-attribute", Attribute(property, "XmlAttributeNodeAttribute").Any() ? true : null);
                    Compare(errors, spec, declared.Value, $"{what} XmlTextNode", "x-xml-text", Attribute(property, "XmlTextNodeAttribute").Any() ? true : null);
                }
            }

            errors.ShouldBeEmpty();
        }

        /// <summary>
        /// The client generated from a spec: the class whose operation facts (static <c>GatewayOperation</c> fields)
        /// are those of the spec's operations, with the facts by operation id.
        /// </summary>
        private static (Type Client, IReadOnlyDictionary<string, object> Operations) GeneratedClient(OpenApiSpec spec)
        {
            var operationType = Sdk.GetType(Facts + "GatewayOperation").ShouldNotBeNull();
            var ids = spec.Operations().Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
            var clients = Sdk.GetTypes()
                .Select(type => (Type: type, Operations: type.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                    .Where(f => f.FieldType == operationType)
                    .Select(f => f.GetValue(null)!)
                    .ToDictionary(o => Read<string>(o, "Name"), StringComparer.Ordinal)))
                .Where(c => c.Operations.Count > 0 && c.Type.Namespace == spec.Namespace && c.Operations.Keys.Any(ids.Contains))
                .ToList();
            var client = clients.ShouldHaveSingleItem($"one client of {spec.FileName} in {spec.Namespace} carries the facts of its operations");
            return (client.Type, client.Operations);
        }

        /// <summary>The fact attributes of that name on a type or property, as declared there (not inherited), by their full name.</summary>
        private static IEnumerable<CustomAttributeData> Attribute(MemberInfo member, string name)
        {
            Sdk.GetType(Facts + name).ShouldNotBeNull($"the SDK has no {Facts}{name}");
            return member.GetCustomAttributesData().Where(a => a.AttributeType.FullName == Facts + name);
        }

        /// <summary>A generated fact against the spec's extension: both absent, or equal.</summary>
        private static void Compare(List<string> errors, OpenApiSpec spec, JToken node, string generated, string extension, object? value)
        {
            // A flag set to false says what its absence says.
            var declared = node[extension] is JValue { Value: var v and not false } ? v : null;
            if (!Equals(declared, value))
            {
                errors.Add($"{spec.Where(node[extension] ?? node)}: {generated} is {Show(value)}, but {extension} is {Show(declared)}");
            }
        }

        private static string Show(object? value) => value switch
        {
            null => "absent",
            bool flag => flag ? "true" : "false",
            _ => $"'{value}'",
        };

        private static IEnumerable<string> SecretsOf(SpecOperation operation) =>
            ((string)operation.Node["x-secrets"]!).Split(',').Select(n => n.Trim()).Where(n => n.Length > 0);

        private static T Read<T>(object instance, string property) => (T)instance.GetType().GetProperty(property)!.GetValue(instance)!;

        /// <summary><c>NeverAfterSent</c> → <c>never-after-sent</c>, as specs/ spells a retry safety.</summary>
        private static string Kebab(string name) =>
            string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
    }
}
