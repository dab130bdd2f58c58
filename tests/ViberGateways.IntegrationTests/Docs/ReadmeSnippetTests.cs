using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Runtime.Loader;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.Sandbox;
using ViberGateways.SmsBy;

namespace ViberGateways.IntegrationTests.Docs
{
    /// <summary>The snippets run in a working directory of their own: no other test may run meanwhile.</summary>
    [CollectionDefinition(nameof(ReadmeSnippetTests), DisableParallelization = true)]
    public sealed class ReadmeSnippetCollection
    {
    }

    /// <summary>
    /// The READMEs cannot rot: every C# snippet in them compiles against the SDK and runs against a sandbox as
    /// written, and the package README's appsettings.json binds to the options it documents and starts a host.
    /// </summary>
    [Collection(nameof(ReadmeSnippetTests))]
    public class ReadmeSnippetTests
    {
        /// <summary>What the READMEs write for "your key"; the sandbox the snippets run against accepts it.</summary>
        private const string PlaceholderKey = "…";

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

        /// <summary>
        /// The snippets that only register clients, by README and section, and why: they run, send nothing, and must
        /// leave clients that resolve. Every other snippet must send something that reaches a sandbox.
        /// </summary>
        private static readonly IReadOnlyDictionary<(string File, string Section), string> RegistersOnly = new Dictionary<(string, string), string>
        {
            [("README.md", "Registering one gateway (dependency injection)")] = "registrations only: the application resolves the clients and sends",
            [("package-README.md", "Register")] = "registrations only: the sections that follow resolve the clients and send",
            [("package-README.md", "Testing your application")] = "registers a client against the sandbox it starts: the application's code under test sends",
        };

        private static readonly TimeSpan SnippetTimeout = TimeSpan.FromSeconds(30);

        private static readonly string[] Readmes = { "README.md", "package-README.md", "sandbox-README.md" };

        public static IEnumerable<object[]> Snippets() =>
            Readmes.SelectMany(file => Blocks(file, "csharp").Select(block => new object[] { file, block.Index }));

        [Fact]
        public void Both_readmes_have_csharp_quick_starts()
        {
            Blocks("README.md", "csharp").Count.ShouldBeGreaterThanOrEqualTo(3);
            Blocks("package-README.md", "csharp").Count.ShouldBeGreaterThanOrEqualTo(6);
        }

        [Fact]
        public async Task The_sandbox_readme_outage_snippet_fails_every_retry_then_sends_after_clearing()
        {
            var snippet = Blocks("sandbox-README.md", "csharp").Single(s => s.Section == "Faults");

            var run = await RunAsync(snippet);

            run.Failure.ShouldBeNull($"{run.Failure}\n{run.Output}");
            run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ShouldBe(new[] { "NotSent", "Accepted" });
            run.Carried.Where(c => c.Uri.AbsolutePath.EndsWith("json.php", StringComparison.Ordinal)).Select(c => c.Status)
                .ShouldBe(Enumerable.Repeat(503, 1 + new GatewayResilienceOptions().MaxRetryAttempts).Append(200));
        }

        [Theory]
        [MemberData(nameof(Snippets))]
        public void Snippet_compiles_against_the_sdk(string file, int index)
        {
            var snippet = Blocks(file, "csharp")[index];

            var errors = Compile(snippet).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

            errors.ShouldBeEmpty($"{snippet}:\n{snippet.Code}");
        }

        [Theory]
        [MemberData(nameof(Snippets))]
        public async Task Snippet_runs_against_the_sandbox(string file, int index)
        {
            var snippet = Blocks(file, "csharp")[index];

            var run = await RunAsync(snippet);

            run.Failure.ShouldBeNull($"{snippet} failed:\n{run.Failure}\n{run.Output}");
            if (RegistersOnly.ContainsKey((snippet.File, snippet.Section)))
            {
                run.RequestsReachingASandbox.ShouldBe(0, $"{snippet} sends: take it off {nameof(RegistersOnly)}");
                run.ResolvedClients.ShouldNotBeEmpty($"{snippet} registered no gateway client");
            }
            else
            {
                run.RequestsReachingASandbox.ShouldBeGreaterThan(0, $"{snippet} sent nothing to a sandbox; if it only registers clients, list it in {nameof(RegistersOnly)}\n{run.Output}");
            }
        }

