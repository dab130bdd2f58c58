using System;
using System.Net.Http;
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
    internal sealed record ConnectionSettings(Uri? BaseUrl, string? ApiKey, bool UseSandbox);

    /// <summary>
    /// The SDK clients for one command: HttpClients from IHttpClientFactory, the gateway's address (production,
    /// <c>--base-url</c>, or an embedded sandbox with <c>--sandbox</c>) and its key (<c>--api-key</c>, else the
    /// <c>VIBER_&lt;GATEWAY&gt;_API_KEY</c> environment variable, else the sandbox's).
    /// </summary>
    internal sealed class GatewayConnection : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly SandboxGateway? _sandbox;
        private readonly Uri? _baseAddress;
        private readonly string _apiKey;

        private GatewayConnection(ServiceProvider services, SandboxGateway? sandbox, Uri? baseAddress, string apiKey)
        {
            _services = services;
            _sandbox = sandbox;
            _baseAddress = baseAddress;
            _apiKey = apiKey;
        }

        public static string EnvironmentVariable(Gateway gateway) => $"VIBER_{gateway.ToString().ToUpperInvariant()}_API_KEY";

        /// <summary>Opens the connection; a missing key is invalid input (nothing is sent).</summary>
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

            var services = new ServiceCollection();
            services.AddHttpClient("viber", client => client.Timeout = TimeSpan.FromSeconds(30));
            return new GatewayConnection(services.BuildServiceProvider(), sandbox, sandbox?.BaseAddress ?? settings.BaseUrl, key!);
        }

        public IAlphaSmsClient AlphaSms(AlphaSmsTransport transport, bool useHttpGet)
        {
            var options = new AlphaSmsOptions { ApiKey = _apiKey, Transport = transport, UseHttpGet = useHttpGet };
            return AlphaSmsClientFactory.Create(WithAddress(options), HttpClient(options));
        }

        public LiveAllClient LiveAll()
        {
            var options = WithAddress(new LiveAllOptions { ApiToken = _apiKey });
            return new LiveAllClient(options, HttpClient(options));
        }

        public SmsByClient SmsBy()
        {
            var options = WithAddress(new SmsByOptions { Token = _apiKey });
            return new SmsByClient(options, HttpClient(options));
        }

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

        private T WithAddress<T>(T options)
            where T : GatewayOptions
        {
            if (_baseAddress != null)
            {
                options.BaseAddress = _baseAddress;
            }

            return options;
        }

        private HttpClient HttpClient(GatewayOptions options)
        {
            var client = _services.GetRequiredService<IHttpClientFactory>().CreateClient("viber");
            client.BaseAddress = options.BaseAddress;
            return client;
        }
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
