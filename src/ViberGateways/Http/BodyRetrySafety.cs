using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace ViberGateways.Http
{
    /// <summary>
    /// The retry safety of a request whose operation leaves it to the body (<c>x-retry-safety: by-body</c>): the
    /// weakest of what the body's model and the items of its lists declare — a model's own fact (a <c>deduplicated</c>
    /// one only while its client id is set), or a property whose value decides (AlphaSMS HTTP <c>command</c>). A body
    /// that declares nothing is never repeated once it may have reached the gateway.
    /// </summary>
    internal static class BodyRetrySafety
    {
        private static readonly ConcurrentDictionary<Type, (Func<object, RetrySafety?> Declared, Func<object, object?>[] Lists)> Facts = new();

        public static RetrySafety Of(object? model)
        {
            RetrySafety? weakest = null;
            if (model != null)
            {
                var facts = FactsOf(model.GetType());
                weakest = facts.Declared(model);
                foreach (var list in facts.Lists)
                {
                    if (list(model) is IEnumerable items)
                    {
                        foreach (var item in items)
                        {
                            if (item != null && FactsOf(item.GetType()).Declared(item) is { } declared && (weakest is null || declared < weakest))
                            {
                                weakest = declared;
                            }
                        }
                    }
                }
            }

            return weakest ?? RetrySafety.NeverAfterSent;
        }

        private static (Func<object, RetrySafety?> Declared, Func<object, object?>[] Lists) FactsOf(Type type) => Facts.GetOrAdd(type, t =>
            (Describe(t), WireNames.PropertiesOf(t).Where(p => p.Property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.Property.PropertyType)).Select(p => p.Read).ToArray()));

        /// <summary>What a model type declares, as a function of one model: null when it declares nothing.</summary>
        private static Func<object, RetrySafety?> Describe(Type type)
        {
            var properties = WireNames.PropertiesOf(type);
            var declared = new List<Func<object, RetrySafety>>();
            if (type.GetCustomAttribute<RetrySafetyFactAttribute>(inherit: true) is { } own)
            {
                var safety = Parse(own.Safety, type.Name);
                var clientId = own.DeduplicatedBy is { } name
                    ? properties.FirstOrDefault(p => p.Name == name)?.Read ?? throw new InvalidOperationException($"{type.Name}: x-deduplicated-by names '{name}', which is not one of its fields.")
                    : null;
                declared.Add(model => clientId != null && clientId(model) is null ? RetrySafety.NeverAfterSent : safety);
            }

            foreach (var property in properties)
            {
                if (property.Property.GetCustomAttribute<RetrySafetyFactAttribute>() is { } byValue)
                {
                    var values = byValue.Safety.Split(',').Select(pair => pair.Split('='))
                        .ToDictionary(pair => pair[0].Trim(), pair => Parse(pair.Length == 2 ? pair[1].Trim() : "", type.Name + "." + property.Name), StringComparer.Ordinal);
                    declared.Add(model => property.Read(model) is { } value && values.TryGetValue(WireNames.Format(value), out var safety) ? safety : RetrySafety.NeverAfterSent);
                }
            }

            if (declared.Count == 0)
            {
                return _ => null;
            }

            return model =>
            {
                var weakest = RetrySafety.Repeatable;
                foreach (var fact in declared)
                {
                    var safety = fact(model);
                    weakest = safety < weakest ? safety : weakest;
                }

                return weakest;
            };
        }

        private static RetrySafety Parse(string declared, string where) => declared switch
        {
            "repeatable" => RetrySafety.Repeatable,
            "deduplicated" => RetrySafety.Deduplicated,
            "never-after-sent" => RetrySafety.NeverAfterSent,
            _ => throw new InvalidOperationException($"{where}: x-retry-safety '{declared}' is not repeatable, deduplicated or never-after-sent."),
        };
    }
}
