using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ViberGateways.Tests.Specs
{
    /// <summary>
    /// The vendor extensions the templates carry into the generated code say what specs/ means: the operation facts
    /// (<c>x-gateway</c>, <c>x-retry-safety</c>, <c>x-secrets</c>), the schema facts (<c>x-retry-safety</c>,
    /// <c>x-deduplicated-by</c>) and the XML layout (<c>x-xml-*</c>, restating the standard <c>xml</c> objects). The
    /// build fails when an operation fact is missing; these tests name the spec line where a value is wrong.
    /// </summary>
    public class SpecFactTests
    {
        private static readonly string[] OperationSafeties = { "repeatable", "never-after-sent", "by-body" };
        private static readonly string[] SchemaSafeties = { "repeatable", "never-after-sent", "deduplicated" };

        private static IEnumerable<OpenApiSpec> AllSpecs => OpenApiSpec.FileNames.Select(OpenApiSpec.Load);

        [Fact]
        public void Xml_extensions_restate_the_standard_xml_objects()
        {
            var spec = OpenApiSpec.Load("alphasms-xml.yaml");
            var errors = new List<string>();
            var restated = new HashSet<string>();

            void Expect(bool holds, JToken node, string problem)
            {
                if (!holds)
                {
                    errors.Add($"{spec.Where(node)}: {problem}");
                }
            }

            foreach (var schema in spec.Schemas())
            {
                if (schema.Value["x-xml-name"] is { } elementName)
                {
                    restated.Add("x-xml-name");
                    Expect((string?)schema.Value.SelectToken("xml.name") == (string?)elementName, elementName,
                        $"{schema.Name}: x-xml-name '{elementName}' is not its xml.name '{schema.Value.SelectToken("xml.name")}'");
                }

                var properties = spec.PropertiesOf(schema.Value, inherited: false).ToList();
                foreach (var property in properties)
                {
                    var where = $"{schema.Name}.{property.Name}";
                    var attribute = SpecNavigation.Flag(property.Value["x-xml-attribute"]);
                    Expect(attribute == SpecNavigation.Flag(property.Value.SelectToken("xml.attribute")), property,
                        $"{where}: x-xml-attribute {attribute.ToString().ToLowerInvariant()} disagrees with xml.attribute");

                    // The models write a property under its own name: a standard xml.name may only repeat it.
                    var name = (string?)property.Value.SelectToken("xml.name");
                    Expect(name is null || name == property.Name, property, $"{where}: xml.name '{name}' renames the property, which the generated model cannot carry");

                    var item = (string?)property.Value["x-xml-item"];
                    var wrapped = SpecNavigation.Flag(property.Value.SelectToken("xml.wrapped")) && property.Value["items"] != null;
                    var itemName = wrapped ? (string?)spec.Dereference(property.Value["items"]!).SelectToken("xml.name") : null;
                    Expect(item == itemName, property, wrapped
                        ? $"{where}: x-xml-item '{item}' is not the xml.name of its wrapped items, '{itemName}'"
                        : $"{where}: x-xml-item '{item}' on a property that is not a wrapped list");

                    Expect(!(attribute && SpecNavigation.Flag(property.Value["x-xml-text"])), property, $"{where}: the element's text cannot also be an attribute");

                    restated.UnionWith(new[] { attribute ? "x-xml-attribute" : null, item != null ? "x-xml-item" : null }.OfType<string>());
                }

                Expect(properties.Count(p => SpecNavigation.Flag(p.Value["x-xml-text"])) <= 1, schema,
                    $"{schema.Name}: an element has one text, but more than one property declares x-xml-text");
            }

            errors.ShouldBeEmpty();
            restated.ShouldBe(new[] { "x-xml-name", "x-xml-attribute", "x-xml-item" }, ignoreOrder: true, "the check saw no restatement of some kind");
        }

        [Fact]
        public void Every_spec_names_its_gateway()
        {
            var errors = AllSpecs
                .Where(spec => spec.Document["x-gateway"] is not JValue { Type: JTokenType.String } gateway || string.IsNullOrWhiteSpace((string?)gateway))
                .Select(spec => $"specs/{spec.FileName}: x-gateway (the gateway's display name) is missing at the document root")
                .ToList();

            errors.ShouldBeEmpty();
        }

        /// <summary>
        /// The generated request's Accept header is built from the operation's response media type with a constructor
        /// (nswag-templates/Client.Class.liquid) that throws on one with parameters, such as a charset: a spec edit
        /// adding one fails here, naming the line, rather than at the first request.
        /// </summary>
        [Fact]
        public void Every_response_media_type_is_a_bare_type_the_accept_header_can_carry()
        {
            static IEnumerable<string> Problems(OpenApiSpec spec, SpecOperation operation)
            {
                foreach (var response in (operation.Node["responses"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
                {
                    var content = spec.Dereference(response.Value)["content"] as JObject;
                    foreach (var mediaType in content?.Properties() ?? Enumerable.Empty<JProperty>())
                    {
                        if (!IsBare(mediaType.Name))
                        {
                            yield return $"{spec.Where(mediaType.Value)}: {operation.Id}: response {response.Name} media type '{mediaType.Name}' " +
                                "has parameters or is not a type/subtype; the generated Accept header takes a bare type (no charset)";
                        }
                    }
                }
            }

            static bool IsBare(string mediaType)
            {
                try
                {
                    return new System.Net.Http.Headers.MediaTypeWithQualityHeaderValue(mediaType).Parameters.Count == 0;
                }
                catch (FormatException)
                {
                    return false;
                }
            }

            Found(spec => spec.Operations(), Problems).ShouldBeEmpty();
        }

        /// <summary>
        /// The generated client throws ArgumentNullException for a multipart field that is unset unless its schema is
        /// nullable (NSwag takes a form field's nullability, not the schema's required list, to decide): an optional
        /// field added without <c>nullable: true</c> would make every send of the operation throw, so it fails here,
        /// naming the line.
        /// </summary>
        [Fact]
        public void Every_optional_multipart_field_is_nullable_so_a_field_left_unset_is_left_out()
        {
            static IEnumerable<string> Problems(OpenApiSpec spec, SpecOperation operation)
            {
                if (operation.Node.SelectToken("requestBody.content")?["multipart/form-data"]?["schema"] is not { } declared)
                {
                    yield break;
                }

                // NSwag makes a parameter of each field the form schema declares itself, never of a schema it refers to.
                var form = spec.Dereference(declared);
                if (form["allOf"]?.Any(part => part["$ref"] != null) == true)
                {
                    yield return $"{spec.Where(form)}: {operation.Id}: a multipart form inherits fields through allOf $ref, which the generated client never sends; declare them in the form";
                }

                var required = form["required"]?.Select(name => (string)name!).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>();
                foreach (var field in spec.PropertiesOf(form, inherited: false).Where(field => !required.Contains(field.Name)))
                {
                    var schema = field.Value["allOf"]?.Count() == 1 ? spec.Dereference(field.Value["allOf"]![0]!) : spec.Dereference(field.Value);
                    if (!SpecNavigation.Flag(field.Value["nullable"]) && !SpecNavigation.Flag(schema["nullable"]))
                    {
                        yield return $"{spec.Where(field.Value)}: {operation.Id}: optional multipart field '{field.Name}' needs nullable: true " +
                            "(or a nullable schema), or the generated client throws when it is not set";
                    }
                }
            }

            Found(spec => spec.Operations(), Problems).ShouldBeEmpty();
            AllSpecs.SelectMany(spec => spec.Operations())
                .Count(operation => operation.Node.SelectToken("requestBody.content")?["multipart/form-data"] != null)
                .ShouldBe(2, "sendQuickViberMessage and sendViberMessageList are the multipart operations the check must see");
        }

        /// <summary>
        /// The generator starts each field at its spec <c>default</c>, and a reply reader keeps the value a field starts
        /// with when the reply leaves it out: a default on a reply's schema would read a missing field as that value
        /// (a missing status as a documented one, say), so no schema a reply may use declares one.
        /// </summary>
        [Fact]
        public void No_schema_a_reply_may_use_declares_a_default()
        {
            static IEnumerable<string> Problems(OpenApiSpec spec, SpecOperation operation)
            {
                var seen = new HashSet<JToken>();
                var pending = new Stack<JToken>(((operation.Node["responses"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
                    .SelectMany(response => (spec.Dereference(response.Value)["content"] as JObject)?.Properties() ?? Enumerable.Empty<JProperty>())
                    .Select(media => media.Value["schema"]).OfType<JToken>());
                while (pending.Count > 0)
                {
                    var schema = pending.Pop();
                    if (!seen.Add(schema))
                    {
                        continue;
                    }

                    foreach (var node in ((schema as JContainer)?.DescendantsAndSelf() ?? Enumerable.Empty<JToken>()).OfType<JProperty>())
                    {
                        if (node.Name == "$ref" && node.Value is JValue reference)
                        {
                            pending.Push(spec.Resolve((string)reference!));
                        }
                        else if (node.Name == "default" && node.Parent?.Parent is not JProperty { Name: "properties" })
                        {
                            yield return $"{spec.Where(node.Value)}: {operation.Id}: a reply may use this schema, and its default would stand in for a field the reply leaves out";
                        }
                    }
                }
            }

            Found(spec => spec.Operations(), Problems).Distinct().ToList().ShouldBeEmpty();
        }

        [Fact]
        public void Every_operation_declares_a_known_retry_safety()
        {
            static IEnumerable<string> Problems(OpenApiSpec spec, SpecOperation operation)
            {
                var safety = operation.Node["x-retry-safety"];
                if (!OperationSafeties.Contains((string?)safety))
                {
                    yield return $"{spec.Where(safety ?? operation.Node)}: {operation.Id}: x-retry-safety '{safety}' is not one of {string.Join(", ", OperationSafeties)}";
                }
            }

            Found(spec => spec.Operations(), Problems).ShouldBeEmpty();
        }

        [Fact]
        public void Every_operation_names_its_secrets_among_the_fields_of_its_request()
        {
            static IEnumerable<string> Problems(OpenApiSpec spec, SpecOperation operation)
            {
                var declared = operation.Node["x-secrets"];
                var names = ((string?)declared ?? "").Split(',').Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
                if (names.Count == 0)
                {
                    yield return $"{spec.Where(declared ?? operation.Node)}: {operation.Id}: x-secrets names no credential";
                }

                var fields = RequestFields(spec, operation);
                foreach (var name in names.Where(name => !fields.Contains(name)))
                {
                    yield return $"{spec.Where(declared!)}: {operation.Id}: x-secrets names '{name}', which is neither a parameter nor a field of every body it may send " +
                        $"({string.Join(", ", fields.OrderBy(f => f, StringComparer.Ordinal))})";
                }
            }

            Found(spec => spec.Operations(), Problems).ShouldBeEmpty();
        }

        [Fact]
        public void Every_schema_retry_safety_is_known_and_a_deduplicated_one_names_a_field_it_has()
        {
            static IEnumerable<string> Problems(OpenApiSpec spec, JProperty schema)
            {
                var safety = schema.Value["x-retry-safety"];
                var clientId = schema.Value["x-deduplicated-by"];
                if (safety != null && !SchemaSafeties.Contains((string?)safety))
                {
                    yield return $"{spec.Where(safety)}: {schema.Name}: x-retry-safety '{safety}' is not one of {string.Join(", ", SchemaSafeties)}";
                }

                var fields = spec.PropertiesOf(schema.Value, inherited: true).Select(p => p.Name).ToList();
                if ((string?)safety == "deduplicated" && (clientId is null || !fields.Contains((string)clientId!)))
                {
                    yield return $"{spec.Where(clientId ?? safety)}: {schema.Name}: a deduplicated schema names in x-deduplicated-by the field the gateway " +
                        $"de-duplicates on; '{clientId}' is none of {string.Join(", ", fields)}";
                }

                if ((string?)safety != "deduplicated" && clientId != null)
                {
                    yield return $"{spec.Where(clientId)}: {schema.Name}: x-deduplicated-by without x-retry-safety: deduplicated";
                }
            }

            Found(spec => spec.Schemas(), Problems).ShouldBeEmpty();
            AllSpecs.SelectMany(spec => spec.Schemas())
                .ShouldContain(schema => (string?)schema.Value["x-retry-safety"] == "deduplicated", "no spec declares a deduplicated schema: the check saw nothing");
        }

        [Fact]
        public void Every_property_retry_safety_gives_each_value_of_the_property_a_known_safety()
        {
            static IEnumerable<string> Problems(OpenApiSpec spec, (JProperty Schema, JProperty Property) declaring)
            {
                var declared = declaring.Property.Value["x-retry-safety"]!;
                var pairs = ((string)declared!).Split(',').Select(pair => pair.Split('=')).ToList();
                var named = pairs.Select(pair => pair[0].Trim()).ToList();
                var values = ValuesOf(spec, declaring.Property.Value);
                var where = $"{spec.Where(declared)}: {declaring.Schema.Name}.{declaring.Property.Name}";
                return pairs.Where(pair => pair.Length != 2 || !SchemaSafeties.Contains(pair[1].Trim()))
                    .Select(pair => $"{where}: '{string.Join("=", pair)}' is not value=safety with a safety of {string.Join(", ", SchemaSafeties)}")
                    .Concat(named.Except(values).Select(value => $"{where}: '{value}' is not a value of the property ({string.Join(", ", values)})"))
                    .Concat(values.Except(named).Select(value => $"{where}: the value '{value}' has no declared safety"));
            }

            static IEnumerable<(JProperty, JProperty)> Declaring(OpenApiSpec spec) =>
                spec.Schemas().SelectMany(schema => spec.PropertiesOf(schema.Value, inherited: false)
                    .Where(property => property.Value["x-retry-safety"] != null)
                    .Select(property => (schema, property)));

            Found(Declaring, Problems).ShouldBeEmpty();
            AllSpecs.SelectMany(Declaring).ShouldNotBeEmpty("no spec declares a property's retry safety: the check saw nothing");
        }

        /// <summary>The problems found in each part (operation, schema, property) of every spec.</summary>
        private static List<string> Found<T>(Func<OpenApiSpec, IEnumerable<T>> partsOf, Func<OpenApiSpec, T, IEnumerable<string>> problemsOf) =>
            AllSpecs.SelectMany(spec => partsOf(spec).SelectMany(part => problemsOf(spec, part))).ToList();

        /// <summary>
        /// The wire names a request of the operation carries: its parameters, the fields of an object parameter
        /// exploded into the query, and the fields every body it may send has (each media type, each alternative).
        /// </summary>
        private static HashSet<string> RequestFields(OpenApiSpec spec, SpecOperation operation)
        {
            var fields = new HashSet<string>(StringComparer.Ordinal);
            foreach (var parameter in operation.Node["parameters"]?.Children().Select(spec.Dereference) ?? Enumerable.Empty<JObject>())
            {
                fields.Add((string)parameter["name"]!);
                if (parameter["schema"] is { } schema && (string?)parameter["style"] is null or "form" && parameter["explode"] is not JValue { Value: false })
                {
                    fields.UnionWith(spec.PropertiesOf(spec.Dereference(schema), inherited: true).Select(p => p.Name));
                }
            }

            var bodies = (operation.Node.SelectToken("requestBody.content") as JObject)?.Properties()
                .Select(media => spec.Dereference(media.Value["schema"]!))
                .SelectMany(schema => schema["oneOf"]?.Children().Select(spec.Dereference) ?? new[] { schema })
                .Select(schema => spec.PropertiesOf(schema, inherited: true).Select(p => p.Name).ToHashSet(StringComparer.Ordinal))
                .ToList();
            if (bodies?.Count > 0)
            {
                fields.UnionWith(bodies.Aggregate((common, body) => common.Intersect(body, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal)));
            }

            return fields;
        }

        /// <summary>The enum values of a property, declared on it or on the schema it refers to (directly or as its one allOf part).</summary>
        private static List<string> ValuesOf(OpenApiSpec spec, JToken property)
        {
            var schema = property["allOf"]?.Count() == 1 ? spec.Dereference(property["allOf"]![0]!) : spec.Dereference(property);
            return schema["enum"]?.Select(value => (string)value!).ToList() ?? new List<string>();
        }
    }
}
