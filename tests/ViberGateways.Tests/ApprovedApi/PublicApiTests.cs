using System.Collections.Generic;
using System.Linq;
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
    }
}
