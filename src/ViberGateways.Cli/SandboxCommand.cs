using System;
using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Sandbox;

namespace ViberGateways.Cli
{
    /// <summary><c>viber sandbox [--port N]</c>: runs the sandbox gateway until Ctrl+C, logging every request.</summary>
    internal sealed class SandboxCommand
    {
        private readonly ViberCli _cli;
        private readonly Option<int> _port = new("--port") { Description = "Port on 127.0.0.1 (default: a free one)." };

        public SandboxCommand(ViberCli cli) => _cli = cli;

        public Command Create()
        {
            var command = new Command("sandbox", "Run the local sandbox gateway (AlphaSMS, LiveAll, SMS.by) until Ctrl+C.");
            command.Options.Add(_port);
            command.Options.Add(_cli.Verbose);
            command.SetAction((parsed, cancellationToken) => _cli.GuardAsync(parsed, () => RunAsync(parsed, cancellationToken)));
            return command;
        }

        private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
        {
            var output = _cli.Output;
            var port = parsed.GetValue(_port);
            if (port is < 0 or > 65535)
            {
                throw new CliInputException("--port must be 0 to 65535");
            }

            var options = new SandboxOptions
            {
                Port = port,
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
            output.WriteLine("  Requests: GET /_sandbox/requests   Messages: GET /_sandbox/messages   Ctrl+C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                output.WriteLine("Sandbox stopped.");
            }

            return ExitCodes.Accepted;
        }
    }
}
