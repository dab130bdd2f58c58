using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using PublicApiGenerator;
using ViberGateways.AlphaSms;

namespace ViberGateways.Tests.ApprovedApi
{
    /// <summary>
    /// Pins the package's public surface, one approved file per namespace, as PublicApiGenerator prints it. A spec
    /// edit, an nswag.json change or a generator upgrade that reaches the public surface fails here until the new
    /// listing is reviewed and accepted with <c>make approve</c>. (The generated clients and models are internal:
    /// their wire names, required-ness and limits are pinned by the wire snapshots and Specs/GeneratedFactsTests.)
    /// </summary>
    public class PublicApiTests
    {
        private static readonly Assembly Sdk = typeof(AlphaSmsOptions).Assembly;

        public static IEnumerable<object[]> Namespaces() => NamespacesOf(Sdk).Select(n => new object[] { n });

        [Theory]
        [MemberData(nameof(Namespaces))]
        public void Public_surface_matches_the_approved_listing(string @namespace)
        {
            var listing = ApiGenerator.GeneratePublicApi(Sdk, new ApiGeneratorOptions
            {
                IncludeTypes = Sdk.GetExportedTypes().Where(t => t.Namespace == @namespace).ToArray(),
                IncludeAssemblyAttributes = false,
                // The DI extensions live in Microsoft.Extensions.DependencyInjection, which the generator skips by default.
                AllowNamespacePrefixes = new[] { "Microsoft.Extensions.DependencyInjection" },
            });

            listing.ShouldMatchApproved(options => options
                .WithFilenameGenerator((_, _, type, extension) => $"{@namespace}.{type}.{extension}")
                .WithFileExtension("txt")
                .NoDiff());
        }

        [Fact]
        public void Every_gateway_namespace_has_public_types()
        {
            NamespacesOf(Sdk)
                .ShouldBe(new[] { "Microsoft.Extensions.DependencyInjection", "ViberGateways", "ViberGateways.AlphaSms", "ViberGateways.Bulk", "ViberGateways.LiveAll", "ViberGateways.SmsBy" }, ignoreOrder: true);
        }
    

        [Fact]
        public void The_public_surface_is_small_and_holds_no_generator_plumbing()
        {
            var types = typeof(AlphaSmsOptions).Assembly.GetExportedTypes();

            types.Length.ShouldBeLessThanOrEqualTo(70, string.Join(", ", types.Select(t => t.FullName)));
            var plumbing = new[] { "ObjectResponseResult", "FileParameter", "FileResponse", "JsonInheritanceConverter", "JsonInheritanceAttribute", "DateFormatConverter" };
            types.Where(t => plumbing.Any(p => t.Name.StartsWith(p, StringComparison.Ordinal))).ShouldBeEmpty();
            types.SelectMany(t => t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Where(m => m.Name is "AdditionalProperties" or "ReadResponseAsString").ShouldBeEmpty();
        }

        [Fact]
        public void Every_gateway_is_asked_for_status_and_balance_with_one_verb_each()
        {
            var methods = typeof(AlphaSmsOptions).Assembly.GetExportedTypes()
                .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
                .Select(m => m.Name)
                .Distinct()
                .ToList();

            methods.Where(m => m.StartsWith("Get", StringComparison.Ordinal) && m.Contains("Status")).ShouldBe(new[] { "GetStatusAsync" });
            methods.Where(m => m.Contains("Balance")).ShouldBe(new[] { "GetBalanceAsync" });
        }

        private static IReadOnlyList<string> NamespacesOf(Assembly assembly) =>
            assembly.GetExportedTypes().Select(t => t.Namespace ?? "").Distinct().OrderBy(n => n, StringComparer.Ordinal).ToList();
    }
}
