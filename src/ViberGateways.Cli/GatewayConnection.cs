using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.Sandbox;
using ViberGateways.SmsBy;

namespace ViberGateways.Cli
{
    /// <summary>Where a command sends to and with which key, as the common options say.</summary>
    internal sealed record ConnectionSettings(Uri? BaseUrl, string? ApiKey, bool UseSandbox, AlphaSmsTransport Transport = AlphaSmsTransport.Json, bool UseHttpGet = false);

    /// <summary>
    /// The SDK clients for one command, registered the way applications register them (dependency injection), with
    /// the gateway's address (production, <c>--base-url</c>, or an embedded sandbox with <c>--sandbox</c>) and its key
    /// (<c>--api-key</c>, else the <c>VIBER_&lt;GATEWAY&gt;_API_KEY</c> environment variable, else the sandbox's).
    /// </summary>
    internal sealed class GatewayConnection : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly SandboxGateway? _sandbox;

        private GatewayConnection(ServiceProvider services, SandboxGateway? sandbox)
        {
            _services = services;
            _sandbox = sandbox;
        }

        public static string EnvironmentVariable(Gateway gateway) => $"VIBER_{gateway.ToString().ToUpperInvariant()}_API_KEY";

        /// <summary>
        /// Opens the connection: the SDK's own registration (retry policy, reply guard, no URL logging) for the
        /// gateway. A missing key is invalid input (nothing is sent).
        /// </summary>
        public static async Task<GatewayConnection> OpenAsync(Gateway gateway, ConnectionSettings settings, CancellationToken cancellationToken)
        {
            SandboxGateway? sandbox = settings.UseSandbox ? await SandboxGateway.StartAsync(cancellationToken: cancellationToken).ConfigureAwait(false) : null;
            var key = settings.ApiKey
                ?? Environment.GetEnvironmentVariable(EnvironmentVariable(gateway))
                ?? (sandbox is null ? null : SandboxKey(gateway, sandbox.Credentials));
            if (string.IsNullOrWhiteSpace(key))
            {
                if (sandbox != null)
                {
                    await sandbox.DisposeAsync().ConfigureAwait(false);
                }

                throw new CliInputException($"no API key: pass --api-key, set {EnvironmentVariable(gateway)}, or use --sandbox");
            }

            var address = sandbox?.BaseAddress ?? settings.BaseUrl;
            void Locate(GatewayOptions options)
            {
                if (address != null)
                {
                    options.BaseAddress = address;
                }
            }

            var services = new ServiceCollection();
            switch (gateway)
            {
                case Gateway.AlphaSms:
                    services.AddAlphaSms(options => (options.ApiKey, options.Transport, options.UseHttpGet) = (key, settings.Transport, settings.UseHttpGet)).Services.Configure<AlphaSmsOptions>(Locate);
                    break;
                case Gateway.LiveAll:
                    services.AddLiveAll(options => options.ApiKey = key).Services.Configure<LiveAllOptions>(Locate);
                    break;
                default:
                    services.AddSmsBy(options => options.ApiKey = key).Services.Configure<SmsByOptions>(Locate);
                    break;
            }

            return new GatewayConnection(services.BuildServiceProvider(), sandbox);
        }

        public IAlphaSmsClient AlphaSms() => _services.GetRequiredService<IAlphaSmsClient>();

        public ILiveAllClient LiveAll() => _services.GetRequiredService<ILiveAllClient>();

        public ISmsByClient SmsBy() => _services.GetRequiredService<ISmsByClient>();

        public async ValueTask DisposeAsync()
        {
            await _services.DisposeAsync().ConfigureAwait(false);
            if (_sandbox != null)
            {
                await _sandbox.DisposeAsync().ConfigureAwait(false);
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
        public CliInputException(string message)
            : base(message)
        {
        }
    }
}
