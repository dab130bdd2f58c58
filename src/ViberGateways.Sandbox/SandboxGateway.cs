using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ViberGateways.Sandbox.AlphaSms;
using ViberGateways.Sandbox.LiveAll;
using ViberGateways.Sandbox.SmsBy;

namespace ViberGateways.Sandbox
{
    /// <summary>
    /// A local gateway that speaks the documented AlphaSMS (JSON, XML, HTTP), LiveAll and SMS.by Viber APIs on
    /// 127.0.0.1. It checks credentials and fields as the gateways document, keeps accepted messages in memory and
    /// moves them through their delivery states, records every request, and plays faults on demand.
    /// <code>
    /// await using var sandbox = await SandboxGateway.StartAsync();
    /// var options = new AlphaSmsOptions { BaseAddress = sandbox.BaseAddress, ApiKey = sandbox.Credentials.AlphaSmsApiKey };
    /// </code>
    /// Standalone: <c>viber sandbox --port 5080</c>. Its own endpoints: <c>GET /_sandbox/requests</c>,
    /// <c>GET /_sandbox/messages</c>, <c>POST /_sandbox/replies</c> (<c>{"messageId": …, "phone": "…", "text": "…"}</c>),
    /// <c>POST /_sandbox/faults</c> (<c>{"fault": "503", "path": "json.php"}</c>: the next request; at most
    /// <see cref="MaxQueuedFaults"/> queued, past that 409),
    /// <c>POST /_sandbox/outages</c> (<c>{"fault": "503", "seconds": 30, "requests": 5, "path": "json.php"}</c>, all but
    /// <c>fault</c> optional: every request until it ends; at most <see cref="MaxOutages"/> at once, past that 409) and
    /// <c>DELETE /_sandbox/faults</c> (ends them all). A body they cannot read is answered 400 naming the field or problem.
    /// </summary>
    public sealed class SandboxGateway : IAsyncDisposable
    {
        /// <summary>
        /// The header that injects a fault into one request (see <see cref="SandboxFault.Parse"/>). A value it cannot
        /// read is answered 400 naming the header, the part it cannot read and the forms it takes; the request goes no further.
        /// </summary>
        public const string FaultHeader = "X-Sandbox-Fault";

        private readonly WebApplication _app;
        private readonly MessageStore _store;
        // Oldest first, under _requestsGate with their running weight, so that the byte limit is kept exactly.
        private readonly Queue<SandboxRequest> _requests = new();
        private readonly object _requestsGate = new();
        private long _retainedRequestBytes;
        // Oldest first, under its own lock: a request takes the first that applies and the others keep their order.
        private readonly List<(SandboxFault Fault, string? Path)> _faults = new();
        private readonly List<Outage> _outages = new();
        private ConnectionCounter _connections = new();
        private int _disposed;

        private SandboxGateway(WebApplication app, MessageStore store, SandboxOptions options, Uri baseAddress)
        {
            _app = app;
            _store = store;
            Options = options;
            BaseAddress = baseAddress;
        }

        /// <summary>Where the sandbox listens, e.g. <c>http://127.0.0.1:41234/</c>; use it as the clients' base address.</summary>
        public Uri BaseAddress { get; }

        /// <summary>The options the sandbox runs with.</summary>
        public SandboxOptions Options { get; }

        /// <summary>The credentials the sandbox accepts.</summary>
        public SandboxCredentials Credentials => Options.Credentials;

        /// <summary>
        /// The requests received so far, oldest first (the sandbox's own <c>/_sandbox</c> endpoints excluded): the newest
        /// <see cref="SandboxOptions.MaxRetainedRequests"/> of them, within <see cref="SandboxOptions.MaxRetainedRequestBytes"/>.
        /// </summary>
        public IReadOnlyList<SandboxRequest> Requests
        {
            get
            {
                lock (_requestsGate)
                {
                    return _requests.ToList();
                }
            }
        }

        /// <summary>The weight of the retained requests (see <see cref="SandboxOptions.MaxRetainedRequestBytes"/>), kept as they come and go.</summary>
        internal long RetainedRequestBytes
        {
            get
            {
                lock (_requestsGate)
                {
                    return _retainedRequestBytes;
                }
            }
        }

