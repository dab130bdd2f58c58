using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection;
using System.Runtime.Versioning;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using ViberGateways;
using ViberGateways.AlphaSms;
using ViberGateways.Sandbox;

namespace ViberGateways.ConsumerTests
{
    /// <summary>
    /// An application's view of the installed package: clients registered from appsettings.json, the gateway address
    /// overridden the way a test environment does, every send going through the sandbox package.
    /// </summary>
    public sealed class InstalledPackageTests : IAsyncLifetime
    {
        private SandboxGateway _sandbox = null!;

        public async Task InitializeAsync() => _sandbox = await SandboxGateway.StartAsync();

        public async Task DisposeAsync() => await _sandbox.DisposeAsync();

        [Fact]
        public void The_sdk_loaded_is_the_installed_package_build_for_this_framework()
        {
            var sdk = typeof(IViberClient).Assembly;
            var expected = ExpectedLibraryFolder();
            var version = PackageMetadata("PackageVersion");
            using var package = ZipFile.OpenRead(PackagePath("nupkg"));
            var installed = Path.Combine(PackageMetadata("InstalledPackagesFolder"), "vibergateways", version, "lib", expected, "ViberGateways.dll");

            var loaded = Sha256(File.OpenRead(sdk.Location));
            loaded.ShouldBe(Sha256(package.GetEntry($"lib/{expected}/ViberGateways.dll")!.Open()), $"the SDK loaded is the one in {PackagePath("nupkg")}");
            loaded.ShouldBe(Sha256(File.OpenRead(installed)), $"the SDK loaded is {installed}");
            sdk.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0].ShouldBe(version);
            sdk.GetName().GetPublicKeyToken().ShouldNotBeEmpty("the assembly is strong-named");
            sdk.GetName().Version.ShouldBe(new Version(version.Split('-')[0] + ".0"), "a prerelease keeps the assembly version of its release");
        }

        [Fact]
        public async Task One_interface_sends_follows_and_reads_the_balance_on_every_gateway()
        {
            using var host = await StartHostAsync();
            var numbers = new Dictionary<Gateway, string[]>
            {
                [Gateway.AlphaSms] = new[] { "+380 97 123 45 67" },
                [Gateway.LiveAll] = new[] { "+306912345678", "+306987654321" },
                [Gateway.SmsBy] = new[] { "+375291111111", "+375292222222" },
            };

            foreach (var (gateway, recipients) in numbers)
            {
                var client = host.Services.GetRequiredKeyedService<IViberClient>(gateway);
                var sent = await client.SendAsync(new ViberMessage { Recipients = recipients, Text = $"Shipped by {gateway}" });

                sent.Select(r => (r.Gateway, r.Recipient, r.Outcome)).ShouldBe(recipients.Select(r => (gateway, r, SendOutcome.Accepted)));
                var references = sent.Select(r => MessageReference.Parse(r.Reference!.ToString())).ToList();
                var statuses = await client.GetStatusAsync(references);
                statuses.Select(s => s.Reference).ShouldBe(references);
                statuses.ShouldAllBe(s => s.State != DeliveryState.Unknown && s.Error == null);
                var balance = await client.GetBalanceAsync();
                balance.Gateway.ShouldBe(gateway);
                if (gateway == Gateway.SmsBy)
                {
                    (balance.Amount, balance.Error).ShouldBe((null, "SMS.by documents no balance method for its API; read the balance in the SMS.by account"));
                }
                else
                {
                    (balance.Amount, balance.Error).ShouldBe((_sandbox.Options.Balance, null));
                }
            }

            _sandbox.Messages.Select(m => (m.Gateway, m.Recipient)).OrderBy(m => m.Recipient).ShouldBe(new[]
            {
                ("LiveAll", "306912345678"), ("LiveAll", "306987654321"), ("SMS.by", "375291111111"), ("SMS.by", "375292222222"), ("AlphaSMS", "380971234567"),
            });
        }

        [Theory]
        [InlineData(AlphaSmsTransport.Json)]
        [InlineData(AlphaSmsTransport.Xml)]
        [InlineData(AlphaSmsTransport.Http)]
        public async Task The_same_code_follows_status_whatever_AlphaSms_transport_is_configured(AlphaSmsTransport transport)
        {
            using var host = await StartHostAsync(("AlphaSms:Transport", transport.ToString()));
            var router = host.Services.GetRequiredService<ViberRouter>();

            var sent = await router.SendAsync(new ViberMessage { Recipients = { "+380 97 123 45 67" }, Text = $"Shipped by {transport}" });

            var accepted = sent.ShouldHaveSingleItem();
            (accepted.Gateway, accepted.Outcome).ShouldBe((Gateway.AlphaSms, SendOutcome.Accepted));
            var stored = _sandbox.Messages.ShouldHaveSingleItem();
            (stored.Gateway, stored.Recipient, stored.Channel).ShouldBe(("AlphaSMS", "380971234567", transport.ToString().ToLowerInvariant()));
            var status = await router.GetStatusAsync(new[] { MessageReference.Parse(accepted.Reference!.ToString()) });
            status.ShouldHaveSingleItem().State.ShouldNotBe(DeliveryState.Unknown);
            (await router.GetClient(Gateway.AlphaSms).GetBalanceAsync()).Amount.ShouldBe(_sandbox.Options.Balance);
        }

