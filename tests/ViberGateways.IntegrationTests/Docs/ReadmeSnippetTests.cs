using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;

namespace ViberGateways.IntegrationTests.Docs
{
    /// <summary>
    /// The READMEs cannot rot: every C# snippet in them compiles against the SDK, and the package README's
    /// appsettings.json binds to the options it documents and starts a host.
    /// </summary>
    public class ReadmeSnippetTests
    {
        private const string Preamble = """
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;
            using System.Threading.Tasks;
            using Microsoft.Extensions.Configuration;
            using Microsoft.Extensions.DependencyInjection;
            using ViberGateways;
            using ViberGateways.AlphaSms;
            using ViberGateways.LiveAll;
            using ViberGateways.Sandbox;
            using ViberGateways.SmsBy;

            """;

        public static IEnumerable<object[]> Snippets() =>
            new[] { "README.md", "package-README.md" }.SelectMany(file => Blocks(file, "csharp").Select((code, i) => new object[] { file, i }));

        [Fact]
        public void Both_readmes_have_csharp_quick_starts()
        {
            Blocks("README.md", "csharp").Count.ShouldBeGreaterThanOrEqualTo(3);
            Blocks("package-README.md", "csharp").Count.ShouldBeGreaterThanOrEqualTo(6);
        }

        [Theory]
        [MemberData(nameof(Snippets))]
        public void Snippet_compiles_against_the_sdk(string file, int index)
        {
            var code = Blocks(file, "csharp")[index];
            // A snippet's own using directives go to the top of the file; the rest is the body of an async method.
            var lines = code.Split('\n');
            var usings = lines.Where(l => Regex.IsMatch(l, @"^using [\w.]+;\s*$"));
            var body = string.Join("\n", lines.Where(l => !Regex.IsMatch(l, @"^using [\w.]+;\s*$")));
            var source = Preamble + string.Join("\n", usings) + "\npublic static class Snippet\n{\n    public static async Task RunAsync(IServiceCollection services, IConfiguration configuration, IServiceProvider provider, HttpClient httpClient)\n    {\n"
                + body + "\n    }\n}\n";

            var compilation = CSharpCompilation.Create("ReadmeSnippet",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                References(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
            errors.ShouldBeEmpty($"{file} snippet {index + 1}:\n{code}");
        }

        [Fact]
        public async Task The_documented_appsettings_bind_and_the_host_starts()
        {
            var json = Blocks("package-README.md", "json").Single();
            var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
            using var host = Host.CreateDefaultBuilder().ConfigureServices(services =>
            {
                services.AddAlphaSms(configuration.GetSection("AlphaSms"));
                services.AddLiveAll(configuration.GetSection("LiveAll"));
                services.AddSmsBy(configuration.GetSection("SmsBy"));
            }).Build();

            await host.StartAsync();

            var alphaSms = host.Services.GetRequiredService<IOptions<AlphaSmsOptions>>().Value;
            alphaSms.ApiKey.ShouldBe("your-alphasms-api-key");
            alphaSms.Transport.ShouldBe(AlphaSmsTransport.Json);
            alphaSms.Resilience.AttemptTimeout.ShouldBe(TimeSpan.FromSeconds(30));
            host.Services.GetRequiredService<IOptions<LiveAllOptions>>().Value.ApiToken.ShouldBe("your-liveall-api-token");
            host.Services.GetRequiredService<IOptions<SmsByOptions>>().Value.MaxConnections.ShouldBe(16);
            host.Services.GetRequiredService<IAlphaSmsClient>().Transport.ShouldBe(AlphaSmsTransport.Json);
            await host.StopAsync();
        }

        private static List<string> Blocks(string file, string language)
        {
            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", file));
            return Regex.Matches(text, "```" + language + @"\r?\n(?<code>.*?)```", RegexOptions.Singleline)
                .Select(m => m.Groups["code"].Value)
                .ToList();
        }

        private static IEnumerable<MetadataReference> References()
        {
            var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            var sdk = new[]
            {
                typeof(AlphaSmsOptions).Assembly, typeof(ViberGateways.Sandbox.SandboxGateway).Assembly, typeof(IServiceCollection).Assembly,
                typeof(ServiceCollectionContainerBuilderExtensions).Assembly, typeof(IConfiguration).Assembly, typeof(ConfigurationBinder).Assembly,
                typeof(OptionsServiceCollectionExtensions).Assembly, typeof(HttpClientFactoryServiceCollectionExtensions).Assembly,
                typeof(ServiceProviderServiceExtensions).Assembly,
            }.Select(a => a.Location);
            return platform.Concat(sdk).Distinct().Select(path => MetadataReference.CreateFromFile(path));
        }
    }
}
