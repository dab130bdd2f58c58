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
        private static readonly ConcurrentDictionary<Type, ModelFacts> Facts = new();

        public static RetrySafety Of(object? model)
        {
            if (model is null)
            {
                return RetrySafety.NeverAfterSent;
            }

            var found = false;
            var safety = Weakest(model, RetrySafety.Repeatable, ref found);
            foreach (var list in FactsOf(model.GetType()).Lists)
            {
                if (list(model) is IEnumerable items)
                {
                    foreach (var item in items)
                    {
                        if (item != null)
                        {
                            safety = Weakest(item, safety, ref found);
                        }
                    }
                }
            }

            return found ? safety : RetrySafety.NeverAfterSent;
        }

        private static RetrySafety Weakest(object model, RetrySafety safety, ref bool found)
        {
            var facts = FactsOf(model.GetType());
            if (facts.Own is { } own)
            {
                found = true;
                var declared = own.DeduplicatedBy is { } clientId && clientId(model) is null ? RetrySafety.NeverAfterSent : own.Safety;
                safety = declared < safety ? declared : safety;
            }

            foreach (var (read, byValue) in facts.ByValue)
            {
                found = true;
                var declared = read(model) is { } value && byValue.TryGetValue(WireNames.Format(value), out var known) ? known : RetrySafety.NeverAfterSent;
                safety = declared < safety ? declared : safety;
            }

            return safety;
        }

        private static ModelFacts FactsOf(Type type) => Facts.GetOrAdd(type, Describe);

        private static ModelFacts Describe(Type type)
        {
            var properties = WireNames.PropertiesOf(type);
            (RetrySafety Safety, Func<object, object?>? DeduplicatedBy)? own = null;
            if (type.GetCustomAttribute<RetrySafetyFactAttribute>(inherit: true) is { } declared)
            {
                var clientId = declared.DeduplicatedBy is { } name
                    ? properties.FirstOrDefault(p => p.Name == name)?.Read
                        ?? throw new InvalidOperationException($"{type.Name}: x-deduplicated-by names '{name}', which is not one of its fields.")
                    : null;
                own = (Parse(declared.Safety, type.Name), clientId);
            }

            var byValue = properties
                .Where(p => p.Property.GetCustomAttribute<RetrySafetyFactAttribute>() != null)
                .Select(p => (p.Read, ParseByValue(p.Property.GetCustomAttribute<RetrySafetyFactAttribute>()!.Safety, type.Name + "." + p.Name)))
                .ToArray();
            var lists = properties
                .Where(p => p.Property.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.Property.PropertyType))
                .Select(p => p.Read)
                .ToArray();
            return new ModelFacts(own, byValue, lists);
        }

        private static IReadOnlyDictionary<string, RetrySafety> ParseByValue(string declared, string where) =>
            declared.Split(',').Select(pair => pair.Split('=')).ToDictionary(
                pair => pair[0].Trim(),
                pair => pair.Length == 2 ? Parse(pair[1].Trim(), where) : throw new InvalidOperationException($"{where}: x-retry-safety '{declared}' is not value=safety pairs."),
                StringComparer.Ordinal);

        private static RetrySafety Parse(string declared, string where) => declared switch
        {
            "repeatable" => RetrySafety.Repeatable,
            "deduplicated" => RetrySafety.Deduplicated,
            "never-after-sent" => RetrySafety.NeverAfterSent,
            _ => throw new InvalidOperationException($"{where}: unknown x-retry-safety '{declared}'."),
        };

        private sealed class ModelFacts
        {
            public ModelFacts((RetrySafety Safety, Func<object, object?>? DeduplicatedBy)? own, (Func<object, object?> Read, IReadOnlyDictionary<string, RetrySafety> ByValue)[] byValue,
                Func<object, object?>[] lists)
            {
                Own = own;
                ByValue = byValue;
                Lists = lists;
            }

            public (RetrySafety Safety, Func<object, object?>? DeduplicatedBy)? Own { get; }

            public (Func<object, object?> Read, IReadOnlyDictionary<string, RetrySafety> ByValue)[] ByValue { get; }

            public Func<object, object?>[] Lists { get; }
        }
    }
}
