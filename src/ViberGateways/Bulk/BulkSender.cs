using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace ViberGateways.Bulk
{
    /// <summary>One recipient read from a bulk input: where it was, how it was given, and what its transport made of it.</summary>
    internal readonly struct BulkEntry<TItem>(long index, string recipient, TItem item)
    {
        public long Index { get; } = index;

        public string Recipient { get; } = recipient;

        public TItem Item { get; } = item;

        /// <summary>This recipient's result; a gateway's failure gives its error code.</summary>
        public SendResult Result(Gateway gateway, SendOutcome outcome, int request, string? error = null, Exception? failure = null, MessageReference? reference = null) =>
            new SendResult(gateway, Recipient, outcome)
            {
                Index = Index, Request = request, Error = error, ErrorCode = (failure as GatewayException)?.GatewayErrorCode, Failure = failure, Reference = reference,
            };
    }

    /// <summary>
    /// Sends one request: a result per entry, or a <see cref="GatewayException"/> when the request failed as a whole.
    /// Gets the request's number (for results) and the token that cancels it.
    /// </summary>
    internal delegate Task<IReadOnlyList<SendResult>> BulkRequest<TItem>(IReadOnlyList<BulkEntry<TItem>> entries, int request, CancellationToken cancellationToken);

    /// <summary>What a gateway contributes to a bulk send: how it checks an input item and sends a request's worth of them.</summary>
    internal sealed class BulkPlan<TInput, TItem>(Gateway gateway, int defaultPerRequest, int maxPerRequest, Func<TInput, long, BulkEntry<TItem>> prepare,
        Func<TInput, string> recipientOf, BulkRequest<TItem> send)
    {
        public Gateway Gateway { get; } = gateway;

        /// <summary>The gateway's name in failure texts.</summary>
        public string Name => Gateway switch { Gateway.AlphaSms => "AlphaSMS", Gateway.SmsBy => "SMS.by", _ => "LiveAll" };

        public int DefaultPerRequest { get; } = defaultPerRequest;

        /// <summary>What one request can carry at most (1 for APIs that take one message per request).</summary>
        public int MaxPerRequest { get; } = maxPerRequest;

        /// <summary>Checks an input item; throws a <see cref="RequestValidationException"/> naming the field (the item is not sent).</summary>
        public Func<TInput, long, BulkEntry<TItem>> Prepare { get; } = prepare;

        /// <summary>The recipient of an item that failed its check, for its result ("" for a null item).</summary>
        public Func<TInput, string> RecipientOf { get; } = recipientOf;

        public BulkRequest<TItem> Send { get; } = send;

        /// <summary>
        /// Whether one refused request ends the send. True when every request carries the same content or the refusal
        /// can only concern the whole account (one message to many, AlphaSMS); otherwise three refusals in a row do.
        /// </summary>
        public bool StopOnFirstRefusal { get; set; } = true;

        /// <summary>The reference an entry's result keeps when its request failed as a whole (the client id assigned when it was checked).</summary>
        public Func<BulkEntry<TItem>, MessageReference?>? ReferenceOf { get; set; }

        /// <summary>
        /// Whether the request being filled goes out after this input item (valid or not), however few it carries: a
        /// gateway that sends a message's recipients together ends its request at the message's last recipient, so no
        /// request mixes two messages. Unset, requests are filled to their size.
        /// </summary>
        public Func<TInput, bool>? EndsRequest { get; set; }

        /// <summary>
        /// Whether this input item is the last recipient of its message. A stopped or cancelled send reads on to it, so
        /// a message is read whole or not at all and <see cref="BulkSendCanceledException.NextIndex"/> falls between
        /// messages. Unset, every item is a message of its own.
        /// </summary>
        public Func<TInput, bool>? EndsMessage { get; set; }

        /// <summary>
        /// The message an entry belongs to, where one message's recipients may take several requests: the refusals of
        /// one message's requests count once towards the refusals in a row that stop the send.
        /// </summary>
        public Func<TItem, object>? MessageOf { get; set; }
    }

    /// <summary>
    /// Runs a bulk send: reads the input lazily, checks each item, groups items into requests, sends a bounded number
    /// at once (paced by an optional token bucket and an optional caller's rate limiter), and streams one result per recipient as requests complete. Bounded
    /// channels hold at most about three requests' worth of recipients per concurrent request, however long the input,
    /// and a caller who stops reading results stops the input being read.
    /// </summary>
    internal static class BulkSender
    {
        public const int MaxConcurrentRequestsLimit = 64;
        public const int MaxRecipientsPerRequestLimit = 10_000;

        /// <summary>Checks the options (at call time, before anything is read or sent) and returns the result stream.</summary>
        public static IAsyncEnumerable<SendResult> Run<TInput, TItem>(IAsyncEnumerable<TInput> input, BulkSendOptions? options, BulkPlan<TInput, TItem> plan, CancellationToken cancellationToken)
        {
            options ??= new BulkSendOptions();
            var errors = new ValidationErrors();
            CheckOptions(options, errors);
            errors.ThrowIfAny();
            return RunAsync(input, options, plan, cancellationToken);
        }

        /// <summary>
        /// The check of a one-to-many bulk send's message: what <paramref name="check"/> returns, or, when the message
        /// is invalid, its violations and those of the options together (<c>message.…</c> first, then <c>options.…</c>).
        /// </summary>
        /// <exception cref="RequestValidationException">The message is invalid (and perhaps the options too); nothing is read or sent.</exception>
        public static T CheckMessage<T>(Func<T> check, BulkSendOptions? options)
        {
            try
            {
                return check();
            }
            catch (RequestValidationException invalid)
            {
                var errors = new ValidationErrors();
                errors.AddRange(invalid.Violations);
                CheckOptions(options ?? new BulkSendOptions(), errors);
                errors.ThrowIfAny();
                throw;
            }
        }

        private static void CheckOptions(BulkSendOptions options, ValidationErrors errors)
        {
            Check(options.MaxRecipientsPerRequest is < 1 or > MaxRecipientsPerRequestLimit, "MaxRecipientsPerRequest", "range",
                $"must be between 1 and {MaxRecipientsPerRequestLimit}, not {options.MaxRecipientsPerRequest}");
            Check(options.MaxConcurrentRequests is < 1 or > MaxConcurrentRequestsLimit, "MaxConcurrentRequests", "range",
                $"must be between 1 and {MaxConcurrentRequestsLimit}, not {options.MaxConcurrentRequests}");
            Check(options.MaxMessagesPerSecond is { } rate && (double.IsNaN(rate) || double.IsInfinity(rate) || rate <= 0), "MaxMessagesPerSecond", "range",
                $"must be a positive number, not {options.MaxMessagesPerSecond}");
            Check(options.RateLimiterRetryDelay <= TimeSpan.Zero, "RateLimiterRetryDelay", "range", $"must be more than zero, not {options.RateLimiterRetryDelay}");
            Check(options.TimeProvider is null, "TimeProvider", "required", "must be set (TimeProvider.System unless a test sets a fake one)");

            void Check(bool broken, string option, string rule, string message)
            {
                if (broken)
                {
                    errors.Add("options." + option, rule, message);
                }
            }
        }

        private static async IAsyncEnumerable<SendResult> RunAsync<TInput, TItem>(IAsyncEnumerable<TInput> input, BulkSendOptions options, BulkPlan<TInput, TItem> plan,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var run = new BulkRun<TInput, TItem>(input, options, plan, cancellationToken);
            try
            {
                run.Start();
                await foreach (var results in run.Results.ReadAllAsync().ConfigureAwait(false))
                {
                    foreach (var result in results)
                    {
                        yield return result;
                    }
                }

                run.ThrowIfIncomplete();
            }
            finally
            {
                await run.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>The state of one bulk send: the reader of the input, the senders, the result channel, the tallies.</summary>
    internal sealed class BulkRun<TInput, TItem>(IAsyncEnumerable<TInput> input, BulkSendOptions options, BulkPlan<TInput, TItem> plan, CancellationToken callerToken)
        : IAsyncDisposable
    {
        private const int RefusalsInARowThatStop = 3;

        private readonly CancellationTokenSource _cancel = CancellationTokenSource.CreateLinkedTokenSource(callerToken);
        private readonly Channel<List<BulkEntry<TItem>>> _requests =
            Channel.CreateBounded<List<BulkEntry<TItem>>>(new BoundedChannelOptions(options.MaxConcurrentRequests) { SingleWriter = true });
        private readonly Channel<IReadOnlyList<SendResult>> _results =
            Channel.CreateBounded<IReadOnlyList<SendResult>>(new BoundedChannelOptions(options.MaxConcurrentRequests + 1) { SingleReader = true });
        private readonly int _perRequest = PerRequest(options, plan);
        private readonly BulkPace? _pace = options.MaxMessagesPerSecond is { } rate ? new BulkPace(rate, PerRequest(options, plan), options.TimeProvider) : null;
        private readonly RateLimiterPermits? _permits =
            options.RateLimiter is { } limiter ? new RateLimiterPermits(limiter, options.TimeProvider, options.RateLimiterRetryDelay) : null;
        private long _started;
        private readonly object _progressGate = new object();
        private Task _work = Task.CompletedTask;
        private long _read;
        private readonly long[] _outcomes = new long[4];
        private int _requestsSent, _refusalsInARow;

        private object? _lastRefusedMessage;
        private GatewayException? _stoppedBy;
        private Exception? _inputFailure;
        private Exception? _limiterFailure;

        /// <summary>
        /// A request never carries more than a tenth of a second's allowance, so no second ever sees more than the rate
        /// and a tenth: the bucket starts full, and holds one request's worth.
        /// </summary>
        private static int PerRequest(BulkSendOptions options, BulkPlan<TInput, TItem> plan)
        {
            var perRequest = Math.Min(options.MaxRecipientsPerRequest ?? plan.DefaultPerRequest, plan.MaxPerRequest);
            return options.MaxMessagesPerSecond is { } rate ? Math.Max(1, Math.Min(perRequest, (int)Math.Min(rate / 10, int.MaxValue))) : perRequest;
        }

        public ChannelReader<IReadOnlyList<SendResult>> Results => _results.Reader;

        public void Start()
        {
            _started = options.TimeProvider.GetTimestamp();
            _work = CompleteWhenDoneAsync(Enumerable.Range(0, options.MaxConcurrentRequests).Select(_ => Task.Run(SendRequestsAsync)).Prepend(Task.Run(ReadInputAsync)));
        }

        /// <summary>After the last result: the stream ends with the reason the send did not finish, if it did not.</summary>
        public void ThrowIfIncomplete()
        {
            var progress = Snapshot();
            options.Progress?.Report(progress);
            if (callerToken.IsCancellationRequested)
            {
                throw new BulkSendCanceledException(progress, callerToken);
            }

            if (Volatile.Read(ref _stoppedBy) is { } cause)
            {
                throw new BulkSendStoppedException(progress, cause);
            }

            if ((Volatile.Read(ref _limiterFailure) ?? _inputFailure) is { } failure)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }

        /// <summary>Also runs when the caller stops reading early: nothing keeps sending in the background.</summary>
        public async ValueTask DisposeAsync()
        {
            _cancel.Cancel();
            while (!_work.IsCompleted)
            {
                // Keep draining so no sender waits on a full channel nobody reads any more.
                while (_results.Reader.TryRead(out _))
                {
                }

                await Task.WhenAny(_work, _results.Reader.WaitToReadAsync().AsTask()).ConfigureAwait(false);
            }

            _cancel.Dispose();
        }

        private BulkProgress Snapshot() => new BulkProgress(Interlocked.Read(ref _read), Tally(SendOutcome.Accepted), Tally(SendOutcome.Rejected),
            Tally(SendOutcome.Unknown), Tally(SendOutcome.NotSent), Volatile.Read(ref _requestsSent), options.TimeProvider.GetElapsedTime(_started));

        private long Tally(SendOutcome outcome) => Interlocked.Read(ref _outcomes[(int)outcome]);

        private async Task CompleteWhenDoneAsync(IEnumerable<Task> workers)
        {
            try
            {
                await Task.WhenAll(workers).ConfigureAwait(false);
            }
            finally
            {
                _results.Writer.TryComplete();
            }
        }

        private async Task ReadInputAsync()
        {
            var batch = new List<BulkEntry<TItem>>(_perRequest);
            try
            {
                long index = 0;
                await foreach (var item in input.WithCancellation(_cancel.Token).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref _read);
                    var valid = true;
                    try
                    {
                        batch.Add(plan.Prepare(item, index));
                    }
                    catch (ArgumentException invalid)
                    {
                        // The item is not sent, and still gets its result: nothing read is ever dropped.
                        valid = false;
                        await PublishAsync(new[] { Invalid(index, item, invalid) }).ConfigureAwait(false);
                    }

                    index++;
                    if (batch.Count > 0 && (batch.Count == _perRequest || plan.EndsRequest?.Invoke(item) == true))
                    {
                        await _requests.Writer.WriteAsync(batch).ConfigureAwait(false);
                        batch = new List<BulkEntry<TItem>>(_perRequest);
                    }

                    if (NotSendingReason() is not null && (plan.EndsMessage is { } endsMessage ? endsMessage(item) : valid))
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (_cancel.IsCancellationRequested)
            {
                // Cancelled while waiting for the input: what was read still gets its results.
            }
            catch (Exception failure)
            {
                // The input itself failed: what was read is still sent, then the stream ends with this exception.
                _inputFailure = failure;
            }
            finally
            {
                if (batch.Count > 0)
                {
                    await _requests.Writer.WriteAsync(batch).ConfigureAwait(false);
                }

                _requests.Writer.Complete();
            }
        }

        private SendResult Invalid(long index, TInput item, ArgumentException invalid) =>
            new SendResult(plan.Gateway, plan.RecipientOf(item), SendOutcome.Rejected) { Index = index, Error = invalid.Message, ErrorCode = "validation", Failure = invalid };

        private async Task SendRequestsAsync()
        {
            await foreach (var batch in _requests.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                await PublishAsync(await SendAsync(batch).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Sends the batch once its pace allows, in requests the caller's limiter (if any) has granted permits for: the
        /// whole batch, or parts of it when the limiter cannot grant that many at once. The recipients no request
        /// carried still get their results.
        /// </summary>
        private async Task<IReadOnlyList<SendResult>> SendAsync(List<BulkEntry<TItem>> batch)
        {
            if (NotSendingReason() is { } before)
            {
                return NotSent(batch, before);
            }

            if (_pace != null)
            {
                try
                {
                    await _pace.WaitAsync(batch.Count, _cancel.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException cancelled) when (_cancel.IsCancellationRequested)
                {
                    return NotSent(batch, Cancelled(cancelled));
                }
            }

            List<SendResult>? results = null; // only when the limiter splits the batch
            for (var sent = 0; ;)
            {
                var (lease, granted, reason) = await PermitsAsync(batch.Count - sent).ConfigureAwait(false);
                var count = reason is null ? granted : batch.Count - sent;
                var entries = count == batch.Count ? batch : batch.GetRange(sent, count);
                IReadOnlyList<SendResult> done;
                using (lease)
                {
                    done = reason is null ? await SendRequestAsync(entries).ConfigureAwait(false) : NotSent(entries, reason);
                }

                sent += count;
                if (results is null && sent == batch.Count)
                {
                    return done;
                }

                (results ??= new List<SendResult>(batch.Count)).AddRange(done);
                if (sent == batch.Count)
                {
                    return results;
                }
            }
        }

        /// <summary>The caller's limiter's lease for up to <paramref name="messages"/> messages (none without a limiter), or why no request may go now.</summary>
        private async Task<(RateLimitLease? Lease, int Granted, Exception? Reason)> PermitsAsync(int messages)
        {
            // A send already stopped takes no more permits: with a shared limiter they are the whole account's.
            if (NotSendingReason() is { } stopped)
            {
                return (null, 0, stopped);
            }

            if (_permits is null)
            {
                return (null, messages, null);
            }

            RateLimitLease lease;
            int granted;
            try
            {
                (lease, granted) = await _permits.AcquireAsync(messages, _cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException cancelled) when (_cancel.IsCancellationRequested)
            {
                return (null, 0, Cancelled(cancelled));
            }
            catch (Exception failure)
            {
                // Without its permits no request may go: pacing is no longer known to hold.
                Interlocked.CompareExchange(ref _limiterFailure, failure, null);
                return (null, 0, failure);
            }

            return NotSendingReason() is { } reason ? (lease, 0, reason) : (lease, granted, null);
        }

        /// <summary>Whether <paramref name="failure"/> refuses the message the last refused request carried (one message's content is one refusal).</summary>
        private bool RefusesTheSameMessageAgain(GatewayException failure, List<BulkEntry<TItem>> batch)
        {
            if (failure is not GatewayRejectedException || plan.MessageOf is not { } messageOf)
            {
                return false;
            }

            var message = messageOf(batch[0].Item);
            return ReferenceEquals(Interlocked.Exchange(ref _lastRefusedMessage, message), message);
        }

        private async Task<IReadOnlyList<SendResult>> SendRequestAsync(List<BulkEntry<TItem>> batch)
        {
            var request = Interlocked.Increment(ref _requestsSent);
            try
            {
                var results = await plan.Send(batch, request, _cancel.Token).ConfigureAwait(false);
                if (results.Count > 0 && results.All(static result => result.Outcome == SendOutcome.NotSent && result.Failure is GatewayUnavailableException))
                {
                    Stop((GatewayException)results[0].Failure!);
                }
                else
                {
                    Volatile.Write(ref _refusalsInARow, 0);
                }

                return results;
            }
            catch (OperationCanceledException cancelled) when (_cancel.IsCancellationRequested)
            {
                return Outcome(batch, request, SendOutcome.Unknown, "the send was cancelled while this request was in flight: it may have reached the gateway", cancelled);
            }
            catch (GatewayException failure)
            {
                if (failure is GatewayUnavailableException || (failure is GatewayRejectedException && plan.StopOnFirstRefusal)
                    || (!RefusesTheSameMessageAgain(failure, batch) && Interlocked.Increment(ref _refusalsInARow) >= RefusalsInARowThatStop))
                {
                    Stop(failure);
                }

                return Outcome(batch, request, failure.Outcome, failure.Message, failure);
            }
            catch (Exception unexpected) when (unexpected is not OperationCanceledException)
            {
                // Not a documented failure (a raw HttpClient without the SDK's handlers, a bug): the request may
                // have gone out, and the next one would most likely fail alike.
                var failure = new GatewayOutcomeUnknownException($"The {plan.Name} request failed unexpectedly: {unexpected.Message}", 0, unexpected);
                Stop(failure);
                return Outcome(batch, request, SendOutcome.Unknown, failure.Message, failure);
            }
        }

        private void Stop(GatewayException cause) => Interlocked.CompareExchange(ref _stoppedBy, cause, null);

        private Exception? NotSendingReason() =>
            _cancel.IsCancellationRequested ? Cancelled(null) : (Exception?)Volatile.Read(ref _stoppedBy) ?? Volatile.Read(ref _limiterFailure);

        private OperationCanceledException Cancelled(Exception? inner) => new("the send was cancelled before this request went out", inner, callerToken);

        /// <summary>
        /// A request that never went out: cancelled, or the send stopped (the gateway's failure or the rate limiter's
        /// that stopped it is the reason).
        /// </summary>
        private IReadOnlyList<SendResult> NotSent(List<BulkEntry<TItem>> batch, Exception reason) =>
            Outcome(batch, 0, SendOutcome.NotSent, reason switch
            {
                GatewayException => "the send stopped before this request went out: " + reason.Message,
                _ when ReferenceEquals(reason, Volatile.Read(ref _limiterFailure)) => "the send stopped before this request went out: the rate limiter failed: " + SecretRedactor.Redact(reason.Message),
                _ => reason.Message,
            }, reason);

        private IReadOnlyList<SendResult> Outcome(List<BulkEntry<TItem>> batch, int request, SendOutcome outcome, string error, Exception failure) =>
            batch.ConvertAll(entry => entry.Result(plan.Gateway, outcome, request, error, failure, plan.ReferenceOf?.Invoke(entry)));

        private async Task PublishAsync(IReadOnlyList<SendResult> results)
        {
            foreach (var result in results)
            {
                Interlocked.Increment(ref _outcomes[(int)result.Outcome]);
            }

            await _results.Writer.WriteAsync(results).ConfigureAwait(false);
            if (options.Progress is { } progress)
            {
                // Counters only grow, so snapshots taken and reported under one lock never go backwards.
                lock (_progressGate)
                {
                    progress.Report(Snapshot());
                }
            }
        }
    }
}
