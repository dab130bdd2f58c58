using System;
using System.CommandLine;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Sandbox;

namespace ViberGateways.Cli
{
    /// <summary>
    /// <c>viber sandbox [--port N] [--max-messages N]</c>: runs the sandbox gateway until Ctrl+C, SIGINT or SIGTERM,
    /// logging every request; then it stops listening, frees its port and exits 0.
    /// </summary>
    internal sealed class SandboxCommand
    {
        private readonly ViberCli _cli;
        private readonly Option<int> _port = new("--port")
        {
            Description = "Port on 127.0.0.1 (default or 0: a free one, printed on start).",
            CustomParser = ViberCli.WholeNumberFrom("--port", 0, 65535),
        };

        private readonly Option<int> _maxMessages = new("--max-messages")
        {
            Description = $"How many accepted messages to keep; older ones are forgotten (default {SandboxOptions.DefaultMaxRetained}).",
            DefaultValueFactory = _ => SandboxOptions.DefaultMaxRetained,
            CustomParser = ViberCli.WholeNumber<int>("--max-messages", "a whole number of at least 1", count => count >= 1),
        };

        public SandboxCommand(ViberCli cli) => _cli = cli;

        public Command Create()
        {
            var command = new Command("sandbox", "Run the local sandbox gateway (AlphaSMS, LiveAll, SMS.by) until Ctrl+C.");
            command.Options.Add(_port);
            command.Options.Add(_maxMessages);
            command.Options.Add(_cli.Verbose);
            command.SetAction((parsed, cancellationToken) => _cli.GuardAsync(parsed, () => RunAsync(parsed, cancellationToken)));
            return command;
        }

        private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
        {
            var output = _cli.Output;
            var port = parsed.GetValue(_port);
            var maxMessages = parsed.GetValue(_maxMessages);

            // Ctrl+C, SIGINT and SIGTERM end the wait below instead of the process, so that the sandbox stops
            // listening (its port free at once for the next one) and the command exits 0.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            void Stop(PosixSignalContext signal)
            {
                signal.Cancel = true;
                stopping.Cancel();
            }

            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
            using var onTermination = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

            var options = new SandboxOptions
            {
                Port = port,
                MaxRetainedMessages = maxMessages,
                OnRequest = request =>
                {
                    lock (output)
                    {
                        output.WriteLine($"{request.ReceivedAt:HH:mm:ss.fff}  {request.ResponseStatus,3}  {request.Method} {request.Path}{(request.Fault is null ? "" : "  [fault: " + request.Fault + "]")}");
                    }
                },
            };
            await using var sandbox = await SandboxGateway.StartAsync(options, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"Sandbox gateway listening on {sandbox.BaseAddress}");
            output.WriteLine($"  AlphaSMS  key {sandbox.Credentials.AlphaSmsApiKey}  (HTTP login {sandbox.Credentials.AlphaSmsLogin} / {sandbox.Credentials.AlphaSmsPassword})");
            output.WriteLine($"  LiveAll   apitoken {sandbox.Credentials.LiveAllApiToken}");
            output.WriteLine($"  SMS.by    token {sandbox.Credentials.SmsByToken}  (subscriber list 1 has 4 subscribers)");
            output.WriteLine($"  e.g. viber send alphasms --base-url {sandbox.BaseAddress.ToString().TrimEnd('/')} --api-key {sandbox.Credentials.AlphaSmsApiKey} --to 380971234567 --from Shop --text Hi");
            output.WriteLine($"  Requests: GET /_sandbox/requests   Messages: GET /_sandbox/messages (the newest {maxMessages})");
            output.WriteLine("  Faults: POST /_sandbox/faults {\"fault\":\"503\"}   Outage: POST /_sandbox/outages {\"fault\":\"503\"}   End them: DELETE /_sandbox/faults");
            output.WriteLine("  Ctrl+C (SIGINT) or SIGTERM stops.");
            output.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await sandbox.DisposeAsync().ConfigureAwait(false);
            output.WriteLine("Sandbox stopped.");
            return ExitCodes.Accepted;
        }
    }
}
