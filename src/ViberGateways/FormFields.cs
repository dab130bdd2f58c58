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
        private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<object, string>> EnumWireNames = new();

        /// <summary>The model's set fields as <c>name=value&amp;…</c>, in the spec's order, every name and value percent-encoded.</summary>
        public static string Encode(object model)
        {
            var contract = (JsonObjectContract)Contracts.ResolveContract(model.GetType());
            var text = new StringBuilder(256);
            foreach (var property in contract.Properties)
            {
                if (!property.Ignored && property.Readable && property.ValueProvider!.GetValue(model) is { } value)
                {
                    if (text.Length > 0)
                    {
                        text.Append('&');
                    }

                    text.Append(Uri.EscapeDataString(property.PropertyName!)).Append('=').Append(Uri.EscapeDataString(Format(value)));
                }
            }

            return text.ToString();
        }

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
    }
}
