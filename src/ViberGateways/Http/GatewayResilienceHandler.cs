using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace ViberGateways.Http
{
    /// <summary>
    /// The SDK's retry and timeout policy as a <see cref="DelegatingHandler"/>, built on Polly: a total timeout, retries
    /// with jittered exponential backoff (honouring <c>Retry-After</c> up to a cap), and a per-attempt timeout. What is
    /// retried depends on the request's <see cref="RetrySafety"/>: HTTP 429 and 503 and failures to connect always
    /// (the gateway processed nothing); a timeout, a dropped connection or a cut reply only for queries and
    /// de-duplicated sends, since the request may have reached the gateway. What cannot be retried ends in a typed
    /// <see cref="GatewayUnavailableException"/> (nothing was processed) or <see cref="GatewayOutcomeUnknownException"/>
    /// (it may have been). Do not add another retrying handler on top: it would repeat sends this one will not.
    /// </summary>
    public sealed class GatewayResilienceHandler : DelegatingHandler
    {
        private static readonly ResiliencePropertyKey<GatewayCall> CallKey = new("ViberGateways.GatewayCall");

        private readonly GatewayResilienceOptions _options;
        private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;

        /// <summary>Creates the handler.</summary>
        /// <param name="options">The policy.</param>
        public GatewayResilienceHandler(GatewayResilienceOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>().AddTimeout(options.TotalTimeout);
            if (options.MaxRetryAttempts > 0)
            {
                pipeline.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    MaxRetryAttempts = options.MaxRetryAttempts,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.BaseDelay,
                    ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome, args.Context)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(args.Outcome.Result is { } response ? RetryAfter(response) : null),
                    OnRetry = args =>
                    {
                        args.Outcome.Result?.Dispose();
                        return default;
                    },
                });
            }

            _pipeline = pipeline.AddTimeout(options.AttemptTimeout).Build();
        }

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var call = GatewayCall.Of(request) ?? new GatewayCall("gateway", request.Method.Method + " " + request.RequestUri?.AbsolutePath, RetrySafety.NotRepeatable);
            if (request.Content != null)
            {
                // A retry sends the same content again.
                await request.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            }

            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            context.Properties.Set(CallKey, call);
            try
            {
                var outcome = await _pipeline.ExecuteOutcomeAsync(
                    static async (attemptContext, state) =>
                    {
                        state.Call.CountAttempt();
                        try
                        {
                            return Outcome.FromResult(await state.Handler.SendOnceAsync(state.Request, attemptContext.CancellationToken).ConfigureAwait(false));
                        }
                        catch (Exception exception)
                        {
                            return Outcome.FromException<HttpResponseMessage>(exception);
                        }
                    },
                    context,
                    (Handler: this, Request: request, Call: call)).ConfigureAwait(false);

                if (outcome.Exception is { } failure)
                {
                    if (failure is OperationCanceledException && cancellationToken.IsCancellationRequested)
                    {
                        ExceptionDispatchInfo.Capture(failure).Throw();
                    }

                    throw Translate(failure, call);
                }

                var response = outcome.Result!;
                if (IsNotProcessed(response.StatusCode))
                {
                    var status = (int)response.StatusCode;
                    var retryAfter = RetryAfter(response);
                    response.Dispose();
                    throw new GatewayUnavailableException(
                        $"The gateway answered HTTP {status} to {call.Attempts} attempt(s) and processed nothing; try again later", status, retryAfter, null);
                }

                return response;
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }
        }

        private Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request, CancellationToken cancellationToken) => base.SendAsync(request, cancellationToken);

        private bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
        {
            if (context.CancellationToken.IsCancellationRequested)
            {
                return false;
            }

            var safety = context.Properties.GetValue(CallKey, null!)?.Safety ?? RetrySafety.NotRepeatable;
            if (outcome.Result is { } response)
            {
                if (IsNotProcessed(response.StatusCode))
                {
                    return RetryAfter(response) is not { } wait || wait <= _options.MaxRetryAfter;
                }

                // A server error may come after the request was processed: only queries are repeated.
                var status = (int)response.StatusCode;
                return safety == RetrySafety.Idempotent && status is 500 or 502 or 504;
            }

            return outcome.Exception switch
            {
                null => false,
                var failure when NeverReachedGateway(failure) => true,
                HttpRequestException or IOException or TimeoutRejectedException => safety != RetrySafety.NotRepeatable,
                _ => false,
            };
        }

        private static bool IsNotProcessed(HttpStatusCode status) => (int)status is 429 or 503;

        /// <summary>The delay a reply asks for (<c>Retry-After</c> as seconds or a date), if any.</summary>
        private static TimeSpan? RetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta is { } delta)
            {
                return delta;
            }

            return header?.Date is { } date ? Max(date - DateTimeOffset.UtcNow, TimeSpan.Zero) : null;
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

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
            if (failure is GatewayException)
            {
                return failure;
            }

            var what = failure is TimeoutRejectedException
                ? $"no reply within {(call.Attempts > 1 ? "the time allowed" : _options.AttemptTimeout.TotalSeconds + " s")}"
                : SecretRedactor.Redact(failure.Message);
            if (NeverReachedGateway(failure))
            {
                return new GatewayUnavailableException($"Could not reach the gateway ({what}); nothing was sent", 0, null, failure);
            }

            return call.Safety == RetrySafety.Idempotent
                ? new GatewayUnavailableException($"The gateway did not answer ({what}) after {call.Attempts} attempt(s)", 0, null, failure)
                : new GatewayOutcomeUnknownException(
                    $"The request may have reached the gateway, but no reply was read ({what}); " +
                    (call.Safety == RetrySafety.Deduplicated ? $"{call.Attempts} attempt(s) with the same client ids" : "it was not sent again, so nothing is sent twice"),
                    0, failure);
        }
    }
}
