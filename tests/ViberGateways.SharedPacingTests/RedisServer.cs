using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace ViberGateways.SharedPacingTests
{
    /// <summary>
    /// A real Redis server (Debian's <c>redis-server</c>) for one test class, on a unix socket in a folder of its own:
    /// no TCP port to find or race for, and nothing saved to disk. Stopped when the class ends.
    /// </summary>
    public sealed class RedisServer : IAsyncLifetime
    {
        /// <summary>How long Redis may take to start: a guard against a hang, not a measure.</summary>
        private static readonly TimeSpan StartGuard = TimeSpan.FromSeconds(30);

        private readonly string _folder = Path.Combine(Path.GetTempPath(), "viber-redis-" + Guid.NewGuid().ToString("N"));
        private readonly StringBuilder _log = new();
        private Process? _process;

        /// <summary>The server's unix socket.</summary>
        public string Socket => Path.Combine(_folder, "redis.sock");

        public async Task InitializeAsync()
        {
            // xunit 2 cannot skip a test at run time, so a machine without Redis fails here, saying what to do, rather
            // than passing without having run.
            var server = Executable("redis-server")
                ?? throw new InvalidOperationException("redis-server not found on PATH: run `make redis` (part of `make test`; it installs Debian's redis-server as root).");
            Directory.CreateDirectory(_folder);
            var start = new ProcessStartInfo(server) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _folder };
            foreach (var argument in new[] { "--port", "0", "--unixsocket", Socket, "--unixsocketperm", "700", "--save", "", "--appendonly", "no", "--daemonize", "no" })
            {
                start.ArgumentList.Add(argument);
            }

            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _process = new Process { StartInfo = start, EnableRaisingEvents = true };
            _process.OutputDataReceived += (_, e) => Logged(e.Data, ready);
            _process.ErrorDataReceived += (_, e) => Logged(e.Data, ready);
            _process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException("redis-server exited before it was ready:\n" + Log));
            _process.Start();
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
            try
            {
                await ready.Task.WaitAsync(StartGuard);
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"redis-server was not ready within {StartGuard.TotalSeconds:0} s:\n" + Log);
            }
        }

        public async Task DisposeAsync()
        {
            if (_process is { HasExited: false })
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process?.Dispose();
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }

        private string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        private void Logged(string? line, TaskCompletionSource ready)
        {
            if (line is null)
            {
                return;
            }

            lock (_log)
            {
                _log.AppendLine(line);
            }

            if (line.Contains("ready to accept connections", StringComparison.OrdinalIgnoreCase))
            {
                ready.TrySetResult();
            }
        }

        private static string? Executable(string name) =>
            (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Append("/usr/bin").Append("/usr/sbin")
                .Select(folder => Path.Combine(folder, name))
                .FirstOrDefault(File.Exists);
    }
}
