using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// The sandbox gateway in a process of its own (<c>viber sandbox</c>, built in Release), so that what a bulk
    /// benchmark measures — time, allocations, peak memory — is the SDK's alone, not the emulator's.
    /// </summary>
    public sealed class SandboxProcess : IDisposable
    {
        private readonly Process _process;

        private SandboxProcess(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
        }

        /// <summary>The sandbox's address on loopback.</summary>
        public Uri BaseAddress { get; }

        /// <summary>Starts a sandbox on a free loopback port and waits until it accepts connections.</summary>
        /// <returns>The running sandbox.</returns>
        public static SandboxProcess Start()
        {
            var cli = Path.Combine(RepositoryRoot.Path, "src", "ViberGateways.Cli", "bin", "Release", "net10.0", "ViberGateways.Cli.dll");
            if (!File.Exists(cli))
            {
                throw new InvalidOperationException($"{cli} is missing: build it first (`make bench` does: dotnet build src/ViberGateways.Cli -c Release).");
            }

            var port = FreePort();
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { cli, "sandbox", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            {
                start.ArgumentList.Add(argument);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException("The sandbox process did not start.");
            // Its request log is read and dropped: a full pipe would stall it.
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                try
                {
                    using var probe = new TcpClient();
                    probe.Connect(IPAddress.Loopback, port);
                    return new SandboxProcess(process, new Uri($"http://127.0.0.1:{port}/"));
                }
                catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
                {
                    Thread.Sleep(100);
                }
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

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
