using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Newtonsoft.Json;
using ViberGateways.Http;

namespace ViberGateways.Tests.Specs
{
    /// <summary>
    /// Form fields, query parameters and XML nodes are written in the order <see cref="WireNames.PropertiesOf"/> gives:
    /// the generated declaration order, which is the spec's. It reads that order from <see cref="SpecOrderAttribute"/>
    /// (Native AOT has no metadata tokens); here, on the JIT runtime, it must equal the metadata-token order the SDK
    /// has always used, for every generated model.
    /// </summary>
    public class WireOrderTests
    {
        private static readonly IReadOnlyList<Type> Models = typeof(GatewayException).Assembly.GetTypes()
            .Where(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(IsOnTheWire))
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .ToList();

        [Fact]
        public void Every_generated_model_keeps_its_declaration_order_on_the_wire()
        {
            Models.Count.ShouldBeGreaterThan(50, "the SDK's generated models were not found");
            var errors = new List<string>();
            foreach (var model in Models)
            {
                var declared = model.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(IsOnTheWire)
                    .OrderBy(p => p.GetCustomAttribute<JsonPropertyAttribute>()!.Order)
                    .ThenBy(p => p.MetadataToken)
                    .Select(p => p.Name)
                    .ToList();
                var written = WireNames.PropertiesOf(model).Select(p => p.Property.Name).ToList();
                if (!written.SequenceEqual(declared))
                {
                    errors.Add($"{model.Name}: [{string.Join(", ", written)}], declared [{string.Join(", ", declared)}]");
                }
            }

            errors.ShouldBeEmpty();
        }

        [Fact]
        public void Every_property_on_the_wire_carries_its_place_in_the_spec()
        {
            var unplaced = Models
                .SelectMany(model => model.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
                .Where(p => IsOnTheWire(p) && p.GetCustomAttribute<SpecOrderAttribute>() is not { Line: > 0 })
                .Select(p => $"{p.DeclaringType!.Name}.{p.Name}");

            unplaced.ShouldBeEmpty();
        }

        [Fact]
        public void A_derived_model_writes_the_properties_it_inherits_first()
        {
            var declaringTypes = WireNames.PropertiesOf(typeof(ViberGateways.SmsBy.SmsByBulkViberPersonalMailing)).Select(p => p.Property.DeclaringType).ToList();

            declaringTypes.ShouldContain(typeof(ViberGateways.SmsBy.SmsByBulkViberMailing));
            declaringTypes.IndexOf(typeof(ViberGateways.SmsBy.SmsByBulkViberPersonalMailing)).ShouldBeGreaterThan(declaringTypes.LastIndexOf(typeof(ViberGateways.SmsBy.SmsByBulkViberMailing)));
        }

        private static bool IsOnTheWire(PropertyInfo property) =>
            property.GetIndexParameters().Length == 0 && property.GetCustomAttribute<JsonPropertyAttribute>() != null;
    }
}
