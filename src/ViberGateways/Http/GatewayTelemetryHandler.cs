using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ViberGateways.Http
{
    /// <summary>
    /// One structured log event and one <see cref="Activity"/> per gateway call: gateway, operation, recipient count,
    /// outcome (HTTP status or failure), attempts and duration. Never message bodies, replies (they may echo phone
    /// numbers and texts), URLs with credentials, or keys: failure texts go through <see cref="SecretRedactor"/>.
    /// </summary>
    internal sealed class GatewayTelemetryHandler : DelegatingHandler
    {
        private static readonly ActivitySource ActivitySource = new(GatewayTelemetry.ActivitySourceName);

        private static readonly Action<ILogger, string, string, int, int, int, double, Exception?> Completed = LoggerMessage.Define<string, string, int, int, int, double>(
            LogLevel.Information, new EventId(1, "GatewayCallCompleted"),
            "{Gateway} {Operation} for {RecipientCount} recipient(s): HTTP {StatusCode} after {Attempts} attempt(s) in {ElapsedMilliseconds:0.0} ms");

        private static readonly Action<ILogger, string, string, int, string, double, string, Exception?> Failed = LoggerMessage.Define<string, string, int, string, double, string>(
            LogLevel.Warning, new EventId(2, "GatewayCallFailed"),
            "{Gateway} {Operation} for {RecipientCount} recipient(s) failed: {Outcome} in {ElapsedMilliseconds:0.0} ms: {Reason}");

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
                Completed(_logger, gateway, operation, recipients, status, call.Attempts, Elapsed(started), null);
                return response;
            }
            catch (Exception exception)
            {
                var outcome = exception switch
                {
                    GatewayUnavailableException => "unavailable",
                    GatewayOutcomeUnknownException => "outcome unknown",
                    RequestValidationException => "invalid request",
                    OperationCanceledException when cancellationToken.IsCancellationRequested => "cancelled",
                    _ => exception.GetType().Name,
                };
                activity?.SetStatus(ActivityStatusCode.Error, outcome);
                var reason = exception is GatewayException gatewayFailure ? gatewayFailure.Summary : SecretRedactor.Redact(exception.Message);
                Failed(_logger, gateway, operation, recipients, outcome, Elapsed(started), reason, null);
                throw;
            }
        }

        private static double Elapsed(long started) => (Stopwatch.GetTimestamp() - started) * 1000.0 / Stopwatch.Frequency;
    }
}
