using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

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
        // Each wire property of a model type with the spec's limits on it.
        private static readonly ConcurrentDictionary<Type, (Http.WireProperty Wire, ValidationAttribute[] Attributes)[]> Limits = new();
        private static readonly ConcurrentDictionary<string, Regex> Patterns = new();
        private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(250);

        /// <summary>
        /// Throws a <see cref="RequestValidationException"/> naming every limit <paramref name="model"/> breaks, each
        /// field by its wire name under <paramref name="path"/> (<c>request.data[0].viber_message</c>). With
        /// <paramref name="listItems"/> false, the items of its lists are taken as already checked.
        /// </summary>
        public static void ThrowIfBroken(object model, string path, bool listItems = true)
        {
            // Models are almost always valid: a first pass builds no field paths and no error list (a bulk request has
            // hundreds of items); only a model that breaks a limit is walked again to name every violation.
            if (!Walk(model, null, null, null, listItems))
            {
                var errors = new ValidationErrors();
                Walk(model, path, "", (wirePath, _, rule, message) => errors.Add(wirePath, rule, message), listItems);
                errors.ThrowIfAny();
            }
        }

        /// <summary>
        /// Adds to <paramref name="errors"/> every limit that <paramref name="model"/>, mapped from a caller's message,
        /// breaks. <paramref name="fields"/> maps the model's property paths (<c>ViberMessage</c>,
        /// <c>ImActions[0].Url</c>) to the caller's fields (<c>Text</c>, <c>Button.Url</c>): such a violation is reported
        /// under the caller's field below <paramref name="path"/>, naming the wire field it is sent as; one the SDK fills
        /// itself is reported by its wire name; one mapped to an empty name is not reported (a field the caller supplies
        /// later, such as a bulk send's recipients). A field that already has a violation, on it or on one of its
        /// items, gets no second one.
        /// </summary>
        public static void Check(object model, string path, IReadOnlyDictionary<string, string> fields, ValidationErrors errors)
        {
            if (Walk(model, null, null, null, listItems: true))
            {
                return;
            }

            Walk(model, "", "", (wirePath, propertyPath, rule, message) =>
            {
                var mapped = fields.TryGetValue(propertyPath, out var name);
                if (mapped && name!.Length == 0)
                {
                    return;
                }

                // A list whose items were refused (a recipient that is no phone number) is short by them: its count
                // is not a second mistake.
                var field = path + "." + (mapped ? name : wirePath);
                if (!errors.HasOnOrUnder(field))
                {
                    errors.Add(field, rule, mapped ? $"{message} (sent as `{wirePath}`)" : message);
                }
            }, listItems: true);
        }

        /// <summary>
        /// Whether <paramref name="model"/> keeps every limit; with <paramref name="report"/>, also names each violation
        /// by its wire path under <paramref name="path"/> and by its property path under <paramref name="propertyPath"/>.
        /// </summary>
        private static bool Walk(object model, string? path, string? propertyPath, Action<string, string, string, string>? report, bool listItems)
        {
            var valid = true;
            foreach (var property in Limits.GetOrAdd(model.GetType(), Describe))
            {
                var value = property.Wire.Read(model);
                var field = path is null ? null : Join(path, property.Wire.Name);
                var name = propertyPath is null ? null : Join(propertyPath, property.Wire.Property.Name);
                foreach (var attribute in property.Attributes)
                {
                    if (Violation(attribute, value) is { } violation)
                    {
                        if (report is null)
                        {
                            return false;
                        }

                        valid = false;
                        report(field!, name!, violation.Rule, violation.Message);
                    }
                }

                if (value is null || value is string)
                {
                    continue;
                }

                if (IsModel(value.GetType()))
                {
                    valid &= Walk(value, field, name, report, listItems);
                }
                else if (listItems && value is IEnumerable items && value is not IDictionary && value is not byte[])
                {
                    var index = 0;
                    foreach (var item in items)
                    {
                        if (item != null && IsModel(item.GetType()))
                        {
                            valid &= Walk(item, field is null ? null : $"{field}[{index}]", name is null ? null : $"{name}[{index}]", report, listItems);
                        }

                        index++;
                    }
                }

                if (!valid && report is null)
                {
                    return false;
                }
            }

            return valid;
        }

        private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

        /// <summary>The rule a value breaks and why, or null.</summary>
        private static (string Rule, string Message)? Violation(ValidationAttribute attribute, object? value)
        {
            switch (attribute)
            {
                case RequiredAttribute required when value is null || (value is string blank && !required.AllowEmptyStrings && blank.Trim().Length == 0):
                    return ("required", "is required");
                case StringLengthAttribute length when value is string limited && TextRules.CharacterCount(limited) is var characters:
                    return characters > length.MaximumLength ? ("maxLength", $"must have at most {length.MaximumLength} characters, not {characters}")
                        : characters < length.MinimumLength ? ("minLength", $"must have at least {length.MinimumLength} characters, not {characters}")
                        : null;
                case RangeAttribute range when value is IConvertible number && !(value is string):
                    var actual = number.ToDouble(CultureInfo.InvariantCulture);
                    var minimum = Convert.ToDouble(range.Minimum, CultureInfo.InvariantCulture);
                    var maximum = Convert.ToDouble(range.Maximum, CultureInfo.InvariantCulture);
                    return actual < minimum || actual > maximum
                        ? (actual < minimum ? "minimum" : "maximum", $"must be between {range.Minimum} and {range.Maximum}, not {number.ToString(CultureInfo.InvariantCulture)}")
                        : null;
                // As RegularExpressionAttribute.IsValid decides (the whole value matches), with the pattern compiled once.
                case RegularExpressionAttribute pattern when value is string patterned && !MatchesWhole(Patterns.GetOrAdd(pattern.Pattern, Compile), patterned):
                    return ("pattern", $"must match {pattern.Pattern}");
                case MaxLengthAttribute maxLength when Count(value) is { } count && count > maxLength.Length:
                    return ("maxItems", $"must have at most {maxLength.Length} items, not {count}");
                case MinLengthAttribute minLength when Count(value) is { } count && count < minLength.Length:
                    return ("minItems", $"must have at least {minLength.Length} items, not {count}");
            }

            return null;
        }

        /// <summary>Whether the first match of <paramref name="regex"/> in <paramref name="value"/> is all of it.</summary>
        private static bool MatchesWhole(Regex regex, string value)
        {
#if NET7_0_OR_GREATER
            // The first match's bounds, without the Match object (and its groups) a match allocates.
            foreach (var match in regex.EnumerateMatches(value))
            {
                return match.Index == 0 && match.Length == value.Length;
            }

            return false;
#else
            var match = regex.Match(value);
            return match.Success && match.Index == 0 && match.Length == value.Length;
#endif
        }

        /// <summary>
        /// A spec's pattern, matched in time linear in the input where the runtime can (no timeout to check per match);
        /// elsewhere, and for a pattern that engine cannot run, with a timeout against runaway backtracking.
        /// </summary>
        private static Regex Compile(string pattern)
        {
#if NET7_0_OR_GREATER
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
            }
            catch (NotSupportedException)
            {
                // A construct the linear engine lacks (a look-around, a back-reference).
            }
#endif
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
        }

        private static int? Count(object? value) => value switch
        {
            string text => TextRules.CharacterCount(text),
            ICollection collection => collection.Count,
            _ => null,
        };

        private static (Http.WireProperty Wire, ValidationAttribute[] Attributes)[] Describe(Type type) =>
            Http.WireNames.PropertiesOf(type)
                .Select(p => (Wire: p, Attributes: p.Property.GetCustomAttributes<ValidationAttribute>(inherit: true).ToArray()))
                .Where(p => p.Attributes.Length > 0 || !IsLeaf(p.Wire.Property.PropertyType))
                .ToArray();

        private static bool IsModel(Type type) => type.IsClass && type.Namespace?.StartsWith("ViberGateways", StringComparison.Ordinal) == true;

        private static bool IsLeaf(Type type) => type.IsPrimitive || type.IsEnum || type == typeof(string) || Nullable.GetUnderlyingType(type) != null || type == typeof(decimal);
    }
}
