using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace ViberGateways.ConsumerTests
{
    /// <summary>
    /// The `viber` tool as a user installs it: `dotnet tool install --tool-path X --add-source artifacts/packages
    /// ViberGateways.Cli` (the command the README gives), then `X/viber --help`.
    /// </summary>
    public sealed class InstalledToolTests : IDisposable
    {
        private readonly string _toolPath = Directory.CreateTempSubdirectory("viber-tool-").FullName;

        public void Dispose() => Directory.Delete(_toolPath, recursive: true);

        [Fact]
        public async Task The_tool_installs_from_the_packed_folder_and_its_help_says_viber_with_examples()
        {
            var version = InstalledPackageTests.PackageMetadata("PackageVersion");
            var install = await RunAsync("dotnet", "tool", "install", "--tool-path", _toolPath,
                "--add-source", InstalledPackageTests.PackageMetadata("PackagesFolder"), "ViberGateways.Cli", "--version", version);
            install.ExitCode.ShouldBe(0, install.Output);

            var help = await RunAsync(Path.Combine(_toolPath, OperatingSystem.IsWindows() ? "viber.exe" : "viber"), "--help");

            help.ExitCode.ShouldBe(0, help.Output);
            help.Output.ShouldContain("viber [command]");
            help.Output.ShouldNotContain("ViberGateways.Cli");
            help.Output.ShouldContain("Examples:");
            help.Output.ShouldContain("viber send ");
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
