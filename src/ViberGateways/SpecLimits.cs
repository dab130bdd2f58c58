using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Linq;
using System.Reflection;

namespace ViberGateways
{
    /// <summary>
    /// Checks a request model against the limits its spec declares — required, maxLength/minLength (counted in
    /// Unicode characters), minimum/maximum, pattern, minItems/maxItems — which NSwag generates as DataAnnotations,
    /// walking nested models and lists. The metadata is read once per type. DataAnnotations' own Validator is not used
    /// because it does not descend into nested models and counts UTF-16 units rather than characters.
    /// </summary>
    internal static class SpecLimits
    {
        private static readonly ConcurrentDictionary<Type, PropertyLimits[]> Limits = new();

        public static void Check(object model, string path, ValidationErrors errors)
        {
            foreach (var property in Limits.GetOrAdd(model.GetType(), Describe))
            {
                var value = property.Property.GetValue(model);
                var field = path + "." + property.Property.Name;
                foreach (var attribute in property.Attributes)
                {
                    CheckAttribute(attribute, value, field, errors);
                }

                if (value is null || value is string)
                {
                    continue;
                }

                if (IsModel(value.GetType()))
                {
                    Check(value, field, errors);
                }
                else if (value is IEnumerable items && value is not IDictionary && value is not byte[])
                {
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item != null && IsModel(item.GetType()))
                        {
                            Check(item, $"{field}[{index}]", errors);
                        }

                        index++;
                    }
                }
            }
        }

        private static void CheckAttribute(ValidationAttribute attribute, object? value, string field, ValidationErrors errors)
        {
            switch (attribute)
            {
                case RequiredAttribute required:
                    if (value is null || (value is string blank && !required.AllowEmptyStrings && blank.Trim().Length == 0))
                    {
                        errors.Add(field, "required", "is required");
                    }

                    break;
                case StringLengthAttribute length when value is string limited:
                    var characters = TextRules.CharacterCount(limited);
                    if (characters > length.MaximumLength)
                    {
                        errors.Add(field, "maxLength", $"must have at most {length.MaximumLength} characters, not {characters}");
                    }
                    else if (characters < length.MinimumLength)
                    {
                        errors.Add(field, "minLength", $"must have at least {length.MinimumLength} characters, not {characters}");
                    }

                    break;
                case RangeAttribute range when value is IConvertible number && !(value is string):
                    var actual = number.ToDouble(CultureInfo.InvariantCulture);
                    var minimum = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
                    var maximum = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
                    if (actual < minimum || actual > maximum)
                    {
                        errors.Add(field, actual < minimum ? "minimum" : "maximum", $"must be between {range.Minimum} and {range.Maximum}, not {number.ToString(CultureInfo.InvariantCulture)}");
                    }

                    break;
                case RegularExpressionAttribute pattern when value is string patterned:
                    if (!pattern.IsValid(patterned))
                    {
                        errors.Add(field, "pattern", $"must match {pattern.Pattern}");
                    }

                    break;
                case MaxLengthAttribute maxLength when Count(value) is { } count && count > maxLength.Length:
                    errors.Add(field, "maxItems", $"must have at most {maxLength.Length} items, not {count}");
                    break;
                case MinLengthAttribute minLength when Count(value) is { } count && count < minLength.Length:
                    errors.Add(field, "minItems", $"must have at least {minLength.Length} items, not {count}");
                    break;
            }
        }

        private static int? Count(object? value) => value switch
        {
            string text => TextRules.CharacterCount(text),
            ICollection collection => collection.Count,
            _ => null,
        };

        private static PropertyLimits[] Describe(Type type) =>
            type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "AdditionalProperties")
                .Select(p => new PropertyLimits(p, p.GetCustomAttributes<ValidationAttribute>(inherit: true).ToArray()))
                .Where(p => p.Attributes.Length > 0 || !IsLeaf(p.Property.PropertyType))
                .ToArray();

        private static bool IsModel(Type type) => type.IsClass && type.Namespace?.StartsWith("ViberGateways", StringComparison.Ordinal) == true;

        private static bool IsLeaf(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(string) || Nullable.GetUnderlyingType(type) != null || type == typeof(decimal);

        private sealed class PropertyLimits
        {
            public PropertyLimits(PropertyInfo property, ValidationAttribute[] attributes)
            {
                Property = property;
                Attributes = attributes;
            }

            public PropertyInfo Property { get; }

            public ValidationAttribute[] Attributes { get; }
        }
    }
}