        /// <summary>How many TCP connections clients have opened to the sandbox so far.</summary>
        public int ConnectionsOpened => _connections.Total;

        /// <summary>The most TCP connections that were open at the same time.</summary>
        public int MostConnectionsAtOnce => _connections.Peak;

        /// <summary>
        /// The messages accepted so far, oldest first, across the emulated gateways: the newest
        /// <see cref="SandboxOptions.MaxRetainedMessages"/> of them.
        /// </summary>
        public IReadOnlyList<SandboxMessage> Messages => _store.Messages;

        internal MessageStore Store => _store;

        /// <summary>Starts a sandbox on 127.0.0.1.</summary>
        /// <param name="options">How it behaves; defaults: a free port, the default credentials, a sub-second delivery timeline.</param>
        /// <param name="cancellationToken">Cancels the start.</param>
        /// <returns>The running sandbox; dispose it to stop it.</returns>
        public static async Task<SandboxGateway> StartAsync(SandboxOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new SandboxOptions();
            if (options.MaxRetainedMessages < 1 || options.MaxRetainedRequests < 1 || options.MaxRetainedRequestBytes < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "MaxRetainedMessages, MaxRetainedRequests and MaxRetainedRequestBytes must be at least 1.");
            }

            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            // A request held by a delay fault must not keep a stopping sandbox (and its port) for the whole delay.
            builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromMilliseconds(500));
            // The process that embeds the sandbox owns its signals: Ctrl+C or SIGTERM must not stop the sandbox behind
            // its back (the default console lifetime would), nor decide how the process exits.
            builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
            var connections = new ConnectionCounter();
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port, listen => listen.Use(next => async connection =>
            {
                connections.Opened();
                try
                {
                    await next(connection).ConfigureAwait(false);
                }
                finally
                {
                    connections.Closed();
                }
            })));
            var app = builder.Build();

            var store = new MessageStore(options.MaxRetainedMessages);
            var context = new SandboxContext(store, options);
            SandboxGateway? sandbox = null;
            app.Use((http, next) => sandbox!.RecordAndInjectFaultsAsync(http, next));
            new AlphaSmsEmulator(context).Map(app);
            new LiveAllEmulator(context).Map(app);
            new SmsByEmulator(context).Map(app);
            MapOwnEndpoints(app, () => sandbox!);

            await app.StartAsync(cancellationToken).ConfigureAwait(false);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            sandbox = new SandboxGateway(app, store, options, new Uri(address.TrimEnd('/') + "/")) { _connections = connections };
            return sandbox;
        }

        /// <summary>Queues a fault for the next request (whose path contains <paramref name="pathContains"/>, if given).</summary>
        /// <param name="fault">The fault.</param>
        /// <param name="pathContains">Only a request whose path contains this text takes the fault, e.g. <c>json.php</c>.</param>
        /// <exception cref="InvalidOperationException"><see cref="MaxQueuedFaults"/> faults are queued already.</exception>
        public void InjectFault(SandboxFault fault, string? pathContains = null)
        {
            if (fault is null)
            {
                throw new ArgumentNullException(nameof(fault));
            }

            lock (_faults)
            {
                if (_faults.Count >= MaxQueuedFaults)
                {
                    throw new InvalidOperationException($"{MaxQueuedFaults} faults are queued already, the most the sandbox keeps; let requests take them or clear them first (ClearFaults, DELETE /_sandbox/faults).");
                }

                _faults.Add((fault, pathContains));
            }
        }

        /// <summary>
        /// The most one-request faults queued at once: past it <see cref="InjectFault"/> and <c>POST /_sandbox/faults</c>
        /// are refused, so that faults queued for requests that never come cannot grow without end.
        /// </summary>
        public const int MaxQueuedFaults = 100;

        /// <summary>
        /// Starts an outage: every request (whose path contains <paramref name="pathContains"/>, if given) takes
        /// <paramref name="fault"/> until <paramref name="duration"/> has passed on the sandbox's clock, until
        /// <paramref name="requests"/> requests have taken it, or — with neither — until <see cref="ClearFaults"/>.
        /// With both, it ends at whichever comes first. While an outage applies to a request, the faults queued with
        /// <see cref="InjectFault"/> wait for later requests.
        /// </summary>
        /// <param name="fault">The fault every request takes, e.g. <see cref="SandboxFault.ServiceUnavailable"/>.</param>
        /// <param name="duration">How long the outage lasts on <see cref="SandboxOptions.TimeProvider"/> (more than zero, at most <see cref="MaxOutageDuration"/>).</param>
        /// <param name="requests">How many requests take the fault.</param>
        /// <param name="pathContains">Only requests whose path contains this text take the fault, e.g. <c>json.php</c>.</param>
        /// <exception cref="InvalidOperationException"><see cref="MaxOutages"/> outages are running already.</exception>
        public void StartOutage(SandboxFault fault, TimeSpan? duration = null, int? requests = null, string? pathContains = null)
        {
            if (fault is null)
            {
                throw new ArgumentNullException(nameof(fault));
            }

            if (duration <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(duration), duration, "An outage lasts a positive time.");
            }

            if (requests < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(requests), requests, "An outage covers at least one request.");
            }

            if (duration > MaxOutageDuration)
            {
                throw new ArgumentOutOfRangeException(nameof(duration), duration, $"An outage lasts at most {MaxOutageDuration.TotalSeconds:0} seconds (a day).");
            }

            var now = Options.TimeProvider.GetUtcNow();
            var outage = new Outage(fault, pathContains, now + duration, requests);
            lock (_outages)
            {
                // Outages that ended by themselves do not count; the others stay until they end or are cleared.
                _outages.RemoveAll(running => running.IsOver(now));
                if (_outages.Count >= MaxOutages)
                {
                    throw new InvalidOperationException($"{MaxOutages} outages are running already, the most the sandbox keeps; clear them first (ClearFaults, DELETE /_sandbox/faults).");
                }

                _outages.Add(outage);
            }
        }

        /// <summary>
        /// The most outages running at once: past it <see cref="StartOutage"/> and <c>POST /_sandbox/outages</c> are
        /// refused, so that outages started and never cleared cannot grow without end.
        /// </summary>
        public const int MaxOutages = 100;

        /// <summary>The longest outage with a duration (a day): a longer one is refused, an unending one is started without a duration.</summary>
        public static readonly TimeSpan MaxOutageDuration = TimeSpan.FromDays(1);

        /// <summary>
        /// Ends every outage and discards the queued faults no request has taken yet — for instance one meant for a
        /// request its client gave up on before sending — so that they cannot reach a later test's requests.
        /// </summary>
        /// <returns>How many faults were discarded, outages still running included.</returns>
        public int ClearFaults()
        {
            var discarded = 0;
            lock (_outages)
            {
                var now = Options.TimeProvider.GetUtcNow();
                discarded += _outages.Count(outage => !outage.IsOver(now));
                _outages.Clear();
            }

            lock (_faults)
            {
                discarded += _faults.Count;
                _faults.Clear();
            }

            return discarded;
        }

        /// <summary>Records a reply from a recipient to a message (AlphaSMS JSON status <c>replies</c>, SMS.by <c>getNewIncomingMessages</c>).</summary>
        /// <param name="messageId">The message (or SMS.by mailing) id answered.</param>
        /// <param name="phone">Who answered.</param>
        /// <param name="text">What they wrote.</param>
        /// <returns>The stored reply.</returns>
        public SandboxIncomingReply InjectReply(long messageId, string phone, string text) =>
            _store.AddReply(messageId, Wire.PhoneDigits(phone), text, Options.TimeProvider.GetUtcNow());

        /// <summary>Forgets the recorded requests (messages stay).</summary>
        public void ClearRequests()
        {
            lock (_requestsGate)
            {
                _requests.Clear();
                _retainedRequestBytes = 0;
            }
        }

        /// <summary>Stops the sandbox and frees its port; a second call does nothing.</summary>
        /// <returns>A task that completes when it has stopped.</returns>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        private async Task RecordAndInjectFaultsAsync(HttpContext http, Func<Task> next)
        {
            if (http.Request.Path.StartsWithSegments("/_sandbox"))
            {
                await next().ConfigureAwait(false);
                return;
            }

            // Buffered in memory: by default a body over 30 KB (a bulk request) would go through a temporary file.
            http.Request.EnableBuffering(bufferThreshold: 32 * 1024 * 1024);
            string body;
            using (var reader = new StreamReader(http.Request.Body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true))
            {
                body = await reader.ReadToEndAsync().ConfigureAwait(false);
            }

            http.Request.Body.Position = 0;
            var request = new SandboxRequest(Options.TimeProvider.GetUtcNow(), http.Request.Method, http.Request.Path.Value ?? "",
                http.Request.QueryString.Value ?? "", http.Request.ContentType, body);
            Retain(request);

            http.Items[typeof(SandboxRequest)] = request;

            try
            {
                await HandleAsync(http, request, next).ConfigureAwait(false);
            }
            finally
            {
                Options.OnRequest?.Invoke(request);
            }
        }

        /// <summary>Records a request, forgetting the oldest past either limit; the newest stays, however big.</summary>
        private void Retain(SandboxRequest request)
        {
            lock (_requestsGate)
            {
                _requests.Enqueue(request);
                _retainedRequestBytes += request.RetainedBytes;
                while (_requests.Count > 1 && (_requests.Count > Options.MaxRetainedRequests || _retainedRequestBytes > Options.MaxRetainedRequestBytes))
                {
                    _retainedRequestBytes -= _requests.Dequeue().RetainedBytes;
                }
            }
        }

        /// <summary>The record of the request being handled, body included, so that no emulator reads the body again.</summary>
        internal static SandboxRequest Recorded(HttpContext http) => (SandboxRequest)http.Items[typeof(SandboxRequest)]!;

        private async Task HandleAsync(HttpContext http, SandboxRequest request, Func<Task> next)
        {
            SandboxFault? fault;
            try
            {
                fault = FaultFor(http);
            }
            catch (FormatException malformed)
            {
                // The sandbox's own control surface, not gateway behaviour: the request goes no further.
                await RefuseFaultHeaderAsync(http, request, StatusCodes.Status400BadRequest, malformed.Message).ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException full)
            {
                // An X-Sandbox-Fault header declaring one outage too many: refused as the control endpoint refuses it.
                await RefuseFaultHeaderAsync(http, request, StatusCodes.Status409Conflict, full.Message).ConfigureAwait(false);
                return;
            }

            request.Fault = fault?.Description;
            if (fault is null)
            {
                await next().ConfigureAwait(false);
                request.ResponseStatus = http.Response.StatusCode;
                return;
            }

            if (!fault.AfterProcessing)
            {
                await PlayBeforeHandlingAsync(http, request, fault).ConfigureAwait(false);
                request.ResponseStatus = fault.Kind == SandboxFaultKind.Drop ? 0 : http.Response.StatusCode;
                return;
            }

            // Handle the request for real, then spoil the reply.
            var wire = http.Response.Body;
            using var reply = new MemoryStream();
            http.Response.Body = reply;
            await next().ConfigureAwait(false);
            http.Response.Body = wire;
            var bytes = reply.ToArray();
            switch (fault.Kind)
            {
                case SandboxFaultKind.Delay:
                    // A client that gave up ends the hold: nothing keeps a request open that nobody waits for.
                    Options.OnHold?.Invoke(request);
                    await Task.Delay(fault.Delay, http.RequestAborted).ConfigureAwait(false);
                    request.ResponseStatus = http.Response.StatusCode;
                    await wire.WriteAsync(bytes).ConfigureAwait(false);
                    break;
                case SandboxFaultKind.Truncate:
                    http.Response.ContentLength = bytes.Length;
                    await wire.WriteAsync(bytes.AsMemory(0, bytes.Length / 2)).ConfigureAwait(false);
                    await wire.FlushAsync().ConfigureAwait(false);
                    http.Abort();
                    break;
                case SandboxFaultKind.Malformed:
                    var half = bytes.AsMemory(0, bytes.Length / 2);
                    http.Response.ContentLength = half.Length;
                    request.ResponseStatus = http.Response.StatusCode;
                    await wire.WriteAsync(half).ConfigureAwait(false);
                    break;
                default:
                    http.Abort();
                    break;
            }
        }

        private static async Task RefuseFaultHeaderAsync(HttpContext http, SandboxRequest request, int status, string message)
        {
            request.ResponseStatus = status;
            http.Response.StatusCode = status;
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(message).ConfigureAwait(false);
        }

        /// <exception cref="FormatException">The request's <see cref="FaultHeader"/> is not a form it takes.</exception>
        /// <exception cref="InvalidOperationException">The header declares an outage past <see cref="MaxOutages"/>.</exception>
                private SandboxFault? FaultFor(HttpContext http)
        {
            var path = http.Request.Path.Value ?? "";
            if (http.Request.Headers.TryGetValue(FaultHeader, out var header) && !string.IsNullOrWhiteSpace(header))
            {
                var fault = SandboxFault.ParseDeclaringOutage(header.ToString(), out var outage);
                if (outage is null)
                {
                    return fault;
                }

                // The request that declares the outage is its first.
                StartOutage(fault, outage.Value.Duration, outage.Value.Requests);
            }

            if (OutageFault(path) is { } outageFault)
            {
                return outageFault;
            }

            // Take the first queued fault that applies to this path; the others wait for their requests, in order.
            lock (_faults)
            {
                var index = _faults.FindIndex(queued => queued.Path is null || path.Contains(queued.Path, StringComparison.OrdinalIgnoreCase));
                if (index < 0)
                {
                    return null;
                }

                var fault = _faults[index].Fault;
                _faults.RemoveAt(index);
                return fault;
            }
        }

        private SandboxFault? OutageFault(string path)
        {
            lock (_outages)
            {
                var now = Options.TimeProvider.GetUtcNow();
                _outages.RemoveAll(outage => outage.IsOver(now));
                foreach (var outage in _outages)
                {
                    if (outage.Path is null || path.Contains(outage.Path, StringComparison.OrdinalIgnoreCase))
                    {
                        outage.RequestsLeft--;
                        return outage.Fault;
                    }
                }
            }

            return null;
        }

        private async Task PlayBeforeHandlingAsync(HttpContext http, SandboxRequest request, SandboxFault fault)
        {
            switch (fault.Kind)
            {
                case SandboxFaultKind.Status:
                    http.Response.StatusCode = fault.StatusCode;
                    if (fault.RetryAfter is { } retryAfter)
                    {
                        http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    }

                    http.Response.ContentType = "text/plain";
                    await http.Response.WriteAsync(fault.StatusCode == 429 ? "Request limit exceeded" : "Server unavailable").ConfigureAwait(false);
                    break;
                case SandboxFaultKind.HtmlPage:
                    http.Response.StatusCode = fault.StatusCode;
                    http.Response.ContentType = "text/html; charset=utf-8";
                    await http.Response.WriteAsync($"<!DOCTYPE html><html><head><title>{fault.StatusCode} Bad Gateway</title></head><body><h1>{fault.StatusCode} Bad Gateway</h1><hr><p>nginx</p></body></html>").ConfigureAwait(false);
                    break;
                case SandboxFaultKind.Delay:
                    Options.OnHold?.Invoke(request);
                    await Task.Delay(fault.Delay, http.RequestAborted).ConfigureAwait(false);
                    http.Response.StatusCode = 504;
                    break;
                default:
                    http.Abort();
                    break;
            }
        }

        private static void MapOwnEndpoints(WebApplication app, Func<SandboxGateway> sandbox)
        {
            var json = SandboxJson.Indented;
            app.MapGet("/_sandbox/requests", () => Results.Json(sandbox().Requests, json.IReadOnlyListSandboxRequest));
            app.MapGet("/_sandbox/messages", () => Results.Json(sandbox().Messages.Select(m => new SandboxMessageView(
                m.Id, m.Gateway, m.Channel, m.ClientId, m.Recipient, m.Sender, m.Kind, m.Text, m.AcceptedAt, m.ScheduledFor, m.Mailing,
                m.StateAt(sandbox().Options.TimeProvider.GetUtcNow(), sandbox().Options.Timeline).ToString())).ToList(), json.IReadOnlyListSandboxMessageView));
            // The handlers take HttpRequest, not HttpContext: a lambda of HttpContext returning a Task is a RequestDelegate,
            // whose result the request delegate generator does not write.
            app.MapPost("/_sandbox/replies", async (HttpRequest http) =>
            {
                const string Usage = "Send {\"messageId\": 1000001, \"phone\": \"380971234567\", \"text\": \"Yes\"}.";
                var (reply, problem) = await ReadBodyAsync(http.HttpContext, json.InjectedReply).ConfigureAwait(false);
                if (problem != null || reply is null || string.IsNullOrWhiteSpace(reply.Phone) || string.IsNullOrEmpty(reply.Text))
                {
                    return Refused(problem, Usage);
                }

                return Results.Json(sandbox().InjectReply(reply.MessageId, reply.Phone!, reply.Text!), json.SandboxIncomingReply);
            });
            app.MapPost("/_sandbox/faults", async (HttpRequest http) =>
            {
                const string Usage = "Send {\"fault\": \"503\", \"path\": \"json.php\"} (path optional); faults as in the X-Sandbox-Fault header.";
                var (request, problem) = await ReadBodyAsync(http.HttpContext, json.FaultRequest).ConfigureAwait(false);
                var (fault, faultProblem) = problem is null ? ReadFault(request) : (null, null);
                if ((problem ??= faultProblem) != null || fault is null)
                {
                    return Refused(problem, Usage);
                }

                try
                {
                    sandbox().InjectFault(fault, request!.Path);
                }
                catch (InvalidOperationException full)
                {
                    return Results.Json(new SandboxError(full.Message), json.SandboxError, statusCode: StatusCodes.Status409Conflict);
                }

                return Results.Json(new QueuedFault(fault.Description, request.Path), json.QueuedFault);
            });
            app.MapPost("/_sandbox/outages", async (HttpRequest http) =>
            {
                const string Usage = "Send {\"fault\": \"503\", \"seconds\": 30, \"requests\": 5, \"path\": \"json.php\"} (all but fault optional; without seconds and requests it lasts until DELETE /_sandbox/faults).";
                var (request, problem) = await ReadBodyAsync(http.HttpContext, json.FaultRequest).ConfigureAwait(false);
                problem ??= request?.Seconds is <= 0 || request?.Seconds > MaxOutageDuration.TotalSeconds ? $"seconds must be more than 0 and at most {MaxOutageDuration.TotalSeconds:0}"
                    : request?.Requests < 1 ? "requests must be at least 1"
                    : null;
                var (fault, faultProblem) = problem is null ? ReadFault(request) : (null, null);
                if ((problem ??= faultProblem) != null || fault is null)
                {
                    return Refused(problem, Usage);
                }

                try
                {
                    sandbox().StartOutage(fault, request!.Seconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null, request.Requests, request.Path);
                }
                catch (InvalidOperationException full)
                {
                    return Results.Json(new SandboxError(full.Message), json.SandboxError, statusCode: StatusCodes.Status409Conflict);
                }

                return Results.Json(new StartedOutage(fault.Description, request.Seconds, request.Requests, request.Path), json.StartedOutage);
            });
            app.MapDelete("/_sandbox/faults", () => Results.Json(new ClearedFaults(sandbox().ClearFaults()), json.ClearedFaults));
        }

        /// <summary>A 400 whose <c>error</c> says what is wrong first, when known, then what to send.</summary>
        private static IResult Refused(string? problem, string usage) =>
            Results.Json(new SandboxError(problem is null ? usage : $"{problem}. {usage}"), SandboxJson.Compact.SandboxError, statusCode: StatusCodes.Status400BadRequest);

        /// <summary>
        /// A control endpoint's JSON body as <typeparamref name="T"/>, or what is wrong with it in a few words: not JSON
        /// at all, or the field whose value has the wrong type and what it should be. Never throws for a bad body.
        /// </summary>
        private static async Task<(T? Value, string? Problem)> ReadBodyAsync<T>(HttpContext http, JsonTypeInfo<T> json)
            where T : class
        {
            JsonDocument document;
            try
            {
                document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                return (null, "the body is not valid JSON");
            }

            using (document)
            {
                if (document.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
                {
                    return (null, "the body must be a JSON object");
                }

                try
                {
                    return (document.Deserialize(json), null);
                }
                catch (JsonException wrongType)
                {
                    var field = wrongType.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path.Substring(2) : null;
                    var property = field is null ? null : json.Properties.FirstOrDefault(candidate => string.Equals(candidate.Name, field, StringComparison.OrdinalIgnoreCase));
                    var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                    var expected = type == typeof(string) ? "a string"
                        : type == typeof(int) || type == typeof(long) ? "a whole number"
                        : type == typeof(double) ? "a number"
                        : "another value";
                    return (null, field is null ? "the body has a value of the wrong type" : $"{field} must be {expected}");
                }
            }
        }

        /// <summary>
        /// The fault a control request names, or what is wrong with it: the part the parser names, as the
        /// <see cref="FaultHeader"/> header path names it.
        /// </summary>
        private static (SandboxFault? Fault, string? Problem) ReadFault(FaultRequest? request)
        {
            if (string.IsNullOrWhiteSpace(request?.Fault))
            {
                return (null, "fault is required");
            }

            try
            {
                return (SandboxFault.Parse(request!.Fault!), null);
            }
            catch (SandboxFault.UnreadableFaultException unreadable)
            {
                return (null, "fault: " + unreadable.Problem);
            }
        }

        internal sealed class FaultRequest
        {
            public string? Fault { get; set; }

            public string? Path { get; set; }

            public double? Seconds { get; set; }

            public int? Requests { get; set; }
        }

        /// <summary>A fault every matching request takes until a time, a number of requests, or clearing ends it.</summary>
        private sealed class Outage
        {
            public Outage(SandboxFault fault, string? path, DateTimeOffset? endsAt, int? requestsLeft)
            {
                Fault = fault;
                Path = path;
                EndsAt = endsAt;
                RequestsLeft = requestsLeft;
            }

            public SandboxFault Fault { get; }

            public string? Path { get; }

            public DateTimeOffset? EndsAt { get; }

            public int? RequestsLeft { get; set; }

            public bool IsOver(DateTimeOffset now) => now >= EndsAt || RequestsLeft <= 0;
        }

        internal sealed class InjectedReply
        {
            public long MessageId { get; set; }

            public string? Phone { get; set; }

            public string? Text { get; set; }
        }
    }

    /// <summary>A host lifetime that hooks no signal: the sandbox starts and stops when its owner says.</summary>
    internal sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Counts the TCP connections Kestrel accepts, and the most open at once.</summary>
    internal sealed class ConnectionCounter
    {
        private int _total;
        private int _open;
        private int _peak;

        public int Total => Volatile.Read(ref _total);

        public int Peak => Volatile.Read(ref _peak);

        public void Opened()
        {
            Interlocked.Increment(ref _total);
            var open = Interlocked.Increment(ref _open);
            int peak;
            while (open > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, open, peak) != peak)
            {
            }
        }

        public void Closed() => Interlocked.Decrement(ref _open);
    }

    /// <summary>What the emulated gateways share: the message store, the options and the clock.</summary>
    internal sealed class SandboxContext
    {
        public SandboxContext(MessageStore store, SandboxOptions options)
        {
            Store = store;
            Options = options;
        }

        public MessageStore Store { get; }

        public SandboxOptions Options { get; }

        public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

        public SandboxDeliveryState StateOf(SandboxMessage message) => message.StateAt(Now, Options.Timeline);
    }
}
