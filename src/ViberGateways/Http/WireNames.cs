using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Runtime.Serialization;
using Newtonsoft.Json;

namespace ViberGateways.Http
{
    /// <summary>
    /// The names and values a generated model has on the wire: a property's name from its <c>[JsonProperty]</c>, an
    /// enum member's from its <c>[EnumMember]</c>, numbers in the invariant culture. Read once per type.
    /// </summary>
    internal static class WireNames
    {
        private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<object, string>> EnumValues = new();
        private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<string, object>> EnumMembers = new();
        private static readonly ConcurrentDictionary<Type, WireProperty[]> Properties = new();

        /// <summary>The property's name on the wire.</summary>
        public static string Of(PropertyInfo property) => property.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName ?? property.Name;

        /// <summary>The model's properties that are on the wire, in the spec's order, each with its wire name and a compiled getter.</summary>
        public static WireProperty[] PropertiesOf(Type type) => Properties.GetOrAdd(type, t => t
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonPropertyAttribute>() != null)
            .OrderBy(p => p.GetCustomAttribute<JsonPropertyAttribute>()!.Order)
            .ThenBy(p => p.GetCustomAttribute<SpecOrderAttribute>()?.Line ?? int.MaxValue)
            .Select(p => new WireProperty(p))
            .ToArray());

        /// <summary>A value as the wire writes it: text unchanged, enum members by their spec value, numbers invariant, booleans lower-case.</summary>
        public static string Format(object value) => value switch
        {
            string text => text,
            bool flag => flag ? "true" : "false",
            Enum member => EnumValues.GetOrAdd(member.GetType(), EnumWireValues)[member],
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        /// <summary>
        /// A wire value read as <paramref name="type"/> (the non-nullable type): text unchanged, enum members by their
        /// spec value, numbers invariant, booleans as <c>1</c>/<c>0</c> or <c>true</c>/<c>false</c>; null when it is not one.
        /// </summary>
        public static object? Parse(string value, Type type) =>
            type == typeof(string) ? value
            : type.IsEnum ? EnumMembers.GetOrAdd(type, t => EnumWireValues(t).ToDictionary(pair => pair.Value, pair => pair.Key)).TryGetValue(value, out var member) ? member : null
            : type == typeof(long) ? (long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole : null)
            : type == typeof(int) ? (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small) ? small : null)
            : type == typeof(decimal) ? (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) ? amount : null)
            : type == typeof(bool) ? (value is "1" or "true" ? true : value is "0" or "false" ? false : null)
            : null;

        private static IReadOnlyDictionary<object, string> EnumWireValues(Type enumType) =>
            enumType.GetFields(BindingFlags.Public | BindingFlags.Static).ToDictionary(
                field => field.GetValue(null)!,
                field => field.GetCustomAttribute<EnumMemberAttribute>()?.Value ?? field.Name);
    }

    /// <summary>A generated model's property as the wire sees it.</summary>
    internal sealed class WireProperty(PropertyInfo property)
    {
        public PropertyInfo Property { get; } = property;

        /// <summary>The name on the wire.</summary>
        public string Name { get; } = WireNames.Of(property);

        /// <summary>Reads the value (boxed) through a compiled delegate.</summary>
        public Func<object, object?> Read { get; } = CompiledAccessor.Getter(property);
    }
}
