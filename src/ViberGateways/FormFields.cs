using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace ViberGateways
{
    /// <summary>
    /// Flattens a model generated from a spec into ordered name/value pairs (wire names and enum values from the
    /// spec, invariant culture, unset fields left out) and encodes them once for both a query string and an
    /// <c>application/x-www-form-urlencoded</c> body: UTF-8, every character outside RFC 3986's unreserved set
    /// percent-encoded (so a space is <c>%20</c>, valid in both).
    /// </summary>
    internal static class FormFields
    {
        private static readonly IContractResolver Contracts = new DefaultContractResolver();
        private static readonly ConcurrentDictionary<Type, Field[]> Fields = new();
        private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<object, string>> EnumWireNames = new();

        /// <summary>The model's set fields as <c>name=value&amp;…</c>, in the spec's order, every name and value percent-encoded.</summary>
        public static string Encode(object model)
        {
            var text = new StringBuilder(256);
            // Several fields often repeat one value (the HTTP API's SMS and Viber texts and senders): encode it once.
            string? lastRaw = null, lastEncoded = null, previousRaw = null, previousEncoded = null;
            foreach (var field in Fields.GetOrAdd(model.GetType(), Describe))
            {
                if (field.Value.GetValue(model) is not { } value)
                {
                    continue;
                }

                var raw = Format(value);
                string encoded;
                if (ReferenceEquals(raw, lastRaw))
                {
                    encoded = lastEncoded!;
                }
                else if (ReferenceEquals(raw, previousRaw))
                {
                    encoded = previousEncoded!;
                }
                else
                {
                    encoded = Uri.EscapeDataString(raw);
                    (previousRaw, previousEncoded) = (lastRaw, lastEncoded);
                    (lastRaw, lastEncoded) = (raw, encoded);
                }

                if (text.Length > 0)
                {
                    text.Append('&');
                }

                text.Append(field.EncodedNameAndEquals).Append(encoded);
            }

            return text.ToString();
        }

        private static Field[] Describe(Type type) =>
            ((JsonObjectContract)Contracts.ResolveContract(type)).Properties
                .Where(property => !property.Ignored && property.Readable)
                .Select(property => new Field(Uri.EscapeDataString(property.PropertyName!) + "=", property.ValueProvider!))
                .ToArray();

        private static string Format(object value) => value switch
        {
            string text => text,
            bool flag => flag ? "true" : "false",
            Enum member => EnumWireNames.GetOrAdd(member.GetType(), WireNames)[member],
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        private static IReadOnlyDictionary<object, string> WireNames(Type enumType) =>
            enumType.GetFields(BindingFlags.Public | BindingFlags.Static).ToDictionary(
                field => field.GetValue(null)!,
                field => field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name);

        /// <summary>A field as read once per model type: its encoded wire name with the <c>=</c>, and how to read its value.</summary>
        private sealed class Field
        {
            public Field(string encodedNameAndEquals, IValueProvider value)
            {
                EncodedNameAndEquals = encodedNameAndEquals;
                Value = value;
            }

            public string EncodedNameAndEquals { get; }

            public IValueProvider Value { get; }
        }
    }
}
