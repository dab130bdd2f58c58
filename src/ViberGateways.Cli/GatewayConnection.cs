using System;
using System.Diagnostics.CodeAnalysis;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.Sandbox;
using ViberGateways.SmsBy;

namespace ViberGateways.Cli
{
    /// <summary>
    /// Where a command sends to and with which key, as the common options say; <paramref name="ReadEnvironment"/> reads
    /// an environment variable (the process's when null).
    /// </summary>
    internal sealed record ConnectionSettings(Uri? BaseUrl, string? ApiKey, bool UseSandbox, AlphaSmsTransport? Transport = null, bool UseHttpGet = false, string? ConfigFile = null,
        Func<string, string?>? ReadEnvironment = null);

    /// <summary>
    /// The gateways one command talks to, registered the way applications register them
    /// (<c>services.AddViberGateways(configuration)</c>): a configuration with one section per gateway (<c>AlphaSms</c>,
    /// <c>LiveAll</c>, <c>SmsBy</c>) and <c>Routing</c>, layered from the <c>--config</c> file, then the key
    /// (<c>--api-key</c>, else with <c>--sandbox</c> the embedded sandbox's, else <c>VIBER_&lt;GATEWAY&gt;_API_KEY</c>) and the address
    /// (<c>--sandbox</c> or <c>--base-url</c>). This is the one place that knows a gateway's section, key and display name;
    /// the commands see only <see cref="IViberClient"/> and <see cref="ViberRouter"/>.
    /// </summary>
    internal sealed class GatewayConnection : IAsyncDisposable
    {
        /// <summary>Every gateway, in the order they are listed and, with no routes configured, failed over.</summary>
        public static readonly IReadOnlyList<Gateway> AllGateways = new[] { Gateway.AlphaSms, Gateway.LiveAll, Gateway.SmsBy };

        /// <summary>
        /// The routes used when the configuration has no <c>Routing</c> section: each gateway's home calling code
        /// (Ukraine → AlphaSMS, Belarus → SMS.by, Greece → LiveAll); other numbers go through every gateway in order.
        /// </summary>
        public static readonly IReadOnlyDictionary<string, Gateway> DefaultRoutes = new Dictionary<string, Gateway>
        {
            ["380"] = Gateway.AlphaSms,
            ["375"] = Gateway.SmsBy,
            ["30"] = Gateway.LiveAll,
        };

        private readonly Lazy<ServiceProvider> _services;
        private readonly SandboxGateway? _ownedSandbox;
        private readonly IConfiguration _configuration;
        private readonly bool _fromOptionsOnly;
        private HttpClient? _http;

        /// <param name="fromOptionsOnly">
        /// Whether the command line alone configures the gateways (no <c>--config</c> file): then a client is made
        /// directly (<see cref="ViberClientFactory"/>) from the key, address and transport, without the container,
        /// which a one-shot command would spend a good part of its start-up building.
        /// </param>
        private GatewayConnection(IConfiguration configuration, IReadOnlyList<Gateway> gateways, SandboxGateway? ownedSandbox, bool fromOptionsOnly)
        {
            _services = new Lazy<ServiceProvider>(() =>
            {
                var services = new ServiceCollection();
                services.AddViberGateways(configuration);
                return services.BuildServiceProvider();
            });
            _configuration = configuration;
            Gateways = gateways;
            _ownedSandbox = ownedSandbox;
            _fromOptionsOnly = fromOptionsOnly;
        }

        /// <summary>The gateways this connection has a key for (the router routes among these).</summary>
        public IReadOnlyList<Gateway> Gateways { get; }

        /// <summary>The router over <see cref="Gateways"/>, with the configured routes.</summary>
        public ViberRouter Router => _services.Value.GetRequiredService<ViberRouter>();

        public static string EnvironmentVariable(Gateway gateway) => $"VIBER_{gateway.ToString().ToUpperInvariant()}_API_KEY";

        /// <summary>The gateway as people write it (<c>AlphaSMS</c>, <c>LiveAll</c>, <c>SMS.by</c>).</summary>
        public static string DisplayName(Gateway gateway) => gateway switch
        {
            Gateway.AlphaSms => "AlphaSMS",
            Gateway.LiveAll => "LiveAll",
            _ => "SMS.by",
        };

        /// <summary>Whether the gateway keeps a list of sender ids (SMS.by <c>getAlphanames</c>); elsewhere senders are names written in the message.</summary>
        public static bool ListsSenders(Gateway gateway) => gateway == Gateway.SmsBy;

