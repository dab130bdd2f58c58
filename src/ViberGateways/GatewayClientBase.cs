using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Newtonsoft.Json;
using ViberGateways.Http;

namespace ViberGateways
{
    /// <summary>
    /// Base of every gateway client: holds the client's options and runs each generated operation's request through
    /// the SDK's pipeline — telemetry, then the retry policy, then the bounded reply guard — in front of the
    /// <see cref="HttpClient"/> the client was given. The pipeline is the same whether the client came from dependency
    /// injection, a factory or <c>new</c>. The <see cref="HttpClient"/> belongs to the caller and is never disposed.
    /// </summary>
    internal abstract class GatewayClientBase<TOptions>
        where TOptions : GatewayOptions
    {
        private HttpMessageInvoker? _pipeline;
        private ILogger _logger = NullLogger.Instance;

        /// <summary>Creates the client base.</summary>
        /// <exception cref="ArgumentException">
        /// The base address is not an absolute http(s) URL of only scheme, host and port: the rule the host's start
        /// applies, applied here too so that a client made with <c>new</c> or a factory cannot send to a doubled path.
        /// </exception>
        protected GatewayClientBase(TOptions options)
        {
            Options = options ?? throw new ArgumentNullException(nameof(options));
            if (GatewayConfiguration.BaseAddressFailure(options) is { } failure)
            {
                throw new ArgumentException(failure, nameof(options));
            }
        }

        /// <summary>The options this client was created with.</summary>
        protected TOptions Options { get; }

        /// <summary>Where the client's log events go (set by the dependency injection registration; none otherwise).</summary>
        internal void UseLogger(ILogger logger)
        {
            _logger = logger ?? throw new ArgumentNullException(nameof(logger));
            _pipeline = null;
        }

        /// <summary>
        /// Generated clients build relative paths without a leading slash. When the <see cref="HttpClient"/> has
        /// no <see cref="HttpClient.BaseAddress"/> (a client created by hand), the options' base address is used.
        /// </summary>
        protected void ApplyBaseAddress(HttpClient client, StringBuilder url)
        {
            _ = client ?? throw new ArgumentNullException(nameof(client));

            _ = url ?? throw new ArgumentNullException(nameof(url));

            if (client.BaseAddress is null)
            {
                url.Insert(0, Options.BaseAddress.AbsoluteUri);
            }
        }

        /// <summary>
        /// Run by every generated operation before it sends (nswag-templates/Client.Class.BeforeSend): refuses a body
        /// that breaks the limits its spec declares, before any network I/O, and attaches the operation's facts to the
        /// request — its retry safety for this body, and the credentials to mask.
        /// </summary>
        /// <exception cref="RequestValidationException">The body breaks a limit; the exception lists every one.</exception>
        private protected void BeforeSend(HttpRequestMessage request, GatewayOperation operation, object? body, params string?[] secretParameters)
        {
            var details = RequestDetails.Current;
            var model = body is string && details?.WrittenFrom is { } writtenFrom ? writtenFrom : body;
            if (model != null && model is not string)
            {
                SpecLimits.ThrowIfBroken(model, "request", listItems: details?.ItemsChecked != true);
            }

            GatewayCall.For(operation, model, details, Options.Credentials(), secretParameters).AttachTo(request);
        }

        /// <summary>
        /// Refuses a request model that breaks the limits its spec declares: for checking every request of a batch
        /// before the first is sent (each generated operation checks its own again before it sends).
        /// </summary>
        /// <exception cref="RequestValidationException">The model breaks a limit; the exception lists every one.</exception>
        private protected static void ValidateBeforeSend(object model) => SpecLimits.ThrowIfBroken(model, "request");

        /// <summary>
        /// Sends a generated operation's request through the client's pipeline (nswag-templates/Client.Class.liquid),
        /// built once for the <see cref="HttpClient"/> it was given: telemetry, then the retry policy, then the reply
        /// guard, then the client itself.
        /// </summary>
        private protected Task<HttpResponseMessage> SendThroughPipelineAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var pipeline = Volatile.Read(ref _pipeline);
            if (pipeline is null)
            {
                var handlers = new GatewayTelemetryHandler(_logger)
                {
                    InnerHandler = new GatewayResilienceHandler(Options.Resilience, _logger)
                    {
                        InnerHandler = new ReplyGuardHandler(client, Options.Resilience.MaxReplyBytes),
                    },
                };
                var created = new HttpMessageInvoker(handlers, disposeHandler: false);
                pipeline = Interlocked.CompareExchange(ref _pipeline, created, null) ?? created;
            }

            return pipeline.SendAsync(request, cancellationToken);
        }

