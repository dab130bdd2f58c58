using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.Sandbox;
using ViberGateways.SmsBy;
using ViberGateways.Testing;

namespace ViberGateways.IntegrationTests.Reliability
{
    /// <summary>How an application made its gateway client.</summary>
    public enum ClientConstruction
    {
        /// <summary><c>ViberClientFactory.Create(options, httpClient)</c> (AlphaSMS only: the other gateways have no factory).</summary>
        Factory,

        /// <summary><c>new AlphaSmsJsonClient(options, httpClient)</c>, <c>new LiveAllClient(…)</c>, <c>new SmsByClient(…)</c>.</summary>
        New,

        /// <summary><c>services.AddAlphaSms(…)</c>, <c>AddLiveAll(…)</c>, <c>AddSmsBy(…)</c>, then the injected interface.</summary>
        DependencyInjection,
    }

    /// <summary>
    /// The same failure gets the same exception type and the same retries whichever way the client was made: by
    /// <see cref="ViberClientFactory"/>, by <c>new</c> or by dependency injection, all with one retry policy. Each
    /// scenario expects one outcome — exception type, requests at the sandbox, messages stored — of every path.
    /// </summary>
    public class ClientConstructionTests : IClassFixture<SandboxFixture>
    {
        private const int MaxRetryAttempts = 2;

        // Shorter than the replies the oversized-reply tests provoke: AlphaSMS JSON's balance (about 55 bytes) and send (about 80).
        private const int SmallReplyLimit = 32;

        private static long _nextXmlClientId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 10 + 7;
        private readonly SandboxFixture _fixture;

        public ClientConstructionTests(SandboxFixture fixture) => _fixture = fixture.WithoutQueuedFaults();

        public static TheoryData<ClientConstruction> EveryConstruction => new() { ClientConstruction.Factory, ClientConstruction.New, ClientConstruction.DependencyInjection };

        public static TheoryData<ClientConstruction> NewAndDependencyInjection => new() { ClientConstruction.New, ClientConstruction.DependencyInjection };

        private SandboxGateway Sandbox => _fixture.Sandbox;

        [Theory]
        [MemberData(nameof(EveryConstruction))]
        public async Task Service_unavailable_on_every_attempt_of_a_query_is_unavailable_after_every_retry(ClientConstruction construction)
        {
            using var clients = new Clients(construction, Sandbox);
            for (var attempt = 0; attempt <= MaxRetryAttempts; attempt++)
            {
                Sandbox.InjectFault(SandboxFault.ServiceUnavailable(), "json.php");
            }

            var (failure, requests) = await CallAsync("json.php", () => clients.AlphaSms.GetBalanceAsync());

            failure.ShouldBeOfType<GatewayUnavailableException>().StatusCode.ShouldBe(503);
            requests.ShouldBe(MaxRetryAttempts + 1);
        }

        [Theory]
        [MemberData(nameof(EveryConstruction))]
        public async Task Too_many_requests_once_is_waited_out_and_the_message_sent_once(ClientConstruction construction)
        {
            using var clients = new Clients(construction, Sandbox);
            Sandbox.InjectFault(SandboxFault.TooManyRequests(TimeSpan.FromSeconds(1)), "json.php");
            var message = Message();

            var (failure, requests) = await CallAsync("json.php", () => clients.AlphaSms.SendAsync(message).ThrowingFailureAsync());

            failure.ShouldBeNull();
            requests.ShouldBe(2);
            StoredWithText(message.Text!).ShouldBe(1);
        }

        [Theory]
        [MemberData(nameof(EveryConstruction))]
        public async Task A_connection_dropped_after_an_xml_send_with_a_client_id_is_repeated_and_the_message_stored_once(ClientConstruction construction)
        {
            using var clients = new Clients(construction, Sandbox, transport: AlphaSmsTransport.Xml);
            Sandbox.InjectFault(SandboxFault.DropConnection(afterProcessing: true), "xml.php");
            var message = Message();
            message.ClientId = Interlocked.Increment(ref _nextXmlClientId);
            SendResult? sent = null;

            var (failure, requests) = await CallAsync("xml.php", async () => sent = (await clients.AlphaSms.SendAsync(message)).ShouldHaveSingleItem());

            // The repeat is answered 208 ERR_DUPLICATE, "a message with this id exists" (gateways.md line 51): accepted.
            failure.ShouldBeNull();
            sent!.Outcome.ShouldBe(SendOutcome.Accepted);
            requests.ShouldBe(2);
            StoredWithText(message.Text!).ShouldBe(1);
        }

