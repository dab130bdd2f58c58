using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using ViberGateways.AlphaSms;

namespace ViberGateways.Cli
{
    /// <summary>The <c>viber</c> command line: its commands, the options they share, and how failures become exit codes.</summary>
    internal sealed class ViberCli
    {
        private readonly TextWriter _output;
        private readonly TextWriter _error;
        private readonly TextReader _input;
        private readonly Func<string, string?> _environment;

        /// <param name="output">Where results go.</param>
        /// <param name="error">Where errors go.</param>
        /// <param name="input">What <c>-</c> reads (<c>viber status -</c>); standard input unless given.</param>
        /// <param name="environment">Reads an environment variable (<c>VIBER_&lt;GATEWAY&gt;_API_KEY</c>); the process's unless given.</param>
        public ViberCli(TextWriter output, TextWriter error, TextReader? input = null, Func<string, string?>? environment = null)
        {
            _output = output;
            _error = error;
            _input = input ?? Console.In;
            _environment = environment ?? Environment.GetEnvironmentVariable;
        }

        public Option<Uri> BaseUrl { get; } = new("--base-url")
        {
            Description = "Scheme, host and port that replace the gateway's production host (e.g. http://127.0.0.1:5080); the documented paths are kept.",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                {
                    if (uri.AbsolutePath == "/" && uri.Query.Length == 0 && uri.Fragment.Length == 0)
                    {
                        return uri;
                    }

                    // The SDK adds the documented paths itself; a path here would be doubled.
                    result.AddError($"--base-url: '{text}' is not only a scheme, host and port: give {uri.GetLeftPart(UriPartial.Authority)}; the documented paths are added");
                    return null;
                }

                result.AddError($"--base-url must be an absolute http or https URL, not '{text}'");
                return null;
            },
        };

        public Option<string> ApiKey { get; } = new("--api-key")
        {
            Description = "The named gateway's API key or token (needed unless $VIBER_ALPHASMS_API_KEY, $VIBER_LIVEALL_API_KEY or $VIBER_SMSBY_API_KEY, a --config file or --sandbox gives one).",
        };

        public Option<bool> Sandbox { get; } = new("--sandbox") { Description = "Start the embedded sandbox gateway and talk to it instead, with the sandbox's own key unless --api-key is given." };

        public Option<bool> Json { get; } = new("--json") { Description = "Print the outcome as JSON." };

        public Option<bool> Verbose { get; } = new("--verbose") { Description = "Print the full error, with its stack trace." };

        public Option<string> Config { get; } = new("--config")
        {
            Description = "A JSON file shaped like appsettings.json for AddViberGateways: sections AlphaSms, LiveAll, SmsBy (ApiKey, Sender, …) and Routing (Routes, Failover). Without a Routing section: 380 → alphasms, 375 → smsby, 30 → liveall, then every gateway in turn.",
        };