        /// <summary>
        /// Opens the connection to <paramref name="gateways"/> (each must have a key), or, when null, to every gateway
        /// that has one. A missing key is invalid input (nothing is sent).
        /// </summary>
        public static async Task<GatewayConnection> OpenAsync(IReadOnlyList<Gateway>? gateways, ConnectionSettings settings, CancellationToken cancellationToken)
        {
            if (settings.ApiKey != null && gateways is not { Count: 1 })
            {
                throw new CliInputException("--api-key is one gateway's key: name the gateway, or set "
                    + string.Join(", ", AllGateways.Select(EnvironmentVariable)) + " or a --config file for several");
            }

            var file = ReadConfigFile(settings.ConfigFile);
            SandboxGateway? sandbox = settings.UseSandbox ? await SandboxGateway.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false) : null;
            try
            {
                var values = new Dictionary<string, string?>();
                var opened = new List<Gateway>();
                var environment = settings.ReadEnvironment ?? Environment.GetEnvironmentVariable;
                foreach (var gateway in gateways ?? AllGateways)
                {
                    // The sandbox refuses any key but its own and keeps request bodies: a production key from the
                    // environment or the --config file (which this value overrides) must never reach it.
                    var key = settings.ApiKey
                        ?? (sandbox is null ? environment(EnvironmentVariable(gateway)) : SandboxKey(gateway, sandbox.Credentials));
                    if (string.IsNullOrWhiteSpace(key) && !file.GetSection(gateway.ToString()).Exists())
                    {
                        if (gateways != null)
                        {
                            throw new CliInputException($"no API key for {gateway.ToString().ToLowerInvariant()}: pass --api-key, set {EnvironmentVariable(gateway)}, give a --config file with an {gateway} section, or use --sandbox");
                        }

                        continue;
                    }

                    opened.Add(gateway);
                    var section = gateway.ToString();
                    values[$"{section}:ApiKey"] = string.IsNullOrWhiteSpace(key) ? null : key;
                    values[$"{section}:BaseAddress"] = (sandbox?.BaseAddress ?? settings.BaseUrl)?.ToString();
                    if (gateway == Gateway.AlphaSms)
                    {
                        values[$"{section}:Transport"] = settings.Transport?.ToString();
                        values[$"{section}:UseHttpGet"] = settings.UseHttpGet ? "true" : null;
                    }
                }

                if (opened.Count == 0)
                {
                    throw new CliInputException("no gateway has an API key: set " + string.Join(", ", AllGateways.Select(EnvironmentVariable))
                        + ", give a --config file, or use --sandbox");
                }

                return Open(file, values, opened, sandbox, fromOptionsOnly: settings.ConfigFile is null);
            }
            catch
            {
                if (sandbox != null)
                {
                    await sandbox.DisposeAsync().ConfigureAwait(false);
                }

                throw;
            }
        }

        /// <summary>
        /// Opens every gateway against a sandbox the caller owns (the demo), with <paramref name="settings"/> added to the
        /// configuration (for example <c>AlphaSms:Sender</c>).
        /// </summary>
        public static GatewayConnection ToSandbox(SandboxGateway sandbox, IReadOnlyDictionary<string, string?> settings)
        {
            var values = new Dictionary<string, string?>(settings);
            foreach (var gateway in AllGateways)
            {
                values[$"{gateway}:ApiKey"] = SandboxKey(gateway, sandbox.Credentials);
                values[$"{gateway}:BaseAddress"] = sandbox.BaseAddress.ToString();
            }

            return Open(new ConfigurationBuilder().Build(), values, AllGateways, ownedSandbox: null, fromOptionsOnly: false);
        }

        /// <summary>
        /// References for the ids <c>viber status GATEWAY</c> took before <c>viber send</c> printed references: <c>--id</c>
        /// was the client id on AlphaSMS and the gateway's id elsewhere, <c>--gateway-id</c> the gateway's id, <c>--uuid</c>
        /// an SMS.by mailing. The recipient is not known. Null when no id is given.
        /// </summary>
        public static List<MessageReference>? EarlierReferences(Gateway gateway, IReadOnlyList<long> ids, IReadOnlyList<string> gatewayIds, string? uuid)
        {
            var references = ids.Select(id => gateway == Gateway.AlphaSms
                    ? new MessageReference(gateway, "", clientId: id)
                    : new MessageReference(gateway, "", gatewayId: id.ToString(CultureInfo.InvariantCulture)))
                .Concat(gatewayIds.Select(id => new MessageReference(gateway, "", gatewayId: id)))
                .Concat(uuid is null ? Enumerable.Empty<MessageReference>() : new[] { new MessageReference(gateway, "", mailingId: uuid) })
                .ToList();
            return references.Count > 0 ? references : null;
        }

