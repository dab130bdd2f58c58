using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace ViberGateways
{
    /// <summary>
    /// Writes the generated models the way their converters and properties would, without the cost a bulk request of
    /// hundreds of items would pay per item: a subtype's discriminator (AlphaSMS <c>type</c>, SMS.by
    /// <c>message_type</c>) is written as its first property instead of by the generated JsonInheritanceConverter,
    /// which builds a JObject per item (the same bytes, some thirty times faster); and <c>AdditionalProperties</c> is
    /// read without creating the empty dictionary its getter makes on first use. Installed through the generated
    /// clients' <c>UpdateJsonSerializerSettings</c> hook; reading is unchanged (a base type keeps its converter).
    /// </summary>
    /// <param name="discriminatorNameOf">The property name an inheritance converter writes, or null for any other converter.</param>
    /// <param name="discriminatorOf">The discriminator value of a concrete subtype, or null for a base type.</param>
#if NET
    // Newtonsoft.Json fills a model's extension data (AdditionalProperties) through the dictionary's indexer and
    // default constructor, found by reflection: a trimmed or Native AOT application would otherwise lose them.
    [method: DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(IDictionary<string, object>))]
    [method: DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicProperties, typeof(Dictionary<string, object>))]
#endif
    internal sealed class GeneratedModelContractResolver(Func<JsonConverter, string?> discriminatorNameOf, Func<Type, string?> discriminatorOf)
        : DefaultContractResolver
    {
        protected override JsonContract CreateContract(Type objectType)
        {
            var contract = base.CreateContract(objectType);
            if (contract is JsonObjectContract model && model.Converter is { } converter
                && discriminatorNameOf(converter) is { } name && discriminatorOf(objectType) is { } value)
            {
                model.Converter = null;
                model.Properties.Insert(0, new JsonProperty
                {
                    PropertyName = name,
                    UnderlyingName = name,
                    PropertyType = typeof(string),
                    DeclaringType = objectType,
                    ValueProvider = new Constant(value),
                    Readable = true,
                    Writable = false,
                });
            }

            if (contract is JsonObjectContract withExtensionData && withExtensionData.ExtensionDataGetter != null
                && AdditionalPropertiesField(objectType) is { } field)
            {
                var read = CompiledAccessor.Getter(field);
                withExtensionData.ExtensionDataGetter = model => read(model) is IDictionary<string, object> { Count: > 0 } extra
                    ? extra.Select(pair => new KeyValuePair<object, object>(pair.Key, pair.Value))
                    : null;
            }

            return contract;
        }

        /// <summary>The backing field of a generated <c>AdditionalProperties</c>, declared by the type or a base type.</summary>
        private static FieldInfo? AdditionalPropertiesField(Type? type)
        {
            for (; type != null; type = type.BaseType)
            {
                if (type.GetField("_additionalProperties", BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly) is { } field
                    && typeof(IDictionary<string, object>).IsAssignableFrom(field.FieldType))
                {
                    return field;
                }
            }

            return null;
        }

        private sealed class Constant(string value) : IValueProvider
        {
            public object GetValue(object target) => value;

            public void SetValue(object target, object? value) => throw new NotSupportedException("A discriminator is written, never read into a model.");
        }
    }
}
