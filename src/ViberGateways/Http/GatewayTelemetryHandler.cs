using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ViberGateways.Http
{
    /// <summary>
    /// One structured log event and one <see cref="Activity"/> per gateway call, with the fields <c>Gateway</c>,
    /// <c>Operation</c>, <c>Outcome</c>, <c>StatusCode</c> (0 without a reply), <c>Attempts</c>, <c>RecipientCount</c>,
    /// <c>ClientIds</c> (the request's client ids, at most <see cref="MaxClientIds"/> then "+N more"; empty when it
    /// carries none), <c>ElapsedMilliseconds</c> and, for a failure, <c>Reason</c> (<see cref="GatewayException.Summary"/>
    /// or a redacted text). Event 1 <c>GatewayCallCompleted</c>, outcome <c>replied</c> (a 2xx reply; what it says of
    /// each message is the result's outcome): Information for a request that may send (its retry safety is not
    /// repeatable), Debug for a query. Event 2 <c>GatewayCallFailed</c>: <c>rejected</c> and <c>cancelled</c> at
    /// Information; <c>unavailable</c>, <c>unknown</c> and any other failure at Warning. Each retry is a Debug event 3
    /// of <see cref="GatewayResilienceHandler"/>. Never message bodies, phone numbers, texts, replies (they may echo
    /// both), URLs with credentials, or keys.
    /// </summary>
    internal sealed class GatewayTelemetryHandler : DelegatingHandler
    {
        /// <summary>How many client ids one event lists; the rest are counted.</summary>
        internal const int MaxClientIds = 10;

        private static readonly ActivitySource ActivitySource = new(GatewayTelemetry.ActivitySourceName);

        private readonly ILogger _logger;

        public GatewayTelemetryHandler(ILogger logger)
        {
            _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        }

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
                var level = call.Safety == RetrySafety.Repeatable ? LogLevel.Debug : LogLevel.Information;
                if (_logger.IsEnabled(level))
                {
                    GatewayLog.CallCompleted(_logger, level, gateway, operation, "replied", status, call.Attempts, recipients, FormatClientIds(call.Details?.ClientIds), Elapsed(started));
                }

                return response;
            }
            catch (Exception exception)
            {
                var (outcome, level) = exception switch
                {
                    GatewayRejectedException => ("rejected", LogLevel.Information),
                    GatewayUnavailableException => ("unavailable", LogLevel.Warning),
                    GatewayOutcomeUnknownException => ("unknown", LogLevel.Warning),
                    RequestValidationException => ("invalid", LogLevel.Warning),
                    OperationCanceledException when cancellationToken.IsCancellationRequested => ("cancelled", LogLevel.Information),
                    _ => ("failed", LogLevel.Warning),
                };
                activity?.SetStatus(ActivityStatusCode.Error, outcome);
                if (_logger.IsEnabled(level))
                {
                    var gatewayFailure = exception as GatewayException;
                    var reason = gatewayFailure?.Summary ?? SecretRedactor.Redact(exception.GetType().Name + ": " + exception.Message);
                    GatewayLog.CallFailed(_logger, level, gateway, operation, outcome, gatewayFailure?.StatusCode ?? 0, call.Attempts, recipients, FormatClientIds(call.Details?.ClientIds), Elapsed(started), reason);
                }

                throw;
            }
        }

        /// <summary>The client ids, comma-separated: at most <see cref="MaxClientIds"/>, then "+N more"; empty when there are none.</summary>
        internal static string FormatClientIds(IEnumerable<long?>? clientIds)
        {
            if (clientIds is null)
            {
                return "";
            }

            var text = new StringBuilder();
            var listed = 0;
            var more = 0;
            foreach (var id in clientIds)
            {
                if (id is not { } value)
                {
                    continue;
                }

                if (listed == MaxClientIds)
                {
                    more++;
                    continue;
                }

                text.Append(listed++ == 0 ? "" : ",").Append(value.ToString(CultureInfo.InvariantCulture));
            }

            return more == 0 ? text.ToString() : text.Append(" +").Append(more.ToString(CultureInfo.InvariantCulture)).Append(" more").ToString();
        }

        private static double Elapsed(long started) => (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;
    }

    /// <summary>The SDK's log events (see <see cref="GatewayTelemetryHandler"/> for when each is written and at which level).</summary>
    internal static partial class GatewayLog
    {
        [LoggerMessage(EventId = 1, EventName = "GatewayCallCompleted",
            Message = "{Gateway} {Operation} {Outcome}: HTTP {StatusCode} after {Attempts} attempt(s) in {ElapsedMilliseconds:0.0} ms; {RecipientCount} recipient(s), client ids [{ClientIds}]")]
        public static partial void CallCompleted(ILogger logger, LogLevel level, string gateway, string operation, string outcome, int statusCode, int attempts, int recipientCount, string clientIds, double elapsedMilliseconds);

        [LoggerMessage(EventId = 2, EventName = "GatewayCallFailed",
            Message = "{Gateway} {Operation} {Outcome}: HTTP {StatusCode} after {Attempts} attempt(s) in {ElapsedMilliseconds:0.0} ms; {RecipientCount} recipient(s), client ids [{ClientIds}]: {Reason}")]
        public static partial void CallFailed(ILogger logger, LogLevel level, string gateway, string operation, string outcome, int statusCode, int attempts, int recipientCount, string clientIds, double elapsedMilliseconds, string reason);

        [LoggerMessage(EventId = 3, EventName = "GatewayCallRetrying", Level = LogLevel.Debug,
            Message = "{Gateway} {Operation} attempt {Attempt} failed ({Reason}); retrying in {RetryDelayMilliseconds:0} ms")]
        public static partial void Retrying(ILogger logger, string gateway, string operation, int attempt, string reason, double retryDelayMilliseconds);
    }
}
