using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ViberGateways.Http
{
    /// <summary>
    /// Writes and reads XML documents straight from the models generated from a spec, laid out as its <c>x-xml-*</c>
    /// facts say: the element a model is written as (<c>x-xml-name</c>), attributes, the element's own text, child
    /// elements named by their wire names, wrapped lists of item elements (<c>x-xml-item</c>). Values pass through the
    /// generated models' own JSON contract (names, enum values, required fields), so a field added to the spec reaches
    /// the document with no change here. Written with <see cref="XmlWriter"/> (which escapes text), read with DTDs
    /// prohibited and no external resolution. Hand-written because <c>System.Xml.Serialization</c> cannot carry the
    /// generated models (nullable attributes, interface-typed lists).
    /// </summary>
    internal static class XmlModels
    {
        private static readonly JsonSerializer Json = JsonSerializer.CreateDefault();
        private static readonly ConcurrentDictionary<Type, Node[]> Layouts = new();

        private static readonly XmlWriterSettings WriterSettings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            // "\r" in user text is written as &#xD; so it survives the reader's line-break normalisation.
            NewLineHandling = NewLineHandling.Entitize,
        };

        private static readonly XmlReaderSettings ReaderSettings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };

        /// <summary>The element a model is written as (its <c>x-xml-name</c>).</summary>
        public static string ElementNameOf(Type type) => type.GetCustomAttribute<XmlNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{type.Name} declares no x-xml-name to be written as a document.");

        /// <summary>The document for <paramref name="model"/>, its root element named by the model's <c>x-xml-name</c>.</summary>
        public static string Write(object model)
        {
            using var text = new Utf8StringWriter();
            using (var writer = XmlWriter.Create(text, WriterSettings))
            {
                writer.WriteStartDocument();
                WriteElement(writer, ElementNameOf(model.GetType()), model.GetType(), JObject.FromObject(model, Json));
                writer.WriteEndDocument();
            }

            return text.ToString();
        }

        /// <summary>Loads a reply document (UTF-8 unless <paramref name="encoding"/> says otherwise) with the safe reader settings.</summary>
        /// <exception cref="XmlException">Not well-formed, or it has a DTD.</exception>
        public static XDocument Load(byte[] body, Encoding encoding)
        {
            using var reader = encoding.CodePage == Encoding.UTF8.CodePage
                ? XmlReader.Create(new MemoryStream(body, writable: false), ReaderSettings)
                : XmlReader.Create(new StringReader(encoding.GetString(body)), ReaderSettings);
            return XDocument.Load(reader);
        }

        /// <summary>Reads <paramref name="element"/> into a new <typeparamref name="T"/>.</summary>
        /// <exception cref="JsonException">A value is not of its field's type, or a required field is missing.</exception>
        public static T Read<T>(XElement element) => ToJson(typeof(T), element).ToObject<T>(Json)!;

        private static void WriteElement(XmlWriter writer, string name, Type type, JObject model)
        {
            writer.WriteStartElement(name);
            var nodes = LayoutOf(type);
            foreach (var node in nodes.Where(n => n.IsAttribute && model[n.Name] is JValue { Value: not null }))
            {
                writer.WriteAttributeString(node.Name, Text(model[node.Name]!));
            }

            foreach (var node in nodes.Where(n => !n.IsAttribute))
            {
                switch (model[node.Name])
                {
                    case null or JValue { Value: null }:
                        break;
                    case JValue value when node.IsText:
                        writer.WriteString(Text(value));
                        break;
                    case JValue value:
                        writer.WriteElementString(node.Name, Text(value));
                        break;
                    case JArray items:
                        writer.WriteStartElement(node.Name);
                        foreach (var item in items.OfType<JObject>())
                        {
                            WriteElement(writer, node.ItemName!, node.ItemType!, item);
                        }

                        writer.WriteEndElement();
                        break;
                    case JObject child:
                        WriteElement(writer, node.Name, node.Type, child);
                        break;
                }
            }

            writer.WriteEndElement();
        }

        private static JObject ToJson(Type type, XElement element)
        {
            var json = new JObject();
            foreach (var node in LayoutOf(type))
            {
                if (node.IsAttribute)
                {
                    json[node.Name] = element.Attribute(node.Name)?.Value.Trim();
                }
                else if (node.IsText)
                {
                    json[node.Name] = element.Nodes().OfType<XText>().Any() ? element.Value.Trim() : null;
                }
                else if (element.Element(node.Name) is { } child)
                {
                    json[node.Name] = node.ItemName is { } itemName ? new JArray(child.Elements(itemName).Select(item => ToJson(node.ItemType!, item)))
                        : node.IsModel ? ToJson(node.Type, child)
                        : child.Value.Trim();
                }
            }

            // An absent field is left out, not null: a required one then fails as missing.
            foreach (var absent in json.Properties().Where(p => p.Value.Type == JTokenType.Null).ToList())
            {
                absent.Remove();
            }

            return json;
        }

        private static string Text(JToken value) => value is JValue { Value: IFormattable number } ? number.ToString(null, CultureInfo.InvariantCulture) : (string)value!;

        private static Node[] LayoutOf(Type type) => Layouts.GetOrAdd(type, t => WireNames.PropertiesOf(t).Select(p => new Node(p)).ToArray());

        /// <summary>A model property as the document holds it.</summary>
        private sealed class Node
        {
            public Node(WireProperty property)
            {
                var info = property.Property;
                Name = property.Name;
                Type = Nullable.GetUnderlyingType(info.PropertyType) ?? info.PropertyType;
                IsAttribute = info.GetCustomAttribute<XmlAttributeNodeAttribute>() != null;
                IsText = info.GetCustomAttribute<XmlTextNodeAttribute>() != null;
                ItemName = info.GetCustomAttribute<XmlItemNameAttribute>()?.Name;
                ItemType = ItemName is null ? null : Type.GetGenericArguments().Single();
                IsModel = Type.IsClass && Type != typeof(string);
            }

            public string Name { get; }

            public Type Type { get; }

            public bool IsAttribute { get; }

            public bool IsText { get; }

            public string? ItemName { get; }

            public Type? ItemType { get; }

            public bool IsModel { get; }
        }

        /// <summary>A <see cref="StringWriter"/> whose declaration says UTF-8, the encoding the body is sent in.</summary>
        private sealed class Utf8StringWriter : StringWriter
        {
            public Utf8StringWriter()
                : base(CultureInfo.InvariantCulture)
            {
            }

            public override Encoding Encoding => Encoding.UTF8;
        }
    }
}
