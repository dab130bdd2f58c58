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
    /// client's own work is measured: a minimal hand-written client (the baseline), the SDK's transport client over the
    /// same <see cref="HttpClient"/>, and the client the SDK registers with dependency injection (telemetry, retry
    /// policy and reply guard in front of the same in-memory gateway). Every contender sends the same bytes
    /// (tests/ViberGateways.Tests/Benchmarks/HandWrittenBaselineTests proves it), so Ratio and Alloc Ratio are the
    /// SDK's overhead per send.
    /// </summary>
    [MemoryDiagnoser]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    [CategoriesColumn]
    public class PerSendBenchmarks
    {
        private const string Json = "JSON";
        private const string Xml = "XML";
        private const string Http = "HTTP";

        private CannedGatewayHandler _gateway = null!;
        private HttpClient _http = null!;
        private ServiceProvider _services = null!;

        private HandWrittenJsonClient _handWrittenJson = null!;
        private HandWrittenXmlClient _handWrittenXml = null!;
        private HandWrittenHttpClient _handWrittenHttp = null!;

        private AlphaSmsJsonClient _sdkJson = null!;
        private AlphaSmsXmlClient _sdkXml = null!;
        private AlphaSmsHttpClient _sdkHttp = null!;

        private IAlphaSmsClient _registeredJson = null!;
        private IAlphaSmsClient _registeredXml = null!;
        private IAlphaSmsClient _registeredHttp = null!;

        private AlphaSmsMessage _jsonMessage = null!;
        private AlphaSmsMessage _xmlMessage = null!;
        private AlphaSmsMessage _httpMessage = null!;

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
            // IAlphaSmsClient speaks the options' transport (JSON); the XML and HTTP clients are registered by type.
            var services = new ServiceCollection();
            services.AddAlphaSms(options =>
                {
                    options.ApiKey = SendScenario.ApiKey;
                    options.BaseAddress = SendScenario.BaseAddress;
                    options.Transport = AlphaSmsTransport.Json;
                })
                .ConfigurePrimaryHttpMessageHandler(() => new CannedGatewayHandler());
            _services = services.BuildServiceProvider();
            _registeredJson = _services.GetRequiredService<IAlphaSmsClient>();
            _registeredXml = _services.GetRequiredService<AlphaSmsXmlClient>();
            _registeredHttp = _services.GetRequiredService<AlphaSmsHttpClient>();

            _jsonMessage = SendScenario.Message(AlphaSmsTransport.Json);
            _xmlMessage = SendScenario.Message(AlphaSmsTransport.Xml);
            _httpMessage = SendScenario.Message(AlphaSmsTransport.Http);
        }

        /// <summary>Releases the HTTP clients and the container.</summary>
        [GlobalCleanup]
        public void DisposeClients()
        {
            _services.Dispose();
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
        public Task JsonSdk() => _sdkJson.SendAsync(_jsonMessage);

        /// <summary>JSON: the client <c>AddAlphaSms</c> registers.</summary>
        /// <returns>The send result.</returns>
        [Benchmark(Description = "SdkWithDependencyInjection")]
        [BenchmarkCategory(Json)]
        public Task JsonSdkWithDependencyInjection() => _registeredJson.SendAsync(_jsonMessage);

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
        public Task XmlSdk() => _sdkXml.SendAsync(_xmlMessage);

        /// <summary>XML: the client <c>AddAlphaSms</c> registers.</summary>
        /// <returns>The send result.</returns>
        [Benchmark(Description = "SdkWithDependencyInjection")]
        [BenchmarkCategory(Xml)]
        public Task XmlSdkWithDependencyInjection() => _registeredXml.SendAsync(_xmlMessage);

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
        public Task HttpSdk() => _sdkHttp.SendAsync(_httpMessage);

        /// <summary>HTTP: the client <c>AddAlphaSms</c> registers.</summary>
        /// <returns>The send result.</returns>
        [Benchmark(Description = "SdkWithDependencyInjection")]
        [BenchmarkCategory(Http)]
        public Task HttpSdkWithDependencyInjection() => _registeredHttp.SendAsync(_httpMessage);
    }
}
