using System;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.DependencyInjection;
using ViberGateways.AlphaSms;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// What one text message costs to send through each AlphaSMS transport, against an in-memory gateway so only the
    /// client's own work is measured. Two comparisons per transport, each its own category with its own baseline:
    /// <list type="bullet">
    /// <item>"JSON" (and "XML", "HTTP"): a minimal hand-written client over a bare <see cref="HttpClient"/> (the
    /// baseline) against the SDK's transport client made with <c>new</c> over the same <see cref="HttpClient"/>.</item>
    /// <item>"JSON via DI" (and so on): the same hand-written client registered as a typed client through
    /// <c>IHttpClientFactory</c> with <c>AddStandardResilienceHandler</c>, as an application would register it (the
    /// baseline), against the client <c>AddAlphaSms</c> registers (telemetry, retry policy and reply guard).</item>
    /// </list>
    /// Every contender sends the same bytes (tests/ViberGateways.Tests/Benchmarks/HandWrittenBaselineTests proves it
    /// for the hand-written client and both SDK clients; the standard resilience handler leaves the request as it is),
    /// so each category's Ratio and Alloc Ratio are the SDK's overhead per send against a client built the same way.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class PerSendBenchmarks
    {
        private const string Json = "JSON";
        private const string Xml = "XML";
        private const string Http = "HTTP";
        private const string JsonViaDependencyInjection = "JSON via DI";
        private const string XmlViaDependencyInjection = "XML via DI";
        private const string HttpViaDependencyInjection = "HTTP via DI";

        private CannedGatewayHandler _gateway = null!;
        private HttpClient _http = null!;
        private ServiceProvider _services = null!;
        private ServiceProvider _handWrittenServices = null!;

        private HandWrittenJsonClient _handWrittenJson = null!;
        private HandWrittenXmlClient _handWrittenXml = null!;
        private HandWrittenHttpClient _handWrittenHttp = null!;

        private HandWrittenJsonClient _resilientHandWrittenJson = null!;
        private HandWrittenXmlClient _resilientHandWrittenXml = null!;
        private HandWrittenHttpClient _resilientHandWrittenHttp = null!;

        private IViberClient _sdkJson = null!;
        private IViberClient _sdkXml = null!;
        private IViberClient _sdkHttp = null!;

        private IViberClient _registeredJson = null!;
        private IViberClient _registeredXml = null!;
        private IViberClient _registeredHttp = null!;

        private ViberMessage _jsonMessage = null!;
        private ViberMessage _xmlMessage = null!;
        private ViberMessage _httpMessage = null!;

        /// <summary>Creates every client once: the benchmarks measure sends, not construction.</summary>
        [GlobalSetup]
        public void CreateClients()
        {
            _gateway = new CannedGatewayHandler();
            _http = SendScenario.HttpClient(_gateway);

            _handWrittenJson = new HandWrittenJsonClient(_http, SendScenario.ApiKey);
            _handWrittenXml = new HandWrittenXmlClient(_http, SendScenario.ApiKey);
            _handWrittenHttp = new HandWrittenHttpClient(_http, SendScenario.ApiKey);

            _sdkJson = new AlphaSmsJsonClient(SendScenario.Options(AlphaSmsTransport.Json), _http);
            _sdkXml = new AlphaSmsXmlClient(SendScenario.Options(AlphaSmsTransport.Xml), _http);
            _sdkHttp = new AlphaSmsHttpClient(SendScenario.Options(AlphaSmsTransport.Http), _http);

            // The registered clients are resolved once, as a long-lived service holding one would: this measures the
            // SDK's handlers, not the container. The primary handler replaces the socket handler the SDK registers.
            // IViberClient speaks the options' transport (JSON); the XML and HTTP clients are registered by type.
            var services = new ServiceCollection();
            services.AddAlphaSms(options =>
                {
                    options.ApiKey = SendScenario.ApiKey;
                    options.BaseAddress = SendScenario.BaseAddress;
                    options.Transport = AlphaSmsTransport.Json;
                })
                .ConfigurePrimaryHttpMessageHandler(() => new CannedGatewayHandler());
            _services = services.BuildServiceProvider();
            _registeredJson = _services.GetRequiredKeyedService<IViberClient>(Gateway.AlphaSms);
            _registeredXml = _services.GetRequiredService<AlphaSmsXmlClient>();
            _registeredHttp = _services.GetRequiredService<AlphaSmsHttpClient>();

            // The DI baseline: the hand-written clients as typed clients behind the standard resilience pipeline
            // (rate limiter, timeouts, retry, circuit breaker), resolved once like the SDK's. A container of their
            // own, so nothing the SDK registers reaches them.
            var handWrittenServices = new ServiceCollection();
            AddResilientTypedClient(handWrittenServices, http => new HandWrittenJsonClient(http, SendScenario.ApiKey));
            AddResilientTypedClient(handWrittenServices, http => new HandWrittenXmlClient(http, SendScenario.ApiKey));
            AddResilientTypedClient(handWrittenServices, http => new HandWrittenHttpClient(http, SendScenario.ApiKey));
            _handWrittenServices = handWrittenServices.BuildServiceProvider();
            _resilientHandWrittenJson = _handWrittenServices.GetRequiredService<HandWrittenJsonClient>();
            _resilientHandWrittenXml = _handWrittenServices.GetRequiredService<HandWrittenXmlClient>();
            _resilientHandWrittenHttp = _handWrittenServices.GetRequiredService<HandWrittenHttpClient>();

            _jsonMessage = SendScenario.Message(AlphaSmsTransport.Json);
            _xmlMessage = SendScenario.Message(AlphaSmsTransport.Xml);
            _httpMessage = SendScenario.Message(AlphaSmsTransport.Http);
        }

        /// <summary>Releases the HTTP clients and the container.</summary>
        [GlobalCleanup]
        public void DisposeClients()
        {
            _services.Dispose();
            _handWrittenServices.Dispose();
            _http.Dispose();
            _gateway.Dispose();
        }

        /// <summary>JSON: the hand-written client.</summary>
        /// <returns>The gateway's id.</returns>
        [Benchmark(Baseline = true, Description = "HandWritten")]
        [BenchmarkCategory(Json)]
        public Task<long> JsonHandWritten() =>
            _handWrittenJson.SendTextAsync(SendScenario.ClientId, SendScenario.Recipient, SendScenario.Sender, SendScenario.Text);

        /// <summary>JSON: <see cref="AlphaSmsJsonClient"/> over the same HTTP client.</summary>
        /// <returns>The send result.</returns>
        [Benchmark(Description = "Sdk")]
        [BenchmarkCategory(Json)]
        public Task JsonSdk() => _sdkJson.SendAcceptedAsync(_jsonMessage);

        /// <summary>JSON via DI: the hand-written client from <c>IHttpClientFactory</c>, behind the standard resilience handler.</summary>
        /// <returns>The gateway's id.</returns>
        [Benchmark(Baseline = true, Description = "HandWrittenWithStandardResilience")]
        [BenchmarkCategory(JsonViaDependencyInjection)]
        public Task<long> JsonHandWrittenWithStandardResilience() =>
            _resilientHandWrittenJson.SendTextAsync(SendScenario.ClientId, SendScenario.Recipient, SendScenario.Sender, SendScenario.Text);

        /// <summary>JSON via DI: the client <c>AddAlphaSms</c> registers.</summary>
        /// <returns>The send result.</returns>
        [Benchmark(Description = "SdkWithDependencyInjection")]
        [BenchmarkCategory(JsonViaDependencyInjection)]
        public Task JsonSdkWithDependencyInjection() => _registeredJson.SendAcceptedAsync(_jsonMessage);

        /// <summary>XML: the hand-written client.</summary>
        /// <returns>The gateway's id.</returns>
        [Benchmark(Baseline = true, Description = "HandWritten")]
        [BenchmarkCategory(Xml)]
        public Task<long> XmlHandWritten() =>
            _handWrittenXml.SendTextAsync(SendScenario.ClientId, SendScenario.Recipient, SendScenario.Sender, SendScenario.Text);

        /// <summary>XML: <see cref="AlphaSmsXmlClient"/> over the same HTTP client.</summary>
        /// <returns>The send result.</returns>
        [Benchmark(Description = "Sdk")]
        [BenchmarkCategory(Xml)]
        public Task XmlSdk() => _sdkXml.SendAcceptedAsync(_xmlMessage);

        /// <summary>XML via DI: the hand-written client from <c>IHttpClientFactory</c>, behind the standard resilience handler.</summary>
        /// <returns>The gateway's id.</returns>
        [Benchmark(Baseline = true, Description = "HandWrittenWithStandardResilience")]
        [BenchmarkCategory(XmlViaDependencyInjection)]
        public Task<long> XmlHandWrittenWithStandardResilience() =>
            _resilientHandWrittenXml.SendTextAsync(SendScenario.ClientId, SendScenario.Recipient, SendScenario.Sender, SendScenario.Text);

        /// <summary>XML via DI: the client <c>AddAlphaSms</c> registers.</summary>
        /// <returns>The send result.</returns>
        [Benchmark(Description = "SdkWithDependencyInjection")]
        [BenchmarkCategory(XmlViaDependencyInjection)]
        public Task XmlSdkWithDependencyInjection() => _registeredXml.SendAcceptedAsync(_xmlMessage);

        /// <summary>HTTP (form POST, the SDK's default): the hand-written client.</summary>
        /// <returns>The gateway's id.</returns>
        [Benchmark(Baseline = true, Description = "HandWritten")]
        [BenchmarkCategory(Http)]
        public Task<long> HttpHandWritten() =>
            _handWrittenHttp.SendTextAsync(SendScenario.Recipient, SendScenario.Sender, SendScenario.Text);

        /// <summary>HTTP: <see cref="AlphaSmsHttpClient"/> over the same HTTP client.</summary>
        /// <returns>The send result.</returns>
        [Benchmark(Description = "Sdk")]
        [BenchmarkCategory(Http)]
        public Task HttpSdk() => _sdkHttp.SendAcceptedAsync(_httpMessage);

        /// <summary>HTTP via DI: the hand-written client from <c>IHttpClientFactory</c>, behind the standard resilience handler.</summary>
        /// <returns>The gateway's id.</returns>
        [Benchmark(Baseline = true, Description = "HandWrittenWithStandardResilience")]
        [BenchmarkCategory(HttpViaDependencyInjection)]
        public Task<long> HttpHandWrittenWithStandardResilience() =>
            _resilientHandWrittenHttp.SendTextAsync(SendScenario.Recipient, SendScenario.Sender, SendScenario.Text);

        /// <summary>HTTP via DI: the client <c>AddAlphaSms</c> registers.</summary>
        /// <returns>The send result.</returns>
        [Benchmark(Description = "SdkWithDependencyInjection")]
        [BenchmarkCategory(HttpViaDependencyInjection)]
        public Task HttpSdkWithDependencyInjection() => _registeredHttp.SendAcceptedAsync(_httpMessage);

        /// <summary>
        /// Registers a hand-written client as a typed client with the standard resilience handler, over the in-memory
        /// gateway the SDK's registered clients use (the factory builds the client: its constructor also takes the key).
        /// </summary>
        private static void AddResilientTypedClient<TClient>(IServiceCollection services, Func<HttpClient, TClient> create)
            where TClient : class =>
            services.AddHttpClient<TClient, TClient>(create)
                .ConfigureHttpClient(http => http.BaseAddress = SendScenario.BaseAddress)
                .ConfigurePrimaryHttpMessageHandler(() => new CannedGatewayHandler())
                .AddStandardResilienceHandler();
    }
}
