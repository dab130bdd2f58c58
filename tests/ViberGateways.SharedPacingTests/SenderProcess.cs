using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;

namespace ViberGateways.SharedPacingTests
{
    /// <summary>
    /// One tests/ViberGateways.RateLimitedSender process: it connects to Redis, says it is ready, and sends its campaign
    /// when told to go. Its output is kept for the failure message.
    /// </summary>
    internal sealed class SenderProcess : IDisposable
    {
        /// <summary>How long a process may take to start or finish: a guard against a hang, not a measure.</summary>
        public static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);

        private static readonly string Program = typeof(SenderProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RateLimitedSender").Value!;

        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private SenderProcess(Process process) => _process = process;

        public string Name { get; private init; } = "";

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

        public static SenderProcess Start(string name, params string[] arguments)
        {
            File.Exists(Program).ShouldBeTrue($"{Program} is missing: build the solution first");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Program);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var sender = new SenderProcess(new Process { StartInfo = start, EnableRaisingEvents = true }) { Name = name };
            sender._process.OutputDataReceived += (_, e) => sender.Logged(e.Data, isOutput: true);
            sender._process.ErrorDataReceived += (_, e) => sender.Logged(e.Data, isOutput: false);
            sender._process.Exited += (_, _) => sender._ready.TrySetException(new InvalidOperationException($"{name} exited before it was ready:\n{sender.Output}"));
            sender._process.Start();
            sender._process.BeginOutputReadLine();
            sender._process.BeginErrorReadLine();
            return sender;
        }

        public async Task ReadyAsync()
        {
            try
            {
                await _ready.Task.WaitAsync(HangGuard);
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"{Name} was not ready within {HangGuard}:\n{Output}");
            }
        }

        public void Go()
        {
            _process.StandardInput.WriteLine("go");
            _process.StandardInput.Flush();
        }

        /// <summary>Waits for the process to end; its exit code.</summary>
        public async Task<int> ExitedAsync()
        {
            try
            {
                await _process.WaitForExitAsync().WaitAsync(HangGuard);
            }
            catch (TimeoutException)
            {
                throw new InvalidOperationException($"{Name} did not finish within {HangGuard}:\n{Output}");
            }

            return _process.ExitCode;
        }

        public void Kill() => _process.Kill(entireProcessTree: true);

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            _process.Dispose();
        }

        private void Logged(string? line, bool isOutput)
        {
            if (line is null)
            {
                return;
            }

            lock (_output)
            {
                _output.AppendLine((isOutput ? "" : "! ") + line);
            }

            if (isOutput && line == "ready")
            {
                _ready.TrySetResult();
            }
        }
    }
}
