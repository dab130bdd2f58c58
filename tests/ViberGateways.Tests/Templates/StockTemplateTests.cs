using System;
using System.IO;
using System.Linq;
using ViberGateways.Benchmarks;

namespace ViberGateways.Tests.Templates
{
    /// <summary>
    /// Each template override in src/build/nswag-templates/ has beside it, in stock/, the package's template it
    /// replaces, exactly as the generator the build used embeds it. When an NSwag upgrade changes a stock template,
    /// these tests fail until the upstream change has been reviewed, carried into the override and the stock copy
    /// refreshed, so the upgrade shows up as a diff of stock/.
    /// </summary>
    public class StockTemplateTests
    {
        private static readonly string Overrides = Path.Combine(RepositoryRoot.Path, "src", "build", "nswag-templates");

        private static readonly string Stock = Path.Combine(Overrides, "stock");

        public static TheoryData<string> StockFiles => new(Directory.GetFiles(Stock, "*.liquid").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal)!);

        [Theory]
        [MemberData(nameof(StockFiles))]
        public void Stock_copy_is_the_packages_template(string file)
        {
            EmbeddedTemplates.All.TryGetValue(file, out var packaged)
                .ShouldBeTrue($"{file} is not a template of the generator in {EmbeddedTemplates.GeneratorFolder}: delete stock/{file} and its override, or rename both after the package's template");
            var stored = EmbeddedTemplates.Normalise(File.ReadAllText(Path.Combine(Stock, file)));

            if (stored != packaged)
            {
                throw new Xunit.Sdk.XunitException(
                    $"the package's {file} changed (or its stock copy was edited): review the upstream diff, carry it into src/build/nswag-templates/{file}, then copy the new stock file " +
                    $"(from {EmbeddedTemplates.GeneratorFolder}, without BOM, LF line ends) over src/build/nswag-templates/stock/{file}. {FirstDifference(stored, packaged!)}");
            }
        }

        [Fact]
        public void Every_override_has_its_stock_template_beside_it_and_no_stock_copy_is_left_without_one()
        {
            var overrides = Directory.GetFiles(Overrides, "*.liquid").Select(Path.GetFileName).ToList();
            var stock = Directory.GetFiles(Stock, "*.liquid").Select(Path.GetFileName).ToList();

            overrides.ShouldNotBeEmpty();
            overrides.Except(stock).ShouldBeEmpty("overrides without their stock template: copy each from the package into src/build/nswag-templates/stock/ (without BOM, LF line ends)");
            stock.Except(overrides).ShouldBeEmpty("stock templates nothing overrides: delete them from src/build/nswag-templates/stock/");
        }

        private static string FirstDifference(string stored, string packaged)
        {
            var storedLines = stored.Split('\n');
            var packagedLines = packaged.Split('\n');
            var line = Enumerable.Range(0, Math.Min(storedLines.Length, packagedLines.Length)).FirstOrDefault(i => storedLines[i] != packagedLines[i], -1);
            return line < 0
                ? $"The stock copy has {storedLines.Length} lines, the package's {packagedLines.Length}."
                : $"First difference at line {line + 1}: stock copy \"{storedLines[line]}\", package \"{packagedLines[line]}\".";
        }
    }
}