        public Option<AlphaSmsTransport> Transport { get; } = new("--transport")
        {
            Description = "AlphaSMS only: json (default), xml or http (--schedule needs xml or http).",
            HelpName = "json|xml|http",
            // A custom parser, so a typo is answered with the transports, not with the enum's type name.
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (text.Length > 0 && text.All(char.IsLetter) && Enum.TryParse<AlphaSmsTransport>(text, ignoreCase: true, out var transport) && Enum.IsDefined(transport))
                {
                    return transport;
                }

                result.AddError($"--transport: '{text}' is not an AlphaSMS transport (json, xml, http)");
                return default;
            },
        };

        public Option<bool> HttpGet { get; } = new("--http-get") { Description = "AlphaSMS http transport only: send a GET query string (default: form POST)." };

        /// <summary>The gateway a command is about (balance, senders).</summary>
        public Argument<Gateway> GatewayArgument { get; } = new("gateway")
        {
            Description = "alphasms, liveall or smsby.",
            HelpName = GatewayNames,
            CustomParser = result => ParseGateway(result.Tokens[0].Value) ?? Refuse<Gateway>(result, "gateway"),
        };

        /// <summary>The gateways as written on the command line, for help and errors.</summary>
        public const string GatewayNames = "alphasms|liveall|smsby";

        /// <summary>A gateway as written on the command line (<c>alphasms</c>, <c>liveall</c>, <c>smsby</c>, any case); null when it is none.</summary>
        public static Gateway? ParseGateway(string text) =>
            text.Length > 0 && text.All(char.IsLetter) && Enum.TryParse<Gateway>(text, ignoreCase: true, out var gateway) && Enum.IsDefined(gateway) ? gateway : null;

        /// <summary>Adds "'x' is not a gateway" to a parse result.</summary>
        public static T Refuse<T>(System.CommandLine.Parsing.ArgumentResult result, string what)
        {
            result.AddError($"{what}: '{string.Join(" ", result.Tokens.Select(t => t.Value))}' is not a gateway (alphasms, liveall, smsby)");
            return default!;
        }

        /// <summary>
        /// A parser of a whole number for <paramref name="option"/> that names the option in its error (the default
        /// one names the CLR type, <c>System.Int32</c>); <paramref name="allowed"/>, when given, lists the only values.
        /// </summary>
        public static Func<System.CommandLine.Parsing.ArgumentResult, T> WholeNumber<T>(string option, string what, params T[] allowed)
            where T : struct, IBinaryInteger<T> =>
            WholeNumber<T>(option, what, value => allowed.Length == 0 || allowed.Contains(value));

        /// <summary>A parser of a whole number from <paramref name="min"/> to <paramref name="max"/> for <paramref name="option"/>, naming both in its error.</summary>
        public static Func<System.CommandLine.Parsing.ArgumentResult, T> WholeNumberFrom<T>(string option, T min, T max)
            where T : struct, IBinaryInteger<T> =>
            WholeNumber<T>(option, $"a whole number from {min} to {max}", value => value >= min && value <= max);

        /// <summary>
        /// A parser of a whole number for <paramref name="option"/> that <paramref name="accepts"/>; any other text is
        /// refused as "<c>--option: 'text' is not</c> <paramref name="what"/>".
        /// </summary>
        public static Func<System.CommandLine.Parsing.ArgumentResult, T> WholeNumber<T>(string option, string what, Func<T, bool> accepts)
            where T : struct, IBinaryInteger<T>
        {
            return result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
                if (T.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && accepts(value))
                {
                    return value;
                }

                result.AddError($"{option}: '{text}' is not {what}");
                return default;
            };
        }

        /// <summary>The parser of a repeatable whole-number option (<c>--id 1 --id 2</c>), naming the option and the first value that is not one.</summary>
        public static Func<System.CommandLine.Parsing.ArgumentResult, T[]> WholeNumbers<T>(string option, string what)
            where T : struct, IBinaryInteger<T>
        {
            return result =>
            {
                var values = new List<T>();
                foreach (var token in result.Tokens)
                {
                    if (!T.TryParse(token.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
                    {
                        result.AddError($"{option}: '{token.Value}' is not {what}");
                        return Array.Empty<T>();
                    }

                    values.Add(value);
                }

                return values.ToArray();
            };
        }

        public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
        {
            var parsed = Root().Parse(args);
            if (parsed.Errors.Count > 0)
            {
                _error.WriteLine("error: " + Flatten(parsed.Errors[0].Message) + " (see 'viber --help')");
                return ExitCodes.InvalidInput;
            }

            // No termination handling of System.CommandLine's own: it would end a stopping sandbox with 130/143 after
            // 2 s. `viber sandbox` stops itself on SIGINT/SIGTERM; the other commands end as any process does.
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = _output, Error = _error, ProcessTerminationTimeout = null }, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The <c>viber</c> command with every subcommand.</summary>
        internal Command Root()
        {
            // Named explicitly: RootCommand takes the executable's name, which is ViberGateways.Cli under `dotnet run`
            // and the test host in tests; users type `viber`.
            var root = new Command("viber", "Send Viber business messages through AlphaSMS, LiveAll and SMS.by, follow their delivery, or run a local sandbox gateway.");
            var help = new HelpOption();
            help.Action = new HelpWithExamples((HelpAction)help.Action!);
            root.Options.Add(help);
            root.Options.Add(new VersionOption());
            root.Subcommands.Add(new SendCommand(this).Create());
            root.Subcommands.Add(new StatusCommand(this).Create());
            root.Subcommands.Add(new BalanceCommand(this).Create());
            root.Subcommands.Add(new SendersCommand(this).Create());
            root.Subcommands.Add(new SandboxCommand(this).Create());
            root.Subcommands.Add(new DemoCommand(this).Create());
            return root;
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
                Given(parsed, Transport) ? parsed.GetValue(Transport) : null, parsed.GetValue(HttpGet), parsed.GetValue(Config), _environment);

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
            CliInputException or RequestValidationException or OptionsValidationException or NotSupportedException => ExitCodes.InvalidInput,
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
                OptionsValidationException settings => "invalid settings, nothing was sent: " + string.Join("; ", settings.Failures),
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

        /// <summary>
        /// The examples <c>--help</c> shows under each command (by command name), after System.CommandLine's own
        /// sections, which have no place for them.
        /// </summary>
        internal static readonly IReadOnlyDictionary<string, string[]> Examples = new Dictionary<string, string[]>
        {
            ["viber"] = new[]
            {
                "viber send alphasms --to +380971234567 --from MyShop --text \"Your order has shipped\"",
                "viber send --to +380971234567 --to +375291234567 --config viber.json --text Hi",
                "viber send alphasms ... --json | viber status -",
                "viber balance liveall",
                "viber sandbox --port 5080",
            },
            ["send"] = new[]
            {
                "viber send alphasms --to +380971234567 --from MyShop --text \"Your order has shipped\"",
                "viber send alphasms --transport xml --to +380971234567 --from MyShop --text Hi --schedule 2030-01-31T09:30+02:00",
                "viber send liveall --to +306912345678 --from MyShop --text Hi --sms-fallback-text \"Hi by SMS\" --sms-sender MyShop",
                "viber send smsby --to +375291111111 --to +375292222222 --sender-id 7 --text Hi --schedule 2030-01-31T09:30+03:00",
                "viber send --via alphasms,liveall --to +380971234567 --from MyShop --text Hi",
                "viber send --config viber.json --to +380971234567 --to +375291234567 --text Hi --json",
            },
            ["status"] = new[]
            {
                "viber status AlphaSms:380971234567:42:1001:",
                "viber send alphasms --to +380971234567 --from MyShop --text Hi --json | viber status -",
                "viber status alphasms --id 42",
            },
            ["balance"] = new[]
            {
                "viber balance alphasms --transport xml",
                "VIBER_LIVEALL_API_KEY=... viber balance liveall --json",
            },
            ["senders"] = new[]
            {
                "viber senders smsby",
                "viber senders smsby --json",
            },
            ["sandbox"] = new[]
            {
                "viber sandbox --port 5080",
                "viber send alphasms --base-url http://127.0.0.1:5080 --api-key KEY --to 380971234567 --from Shop --text Hi",
            },
            ["demo"] = new[]
            {
                "viber demo",
            },
        };

        /// <summary>System.CommandLine's help, then the command's examples.</summary>
        private sealed class HelpWithExamples : SynchronousCommandLineAction
        {
            private readonly HelpAction _help;

            public HelpWithExamples(HelpAction help) => _help = help;

            public override bool ClearsParseErrors => true;

            public override int Invoke(ParseResult parseResult)
            {
                var exitCode = _help.Invoke(parseResult);
                if (Examples.TryGetValue(parseResult.CommandResult.Command.Name, out var examples))
                {
                    var output = parseResult.InvocationConfiguration.Output;
                    output.WriteLine("Examples:");
                    foreach (var example in examples)
                    {
                        output.WriteLine("  " + example);
                    }

                    output.WriteLine();
                }

                return exitCode;
            }
        }

        private static string Flatten(string text) =>
            string.Join(" ", text.Split(new[] { '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()));
    }
}
