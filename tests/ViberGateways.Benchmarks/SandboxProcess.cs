using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// The sandbox gateway in a process of its own (<c>viber sandbox</c>, built in Release), so that what a bulk
    /// benchmark measures — time, allocations, peak memory — is the SDK's alone, not the emulator's.
    /// </summary>
    public sealed class SandboxProcess : IDisposable
    {
        private const string ListeningLine = "Sandbox gateway listening on ";
        private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

        private readonly Process _process;

        private SandboxProcess(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        /// <summary>The sandbox's address on loopback.</summary>
        public Uri BaseAddress { get; }

        /// <summary>Starts a sandbox on a free loopback port and waits until it listens.</summary>
        /// <returns>The running sandbox.</returns>
        public static SandboxProcess Start()
        {
            var cli = Path.Combine(RepositoryRoot.Path, "src", "ViberGateways.Cli", "bin", "Release", "net10.0", "ViberGateways.Cli.dll");
            if (!File.Exists(cli))
            {
                throw new InvalidOperationException($"{cli} is missing: build it first (`make bench` does: dotnet build src/ViberGateways.Cli -c Release).");
            }

            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { cli, "sandbox", "--port", "0" })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("The sandbox process did not start.");
            // The sandbox binds a port the system hands it and prints its address; the rest of its log is read and
            // dropped, since a full pipe would stall it.
            var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
            process.OutputDataReceived += (_, e) =>
            {
                var at = e.Data?.IndexOf(ListeningLine, StringComparison.Ordinal) ?? -1;
                if (at >= 0)
                {
                    listening.TrySetResult(new Uri(e.Data!.Substring(at + ListeningLine.Length).Trim()));
                }
            };
            process.ErrorDataReceived += (_, _) => { };
            process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("The sandbox process exited before it listened."));
            process.EnableRaisingEvents = true;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            try
            {
                return new SandboxProcess(process, listening.Task.WaitAsync(StartTimeout).GetAwaiter().GetResult());
            }
            catch
            {
                process.Kill(entireProcessTree: true);
                process.Dispose();
                throw;
            }
        }

        /// <summary>Stops the sandbox.</summary>
        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }

            _process.Dispose();
        }
    }
}
