using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ViberGateways.Http
{
    /// <summary>
    /// The SDK's retry and timeout policy as a <see cref="DelegatingHandler"/>, built on Polly: a total timeout, retries
    /// with jittered exponential backoff (honouring <c>Retry-After</c> up to a cap), and a per-attempt timeout. What is
    /// retried depends on the request's <see cref="RetrySafety"/>: HTTP 429 and 503 and failures to connect always
    /// (the gateway processed nothing); a timeout, a dropped connection or a cut reply only for queries and sends the
    /// spec declares de-duplicated (only AlphaSMS XML messages with their id: 208 ERR_DUPLICATE, reference
    /// gateways.md line 51), since the request may have reached the gateway. What cannot be retried ends in a typed
    /// <see cref="GatewayUnavailableException"/> (nothing was processed) or <see cref="GatewayOutcomeUnknownException"/>
    /// (it may have been). Any other status that is not a success is classified here too: a 4xx other than 408 and
    /// 429 is a refusal (<see cref="GatewayRejectedException"/>), anything else unavailable for a query and of unknown
    /// outcome for a send. Do not add another retrying handler on top: it would repeat sends this one will not.
    /// Each retry writes a Debug event 3 <c>GatewayCallRetrying</c>: <c>Gateway</c>, <c>Operation</c>, <c>Attempt</c>
    /// (the one that failed, from 1), <c>Reason</c> (<c>HTTP 503</c>, <c>timeout</c> or the exception's type, never its
    /// text) and <c>RetryDelayMilliseconds</c> (the wait before the next attempt).
    /// Not <c>Microsoft.Extensions.Http.Resilience</c>'s <c>ResilienceHandler</c>: it would run these same rules as
    /// delegates (its own retry classification knows no per-request safety, its <c>Retry-After</c> reading has no cap
    /// and uses the system clock), while its telemetry dependency breaks consumers' netstandard2.0 builds (CS0757).
    /// </summary>
    internal sealed class GatewayResilienceHandler : DelegatingHandler
    {
        private static readonly ResiliencePropertyKey<GatewayCall> CallKey = new("ViberGateways.GatewayCall");

        // The pipeline is shared by the clients of one policy; each call brings its client's logger.
        private static readonly ResiliencePropertyKey<ILogger> LoggerKey = new("ViberGateways.Logger");

        // One Polly pipeline per policy: clients made per request (dependency injection) share their options' one.
        private static readonly ConditionalWeakTable<GatewayResilienceOptions, ResiliencePipeline<HttpResponseMessage>> Pipelines = new();

        private readonly GatewayResilienceOptions _options;
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
        private readonly ILogger _logger;

        /// <summary>Creates the handler.</summary>
        public GatewayResilienceHandler(GatewayResilienceOptions options, ILogger logger)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _logger = logger ?? throw new ArgumentNullException(nameof(logger));
            _pipeline = Pipelines.GetValue(options, Build);
        }

        private static ResiliencePipeline<HttpResponseMessage> Build(GatewayResilienceOptions options)
        {
            var clock = options.TimeProvider ?? throw new ArgumentException("Resilience.TimeProvider must be set (TimeProvider.System unless a test sets a fake one)", nameof(options));
            var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = clock }.AddTimeout(options.TotalTimeout);
            if (options.MaxRetryAttempts > 0)
            {
                pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.BaseDelay,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context, options)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result is { } response ? RetryAfter(response, clock) : null),
                    OnRetry = args =>
                    {
                        var logger = args.Context.Properties.GetValue(LoggerKey, null!);
                        if (logger.IsEnabled(LogLevel.Debug))
                        {
                            var call = args.Context.Properties.GetValue(CallKey, null!);
                            GatewayLog.Retrying(logger, call.Gateway, call.Operation.Name, args.AttemptNumber + 1, RetryReason(args.Outcome), args.RetryDelay.TotalMilliseconds);
                        }

                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                });
            }

            return pipeline.AddTimeout(options.AttemptTimeout).Build();
        }

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = GatewayCall.Of(request);

            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(CallKey, call);
            context.Properties.Set(LoggerKey, _logger);
            HttpResponseMessage response;
            try
            {
                response = await _pipeline.ExecuteAsync(
                    static (attemptContext, state) =>
                    {
                        state.Call.CountAttempt();
                        return new ValueTask<HttpResponseMessage>(state.Handler.SendOnceAsync(state.Request, attemptContext.CancellationToken));
                    },
                    context,
                    (Handler: this, Request: request, Call: call)).ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw Translate(failure, call);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            if ((int)response.StatusCode is >= 200 and <= 299)
            {
                return response;
            }

            using (response)
            {
                throw await ClassifyAsync(response, call, _options.TimeProvider).ConfigureAwait(false);
            }
        }

        private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);

        /// <summary>The typed failure an unsuccessful HTTP status means for this call.</summary>
        private static async Task<GatewayException> ClassifyAsync(HttpResponseMessage response, GatewayCall call, TimeProvider clock)
        {
            var status = (int)response.StatusCode;
            var body = response.Content is null ? null : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            var what = $"{call.Gateway} {call.Operation.Name}";
            if (IsNotProcessed(response.StatusCode))
            {
                return new GatewayUnavailableException(
                    $"{what}: the gateway answered HTTP {status} to {call.Attempts} attempt(s) and processed nothing; try again later", status, RetryAfter(response, clock), body, null);
            }

            if (status is >= 400 and < 500 and not 408)
            {
                return new GatewayRejectedException($"{what}: the gateway refused the request with HTTP {status}", status, null, null, body, null);
            }

            return call.Safety == RetrySafety.Repeatable
                ? new GatewayUnavailableException($"{what}: the gateway answered HTTP {status} to {call.Attempts} attempt(s)", status, RetryAfter(response, clock), body, null)
                : new GatewayOutcomeUnknownException($"{what}: the gateway answered HTTP {status}; the request may have been accepted", status, body, null);
        }

        private static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context, GatewayResilienceOptions options)
        {
            if (context.CancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var safety = context.Properties.GetValue(CallKey, null!).Safety;
            if (outcome.Result is { } response)
            {
                if (IsNotProcessed(response.StatusCode))
                {
                    return RetryAfter(response, options.TimeProvider) is not { } wait || wait <= options.MaxRetryAfter;
                }

                // A server error may come after the request was processed: only queries are repeated.
                var status = (int)response.StatusCode;
                return safety == RetrySafety.Repeatable && status is 500 or 502 or 504;
            }

            return outcome.Exception switch
            {
                null => false,
                var failure when NeverReachedGateway(failure) => true,
                HttpRequestException or IOException or TimeoutRejectedException => safety != RetrySafety.NeverAfterSent,
                _ => false,
            };
        }

        /// <summary>Why an attempt is retried, for the log: its HTTP status or the kind of failure, never a text that could quote the request.</summary>
        private static string RetryReason(Outcome<HttpResponseMessage> outcome) => outcome switch
        {
            { Result: { } response } => "HTTP " + ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
            { Exception: TimeoutRejectedException } => "timeout",
            { Exception: { } failure } when NeverReachedGateway(failure) => "connection failed",
            { Exception: { } failure } => failure.GetType().Name,
            _ => "unknown",
        };

        private static bool IsNotProcessed(HttpStatusCode status) => (int)status is 429 or 503;

        /// <summary>The delay a reply asks for (<c>Retry-After</c> as seconds, or a date read on the policy's clock), if any.</summary>
        private static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider clock) =>
            response.Headers.RetryAfter is not { } header ? null
            : header.Delta ?? (header.Date is { } date ? TimeSpan.FromTicks(Math.Max((date - clock.GetUtcNow()).Ticks, 0)) : (TimeSpan?)null);

        /// <summary>Whether the connection was never made (refused, or the host not found): the gateway saw nothing.</summary>
        private static bool NeverReachedGateway(Exception exception)
        {
            for (var current = exception; current != null; current = current.InnerException)
            {
                if (current is SocketException socket)
                {
                    return socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable
                        or SocketError.NetworkUnreachable or SocketError.TryAgain or SocketError.NoData or SocketError.AddressNotAvailable;
                }
            }

            return false;
        }

        private Exception Translate(Exception failure, GatewayCall call)
        {
            if (failure is GatewayException gatewayFailure)
            {
                return gatewayFailure;
            }

            var what = failure is TimeoutRejectedException
                ? $"no reply within {(call.Attempts > 1 ? "the time allowed" : _options.AttemptTimeout.TotalSeconds + " s")}"
                : SecretRedactor.Redact(failure.Message);
            if (NeverReachedGateway(failure))
            {
                return new GatewayUnavailableException($"Could not reach the gateway ({what}); nothing was sent", 0, null, failure);
            }

            return call.Safety == RetrySafety.Repeatable
                ? new GatewayUnavailableException($"The gateway did not answer ({what}) after {call.Attempts} attempt(s)", 0, null, failure)
                : new GatewayOutcomeUnknownException(
                    $"The request may have reached the gateway, but no reply was read ({what}); " +
                    (call.Safety == RetrySafety.Deduplicated ? $"{call.Attempts} attempt(s) with the same client ids" : "it was not sent again, so nothing is sent twice"),
                    0, failure);
        }
    }
}