        [Fact]
        public async Task A_bulk_send_from_a_lazy_list_reports_every_recipient()
        {
            using var host = await StartHostAsync();
            var alphaSms = host.Services.GetRequiredKeyedService<IViberClient>(Gateway.AlphaSms);
            var recipients = Enumerable.Range(0, 1200).Select(i => "38097" + i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));

            var results = new List<SendResult>();
            await foreach (var result in alphaSms.SendBulkAsync(new ViberMessage { Text = "Spring sale" }, ToAsync(recipients),
                new ViberGateways.Bulk.BulkSendOptions { MaxRecipientsPerRequest = 250 }))
            {
                results.Add(result);
            }

            results.Select(r => r.Index).OrderBy(i => i).ShouldBe(Enumerable.Range(0, 1200).Select(i => (long)i));
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted && r.Reference != null);
            results.Select(r => r.Request).Distinct().Count().ShouldBe(5);
            _sandbox.Messages.Count(m => m.Text == "Spring sale").ShouldBe(1200);
        }

        [Fact]
        public async Task A_missing_credential_in_configuration_stops_the_host_from_starting()
        {
            var error = await Should.ThrowAsync<Exception>(() => StartHostAsync(("LiveAll:ApiKey", "")));

            var failures = Flatten(error).OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
            failures.ShouldContain(f => f.Contains("LiveAll: ApiKey is required"));
            _sandbox.Requests.ShouldBeEmpty();
        }

        private async Task<IHost> StartHostAsync(params (string Key, string Value)[] overrides)
        {
            var settings = new Dictionary<string, string?>
            {
                ["AlphaSms:BaseAddress"] = _sandbox.BaseAddress.ToString(),
                ["LiveAll:BaseAddress"] = _sandbox.BaseAddress.ToString(),
                ["SmsBy:BaseAddress"] = _sandbox.BaseAddress.ToString(),
            };
            foreach (var (key, value) in overrides)
            {
                settings[key] = value;
            }

            var host = new HostBuilder()
                .ConfigureAppConfiguration(configuration => configuration
                    .SetBasePath(AppContext.BaseDirectory)
                    .AddJsonFile("appsettings.json", optional: false)
                    .AddInMemoryCollection(settings))
                .ConfigureServices((context, services) =>
                {
                    services.AddViberGateways(context.Configuration);
                })
                .Build();
            try
            {
                await host.StartAsync();
                return host;
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }

        private static async IAsyncEnumerable<string> ToAsync(IEnumerable<string> items)
        {
            foreach (var item in items)
            {
                yield return item;
            }

            await Task.CompletedTask;
        }

        private static IEnumerable<Exception> Flatten(Exception error) =>
            error is AggregateException aggregate ? aggregate.InnerExceptions.SelectMany(Flatten) : new[] { error };

        /// <summary>The lib/ folder NuGet should have chosen: the SDK's own target framework, read from the loaded assembly.</summary>
        private static string ExpectedLibraryFolder()
        {
            var framework = typeof(IViberClient).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
            var consumer = typeof(InstalledPackageTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()!.FrameworkName;
            var expected = PackageMetadata("ExpectedLibrary");
            framework.ShouldBe(expected switch
            {
                "netstandard2.0" => ".NETStandard,Version=v2.0",
                _ => consumer,
            });
            return expected;
        }

        /// <summary>Reads and closes <paramref name="content"/>: assemblies compared by hash keep a failure message short.</summary>
        private static string Sha256(Stream content)
        {
            using (content)
            {
                return Convert.ToHexString(SHA256.HashData(content));
            }
        }

        internal static string PackageMetadata(string key) =>
            typeof(InstalledPackageTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

        /// <summary>The ViberGateways package (or, with "snupkg", its symbols) `make consumer-test` packed for this run.</summary>
        internal static string PackagePath(string extension) =>
            Path.Combine(PackageMetadata("PackagesFolder"), $"ViberGateways.{PackageMetadata("PackageVersion")}.{extension}");
    }
}