        /// <summary>Every construction with each AlphaSMS transport that documents no de-duplication of a send.</summary>
        public static TheoryData<ClientConstruction, AlphaSmsTransport> EveryConstructionWithoutDeduplication
        {
            get
            {
                var data = new TheoryData<ClientConstruction, AlphaSmsTransport>();
                foreach (var construction in new[] { ClientConstruction.Factory, ClientConstruction.New, ClientConstruction.DependencyInjection })
                {
                    data.Add(construction, AlphaSmsTransport.Json);
                    data.Add(construction, AlphaSmsTransport.Http);
                }

                return data;
            }
        }

        [Theory]
        [MemberData(nameof(EveryConstructionWithoutDeduplication))]
        public async Task A_connection_dropped_after_a_json_or_http_send_is_unknown_and_not_repeated(ClientConstruction construction, AlphaSmsTransport transport)
        {
            // Neither JSON nor HTTP documents de-duplicating a send: never repeated once it may have reached the gateway.
            using var clients = new Clients(construction, Sandbox, transport: transport);
            var path = transport == AlphaSmsTransport.Json ? "json.php" : "http.php";
            Sandbox.InjectFault(SandboxFault.DropConnection(afterProcessing: true), path);
            var message = Message();

            var (failure, requests) = await CallAsync(path, () => clients.AlphaSms.SendAsync(message).ThrowingFailureAsync());

            failure.ShouldBeOfType<GatewayOutcomeUnknownException>();
            requests.ShouldBe(1);
            StoredWithText(message.Text!).ShouldBe(1);
        }

        [Theory]
        [MemberData(nameof(NewAndDependencyInjection))]
        public async Task A_connection_dropped_after_a_liveall_send_is_unknown_and_not_repeated(ClientConstruction construction)
        {
            using var clients = new Clients(construction, Sandbox);
            Sandbox.InjectFault(SandboxFault.DropConnection(afterProcessing: true), "SendIM");
            var text = UniqueText();

            var (failure, requests) = await CallAsync("SendIM", () => ((IViberClient)clients.LiveAll).SendAsync(new ViberMessage { Recipients = { "306912345678" }, Sender = "Shop", Text = text }).ThrowingFailureAsync());

            failure.ShouldBeOfType<GatewayOutcomeUnknownException>();
            requests.ShouldBe(1);
            StoredWithText(text).ShouldBe(1);
        }

        [Theory]
        [MemberData(nameof(NewAndDependencyInjection))]
        public async Task An_smsby_http_400_is_a_rejection_and_not_repeated(ClientConstruction construction)
        {
            using var clients = new Clients(construction, Sandbox);

            // SMS.by answers HTTP 400 to a status query for a uuid it never gave out.
            var (failure, requests) = await CallAsync("statusBulkViber", () => clients.SmsBy.StatusBulkViberAsync(Sandbox.Credentials.SmsByToken, Guid.NewGuid().ToString()));

            failure.ShouldBeOfType<GatewayRejectedException>().StatusCode.ShouldBe(400);
            requests.ShouldBe(1);
        }

        [Theory]
        [MemberData(nameof(EveryConstruction))]
        public async Task A_4xx_page_from_a_proxy_in_front_of_the_gateway_is_a_rejection_and_not_repeated(ClientConstruction construction)
        {
            using var clients = new Clients(construction, Sandbox);
            Sandbox.InjectFault(SandboxFault.HtmlErrorPage(403), "json.php");

            var (failure, requests) = await CallAsync("json.php", () => clients.AlphaSms.GetBalanceAsync());

            failure.ShouldBeOfType<GatewayRejectedException>().StatusCode.ShouldBe(403);
            requests.ShouldBe(1);
        }

        [Theory]
        [MemberData(nameof(EveryConstruction))]
        public async Task A_reply_to_a_query_larger_than_the_limit_is_refused_unread_and_not_repeated(ClientConstruction construction)
        {
            using var clients = new Clients(construction, Sandbox, maxReplyBytes: SmallReplyLimit);

            var (failure, requests) = await CallAsync("json.php", () => clients.AlphaSms.GetBalanceAsync());

            failure.ShouldBeOfType<GatewayException>().Message.ShouldContain($"larger than {SmallReplyLimit} bytes");
            requests.ShouldBe(1);
        }