        /// <summary>The client of one gateway of this connection.</summary>
        public IViberClient Client(Gateway gateway) =>
            _fromOptionsOnly && !_services.IsValueCreated ? Direct(gateway) : _services.Value.GetRequiredKeyedService<IViberClient>(gateway);

        /// <summary>The gateway as a heading: its name, and for AlphaSMS the transport (<c>AlphaSMS (json)</c>).</summary>
        public string Describe(Gateway gateway) =>
            gateway == Gateway.AlphaSms
                ? $"{DisplayName(gateway)} ({(_configuration[$"{gateway}:Transport"] ?? nameof(AlphaSmsTransport.Json)).ToLowerInvariant()})"
                : DisplayName(gateway);

        /// <summary>The gateways a number is tried on, written <c>AlphaSms → LiveAll</c>.</summary>
        public string RouteOf(string recipient) => string.Join(" → ", Router.RouteOf(recipient));

        public async ValueTask DisposeAsync()
        {
            _http?.Dispose();
            if (_services.IsValueCreated)
            {
                await _services.Value.DisposeAsync().ConfigureAwait(false);
            }

            if (_ownedSandbox != null)
            {
                await _ownedSandbox.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The client of <paramref name="gateway"/> made from the settings the command line gave, bound as
        /// <c>AddViberGateways</c> binds them (<see cref="BoundOptions"/>), over one HTTP client as the container
        /// configures it: no overall timeout (the SDK times each attempt) and the gateway's connection limit.
        /// </summary>
        private IViberClient Direct(Gateway gateway)
        {
            var options = BoundOptions(_configuration, gateway);
            _http ??= new HttpClient(new HttpClientHandler { MaxConnectionsPerServer = options.MaxConnections }) { Timeout = Timeout.InfiniteTimeSpan };
            return options switch
            {
                AlphaSmsOptions alphaSms => ViberClientFactory.Create(alphaSms, _http),
                LiveAllOptions liveAll => ViberClientFactory.Create(liveAll, _http),
                _ => ViberClientFactory.Create((SmsByOptions)options, _http),
            };
        }

        /// <summary>
        /// The options of <paramref name="gateway"/> from its section of <paramref name="configuration"/>, bound by the
        /// configuration binder as <c>AddViberGateways</c> binds them, so the command's quick path without the
        /// container and the container can never read a setting differently.
        /// </summary>
        [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The options types are in the SDK assembly, which the tool keeps whole (TrimmerRootAssembly).")]
        [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The options hold no collections or generic types the binder would have to create; the installed native tool binds them in tests/Consumer.")]
        internal static GatewayOptions BoundOptions(IConfiguration configuration, Gateway gateway)
        {
            GatewayOptions options = gateway switch
            {
                Gateway.AlphaSms => new AlphaSmsOptions(),
                Gateway.LiveAll => new LiveAllOptions(),
                _ => new SmsByOptions(),
            };
            configuration.GetSection(gateway.ToString()).Bind(options);
            return options;
        }

        private static GatewayConnection Open(IConfiguration file, Dictionary<string, string?> values, IReadOnlyList<Gateway> opened, SandboxGateway? ownedSandbox, bool fromOptionsOnly)
        {
            if (!file.GetSection("Routing").Exists())
            {
                foreach (var route in DefaultRoutes.Where(r => opened.Contains(r.Value)))
                {
                    values[$"Routing:Routes:{route.Key}:0"] = route.Value.ToString();
                }
            }

            var configuration = new ConfigurationBuilder()
                .AddConfiguration(file)
                .AddInMemoryCollection(values.Where(v => v.Value != null))
                .Build();
            return new GatewayConnection(configuration, opened, ownedSandbox, fromOptionsOnly);
        }

        private static IConfiguration ReadConfigFile(string? path)
        {
            var builder = new ConfigurationBuilder();
            if (path != null)
            {
                if (!File.Exists(path))
                {
                    throw new CliInputException($"--config: no file '{path}'");
                }

                builder.AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false);
            }

            try
            {
                return builder.Build();
            }
            catch (InvalidDataException invalid)
            {
                throw new CliInputException($"--config: '{path}' is not a JSON configuration ({invalid.InnerException?.Message ?? invalid.Message})");
            }
        }

        private static string SandboxKey(Gateway gateway, SandboxCredentials credentials) => gateway switch
        {
            Gateway.AlphaSms => credentials.AlphaSmsApiKey,
            Gateway.LiveAll => credentials.LiveAllApiToken,
            _ => credentials.SmsByToken,
        };
    }

    /// <summary>Input the command refuses before sending anything (exit code 2).</summary>
    internal sealed class CliInputException : Exception
    {
        public CliInputException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }
    }
}
