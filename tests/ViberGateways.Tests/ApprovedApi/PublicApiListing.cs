using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Serialization;
using System.Text;

namespace ViberGateways.Tests.ApprovedApi
{
    /// <summary>
    /// A stable text listing of an assembly's public surface, one namespace at a time: every public type and its
    /// public and protected members, sorted, fully qualified, with nullability. Properties also show their wire name
    /// and the limits the spec put on them, so a spec edit shows up here even when no C# name changes.
    /// Tool versions and GeneratedCode attributes are left out on purpose.
    /// </summary>
    internal static class PublicApiListing
    {
        private const BindingFlags DeclaredMembers =
            BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        public static IReadOnlyList<string> Namespaces(Assembly assembly) =>
            assembly.GetExportedTypes().Select(t => t.Namespace ?? "").Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();

        public static string For(Assembly assembly, string @namespace)
        {
            var text = new StringBuilder();
            foreach (var type in assembly.GetExportedTypes()
                         .Where(t => t.Namespace == @namespace)
                         .OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                text.Append(Declaration(type)).Append('\n');
                foreach (var member in Members(type))
                {
                    text.Append("    ").Append(member).Append('\n');
                }

                text.Append('\n');
            }

            return text.ToString();
        }

        private static string Declaration(Type type)
        {
            if (type.IsEnum)
            {
                return $"public enum {Name(type)} : {Name(Enum.GetUnderlyingType(type))}";
            }

            string kind = type.IsInterface ? "interface"
                : typeof(Delegate).IsAssignableFrom(type) ? "delegate"
                : type.IsValueType ? "struct"
                : type.IsAbstract && type.IsSealed ? "static class"
                : type.IsAbstract ? "abstract class"
                : type.IsSealed ? "sealed class"
                : "class";
            var bases = new List<string>();
            if (type.BaseType != null && type.BaseType != typeof(object) && type.BaseType != typeof(ValueType))
            {
                bases.Add(Name(type.BaseType));
            }

            var inherited = type.BaseType?.GetInterfaces() ?? Type.EmptyTypes;
            bases.AddRange(type.GetInterfaces().Where(i => !inherited.Contains(i)).Select(Name).OrderBy(n => n, StringComparer.Ordinal));
            return $"public {kind} {Name(type)}" + (bases.Count > 0 ? " : " + string.Join(", ", bases) : "");
        }

        private static IReadOnlyList<string> Members(Type type)
        {
            // Enum members in value order; everything else sorted by its rendering.
            return type.IsEnum
                ? type.GetFields(BindingFlags.Public | BindingFlags.Static)
                    .OrderBy(f => Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture))
                    .Select(f => (f.GetCustomAttribute<EnumMemberAttribute>()?.Value is { } wire ? $"[wire \"{wire}\"] " : "")
                        + $"{f.Name} = {Convert.ToInt64(f.GetRawConstantValue(), System.Globalization.CultureInfo.InvariantCulture)}")
                    .ToList()
                : TypeMembers(type).OrderBy(m => m, StringComparer.Ordinal).ToList();
        }

        private static IEnumerable<string> TypeMembers(Type type)
        {
            var nullability = new NullabilityInfoContext();
            foreach (var member in type.GetMembers(DeclaredMembers))
            {
                switch (member)
                {
                    case ConstructorInfo ctor when Visible(ctor):
                        yield return $"{Access(ctor)} {Name(type).Split('.').Last().Split('<')[0]}({Parameters(ctor, nullability)})";
                        break;
                    case MethodInfo method when Visible(method) && !method.IsSpecialName:
                        yield return $"{Access(method)} {Modifiers(method)}{Nullable(method.ReturnType, nullability.Create(method.ReturnParameter))} {method.Name}{GenericArguments(method)}({Parameters(method, nullability)})";
                        break;
                    case PropertyInfo property when Visible(property.GetMethod) || Visible(property.SetMethod):
                        var accessor = Visible(property.GetMethod) ? property.GetMethod! : property.SetMethod!;
                        var accessors = (Visible(property.GetMethod) ? "get; " : "") + (Visible(property.SetMethod) ? "set; " : "");
                        yield return $"{WireAnnotations(property)}{Access(accessor)} {Modifiers(accessor)}{Nullable(property.PropertyType, nullability.Create(property))} {property.Name} {{ {accessors}}}";
                        break;
                    case FieldInfo field when (field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly) && !field.IsSpecialName:
                        var constant = field.IsLiteral ? " = " + Literal(field.GetRawConstantValue()) : "";
                        yield return $"{(field.IsPublic ? "public" : "protected")} {(field.IsLiteral ? "const " : field.IsStatic ? "static " : "")}{(field.IsInitOnly ? "readonly " : "")}{Nullable(field.FieldType, nullability.Create(field))} {field.Name}{constant}";
                        break;
                    case EventInfo @event when Visible(@event.AddMethod):
                        yield return $"{Access(@event.AddMethod!)} event {Name(@event.EventHandlerType!)} {@event.Name}";
                        break;
                    case Type nested when nested.IsNestedPublic || nested.IsNestedFamily:
                        yield return $"nested {Declaration(nested)}";
                        break;
                }
            }
        }