        /// <summary>
        /// Reads a generated operation's reply, already read in full (and bounded) by the pipeline, as <typeparamref name="T"/>
        /// (nswag-templates/Client.Class.ReadObjectResponse), then writes the call's log event with what the reply says
        /// (<see cref="InterpretReply"/>).
        /// </summary>
        private protected async Task<T> ReadReplyAsync<T>(HttpResponseMessage response, JsonSerializer serializer, CancellationToken cancellationToken)
        {
            var reply = await ReadReplyBodyAsync<T>(response, serializer, cancellationToken).ConfigureAwait(false);
            if (reply is not null)
            {
                LogReply(response, reply, static model => model!);
            }

            return reply;
        }

        /// <summary>Deserializes a reply: JSON by default, with the client's shared serializer.</summary>
        private protected virtual Task<T> ReadReplyBodyAsync<T>(HttpResponseMessage response, JsonSerializer serializer, CancellationToken cancellationToken) =>
            GatewayReplies.ReadJsonAsync<T>(response, serializer, cancellationToken);

        /// <summary>
        /// What a read reply (its model; a plain-text reply's text) says of <paramref name="call"/>, for its log event:
        /// the gateway's mapping overrides it.
        /// </summary>
        private protected virtual ReplyOutcome InterpretReply(GatewayCall call, object reply) => ReplyOutcome.Replied;

        /// <summary>
        /// Run by every generated operation as an exception filter around the reading of its reply
        /// (nswag-templates/Client.Class.liquid, SDK: 6.): a reply that cannot be read, or that the reading refuses, is
        /// the call's failure in its log event. Never catches.
        /// </summary>
        private protected static bool ReplyNotRead(HttpResponseMessage response, Exception exception)
        {
            if (GatewayCall.Find(response.RequestMessage) is { } call)
            {
                GatewayTelemetryHandler.ReplyNotRead(call, exception);
            }

            return false;
        }

        /// <summary>
        /// Run by every generated operation once it is done with its reply (nswag-templates/Client.Class.liquid, SDK: 6.):
        /// a reply returned as text is read here for the call's log event (<see cref="InterpretReply"/>).
        /// </summary>
        private protected void ReplyDone(HttpResponseMessage response) => LogReply(response, response,
            static text => GatewayReplies.EncodingOf(text).GetString((text.Content as BufferedReply)?.Body ?? Array.Empty<byte>()));

        /// <summary>
        /// Writes the held log event of the call <paramref name="response"/> answers with what <paramref name="read"/>
        /// makes of it (nothing when it was written already); whatever goes wrong in that reading, which is for the log
        /// alone, must never change the operation's result.
        /// </summary>
        private void LogReply<TState>(HttpResponseMessage response, TState state, Func<TState, object> read)
        {
            if (GatewayCall.Find(response.RequestMessage) is not { AwaitsReplyReading: true } call)
            {
                return;
            }

            ReplyOutcome outcome;
            try
            {
                outcome = InterpretReply(call, read(state));
            }
            catch (Exception)
            {
                outcome = ReplyOutcome.Replied;
            }

            GatewayTelemetryHandler.ReplyRead(call, outcome);
        }
    }

}