        [Theory]
        [MemberData(nameof(EveryConstruction))]
        public async Task A_reply_to_a_send_larger_than_the_limit_leaves_the_outcome_unknown_and_is_not_repeated(ClientConstruction construction)
        {
            using var clients = new Clients(construction, Sandbox, maxReplyBytes: SmallReplyLimit);
            var message = Message();

            var (failure, requests) = await CallAsync("json.php", () => clients.AlphaSms.SendAsync(message).ThrowingFailureAsync());

            failure.ShouldBeOfType<GatewayOutcomeUnknownException>();
            requests.ShouldBe(1);
            StoredWithText(message.Text!).ShouldBe(1);
        }

        private static string UniqueText() => "Your order " + Guid.NewGuid().ToString("N") + " has shipped";

        // No client id: the JSON transport assigns one, the HTTP transport has none.
        private static ViberMessage Message() => new() { Recipients = { "+380971234567" }, Sender = "Shop", Text = UniqueText() };

        private int StoredWithText(string text) => Sandbox.Messages.Count(m => m.Text == text);

        /// <summary>
        /// Runs <paramref name="call"/> and counts the requests whose path contains <paramref name="path"/> that reached
        /// the sandbox meanwhile (the tests of a class run one at a time, each class with its own sandbox).
        /// </summary>
        private async Task<(Exception? Failure, int Requests)> CallAsync(string path, Func<Task> call)
        {
            int RequestsSoFar() => Sandbox.Requests.Count(r => r.Path.Contains(path, StringComparison.Ordinal));
            var before = RequestsSoFar();
            var failure = await Record.ExceptionAsync(call);
            return (failure, RequestsSoFar() - before);
        }

        /// <summary>The clients made one way, all pointed at the sandbox with the same quick retry policy.</summary>
        private sealed class Clients : IDisposable
        {
            private readonly ClientConstruction _construction;
            private readonly SandboxGateway _sandbox;
            private readonly AlphaSmsTransport _transport;
            private readonly Action<GatewayResilienceOptions> _policy;
            private readonly HttpClient _http = new();
            private readonly GatewayServices? _services;

            public Clients(ClientConstruction construction, SandboxGateway sandbox, AlphaSmsTransport transport = AlphaSmsTransport.Json, int? maxReplyBytes = null)
            {
                _construction = construction;
                _sandbox = sandbox;
                _transport = transport;
                _policy = resilience =>
                {
                    resilience.MaxRetryAttempts = MaxRetryAttempts;
                    resilience.BaseDelay = TimeSpan.FromMilliseconds(5);
                    resilience.AttemptTimeout = TimeSpan.FromSeconds(10);
                    resilience.TotalTimeout = TimeSpan.FromSeconds(30);
                    resilience.MaxReplyBytes = maxReplyBytes ?? new GatewayResilienceOptions().MaxReplyBytes;
                };
                _services = construction == ClientConstruction.DependencyInjection ? new GatewayServices(sandbox, _policy, transport: transport) : null;
            }

            /// <summary>The AlphaSMS client speaking the transport the clients were made for.</summary>
            public IViberClient AlphaSms
            {
                get
                {
                    var options = Configured(new AlphaSmsOptions { ApiKey = _sandbox.Credentials.AlphaSmsApiKey, Transport = _transport });
                    return _construction switch
                    {
                        ClientConstruction.Factory => ViberClientFactory.Create(options, _http),
                        ClientConstruction.New => _transport switch
                        {
                            AlphaSmsTransport.Json => new AlphaSmsJsonClient(options, _http),
                            AlphaSmsTransport.Xml => new AlphaSmsXmlClient(options, _http),
                            _ => new AlphaSmsHttpClient(options, _http),
                        },
                        _ => _services!.AlphaSms,
                    };
                }
            }

            public ILiveAllClient LiveAll => _construction switch
            {
                ClientConstruction.New => new LiveAllClient(Configured(new LiveAllOptions { ApiKey = _sandbox.Credentials.LiveAllApiToken }), _http),
                ClientConstruction.DependencyInjection => _services!.LiveAll,
                _ => throw new InvalidOperationException("LiveAll has no client factory."),
            };

            public ISmsByClient SmsBy => _construction switch
            {
                ClientConstruction.New => new SmsByClient(Configured(new SmsByOptions { ApiKey = _sandbox.Credentials.SmsByToken }), _http),
                ClientConstruction.DependencyInjection => _services!.SmsBy,
                _ => throw new InvalidOperationException("SMS.by has no client factory."),
            };

            public void Dispose()
            {
                _services?.Dispose();
                _http.Dispose();
            }

            private TOptions Configured<TOptions>(TOptions options)
                where TOptions : GatewayOptions
            {
                options.BaseAddress = _sandbox.BaseAddress;
                _policy(options.Resilience);
                return options;
            }
        }
    }
}
