using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace ViberGateways.ConsumerTests
{
    /// <summary>
    /// The `viber` tool as a user installs it: `dotnet tool install --tool-path X --add-source artifacts/packages
    /// ViberGateways.Cli` (the command the README gives), then `X/viber`: on linux-x64 the native (AOT) package,
    /// elsewhere the framework-dependent one.
    /// </summary>
    public sealed class InstalledToolTests : IDisposable
    {
        private readonly string _toolPath = Directory.CreateTempSubdirectory("viber-tool-").FullName;

        public void Dispose() => Directory.Delete(_toolPath, recursive: true);

        private string Viber => Path.Combine(_toolPath, OperatingSystem.IsWindows() ? "viber.exe" : "viber");

        [Fact]
        public async Task The_tool_installs_from_the_packed_folder_and_its_help_says_viber_with_examples()
        {
            await InstallAsync();

            var help = await RunAsync(Viber, "--help");

            help.ExitCode.ShouldBe(0, help.Output);
            help.Output.ShouldContain("viber [command]");
            help.Output.ShouldNotContain("ViberGateways.Cli");
            help.Output.ShouldContain("Examples:");
            help.Output.ShouldContain("viber send ");
        }

        [Fact]
        public async Task The_installed_tool_sends_a_message_through_its_embedded_sandbox()
        {
            await InstallAsync();

            var send = await RunAsync(Viber, "send", "alphasms", "--sandbox", "--to", "+380971234567", "--from", "Shop", "--text", "Hi", "--json");

            send.ExitCode.ShouldBe(0, send.Output);
            send.Output.ShouldContain("\"outcome\": \"accepted\"");
            send.Output.ShouldContain("\"reference\": \"AlphaSms:380971234567:");
        }

        [Fact]
        public async Task The_installed_tool_routes_each_recipient_as_the_config_files_routing_section_says()
        {
            await InstallAsync();
            var config = Path.Combine(_toolPath, "viber.json");
            await File.WriteAllTextAsync(config, """
                { "AlphaSms": { "Sender": "Shop" }, "SmsBy": { "QuickMessageSenderId": 1 },
                  "Routing": { "Routes": { "380": [ "AlphaSms" ], "375": [ "SmsBy" ] } } }
                """);

            var send = await RunAsync(Viber, "send", "--sandbox", "--config", config, "--to", "+375291111111", "--to", "+380971234567", "--text", "Hi", "--json");

            send.ExitCode.ShouldBe(0, send.Output);
            send.Output.ShouldContain("\"reference\": \"SmsBy:375291111111:");
            send.Output.ShouldContain("\"reference\": \"AlphaSms:380971234567:");
        }

        [Fact]
        public async Task The_linux_x64_tool_is_native_code_and_every_other_platform_gets_the_framework_dependent_one()
        {
            await InstallAsync();

            var managed = Directory.GetFiles(_toolPath, "ViberGateways.Cli.dll", SearchOption.AllDirectories);

            if (OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64)
            {
                managed.ShouldBeEmpty("the linux-x64 package is Native AOT: one executable, no managed assembly");
            }
            else
            {
                managed.ShouldNotBeEmpty("platforms without a native package install the framework-dependent `any` one");
            }
        }

        private async Task InstallAsync()
        {
            var install = await RunAsync("dotnet", "tool", "install", "--tool-path", _toolPath,
                "--add-source", InstalledPackageTests.PackageMetadata("PackagesFolder"), "ViberGateways.Cli", "--version", InstalledPackageTests.PackageMetadata("PackageVersion"));
            install.ExitCode.ShouldBe(0, install.Output);
        }

        private static async Task<(int ExitCode, string Output)> RunAsync(string command, params string[] arguments)
        {
            var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
    }
}