        [Fact]
        public void Every_snippet_listed_as_registering_only_is_in_its_readme()
        {
            var sections = Readmes.SelectMany(file => Blocks(file, "csharp")).Select(s => (s.File, s.Section)).ToList();

            RegistersOnly.Keys.Where(listed => sections.Count(s => s == listed) != 1).ShouldBeEmpty();
        }

        [Fact]
        public async Task The_readme_sandbox_snippet_waits_out_the_429_it_injects_then_sends()
        {
            var snippet = Blocks("README.md", "csharp").Single(s => s.Section == "The sandbox gateway: try it, and test your app against it");

            var run = await RunAsync(snippet);

            run.Failure.ShouldBeNull($"{run.Failure}\n{run.Output}");
            run.Carried.Where(c => c.Uri.AbsolutePath.EndsWith("json.php", StringComparison.Ordinal)).Select(c => c.Status).ShouldBe(new[] { 429, 200 });
        }

        [Fact]
        public async Task The_documented_appsettings_bind_and_the_host_starts()
        {
            var json = Blocks("package-README.md", "json").Single().Code;
            var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
            using var host = Host.CreateDefaultBuilder().ConfigureServices(services => services.AddViberGateways(configuration)).Build();

            await host.StartAsync();

            var alphaSms = host.Services.GetRequiredService<IOptions<AlphaSmsOptions>>().Value;
            alphaSms.ApiKey.ShouldBe("your-alphasms-api-key");
            alphaSms.Transport.ShouldBe(AlphaSmsTransport.Json);
            alphaSms.Resilience.AttemptTimeout.ShouldBe(TimeSpan.FromSeconds(30));
            host.Services.GetRequiredService<IOptions<LiveAllOptions>>().Value.ApiKey.ShouldBe("your-liveall-api-key");
            var smsBy = host.Services.GetRequiredService<IOptions<SmsByOptions>>().Value;
            (smsBy.MaxConnections, smsBy.QuickMessageSenderId, smsBy.MailingSenderId).ShouldBe((16, 12L, 444L));
            var routing = host.Services.GetRequiredService<IOptions<RoutingOptions>>().Value;
            routing.Routes["375"].ShouldBe(new[] { Gateway.SmsBy });
            routing.Failover.ShouldBe(new[] { Gateway.AlphaSms, Gateway.LiveAll, Gateway.SmsBy });
            host.Services.GetRequiredService<ViberRouter>().Gateways.ShouldBe(new[] { Gateway.AlphaSms, Gateway.LiveAll, Gateway.SmsBy });
            host.Services.GetRequiredKeyedService<IViberClient>(Gateway.AlphaSms).Gateway.ShouldBe(Gateway.AlphaSms);
            await host.StopAsync();
        }

