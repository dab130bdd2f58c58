using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.ContractTests.Infrastructure
{
    /// <summary>
    /// One <c>prism mock --errors</c> process serving one spec on 127.0.0.1: a request the spec does not allow is
    /// answered with an error (422, or the operation's own 4xx response with an <c>sl-violations</c> header) instead of
    /// the spec's example. Its stdout and stderr are kept in <see cref="Log"/>; disposing kills the whole process tree.
    /// </summary>
    public sealed class PrismServer : IAsyncDisposable
    {
        private const string ListeningLine = "Prism is listening on";
        private static readonly Regex ListeningAddress = new Regex(ListeningLine + @" http://[^\s:]+:(?<port>\d+)", RegexOptions.CultureInvariant);
        private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);

        private readonly Process _process;
        private readonly TaskCompletionSource<bool> _listening = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _disposed, _port;

        private PrismServer(string name, string specPath, string served, Process process)
        {
            Name = name;
            SpecPath = specPath;
            Served = served;
            _process = process;
        }

        /// <summary>The spec's file name, e.g. <c>smsby.yaml</c>.</summary>
        public string Name { get; }

        /// <summary>The file Prism serves.</summary>
        public string SpecPath { get; }

        /// <summary>What Prism serves, for messages: <c>specs/NAME</c>, and how it was prepared for Prism if it was.</summary>
        public string Served { get; }

        /// <summary>The port Prism bound (it is started on port 0 and reports the one it got); 0 until it listens.</summary>
        public int Port => Volatile.Read(ref _port);

        /// <summary>The mock's address, with the trailing slash the clients' relative paths need.</summary>
        public Uri BaseAddress => new Uri($"http://127.0.0.1:{Port}/");

        public PrismLog Log { get; } = new PrismLog();

        /// <summary>The process has ended: Prism crashed (it never exits by itself while serving) or was disposed.</summary>
        public bool HasExited
        {
            get
            {
                try
                {
                    return Volatile.Read(ref _disposed) != 0 || _process.HasExited;
                }
                catch (InvalidOperationException)
                {
                    return true;
                }
            }
        }

        /// <summary>Waits (at most <paramref name="timeout"/>) for the process to end; whether it has.</summary>
        public async Task<bool> ExitsWithinAsync(TimeSpan timeout)
        {
            if (HasExited)
            {
                return true;
            }

            using var wait = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        /// <summary>Starts Prism on a port the system hands it and waits until it listens there.</summary>
        public static async Task<PrismServer> StartAsync(PrismTool tool, string name, string specPath, string served, TimeSpan timeout)
        {
            var server = Launch(tool, name, specPath, served);
            var problem = await server.WaitUntilListeningAsync(timeout).ConfigureAwait(false);
            if (problem is null)
            {
                return server;
            }

            await server.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException(
                $"Prism did not start for {served}: {problem}\n" +
                $"Command: {tool.Describe(server.Arguments())}\nPrism's output:\n{server.Log.Tail(40)}");
        }

        private string[] Arguments() => new[]
        {
            "mock", SpecPath,
            "-h", "127.0.0.1",
            "-p", "0",
            "--errors",
            // Static mode: replies are the spec's examples (the first one, or the one a `Prefer: example=NAME` header names).
            "--dynamic=false",
        };

        private static PrismServer Launch(PrismTool tool, string name, string specPath, string served)
        {
            var process = new Process { EnableRaisingEvents = true };
            var server = new PrismServer(name, specPath, served, process);
            var startInfo = tool.StartInfo(server.Arguments());
            process.StartInfo = startInfo;
            process.OutputDataReceived += (_, e) => server.OnOutput("stdout", e.Data);
            process.ErrorDataReceived += (_, e) => server.OnOutput("stderr", e.Data);
            process.Exited += (_, _) => server._listening.TrySetResult(false);
            try
            {
                process.Start();
            }
            catch (Win32Exception e)
            {
                process.Dispose();
                throw new InvalidOperationException(
                    $"Could not run '{startInfo.FileName}' (Node.js 20+ must be on PATH, or set CONTRACT_TESTS_NODE): {e.Message}", e);
            }

            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return server;
        }

        private void OnOutput(string stream, string? line)
        {
            if (line is null)
            {
                return;
            }

            Log.Add(stream, line);
            var listening = ListeningAddress.Match(line);
            if (listening.Success)
            {
                Volatile.Write(ref _port, int.Parse(listening.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
                _listening.TrySetResult(true);
            }
        }

        /// <returns>Null when Prism listens, otherwise why not.</returns>
        private async Task<string?> WaitUntilListeningAsync(TimeSpan timeout)
        {
            if (timeout <= TimeSpan.Zero)
            {
                return "no time left to wait";
            }

            bool listening;
            try
            {
                listening = await _listening.Task.WaitAsync(timeout).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return $"it did not print \"{ListeningLine} ADDRESS\" within {timeout.TotalSeconds:0} s";
            }

            if (!listening)
            {
                return $"it exited with code {ExitCode()}";
            }

            // Prism prints the line once it has bound the port; make sure the port answers.
            using var client = new TcpClient();
            using var connectTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, Port, connectTimeout.Token).ConfigureAwait(false);
                return null;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                return $"it said it listens, but port {Port} does not accept connections: {e.Message}";
            }
        }

        private string ExitCode()
        {
            try
            {
                return _process.HasExited ? _process.ExitCode.ToString(System.Globalization.CultureInfo.InvariantCulture) : "(still running)";
            }
            catch (InvalidOperationException)
            {
                return "(unknown)";
            }
        }

        /// <summary>Kills Prism and everything it started, waits (bounded) for it to end, and saves its log beside the test assembly.</summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            try
            {
                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }

                using var stopTimeout = new CancellationTokenSource(StopTimeout);
                await _process.WaitForExitAsync(stopTimeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception or OperationCanceledException)
            {
                Log.Add("stderr", $"[contract tests] stopping Prism: {e.Message}");
            }
            finally
            {
                _process.Dispose();
                SaveLog();
            }
        }

        /// <summary>Where the servers' logs are saved when they stop (<c>NAME-PORT.log</c>), beside the test assembly.</summary>
        public static string LogDirectory => Path.Combine(AppContext.BaseDirectory, "prism-logs");

        private void SaveLog()
        {
            var directory = LogDirectory;
            Directory.CreateDirectory(directory);
            File.WriteAllText(Path.Combine(directory, $"{Path.GetFileNameWithoutExtension(Name)}-{Port}.log"), Log + "\n");
        }
    }
}
