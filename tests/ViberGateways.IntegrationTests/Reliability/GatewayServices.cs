using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.Sandbox;
using ViberGateways.SmsBy;

namespace ViberGateways.IntegrationTests.Reliability
{
    /// <summary>The three gateways registered with dependency injection against a sandbox, with a quick retry policy and captured logs.</summary>
    internal sealed class GatewayServices : IDisposable
    {
        private readonly ServiceProvider _provider;

        public GatewayServices(SandboxGateway sandbox, Action<GatewayResilienceOptions>? resilience = null, string? key = null, AlphaSmsTransport transport = AlphaSmsTransport.Json, int maxConnections = 32, bool useHttpGet = false)
            : this(sandbox.BaseAddress, sandbox.Credentials, resilience, key, transport, maxConnections, useHttpGet)
        {
        }

        public GatewayServices(Uri baseAddress, SandboxCredentials credentials, Action<GatewayResilienceOptions>? resilience = null, string? key = null, AlphaSmsTransport transport = AlphaSmsTransport.Json, int maxConnections = 32, bool useHttpGet = false)
        {
            void Configure(GatewayOptions options)
            {
                options.BaseAddress = baseAddress;
                options.MaxConnections = maxConnections;
                options.Resilience.BaseDelay = TimeSpan.FromMilliseconds(10);
                options.Resilience.AttemptTimeout = TimeSpan.FromSeconds(5);
                options.Resilience.TotalTimeout = TimeSpan.FromSeconds(20);
                resilience?.Invoke(options.Resilience);
            }

            var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
            services.AddAlphaSms(options =>
            {
                Configure(options);
                options.ApiKey = key ?? credentials.AlphaSmsApiKey;
                options.Transport = transport;
                options.UseHttpGet = useHttpGet;
            });
            services.AddLiveAll(options =>
            {
                Configure(options);
                options.ApiKey = key ?? credentials.LiveAllApiToken;
            });
            services.AddSmsBy(options =>
            {
                Configure(options);
                options.ApiKey = key ?? credentials.SmsByToken;
                options.QuickMessageSenderId = 7;
            });
            _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        }

        public CapturedLogs Logs { get; } = new();

        public IViberClient AlphaSms => _provider.GetRequiredKeyedService<IViberClient>(Gateway.AlphaSms);

        public AlphaSmsXmlClient AlphaSmsXml => _provider.GetRequiredService<AlphaSmsXmlClient>();

        public AlphaSmsHttpClient AlphaSmsHttp => _provider.GetRequiredService<AlphaSmsHttpClient>();

        public ILiveAllClient LiveAll => _provider.GetRequiredService<ILiveAllClient>();

        /// <summary>The LiveAll client through the gateway-neutral API.</summary>
        public IViberClient LiveAllViber => (IViberClient)LiveAll;

        public ISmsByClient SmsBy => _provider.GetRequiredService<ISmsByClient>();

        public T Get<T>()
            where T : notnull => _provider.GetRequiredService<T>();

        public void Dispose() => _provider.Dispose();
    }
}
