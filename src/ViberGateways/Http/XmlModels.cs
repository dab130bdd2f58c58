using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Newtonsoft.Json;

namespace ViberGateways.Http
{
    /// <summary>
    /// Writes and reads XML documents straight from the models generated from a spec, as its <c>x-xml-*</c> facts lay
    /// them out: the element a model is written as (<c>x-xml-name</c>), attributes, the element's own text, child
    /// elements named as the wire names, wrapped lists of item elements (<c>x-xml-item</c>). A field added to the spec
    /// reaches the document with no change here. Documents are written with <see cref="XmlWriter"/> (which escapes
    /// text) and read with DTDs prohibited and no external resolution. Hand-written because
    /// <c>System.Xml.Serialization</c> cannot carry the generated models (nullable attributes, interface-typed lists).
    /// </summary>
    internal static class XmlModels
    {
        private static readonly ConcurrentDictionary<Type, Layout> Layouts = new();

        private static readonly XmlWriterSettings WriterSettings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            // "\r" in user text is written as &#xD; so it survives the reader's line-break normalisation.
            NewLineHandling = NewLineHandling.Entitize,
            CheckCharacters = true,
        };

        /// <summary>Reader settings for replies: no DTD, no external resolution, no entity expansion.</summary>
        public static readonly XmlReaderSettings ReaderSettings = new XmlReaderSettings
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
            var root = ElementNameOf(model.GetType());
            using var text = new Utf8StringWriter();
            using (var writer = XmlWriter.Create(text, WriterSettings))
            {
                writer.WriteStartDocument();
                WriteElement(writer, root, model);
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
        /// <exception cref="FormatException">A value is not of its field's type, or a required field is missing.</exception>
        public static T Read<T>(XElement element) => (T)ReadElement(typeof(T), element);

        private static void WriteElement(XmlWriter writer, string name, object model)
        {
            var layout = LayoutOf(model.GetType());
            writer.WriteStartElement(name);
            foreach (var attribute in layout.Attributes)
            {
                if (attribute.Read(model) is { } value)
                {
                    writer.WriteAttributeString(attribute.Name, WireNames.Format(value));
                }
            }

            if (layout.Text?.Read(model) is { } text)
            {
                writer.WriteString(WireNames.Format(text));
            }

            foreach (var child in layout.Elements)
            {
                var value = child.Read(model);
                if (value is null)
                {
                    continue;
                }

                if (child.ItemName is { } itemName && value is IEnumerable items)
                {
                    writer.WriteStartElement(child.Name);
                    foreach (var item in items)
                    {
                        WriteElement(writer, itemName, item);
                    }

                    writer.WriteEndElement();
                }
                else if (IsModel(value.GetType()))
                {
                    WriteElement(writer, child.Name, value);
                }
                else
                {
                    writer.WriteElementString(child.Name, WireNames.Format(value));
                }
            }

            writer.WriteEndElement();
        }

        private static object ReadElement(Type type, XElement element)
        {
            var layout = LayoutOf(type);
            var model = Activator.CreateInstance(type)!;
            var missing = layout.Required.Length == 0 ? null : new HashSet<Node>(layout.Required);
            foreach (var attribute in layout.Attributes)
            {
                Set(attribute, model, element.Attribute(attribute.Name)?.Value, element, missing);
            }

            if (layout.Text is { } text)
            {
                Set(text, model, element.Nodes().OfType<XText>().Any() ? element.Value : null, element, missing);
            }

            foreach (var child in layout.Elements)
            {
                var node = element.Element(child.Name);
                if (node is null)
                {
                    continue;
                }

                if (child.ItemType is { } itemType)
                {
                    var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
                    foreach (var item in node.Elements(child.ItemName!))
                    {
                        list.Add(ReadElement(itemType, item));
                    }

                    child.Property.SetValue(model, list);
                    missing?.Remove(child);
                }
                else if (IsModel(child.Property.PropertyType))
                {
                    child.Property.SetValue(model, ReadElement(child.Property.PropertyType, node));
                    missing?.Remove(child);
                }
                else
                {
                    Set(child, model, node.Value, element, missing);
                }
            }

            if (missing is { Count: > 0 })
            {
                throw new FormatException($"<{element.Name.LocalName}> has no {missing.First().Name}");
            }

            return model;
        }

        private static void Set(Node node, object model, string? text, XElement element, HashSet<Node>? missing)
        {
            if (text is null)
            {
                return;
            }

            node.Property.SetValue(model, Parse(text.Trim(), node.Property.PropertyType)
                ?? throw new FormatException($"<{element.Name.LocalName}> {node.Name} '{text}' is not a {Nullable.GetUnderlyingType(node.Property.PropertyType)?.Name ?? node.Property.PropertyType.Name}"));
            missing?.Remove(node);
        }

        private static object? Parse(string text, Type type)
        {
            var target = Nullable.GetUnderlyingType(type) ?? type;
            if (target == typeof(string))
            {
                return text;
            }

            if (target.IsEnum)
            {
                return target.GetFields(BindingFlags.Public | BindingFlags.Static)
                    .FirstOrDefault(f => (f.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? f.Name) == text)?.GetValue(null);
            }

            return target == typeof(bool) ? (text is "1" or "true" ? true : text is "0" or "false" ? false : null)
                : target == typeof(long) ? (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : null)
                : target == typeof(int) ? (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : null)
                : target == typeof(decimal) ? (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var m) ? m : null)
                : target == typeof(double) ? (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null)
                : (object?)null;
        }

        private static bool IsModel(Type type) => type.IsClass && type != typeof(string) && !typeof(IEnumerable).IsAssignableFrom(type);

        private static Layout LayoutOf(Type type) => Layouts.GetOrAdd(type, t =>
        {
            var nodes = WireNames.PropertiesOf(t).Select(p => new Node(p)).ToList();
            return new Layout(
                nodes.Where(n => n.IsAttribute).ToArray(),
                nodes.SingleOrDefault(n => n.IsText),
                nodes.Where(n => !n.IsAttribute && !n.IsText).ToArray(),
                nodes.Where(n => n.IsRequired).ToArray());
        });

        private sealed class Layout
        {
            public Layout(Node[] attributes, Node? text, Node[] elements, Node[] required)
            {
                Attributes = attributes;
                Text = text;
                Elements = elements;
                Required = required;
            }

            public Node[] Attributes { get; }

            public Node? Text { get; }

            public Node[] Elements { get; }

            public Node[] Required { get; }
        }

        private sealed class Node
        {
            public Node(WireProperty property)
            {
                Property = property.Property;
                Name = property.Name;
                Read = property.Read;
                IsAttribute = Property.GetCustomAttribute<XmlAttributeNodeAttribute>() != null;
                IsText = Property.GetCustomAttribute<XmlTextNodeAttribute>() != null;
                ItemName = Property.GetCustomAttribute<XmlItemNameAttribute>()?.Name;
                ItemType = ItemName is null ? null : Property.PropertyType.GetGenericArguments().Single();
                IsRequired = Property.GetCustomAttribute<JsonPropertyAttribute>()?.Required is Required.Always or Required.DisallowNull;
            }

            public PropertyInfo Property { get; }

            public string Name { get; }

            public Func<object, object?> Read { get; }

            public bool IsAttribute { get; }

            public bool IsText { get; }

            public string? ItemName { get; }

            public Type? ItemType { get; }

            public bool IsRequired { get; }
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