        private static string WireAnnotations(PropertyInfo property)
        {
            var notes = new List<string>();
            foreach (var attribute in property.GetCustomAttributesData())
            {
                var name = attribute.AttributeType.Name;
                if (name == "JsonPropertyAttribute")
                {
                    var wire = attribute.ConstructorArguments.FirstOrDefault().Value;
                    var required = attribute.NamedArguments.FirstOrDefault(a => a.MemberName == "Required").TypedValue.Value;
                    notes.Add($"json \"{wire}\"" + (required != null ? $" {Enum.ToObject(typeof(Newtonsoft.Json.Required), required)}" : ""));
                }
                else if (attribute.AttributeType.Namespace == typeof(RequiredAttribute).Namespace)
                {
                    var arguments = attribute.ConstructorArguments.Select(a => Literal(a.Value))
                        .Concat(attribute.NamedArguments.Select(a => $"{a.MemberName} = {Literal(a.TypedValue.Value)}"));
                    notes.Add($"{name.Replace("Attribute", "")}({string.Join(", ", arguments)})");
                }
            }

            return notes.Count == 0 ? "" : "[" + string.Join("] [", notes) + "] ";
        }

        private static bool Visible(MethodBase? method) => method != null && (method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly);

        private static string Access(MethodBase method) => method.IsPublic ? "public" : "protected";

        private static string Modifiers(MethodInfo method) =>
            method.IsStatic ? "static "
            : method.DeclaringType!.IsInterface ? ""
            : method.IsAbstract ? "abstract "
            : method.GetBaseDefinition() != method ? "override "
            : method.IsVirtual && !method.IsFinal ? "virtual "
            : "";

        private static string GenericArguments(MethodInfo method) =>
            method.IsGenericMethodDefinition ? "<" + string.Join(", ", method.GetGenericArguments().Select(a => a.Name)) + ">" : "";

        private static string Parameters(MethodBase method, NullabilityInfoContext nullability) =>
            string.Join(", ", method.GetParameters().Select(p =>
                (p.IsOut ? "out " : p.ParameterType.IsByRef ? "ref " : "")
                + Nullable(p.ParameterType, nullability.Create(p)) + " " + p.Name
                + (p.HasDefaultValue ? " = " + (p.DefaultValue is null && p.ParameterType.IsValueType ? "default" : Literal(p.DefaultValue)) : "")));

        private static string Nullable(Type type, NullabilityInfo info)
        {
            if (type.IsByRef)
            {
                type = type.GetElementType()!;
            }

            var name = Name(type);
            return !type.IsValueType && info.ReadState == NullabilityState.Nullable ? name + "?" : name;
        }

        private static string Literal(object? value) => value switch
        {
            null => "null",
            string s => "\"" + s + "\"",
            bool b => b ? "true" : "false",
            Type t => "typeof(" + Name(t) + ")",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

        private static readonly Dictionary<Type, string> Keywords = new()
        {
            [typeof(void)] = "void", [typeof(object)] = "object", [typeof(string)] = "string", [typeof(bool)] = "bool",
            [typeof(byte)] = "byte", [typeof(short)] = "short", [typeof(int)] = "int", [typeof(long)] = "long",
            [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal", [typeof(char)] = "char",
        };

        internal static string Name(Type type)
        {
            if (Keywords.TryGetValue(type, out var keyword))
            {
                return keyword;
            }

            if (type.IsGenericParameter)
            {
                return type.Name;
            }

            if (System.Nullable.GetUnderlyingType(type) is { } underlying)
            {
                return Name(underlying) + "?";
            }

            if (type.IsArray)
            {
                return Name(type.GetElementType()!) + "[]";
            }

            var name = type.IsNested ? Name(type.DeclaringType!) + "." + type.Name : type.Namespace + "." + type.Name;
            if (!type.IsGenericType)
            {
                return name;
            }

            var tick = name.IndexOf('`');
            var arguments = type.GetGenericArguments();
            if (type.IsNested)
            {
                // Arguments already shown on the declaring type are not repeated.
                arguments = arguments.Skip(type.DeclaringType!.GetGenericArguments().Length).ToArray();
            }

            return (tick >= 0 ? name.Substring(0, tick) : name)
                + (arguments.Length > 0 ? "<" + string.Join(", ", arguments.Select(Name)) + ">" : "");
        }
    }
}
