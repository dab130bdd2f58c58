using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ViberGateways.Http
{
    /// <summary>
    /// One structured log event and one <see cref="Activity"/> per gateway call. Every event has the fields <c>Gateway</c>,
    /// <c>Operation</c>, <c>Outcome</c>, <c>StatusCode</c> (0 without a reply), <c>Attempts</c>, <c>RecipientCount</c>,
    /// <c>ClientIds</c> (the client ids the request carries or asks about) and <c>GatewayIds</c> (the ids the gateway
    /// assigned: from the reply of a send, else those a query asks about) — each list at most <see cref="MaxIds"/>
    /// then "+N more", empty when there are none — and <c>ElapsedMilliseconds</c> (until the reply arrived).
    /// Event 1 <c>GatewayCallCompleted</c> is written once a 2xx reply has been read, with what it says (and, for a
    /// request the gateway refused as a whole, its error code in <c>GatewayErrorCode</c>, empty without one):
    /// <c>accepted</c> (every message), <c>partial</c> (some messages accepted, some refused), <c>rejected</c> (all
    /// refused, or the request — on every gateway, whether its client reads the refusal or throws it while reading), <c>unknown</c> (an answer in no documented form: a send may have been accepted), or
    /// <c>replied</c> for an operation whose reply the SDK does not read; a query's accepted reply is <c>answered</c>,
    /// its unreadable one <c>failed</c>. Event 2 <c>GatewayCallFailed</c>, with a <c>Reason</c>
    /// (<see cref="GatewayException.Summary"/> or a redacted text), is a call that ended without a reply it could read:
    /// an error status, no reply, or a reply that could not be read.
    /// Levels follow the outcome alone: accepted, answered and replied are Information for a request that may send
    /// (its retry safety is not repeatable) and Debug for a query; rejected, partial and cancelled are Information (a
    /// gateway's refusal of a message is its answer, not a fault); unknown, unavailable, invalid and failed are Warning.
    /// Each retry is a Debug event 3 of <see cref="GatewayResilienceHandler"/>. A refusal the client throws after
    /// reading the reply is the event already written, never a second one. Never message bodies, phone numbers,
    /// texts, replies (they may echo both), URLs with credentials, or keys.
    /// </summary>
    internal sealed class GatewayTelemetryHandler(ILogger logger) : DelegatingHandler
    {
        /// <summary>How many client ids, and how many gateway ids, one event lists; the rest are counted.</summary>
        internal const int MaxIds = 10;

        private static readonly ActivitySource ActivitySource = new(GatewayTelemetry.ActivitySourceName);

        private readonly ILogger _logger = logger ?? throw new ArgumentNullException(nameof(logger));

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = GatewayCall.Of(request);
            var gateway = call.Gateway;
            var operation = call.Operation.Name;
            var recipients = call.Details?.Recipients ?? 0;
            // No listener, no activity: the name is not even built.
            using var activity = ActivitySource.HasListeners() ? ActivitySource.StartActivity(gateway + " " + operation, ActivityKind.Client) : null;
            activity?.SetTag("viber.gateway", gateway);
            activity?.SetTag("viber.operation", operation);
            activity?.SetTag("viber.recipients", recipients);
            var started = Stopwatch.GetTimestamp();
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                activity?.SetTag("http.response.status_code", status);
                // What the reply says is known only once the client has read it (ReplyRead, ReplyNotRead); with no
                // event to write, the reply is not read for one.
                if (_logger.IsEnabled(LogLevel.Debug) || _logger.IsEnabled(LogLevel.Information) || _logger.IsEnabled(LogLevel.Warning))
                {
                    call.HoldEvent(new HeldEvent(_logger, status, Elapsed(started)));
                }

                return response;
            }
            catch (Exception exception)
            {
                var (outcome, level) = Classify(exception, cancellationToken.IsCancellationRequested);
                activity?.SetStatus(ActivityStatusCode.Error, outcome);
                WriteFailed(_logger, call, outcome, level, (exception as GatewayException)?.StatusCode ?? 0, Elapsed(started), exception);
                throw;
            }
        }

        /// <summary>Writes the held event of <paramref name="call"/> with what its reply says (nothing when it was written already).</summary>
        internal static void ReplyRead(GatewayCall call, ReplyOutcome reply)
        {
            if (call.TakeHeldEvent() is not { } held)
            {
                return;
            }

            var query = call.Safety == RetrySafety.Repeatable;
            var (outcome, level) = reply.Name switch
            {
                "accepted" or "replied" => (query && reply.Name == "accepted" ? "answered" : reply.Name, query ? LogLevel.Debug : LogLevel.Information),
                "partial" or "rejected" => (reply.Name, LogLevel.Information),
                _ => (query ? "failed" : reply.Name, LogLevel.Warning),
            };
            string ReplyOrAskedIds() => FormatIds(reply.GatewayIds) is { Length: > 0 } assigned ? assigned : FormatIds(call.Details?.GatewayIds);
            if (held.Logger.IsEnabled(level))
            {
                GatewayLog.CallCompleted(held.Logger, level, call.Gateway, call.Operation.Name, outcome, held.StatusCode, call.Attempts, call.Details?.Recipients ?? 0,
                    FormatClientIds(call.Details?.ClientIds), ReplyOrAskedIds(), reply.ErrorCode ?? "", held.ElapsedMilliseconds);
            }
        }

        /// <summary>Writes the held event of <paramref name="call"/> as failed with <paramref name="exception"/>, thrown while its reply was read.</summary>
        internal static void ReplyNotRead(GatewayCall call, Exception exception)
        {
            if (exception is GatewayRejectedException rejected)
            {
                // A refusal the client finds while reading a 2xx reply (an AlphaSMS XML request error) is what the reply
                // says, logged as every gateway logs a refusal it reads: the completed event, rejected.
                ReplyRead(call, ReplyOutcome.Rejected(rejected.GatewayErrorCode));
                return;
            }

            if (call.TakeHeldEvent() is { } held)
            {
                // A send whose reply came but was not read (cancelled meanwhile) may well have been accepted.
                var (outcome, level) = exception is OperationCanceledException && call.Safety != RetrySafety.Repeatable
                    ? ("unknown", LogLevel.Warning)
                    : Classify(exception, exception is OperationCanceledException);
                WriteFailed(held.Logger, call, outcome, level, held.StatusCode, held.ElapsedMilliseconds, exception);
            }
        }

        private static (string Outcome, LogLevel Level) Classify(Exception exception, bool cancelled) => exception switch
        {
            GatewayRejectedException => ("rejected", LogLevel.Information),
            GatewayUnavailableException => ("unavailable", LogLevel.Warning),
            GatewayOutcomeUnknownException => ("unknown", LogLevel.Warning),
            RequestValidationException => ("invalid", LogLevel.Warning),
            OperationCanceledException when cancelled => ("cancelled", LogLevel.Information),
            _ => ("failed", LogLevel.Warning),
        };

        private static void WriteFailed(ILogger logger, GatewayCall call, string outcome, LogLevel level, int statusCode, double elapsedMilliseconds, Exception exception)
        {
            if (logger.IsEnabled(level))
            {
                var reason = (exception as GatewayException)?.Summary ?? SecretRedactor.Redact(exception.GetType().Name + ": " + exception.Message);
                GatewayLog.CallFailed(logger, level, call.Gateway, call.Operation.Name, outcome, statusCode, call.Attempts, call.Details?.Recipients ?? 0,
                    FormatClientIds(call.Details?.ClientIds), FormatIds(call.Details?.GatewayIds), elapsedMilliseconds, reason);
            }
        }

        /// <summary>The client ids, comma-separated: at most <see cref="MaxIds"/>, then "+N more"; empty when there are none.</summary>
        internal static string FormatClientIds(IEnumerable<long?>? clientIds) =>
            FormatIds(clientIds?.Where(id => id.HasValue).Select(id => id!.Value.ToString(CultureInfo.InvariantCulture)));

        /// <summary>The ids, comma-separated: at most <see cref="MaxIds"/>, then "+N more"; empty when there are none.</summary>
        internal static string FormatIds(IEnumerable<string>? ids)
        {
            var listed = new List<string>(MaxIds);
            var more = 0;
            foreach (var id in ids ?? Enumerable.Empty<string>())
            {
                if (listed.Count < MaxIds)
                {
                    listed.Add(id);
                }
                else
                {
                    more++;
                }
            }

            var text = string.Join(",", listed);
            return more == 0 ? text : text + " +" + more.ToString(CultureInfo.InvariantCulture) + " more";
        }

        private static double Elapsed(long started) => (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;

        /// <summary>The HTTP facts of a 2xx reply, held on its <see cref="GatewayCall"/> until the reply is read.</summary>
        internal sealed class HeldEvent(ILogger logger, int statusCode, double elapsedMilliseconds)
        {
            public ILogger Logger { get; } = logger;

            public int StatusCode { get; } = statusCode;

            public double ElapsedMilliseconds { get; } = elapsedMilliseconds;
        }
    }
    /// <summary>The SDK's log events (see <see cref="GatewayTelemetryHandler"/> for when each is written and at which level).</summary>
    internal static partial class GatewayLog
    {
        [LoggerMessage(EventId = 1, EventName = "GatewayCallCompleted",
            Message = "{Gateway} {Operation} {Outcome}: HTTP {StatusCode} after {Attempts} attempt(s) in {ElapsedMilliseconds:0.0} ms; {RecipientCount} recipient(s), client ids [{ClientIds}], gateway ids [{GatewayIds}], gateway error code [{GatewayErrorCode}]")]
        public static partial void CallCompleted(ILogger logger, LogLevel level, string gateway, string operation, string outcome, int statusCode, int attempts, int recipientCount, string clientIds, string gatewayIds, string gatewayErrorCode, double elapsedMilliseconds);

        [LoggerMessage(EventId = 2, EventName = "GatewayCallFailed",
            Message = "{Gateway} {Operation} {Outcome}: HTTP {StatusCode} after {Attempts} attempt(s) in {ElapsedMilliseconds:0.0} ms; {RecipientCount} recipient(s), client ids [{ClientIds}], gateway ids [{GatewayIds}]: {Reason}")]
        public static partial void CallFailed(ILogger logger, LogLevel level, string gateway, string operation, string outcome, int statusCode, int attempts, int recipientCount, string clientIds, string gatewayIds, double elapsedMilliseconds, string reason);

        [LoggerMessage(EventId = 3, EventName = "GatewayCallRetrying", Level = LogLevel.Debug,
            Message = "{Gateway} {Operation} attempt {Attempt} failed ({Reason}); retrying in {RetryDelayMilliseconds:0} ms")]
        public static partial void Retrying(ILogger logger, string gateway, string operation, int attempt, string reason, double retryDelayMilliseconds);
    }
}
