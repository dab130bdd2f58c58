using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace ViberGateways.IntegrationTests
{
    /// <summary>
    /// <c>viber sandbox</c> as its own process, as people leave it running: a signal stops it with exit code 0 and
    /// frees its port, so that the next one binds the same port at once.
    /// </summary>
    public class StandaloneSandboxProcessTests
    {
        private static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);
        private readonly ITestOutputHelper _log;

        public StandaloneSandboxProcessTests(ITestOutputHelper log) => _log = log;

        [LinuxOnlyTheory("the signal is sent with kill(1)")]
        [InlineData("INT")]
        [InlineData("TERM")]
        public async Task A_signal_stops_the_sandbox_with_exit_code_0_and_frees_its_port(string signal)
        {
            var (first, port) = await StartOnAFreeFixedPortAsync();
            using var _ = first;

            var stopwatch = Stopwatch.StartNew();
            await SendSignalAsync(first.Id, signal);
            var exitCode = await first.ExitCodeAsync();
            _log.WriteLine($"SIG{signal}: exited {stopwatch.ElapsedMilliseconds} ms after the signal was sent");

            exitCode.ShouldBe(0, first.Output);
            first.Output.ShouldContain("Sandbox stopped.");

            using var second = SandboxProcess.Start(port);
            (await second.ListeningPortAsync()).ShouldBe(port, second.Output);
            await SendSignalAsync(second.Id, signal);
            (await second.ExitCodeAsync()).ShouldBe(0, second.Output);
        }

        /// <summary>
        /// A sandbox on a port below the ephemeral range (32768 and up on Linux), where no server binding port 0 can
        /// take it between the first sandbox's exit and the second's start. A port another program holds fails the
        /// sandbox's own bind, and the next candidate is tried.
        /// </summary>
        private static async Task<(SandboxProcess Sandbox, int Port)> StartOnAFreeFixedPortAsync()
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var port = 20000 + ((Environment.ProcessId * 31) + (attempt * 193)) % 12000;
                var sandbox = SandboxProcess.Start(port);
                if (await sandbox.ListeningPortAsync() == port)
                {
                    return (sandbox, port);
                }

                sandbox.Dispose();
            }

            throw new InvalidOperationException("No sandbox could bind any of 50 ports from 20000 to 31999.");
        }

        private static async Task SendSignalAsync(int processId, string signal)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {processId}") { UseShellExecute = false })!;
            using var timeout = new CancellationTokenSource(Generous);
            await kill.WaitForExitAsync(timeout.Token);
            kill.ExitCode.ShouldBe(0);
        }

        /// <summary>The built <c>viber</c> CLI (copied beside the tests) running <c>sandbox --port N</c>.</summary>
        private sealed class SandboxProcess : IDisposable
        {
            private static readonly Regex Listening = new(@"listening on http://127\.0\.0\.1:(\d+)/", RegexOptions.CultureInvariant);
            private readonly Process _process;
            private readonly StringBuilder _output = new();
            private readonly TaskCompletionSource<int> _port = new(TaskCreationOptions.RunContinuationsAsynchronously);

            private SandboxProcess(Process process) => _process = process;

            public int Id => _process.Id;

            public string Output
            {
                get
                {
                    lock (_output)
                    {
                        return _output.ToString();
                    }
                }
            }

            public static SandboxProcess Start(int port)
            {
                var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
                var cli = Path.Combine(AppContext.BaseDirectory, "ViberGateways.Cli.dll");
                // env(1) restores SIGINT's default first: a test runner started in the background inherits SIGINT
                // ignored, and .NET leaves an ignored SIGINT ignored, so the CLI's handler would never see it.
                var start = new ProcessStartInfo("env")
                {
                    UseShellExecute = false,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                foreach (var argument in new[] { "--default-signal=INT", dotnet, cli, "sandbox", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
                {
                    start.ArgumentList.Add(argument);
                }

                var sandbox = new SandboxProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
                sandbox._process.OutputDataReceived += (_, line) => sandbox.Received(line.Data);
                sandbox._process.ErrorDataReceived += (_, line) => sandbox.Received(line.Data);
                // A sandbox that ends before it listens (its port taken) has no port: -1.
                sandbox._process.Exited += (_, _) => sandbox._port.TrySetResult(-1);
                sandbox._process.Start();
                sandbox._process.BeginOutputReadLine();
                sandbox._process.BeginErrorReadLine();
                return sandbox;
            }

            /// <summary>The port the sandbox printed once it listened; -1 when it ended without listening.</summary>
            public async Task<int> ListeningPortAsync() => await _port.Task.WaitAsync(Generous);

            public async Task<int> ExitCodeAsync()
            {
                using var timeout = new CancellationTokenSource(Generous);
                await _process.WaitForExitAsync(timeout.Token);
                return _process.ExitCode;
            }

            public void Dispose()
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }

                _process.Dispose();
            }

            private void Received(string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (_output)
                {
                    _output.AppendLine(line);
                }

                if (Listening.Match(line) is { Success: true } listening)
                {
                    _port.TrySetResult(int.Parse(listening.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }
    }
}