        /// <summary>
        /// Runs a snippet as the body of <c>RunAsync(services, configuration, provider, httpClient)</c> against a sandbox
        /// that accepts the READMEs' placeholder key: <c>configuration</c> is the package README's appsettings.json with
        /// the sandbox's address and credentials, <c>provider</c> holds the three gateways registered from it,
        /// <c>httpClient</c> sends what is meant for the gateways' production hosts to the sandbox (and refuses any host
        /// that is not a sandbox), and the working directory holds the files the snippets read.
        /// </summary>
        private static async Task<SnippetRun> RunAsync(Snippet snippet)
        {
            using var image = new MemoryStream();
            var emitted = Compile(snippet).Emit(image);
            emitted.Success.ShouldBeTrue($"{snippet} does not compile: {string.Join("\n", emitted.Diagnostics)}");

            await using var sandbox = await SandboxGateway.StartAsync(new SandboxOptions
            {
                Credentials = new SandboxCredentials { AlphaSmsApiKey = PlaceholderKey, LiveAllApiToken = PlaceholderKey, SmsByToken = PlaceholderKey },
            });
            var configuration = new ConfigurationBuilder()
                .AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Blocks("package-README.md", "json").Single().Code)))
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["AlphaSms:ApiKey"] = sandbox.Credentials.AlphaSmsApiKey,
                    ["AlphaSms:BaseAddress"] = sandbox.BaseAddress.AbsoluteUri,
                    ["LiveAll:ApiKey"] = sandbox.Credentials.LiveAllApiToken,
                    ["LiveAll:BaseAddress"] = sandbox.BaseAddress.AbsoluteUri,
                    ["SmsBy:ApiKey"] = sandbox.Credentials.SmsByToken,
                    ["SmsBy:BaseAddress"] = sandbox.BaseAddress.AbsoluteUri,
                })
                .Build();
            var gateways = new ServiceCollection();
            gateways.AddViberGateways(configuration);
            await using var provider = gateways.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
            var transport = new SandboxTransport(sandbox.BaseAddress);
            using var httpClient = new HttpClient(transport);
            var services = new ServiceCollection();

            var workingDirectory = Directory.CreateTempSubdirectory("readme-snippet-");
            File.WriteAllLines(Path.Combine(workingDirectory.FullName, "subscribers.txt"), new[] { "+380971234501", "+380971234502", "+380971234503" });
            var previousDirectory = Environment.CurrentDirectory;
            var previousOutput = Console.Out;
            var output = new StringWriter();
            var context = new AssemblyLoadContext(snippet.ToString(), isCollectible: true);
            Exception? failure;
            try
            {
                Environment.CurrentDirectory = workingDirectory.FullName;
                Console.SetOut(output);
                image.Position = 0;
                var run = context.LoadFromStream(image).GetType("Snippet", throwOnError: true)!.GetMethod("RunAsync")!;
                failure = await Record.ExceptionAsync(() => ((Task)run.Invoke(null, new object[] { services, configuration, provider, httpClient })!).WaitAsync(SnippetTimeout));
            }
            finally
            {
                Console.SetOut(previousOutput);
                Environment.CurrentDirectory = previousDirectory;
                context.Unload();
                workingDirectory.Delete(recursive: true);
            }

            // The requests the sandbox saw, and those the snippet's httpClient carried to a sandbox the snippet started itself.
            var elsewhere = transport.Carried.Count(c => c.Uri.GetLeftPart(UriPartial.Authority) != sandbox.BaseAddress.GetLeftPart(UriPartial.Authority));
            return new SnippetRun(failure, sandbox.Requests.Count + elsewhere, transport.Carried.ToList(), ResolveClients(services), output.ToString());
        }

        /// <summary>The gateway clients registered in <paramref name="services"/>, resolved (their options validated on the way).</summary>
        private static IReadOnlyList<string> ResolveClients(IServiceCollection services)
        {
            using var registered = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
            return services.Where(d => d.ServiceType == typeof(IViberClient) && d.IsKeyedService)
                .Select(d => registered.GetRequiredKeyedService<IViberClient>(d.ServiceKey).Gateway.ToString())
                .ToList();
        }

        /// <summary>A snippet's own using directives go to the top of the file; the rest is the body of an async method.</summary>
        private static CSharpCompilation Compile(Snippet snippet)
        {
            static bool IsUsing(string line) => Regex.IsMatch(line, @"^using [\w.]+;\s*$");
            var lines = snippet.Code.Split('\n');
            var source = Preamble + string.Join("\n", lines.Where(IsUsing))
                + "\npublic static class Snippet\n{\n    public static async Task RunAsync(IServiceCollection services, IConfiguration configuration, IServiceProvider provider, HttpClient httpClient)\n    {\n"
                + string.Join("\n", lines.Where(l => !IsUsing(l))) + "\n    }\n}\n";

            return CSharpCompilation.Create("ReadmeSnippet",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                References(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        }

        /// <summary>The fenced blocks of one language in a README, each with the heading of the section it is in.</summary>
        private static List<Snippet> Blocks(string file, string language)
        {
            var blocks = new List<Snippet>();
            var section = "";
            StringBuilder? code = null;
            var inFence = false;
            foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Docs", file)))
            {
                if (line.StartsWith("```", StringComparison.Ordinal))
                {
                    if (code != null)
                    {
                        blocks.Add(new Snippet(file, blocks.Count, section, code.ToString()));
                    }

                    code = !inFence && line.Substring(3).Trim() == language ? new StringBuilder() : null;
                    inFence = !inFence;
                }
                else if (code != null)
                {
                    code.Append(line).Append('\n');
                }
                else if (!inFence && line.StartsWith('#'))
                {
                    section = line.TrimStart('#').Trim();
                }
            }

            return blocks;
        }

        private static IEnumerable<MetadataReference> References()
        {
            var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            var sdk = new[]
            {
                typeof(AlphaSmsOptions).Assembly, typeof(SandboxGateway).Assembly, typeof(IServiceCollection).Assembly,
                typeof(ServiceCollectionContainerBuilderExtensions).Assembly, typeof(IConfiguration).Assembly, typeof(ConfigurationBinder).Assembly,
                typeof(OptionsServiceCollectionExtensions).Assembly, typeof(HttpClientFactoryServiceCollectionExtensions).Assembly,
                typeof(ServiceProviderServiceExtensions).Assembly,
            }.Select(a => a.Location);
            return platform.Concat(sdk).Distinct().Select(path => MetadataReference.CreateFromFile(path));
        }

        private sealed record Snippet(string File, int Index, string Section, string Code)
        {
            public override string ToString() => $"{File} snippet {Index + 1} ({Section})";
        }

        private sealed record SnippetRun(Exception? Failure, int RequestsReachingASandbox, IReadOnlyList<(Uri Uri, int Status)> Carried, IReadOnlyList<string> ResolvedClients, string Output);

        /// <summary>
        /// The snippets' <c>httpClient</c>: a request for a gateway's production host (the options' default base
        /// addresses) goes to the sandbox instead, one for a loopback address (a sandbox the snippet started) goes
        /// through, anything else is refused. Records what it carried and the status it got back.
        /// </summary>
        private sealed class SandboxTransport : DelegatingHandler
        {
            private static readonly string[] ProductionHosts =
            {
                new AlphaSmsOptions().BaseAddress.Host, new LiveAllOptions().BaseAddress.Host, new SmsByOptions().BaseAddress.Host,
            };

            private readonly Uri _sandbox;

            public SandboxTransport(Uri sandbox)
                : base(new SocketsHttpHandler()) => _sandbox = sandbox;

            public ConcurrentQueue<(Uri Uri, int Status)> Carried { get; } = new();

            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var target = request.RequestUri!;
                if (ProductionHosts.Contains(target.Host, StringComparer.OrdinalIgnoreCase))
                {
                    request.RequestUri = new UriBuilder(target) { Scheme = _sandbox.Scheme, Host = _sandbox.Host, Port = _sandbox.Port }.Uri;
                }
                else if (!target.IsLoopback)
                {
                    throw new InvalidOperationException($"A README snippet may reach only a sandbox, not {target.GetLeftPart(UriPartial.Authority)}.");
                }

                var response = await base.SendAsync(request, cancellationToken);
                Carried.Enqueue((request.RequestUri!, (int)response.StatusCode));
                return response;
            }
        }
    }
}
