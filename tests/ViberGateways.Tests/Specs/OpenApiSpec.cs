using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ViberGateways.Tests.Specs
{
    /// <summary>A spec from specs/ loaded as JSON, with the C# namespace its clients are generated into.</summary>
    internal sealed class OpenApiSpec
    {
        private static readonly Dictionary<string, string> NamespaceBySpec = new()
        {
            ["alphasms-json.yaml"] = "ViberGateways.AlphaSms",
            ["alphasms-xml.yaml"] = "ViberGateways.AlphaSms",
            ["alphasms-http.yaml"] = "ViberGateways.AlphaSms",
            ["liveall.yaml"] = "ViberGateways.LiveAll",
            ["smsby.yaml"] = "ViberGateways.SmsBy",
        };

        private OpenApiSpec(string fileName, JObject document)
        {
            FileName = fileName;
            Document = document;
        }

        public static IReadOnlyList<string> FileNames => NamespaceBySpec.Keys.ToList();

        public string FileName { get; }

        public JObject Document { get; }

        public string Namespace => NamespaceBySpec[FileName];

        public static OpenApiSpec Load(string fileName)
        {
            var path = Path.Combine(AppContext.BaseDirectory, "specs", fileName);
            var yaml = new YamlStream();
            using (var reader = new StreamReader(path))
            {
                yaml.Load(reader);
            }

            return new OpenApiSpec(fileName, (JObject)ToJson(yaml.Documents[0].RootNode));
        }

        /// <summary>
        /// Where a node of <see cref="Document"/> stands in the spec file, for failure messages: <c>specs/x.yaml:42</c>;
        /// for a mapping or list, the line of the name it is given.
        /// </summary>
        public string Where(JToken node) => $"specs/{FileName}:{(node is JContainer && node.Parent is JProperty name ? name : node).Annotation<SpecLine>()?.Line}";

        /// <summary>Resolves a local <c>$ref</c> (<c>#/components/schemas/Name</c>).</summary>
        public JToken Resolve(string reference) =>
            reference.TrimStart('#', '/').Split('/').Aggregate((JToken)Document, (node, part) => node[part.Replace("~1", "/").Replace("~0", "~")]!);

        private static JToken ToJson(YamlNode node) => Located<JToken>(node switch
        {
            YamlMappingNode map => new JObject(map.Children.Select(c => Located(new JProperty(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)), c.Key))),
            YamlSequenceNode list => new JArray(list.Children.Select(ToJson)),
            YamlScalarNode scalar => Scalar(scalar),
            _ => throw new NotSupportedException(node.GetType().Name),
        }, node);

        private static T Located<T>(T json, YamlNode node) where T : JToken
        {
            json.AddAnnotation(new SpecLine(node.Start.Line));
            return json;
        }

        private sealed record SpecLine(long Line);

        // YAML 1.2 core schema for plain scalars; quoted and block scalars are strings.
        private static JToken Scalar(YamlScalarNode scalar)
        {
            var text = scalar.Value ?? "";
            if (scalar.Style != ScalarStyle.Plain)
            {
                return new JValue(text);
            }

            if (text is "null" or "~" or "")
            {
                return JValue.CreateNull();
            }

            if (text is "true" or "false")
            {
                return new JValue(text == "true");
            }

            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            {
                return new JValue(integer);
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && text.Any(char.IsDigit))
            {
                return new JValue(real);
            }

            return new JValue(text);
        }
    }
}
