using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Newtonsoft.Json;

namespace ViberGateways.Http
{
    /// <summary>
    /// Writes and reads XML documents straight from the models generated from a spec, laid out as its <c>x-xml-*</c>
    /// facts say: the element a model is written as (<c>x-xml-name</c>), attributes, the element's own text, child
    /// elements named by their wire names, wrapped lists of item elements (<c>x-xml-item</c>). Values are written and
    /// read as the wire has them (enum values from the spec, invariant numbers; required fields required), so a field
    /// added to the spec reaches the document with no change here. Written with <see cref="XmlWriter"/> (which escapes text), read with DTDs
    /// prohibited and no external resolution. Hand-written because <c>System.Xml.Serialization</c> cannot carry the
    /// generated models (nullable attributes, interface-typed lists).
    /// </summary>
    internal static class XmlModels
    {
        private static readonly ConcurrentDictionary<Type, Node[]> Layouts = new();
        private static readonly ConcurrentDictionary<Type, string> ElementNames = new();

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
        public static string ElementNameOf(Type type) => ElementNames.GetOrAdd(type, t => t.GetCustomAttribute<XmlNameAttribute>()?.Name
            ?? throw new InvalidOperationException($"{t.Name} declares no x-xml-name to be written as a document."));

        /// <summary>The document for <paramref name="model"/>, its root element named by the model's <c>x-xml-name</c>.</summary>
        public static string Write(object model)
        {
            // Written as UTF-8 bytes, the form the body is sent in (the writer for bytes buffers half what the one for text does).
            using var bytes = new MemoryStream(1024);
            using (var writer = XmlWriter.Create(bytes, WriterSettings))
            {
                writer.WriteStartDocument();
                WriteElement(writer, ElementNameOf(model.GetType()), model);
                writer.WriteEndDocument();
            }

            return Encoding.UTF8.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
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
            writer.WriteStartElement(name);
            var nodes = LayoutOf(model.GetType());
            foreach (var node in nodes)
            {
                if (node.IsAttribute && node.Read(model) is { } value)
                {
                    writer.WriteAttributeString(node.Name, WireNames.Format(value));
                }
            }

            foreach (var node in nodes)
            {
                switch (node.IsAttribute ? null : node.Read(model))
                {
                    case null:
                        break;
                    case var text when node.IsText:
                        writer.WriteString(WireNames.Format(text));
                        break;
                    case IEnumerable items when node.ItemName != null:
                        writer.WriteStartElement(node.Name);
                        foreach (var item in items)
                        {
                            WriteElement(writer, node.ItemName, item);
                        }

                        writer.WriteEndElement();
                        break;
                    case var child when node.IsModel:
                        WriteElement(writer, node.Name, child);
                        break;
                    case var value:
                        writer.WriteElementString(node.Name, WireNames.Format(value));
                        break;
                }
            }

            writer.WriteEndElement();
        }

        private static object ReadElement(Type type, XElement element)
        {
            var model = Activator.CreateInstance(type)!;
            foreach (var node in LayoutOf(type))
            {
                var child = node.IsAttribute || node.IsText ? null : element.Element(node.Name);
                object? value = node.IsAttribute ? Parse(element.Attribute(node.Name)?.Value, node, element)
                    : node.IsText ? Parse(element.Nodes().OfType<XText>().Any() ? element.Value : null, node, element)
                    : child is null ? null
                    : node.ItemName is { } itemName ? ReadList(node.ItemType!, child.Elements(itemName))
                    : node.IsModel ? ReadElement(node.Type, child)
                    : Parse(child.Value, node, element);
                if (value != null)
                {
                    node.Write(model, value);
                }
                else if (node.IsRequired)
                {
                    throw new FormatException($"<{element.Name.LocalName}> has no {node.Name}");
                }
            }

            return model;
        }

        private static IList ReadList(Type itemType, IEnumerable<XElement> items)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            foreach (var item in items)
            {
                list.Add(ReadElement(itemType, item));
            }

            return list;
        }

        /// <summary>A value as its field's type (numbers invariant, enum members by their spec value); null when absent.</summary>
        private static object? Parse(string? text, Node node, XElement element) => text?.Trim() is not { } value ? null
            : WireNames.Parse(value, node.Type) ?? throw new FormatException($"<{element.Name.LocalName}> {node.Name} '{value}' is not a {node.Type.Name}");

        private static Node[] LayoutOf(Type type) => Layouts.GetOrAdd(type, t => WireNames.PropertiesOf(t).Select(p => new Node(p, p.Property, Nullable.GetUnderlyingType(p.Property.PropertyType) ?? p.Property.PropertyType)).ToArray());

        /// <summary>A model property as the document holds it (<paramref name="type"/>: its type, not nullable).</summary>
        private sealed class Node(WireProperty property, PropertyInfo info, Type type)
        {
            public string Name { get; } = property.Name;

            public Func<object, object?> Read { get; } = property.Read;

            public Action<object, object?> Write { get; } = info.SetValue;

            public bool IsRequired { get; } = info.GetCustomAttribute<JsonPropertyAttribute>()?.Required is Required.Always or Required.DisallowNull;

            public Type Type { get; } = type;

            public bool IsAttribute { get; } = info.GetCustomAttribute<XmlAttributeNodeAttribute>() != null;

            public bool IsText { get; } = info.GetCustomAttribute<XmlTextNodeAttribute>() != null;

            public string? ItemName { get; } = info.GetCustomAttribute<XmlItemNameAttribute>()?.Name;

            public Type? ItemType { get; } = info.GetCustomAttribute<XmlItemNameAttribute>() is null ? null : type.GetGenericArguments().Single();

            public bool IsModel { get; } = type.IsClass && type != typeof(string);
        }
    }
}
