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

        public static List<KeyValuePair<string, string>> From(object model)
        {
            var contract = (JsonObjectContract)Contracts.ResolveContract(model.GetType());
            var fields = new List<KeyValuePair<string, string>>(contract.Properties.Count);
            foreach (var property in contract.Properties)
            {
                if (!property.Ignored && property.Readable && property.ValueProvider!.GetValue(model) is { } value)
                {
                    fields.Add(new KeyValuePair<string, string>(property.PropertyName!, Format(value)));
                }
            }

            return fields;
        }

        public static string Encode(IEnumerable<KeyValuePair<string, string>> fields)
        {
            var text = new StringBuilder();
            foreach (var field in fields)
            {
                if (text.Length > 0)
                {
                    text.Append('&');
                }

                text.Append(Uri.EscapeDataString(field.Key)).Append('=').Append(Uri.EscapeDataString(field.Value));
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
