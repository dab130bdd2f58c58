using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ViberGateways.AlphaSms;

namespace ViberGateways.Tests.ApprovedApi
{
    /// <summary>
    /// Pins the package's public surface, one approved file per namespace. A spec edit, an nswag.json change or a
    /// generator upgrade fails here until the new listing is reviewed and accepted with <c>make approve</c>.
    /// </summary>
    public class PublicApiTests
    {
        public static IEnumerable<object[]> Namespaces() =>
            PublicApiListing.Namespaces(typeof(AlphaSmsOptions).Assembly).Select(n => new object[] { n });

        [Theory]
        [MemberData(nameof(Namespaces))]
        public void Public_surface_matches_the_approved_listing(string @namespace)
        {
            var listing = PublicApiListing.For(typeof(AlphaSmsOptions).Assembly, @namespace);

            listing.ShouldMatchApproved(options => options
                .WithFilenameGenerator((_, _, type, extension) => $"{@namespace}.{type}.{extension}")
                .WithFileExtension("txt")
                .NoDiff());
        }

        [Fact]
        public void Every_gateway_namespace_has_public_types()
        {
            PublicApiListing.Namespaces(typeof(AlphaSmsOptions).Assembly)
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
    }
}
