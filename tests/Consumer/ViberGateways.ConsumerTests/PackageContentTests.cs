using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;

namespace ViberGateways.ConsumerTests
{
    /// <summary>What `make pack` wrote: the three library builds with their XML documentation, the README, the symbols.</summary>
    public class PackageContentTests
    {
        private static readonly string[] Targets = { "netstandard2.0", "net8.0", "net10.0" };

        [Fact]
        public void The_package_holds_each_target_with_its_documentation_and_the_readme()
        {
            using var package = ZipFile.OpenRead(InstalledPackageTests.PackagePath("nupkg"));
            var entries = package.Entries.Select(e => e.FullName).ToList();

            entries.Where(e => e.StartsWith("lib/")).OrderBy(e => e).ShouldBe(
                Targets.SelectMany(t => new[] { $"lib/{t}/ViberGateways.dll", $"lib/{t}/ViberGateways.xml" }).OrderBy(e => e));
            entries.ShouldContain("README.md");
            foreach (var target in Targets)
            {
                using var documentation = package.GetEntry($"lib/{target}/ViberGateways.xml")!.Open();
                var members = XDocument.Load(documentation).Descendants("member").Select(m => (string)m.Attribute("name")!).ToList();
                members.ShouldContain("T:ViberGateways.IViberClient");
                members.ShouldContain(m => m.StartsWith("M:Microsoft.Extensions.DependencyInjection.ViberGatewaysServiceCollectionExtensions.AddViberGateways("));
            }
        }

        [Fact]
        public void The_symbols_package_holds_a_portable_pdb_per_target()
        {
            using var symbols = ZipFile.OpenRead(InstalledPackageTests.PackagePath("snupkg"));

            symbols.Entries.Select(e => e.FullName).Where(e => e.EndsWith(".pdb")).OrderBy(e => e)
                .ShouldBe(Targets.Select(t => $"lib/{t}/ViberGateways.pdb").OrderBy(e => e));
        }

        [Fact]
        public void The_package_declares_its_license_readme_and_dependencies_per_target()
        {
            using var package = ZipFile.OpenRead(InstalledPackageTests.PackagePath("nupkg"));
            using var nuspecStream = package.GetEntry("ViberGateways.nuspec")!.Open();
            var nuspec = XDocument.Load(nuspecStream);
            XNamespace ns = nuspec.Root!.Name.Namespace;
            var metadata = nuspec.Root.Element(ns + "metadata")!;

            metadata.Element(ns + "license")!.Value.ShouldBe("MIT");
            metadata.Element(ns + "readme")!.Value.ShouldBe("README.md");
            var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group").Select(g => (string)g.Attribute("targetFramework")!).ToList();
            groups.ShouldBe(new[] { ".NETStandard2.0", "net8.0", "net10.0" }, ignoreOrder: true);
        }
    }
}
