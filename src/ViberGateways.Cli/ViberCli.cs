using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;

namespace ViberGateways.Cli
{
    /// <summary>The <c>viber</c> command line: its commands, the options they share, and how failures become exit codes.</summary>
    internal sealed class ViberCli
    {
        private readonly TextWriter _output;
        private readonly TextWriter _error;
        private readonly TextReader _input;

        /// <param name="output">Where results go.</param>
        /// <param name="error">Where errors go.</param>
        /// <param name="input">What <c>-</c> reads (<c>viber status -</c>); standard input unless given.</param>
        public ViberCli(TextWriter output, TextWriter error, TextReader? input = null)
        {
            _output = output;
            _error = error;
            _input = input ?? Console.In;
        }

        public Option<Uri> BaseUrl { get; } = new("--base-url")
        {
            Description = "Scheme, host and port that replace the gateway's production host (e.g. http://127.0.0.1:5080); the documented paths are kept.",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                {
                    return uri;
                }

                result.AddError($"--base-url must be an absolute http or https URL, not '{text}'");
                return null;
            },
        };

        public Option<string> ApiKey { get; } = new("--api-key")
        {
            Description = "The gateway's API key or token (default: $VIBER_ALPHASMS_API_KEY, $VIBER_LIVEALL_API_KEY or $VIBER_SMSBY_API_KEY).",
        };

        public Option<bool> Sandbox { get; } = new("--sandbox") { Description = "Start the embedded sandbox gateway and talk to it instead." };

        public Option<bool> Json { get; } = new("--json") { Description = "Print the outcome as JSON." };

        public Option<bool> Verbose { get; } = new("--verbose") { Description = "Print the full error, with its stack trace." };

        public Option<string> Config { get; } = new("--config")
        {
            Description = "A JSON file shaped like appsettings.json for AddViberGateways: sections AlphaSms, LiveAll, SmsBy (ApiKey, Sender, …) and Routing (Routes, Failover). Without a Routing section: 380 → alphasms, 375 → smsby, 30 → liveall, then every gateway in turn.",
        };

        public Option<AlphaSmsTransport> Transport { get; } = new("--transport") { Description = "AlphaSMS transport: json (default), xml or http." };

        public Option<bool> HttpGet { get; } = new("--http-get") { Description = "Send the AlphaSMS HTTP transport as a GET query string (default: form POST)." };

        /// <summary>The gateway a command is about (balance, senders).</summary>
        public Argument<Gateway> GatewayArgument { get; } = new("gateway")
        {
            Description = "alphasms, liveall or smsby.",
            CustomParser = result => ParseGateway(result.Tokens[0].Value) ?? Refuse<Gateway>(result, "gateway"),
        };

        /// <summary>A gateway as written on the command line (<c>alphasms</c>, <c>liveall</c>, <c>smsby</c>, any case); null when it is none.</summary>
        public static Gateway? ParseGateway(string text) =>
            text.Length > 0 && text.All(char.IsLetter) && Enum.TryParse<Gateway>(text, ignoreCase: true, out var gateway) && Enum.IsDefined(gateway) ? gateway : null;

        /// <summary>Adds "'x' is not a gateway" to a parse result.</summary>
        public static T Refuse<T>(System.CommandLine.Parsing.ArgumentResult result, string what)
        {
            result.AddError($"{what}: '{string.Join(" ", result.Tokens.Select(t => t.Value))}' is not a gateway (alphasms, liveall, smsby)");
            return default!;
        }

        public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
        {
            var root = new RootCommand("viber: send Viber business messages through AlphaSMS, LiveAll and SMS.by, follow their delivery, or run a local sandbox gateway.");
            root.Subcommands.Add(new SendCommand(this).Create());
            root.Subcommands.Add(new StatusCommand(this).Create());
            root.Subcommands.Add(new BalanceCommand(this).Create());
            root.Subcommands.Add(new SendersCommand(this).Create());
            root.Subcommands.Add(new SandboxCommand(this).Create());
            root.Subcommands.Add(new DemoCommand(this).Create());

            var parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                _error.WriteLine("error: " + Flatten(parsed.Errors[0].Message) + " (see 'viber --help')");
                return ExitCodes.InvalidInput;
            }

            return await parsed.InvokeAsync(new InvocationConfiguration { Output = _output, Error = _error }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// A command that talks to gateways (send, status, balance, senders): its arguments, its own options, then the
        /// options every such command takes, and its action run through <see cref="GuardAsync"/>.
        /// </summary>
        public Command GatewayCommand(string name, string description, IEnumerable<Argument> arguments, IEnumerable<Option> ownOptions, Func<ParseResult, CancellationToken, Task<int>> run)
        {
            var command = new Command(name, description);
            foreach (var argument in arguments)
            {
                command.Arguments.Add(argument);
            }

            foreach (var option in ownOptions.Concat(new Option[] { Transport, HttpGet, BaseUrl, ApiKey, Config, Sandbox, Json, Verbose }))
            {
                command.Options.Add(option);
            }

            command.SetAction((parsed, cancellationToken) => GuardAsync(parsed, () => run(parsed, cancellationToken)));
            return command;
        }

        public ConnectionSettings Connection(ParseResult parsed) =>
            new ConnectionSettings(parsed.GetValue(BaseUrl), parsed.GetValue(ApiKey), parsed.GetValue(Sandbox),
                Given(parsed, Transport) ? parsed.GetValue(Transport) : null, parsed.GetValue(HttpGet), parsed.GetValue(Config));

        public Printer Printer(ParseResult parsed) => new Printer(_output, parsed.GetValue(Json));

        public TextWriter Output => _output;

        public TextReader Input => _input;

        /// <summary>Runs a command body and turns what can go wrong into one line on stderr and an exit code.</summary>
        public async Task<int> GuardAsync(ParseResult parsed, Func<Task<int>> body)
        {
            try
            {
                return await body().ConfigureAwait(false);
            }
            catch (Exception exception) when (ExitCodeFor(exception) is { } exitCode)
            {
                _error.WriteLine(parsed.GetValue(Verbose) ? exception.ToString() : "error: " + OneLine(exception));
                return exitCode;
            }
        }

        private static int? ExitCodeFor(Exception exception) => exception switch
        {
            CliInputException or RequestValidationException or NotSupportedException => ExitCodes.InvalidInput,
            GatewayRejectedException => ExitCodes.Rejected,
            GatewayException or HttpRequestException or IOException or TaskCanceledException => ExitCodes.Failure,
            OperationCanceledException => null,
            _ => ExitCodes.Failure,
        };

        private static string OneLine(Exception exception)
        {
            var text = exception switch
            {
                RequestValidationException invalid => InputErrors.Describe(invalid),
                TaskCanceledException => "the gateway did not answer in time",
                HttpRequestException => "could not reach the gateway",
                CliInputException or GatewayException or IOException or NotSupportedException => exception.Message,
                _ => $"unexpected {exception.GetType().Name}: {exception.Message}",
            };
            return Flatten(text);
        }

        /// <summary>Writes one error line and returns the exit code (for outcomes that are not exceptions).</summary>
        public int Fail(string message, int exitCode)
        {
            _error.WriteLine("error: " + Flatten(message));
            return exitCode;
        }

        /// <summary>Whether the user gave the option (not just its default).</summary>
        public static bool Given(ParseResult parsed, Option option) => parsed.GetResult(option) is { Implicit: false };

        private static string Flatten(string text) =>
            string.Join(" ", text.Split(new[] { '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()));
    }
}
