using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways
{
    /// <summary>
    /// Sends through several gateways as one: each recipient goes to the gateway its calling code is routed to
    /// (<see cref="RoutingOptions.Routes"/>), and moves down the failover order only while a gateway certainly
    /// processed nothing — not sent or unavailable, a message it cannot carry, and a refusal if
    /// <see cref="RoutingOptions.FailoverOnRejection"/> is on. A message whose outcome is unknown never moves on, so a
    /// recipient is never sent the message twice. Each result lists every gateway tried and why it moved on.
    /// Registered by <c>services.AddViberGateways(configuration)</c>.
    /// </summary>
    public sealed class ViberRouter
    {
        private readonly Dictionary<Gateway, IViberClient> _clients;

        // A snapshot of the options taken when they were checked: changing the options later changes no router.
        private readonly List<(string Code, IReadOnlyList<Gateway> Gateways)> _routes;
        private readonly IReadOnlyList<Gateway> _failover;
        private readonly bool _failoverOnRejection;
        private readonly bool _failoverWhenUnsupported;
        private readonly Dictionary<Gateway, RateLimiterPermits> _permits;

        /// <summary>Creates a router over gateway clients.</summary>
        /// <param name="clients">One client per gateway (at least one).</param>
        /// <param name="options">Routes and failover; optional (then every gateway in <see cref="Gateway"/> order).</param>
        /// <exception cref="ArgumentException">No client, a null client or two clients for one gateway.</exception>
        /// <exception cref="RequestValidationException">The options name a gateway without a client, or a route key is not a calling code.</exception>
        public ViberRouter(IEnumerable<IViberClient> clients, RoutingOptions? options = null)
        {
            _clients = new Dictionary<Gateway, IViberClient>();
            foreach (var client in clients ?? throw new ArgumentNullException(nameof(clients)))
            {
                var gateway = client?.Gateway ?? throw new ArgumentException("A gateway client is null.", nameof(clients));
                if (_clients.ContainsKey(gateway))
                {
                    throw new ArgumentException($"Two clients for {gateway}.", nameof(clients));
                }

                _clients[gateway] = client!;
            }

            if (_clients.Count == 0)
            {
                throw new ArgumentException("A router needs at least one gateway client.", nameof(clients));
            }

            Gateways = _clients.Keys.OrderBy(g => g).ToList();
            options ??= new RoutingOptions();
            if (options.Violations(_clients.Keys, asConfigurationKeys: false) is { Count: > 0 } violations)
            {
                throw new RequestValidationException(violations);
            }

            _routes = options.Routes
                .Select(route => (Code: RoutingOptions.CodeOf(route.Key)!, Gateways: (IReadOnlyList<Gateway>)route.Value.Distinct().ToList()))
                .OrderByDescending(route => route.Code.Length)
                .ToList();
            _failover = options.Failover.Count > 0 ? options.Failover.Distinct().ToList() : Gateways;
            _failoverOnRejection = options.FailoverOnRejection;
            _failoverWhenUnsupported = options.FailoverWhenUnsupported;
            _permits = options.RateLimiters.ToDictionary(l => l.Key, l => new RateLimiterPermits(l.Value, options.TimeProvider, options.RateLimiterRetryDelay));
        }

        /// <summary>The gateways this router sends through, in <see cref="Gateway"/> order.</summary>
        public IReadOnlyList<Gateway> Gateways { get; }

        /// <summary>The client of one gateway, for its balance, senders or a send that must not be routed.</summary>
        /// <param name="gateway">The gateway.</param>
        /// <returns>Its client.</returns>
        /// <exception cref="ArgumentException">The router has no client for the gateway (it is not configured).</exception>
        public IViberClient GetClient(Gateway gateway) =>
            _clients.TryGetValue(gateway, out var client) ? client
                : throw new ArgumentException($"{gateway} is not configured; configured: {string.Join(", ", Gateways)}.", nameof(gateway));

        /// <summary>The gateways a recipient is tried on, in order: its route's, then the failover order.</summary>
        /// <param name="recipient">A phone number in international format.</param>
        /// <returns>The gateways, in the order they are tried.</returns>
        /// <exception cref="RequestValidationException">The number is not a valid international number.</exception>
        public IReadOnlyList<Gateway> RouteOf(string recipient) =>
            PhoneNumber.TryParse(recipient, out var number, out var problem)
                ? Chain(number.Digits, via: null)
                : throw RequestValidationException.Of("recipient", "phone", problem ?? "not an international phone number");

        /// <summary>Sends a message, each recipient through its route and failover order.</summary>
        /// <param name="message">The message.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>One result per recipient, in the order given, each with every gateway tried.</returns>
        /// <exception cref="RequestValidationException">
        /// The message has no recipients or an invalid one, or no gateway tried could carry it for any recipient; nothing was sent.
        /// </exception>
        public Task<IReadOnlyList<SendResult>> SendAsync(ViberMessage message, CancellationToken cancellationToken = default) =>
            SendAsync(message, via: null, cancellationToken);

        /// <summary>
        /// Sends a message through the given gateways in order, failing over as the routes would. Every recipient gets
        /// one result, in the order given (<see cref="SendResult.Index"/>), from the gateway that took it or the last
        /// one tried, with every gateway tried in <see cref="SendResult.Attempts"/>. A gateway client that fails in a
        /// way the SDK does not know (or a send cancelled while in flight) leaves its recipients
        /// <see cref="SendOutcome.Unknown"/>, never sent elsewhere; cancelled between gateways, the recipients still
        /// waiting for their next gateway keep their last (not sent) result.
        /// </summary>
        /// <param name="message">The message.</param>
        /// <param name="via">The gateways to try, in order, for every recipient; null for the configured routes.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>One result per recipient, in the order given, each with every gateway tried.</returns>
        /// <exception cref="RequestValidationException">
        /// The message has no recipients or an invalid one, <paramref name="via"/> is empty or names a gateway that is
        /// not configured, or no gateway tried could carry the message for any recipient; nothing was sent.
        /// </exception>
        /// <exception cref="OperationCanceledException">Cancelled before any gateway may have taken a message.</exception>
        public async Task<IReadOnlyList<SendResult>> SendAsync(ViberMessage message, IReadOnlyList<Gateway>? via, CancellationToken cancellationToken = default)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));
            var recipients = message.Recipients?.ToList();
            var chains = ChainsOf(recipients, via);
            cancellationToken.ThrowIfCancellationRequested();

            var count = chains.Length;
            var tried = Enumerable.Range(0, count).Select(_ => new List<(GatewayAttempt Attempt, Exception? Failure)>()).ToArray();
            var last = new SendResult[count];
            var step = new int[count];
            var open = Enumerable.Range(0, count).ToList();
            while (open.Count > 0)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    // Cancelled between gateways: whoever waits for the next one keeps the result that moved it on (nothing was sent).
                    if (!last.Any(r => r is { Outcome: SendOutcome.Accepted or SendOutcome.Unknown }))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    break;
                }

                var rounds = open.GroupBy(i => chains[i][step[i]])
                    .Select(group => SendToAsync(group.Key, message, recipients!, group.ToList(), cancellationToken))
                    .ToList();
                var stillOpen = new List<int>();
                foreach (var (gateway, indexes, sent) in await Task.WhenAll(rounds).ConfigureAwait(false))
                {
                    for (var k = 0; k < indexes.Count; k++)
                    {
                        var i = indexes[k];
                        var result = sent[k];
                        tried[i].Add((new GatewayAttempt(gateway, result.Outcome, result.Error ?? result.Failure?.Message), result.Failure));
                        last[i] = result;
                        if (MovesOn(result) && step[i] + 1 < chains[i].Count)
                        {
                            step[i]++;
                            stillOpen.Add(i);
                        }
                    }
                }

                open = stillOpen;
            }

            if (tried.All(each => each.All(attempt => attempt.Failure is RequestValidationException)))
            {
                // No gateway could carry the message for anybody: nothing was sent, as a single gateway's send reports it.
                throw Unsupported(tried);
            }

            for (var i = 0; i < count; i++)
            {
                last[i].Index = i;
                last[i].Attempts = tried[i].ConvertAll(attempt => attempt.Attempt);
            }

            return last;
        }

        /// <summary>Reads the delivery status of messages sent through any of the router's gateways, each from its own gateway.</summary>
        /// <param name="references">References returned by sends.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>One status per reference, in the order given.</returns>
        /// <exception cref="RequestValidationException">A reference is null or belongs to a gateway the router does not have.</exception>
        /// <exception cref="GatewayException">A gateway refused the query or could not be reached.</exception>
        public async Task<IReadOnlyList<DeliveryStatus>> GetStatusAsync(IEnumerable<MessageReference> references, CancellationToken cancellationToken = default) =>
            (await StatusesAsync(StatusFollower.Checked(references, Unconfigured), toleratingUnanswered: false, cancellationToken).ConfigureAwait(false))!;

        /// <summary>
        /// Follows messages sent through any of the router's gateways until each is final, as
        /// <see cref="ViberClientExtensions.FollowStatusAsync"/> does; a gateway that cannot answer a round leaves only
        /// its own messages for the next round.
        /// </summary>
        /// <param name="references">References returned by sends.</param>
        /// <param name="options">Backoff and give-up time; optional.</param>
        /// <param name="cancellationToken">Stops following.</param>
        /// <returns>One status per distinct reference, as each becomes final.</returns>
        /// <exception cref="RequestValidationException">
        /// The options are invalid, or a reference is null or belongs to a gateway the router does not have; thrown by
        /// this call, before anything is enumerated.
        /// </exception>
        public IAsyncEnumerable<DeliveryStatus> FollowStatusAsync(IEnumerable<MessageReference> references, StatusPollingOptions? options = null, CancellationToken cancellationToken = default) =>
            StatusFollower.Follow((open, token) => StatusesAsync(open, toleratingUnanswered: true, token), references, Unconfigured, options, cancellationToken);

        private bool MovesOn(SendResult result) => result.Outcome switch
        {
            SendOutcome.NotSent => true,
            SendOutcome.Rejected when result.Failure is RequestValidationException => _failoverWhenUnsupported,
            SendOutcome.Rejected => _failoverOnRejection,
            _ => false,
        };

        private IReadOnlyList<Gateway>[] ChainsOf(List<string>? recipients, IReadOnlyList<Gateway>? via)
        {
            var errors = new ValidationErrors();
            if (recipients is not { Count: > 0 })
            {
                errors.Add("message.Recipients", "required", "at least one recipient is needed");
            }

            if (via is { Count: 0 })
            {
                errors.Add("via", "required", "at least one gateway, or null for the configured routes");
            }

            for (var i = 0; i < (via?.Count ?? 0); i++)
            {
                if (!_clients.ContainsKey(via![i]))
                {
                    errors.Add($"via[{i}]", "configured", $"{via[i]} is not configured; configured: {string.Join(", ", Gateways)}");
                }
            }

            var chains = new IReadOnlyList<Gateway>[recipients?.Count ?? 0];
            for (var i = 0; i < chains.Length; i++)
            {
                if (RecipientRules.Check(recipients![i], $"message.Recipients[{i}]", errors) is { } number)
                {
                    chains[i] = Chain(number.Digits, via);
                }
            }

            errors.ThrowIfAny();
            return chains;
        }

        /// <summary>
        /// Sends one gateway its share of the recipients, in parts its rate limiter grants permits for when it has one.
        /// Never throws: whatever the client or the limiter does becomes one result per recipient, so a failure of one
        /// gateway cannot hide what the others did in the same round.
        /// </summary>
        private async Task<(Gateway Gateway, List<int> Indexes, IReadOnlyList<SendResult> Results)> SendToAsync(
            Gateway gateway, ViberMessage message, List<string> recipients, List<int> indexes, CancellationToken cancellationToken)
        {
            _permits.TryGetValue(gateway, out var permits);
            var results = new List<SendResult>(indexes.Count);
            for (var sent = 0; sent < indexes.Count;)
            {
                // Without a limiter, every recipient at once.
                RateLimitLease? lease = null;
                var granted = indexes.Count - sent;
                try
                {
                    (lease, granted) = permits is null ? (lease, granted) : await permits.AcquireAsync(granted, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception failure)
                {
                    // Cancelled, or the limiter failed, before these recipients went out: not sent.
                    results.AddRange(indexes.Skip(sent).Select(i => new SendResult(gateway, recipients[i], SendOutcome.NotSent)
                    {
                        Error = failure is OperationCanceledException ? "cancelled while waiting for the rate limiter" : "the rate limiter failed: " + SecretRedactor.Redact(failure.Message),
                        Failure = failure,
                    }));
                    break;
                }

                using (lease)
                {
                    results.AddRange(await SendPartAsync(gateway, message, recipients, indexes.GetRange(sent, granted), cancellationToken).ConfigureAwait(false));
                }

                sent += granted;
            }

            return (gateway, indexes, results);
        }

        /// <summary>Sends one gateway some of the recipients; never throws.</summary>
        private async Task<IReadOnlyList<SendResult>> SendPartAsync(Gateway gateway, ViberMessage message, List<string> recipients, List<int> indexes, CancellationToken cancellationToken)
        {
            var part = message.ForRecipients(recipients, indexes);
            try
            {
                var results = await _clients[gateway].SendAsync(part, cancellationToken).ConfigureAwait(false);
                if (results is null || results.Count != indexes.Count || results.Any(r => r is null))
                {
                    return Failed(SendOutcome.Unknown, new InvalidOperationException(
                        $"{gateway} returned {results?.Count(r => r is not null) ?? 0} results for {indexes.Count} recipients; whether it sent them is unknown."));
                }

                return results;
            }
            catch (RequestValidationException unsupported)
            {
                return Failed(SendOutcome.Rejected, unsupported);
            }
            catch (GatewayException failure)
            {
                // Gateway clients report failures as results; a client that throws is read by what the exception says happened.
                return Failed(failure.Outcome, failure);
            }
            catch (Exception failure)
            {
                // Cancelled in flight, or a failure the SDK does not know: the gateway may have taken the message.
                return Failed(SendOutcome.Unknown, failure);
            }

            IReadOnlyList<SendResult> Failed(SendOutcome outcome, Exception failure) =>
                part.Recipients.Select(r => new SendResult(gateway, r, outcome) { Error = failure.Message, Failure = failure }).ToList();
        }

        /// <summary>Every violation of every distinct refusal, in the order tried, each naming its gateway.</summary>
        private static RequestValidationException Unsupported(List<(GatewayAttempt Attempt, Exception? Failure)>[] tried) =>
            new(tried.SelectMany(each => each.Select(attempt => (Gateway: attempt.Attempt.Gateway.ToString(), Failure: (RequestValidationException)attempt.Failure!)))
                .GroupBy(refusal => refusal.Failure, (_, same) => same.First())
                .SelectMany(refusal => refusal.Failure.Violations.Select(v => v.Message.IndexOf(refusal.Gateway, StringComparison.OrdinalIgnoreCase) >= 0
                    ? v
                    : new ValidationViolation(v.Field, v.Rule, refusal.Gateway + ": " + v.Message)))
                .ToList());

        private (string Rule, string Message)? Unconfigured(MessageReference reference) =>
            _clients.ContainsKey(reference.Gateway) ? null : ("configured", $"{reference.Gateway} is not configured; configured: {string.Join(", ", Gateways)}");

        /// <summary>
        /// Asks each gateway for its own references, all at once, and puts the answers back in the order given. With
        /// <paramref name="toleratingUnanswered"/>, a gateway that is unavailable or gave no usable reply leaves its
        /// references null (the follower asks again next round) instead of failing the others.
        /// </summary>
        private async Task<IReadOnlyList<DeliveryStatus?>> StatusesAsync(IReadOnlyList<MessageReference> references, bool toleratingUnanswered, CancellationToken cancellationToken)
        {
            var statuses = new DeliveryStatus?[references.Count];
            var byGateway = references.Select((r, i) => (r, i)).GroupBy(x => x.r.Gateway).ToList();
            await Task.WhenAll(byGateway.Select(async group =>
            {
                var indexes = group.Select(x => x.i).ToList();
                IReadOnlyList<DeliveryStatus> answers;
                try
                {
                    answers = await _clients[group.Key].GetStatusAsync(group.Select(x => x.r).ToList(), cancellationToken).ConfigureAwait(false);
                }
                catch (GatewayException failure) when (toleratingUnanswered && failure is not GatewayRejectedException)
                {
                    return;
                }

                if (answers is null || answers.Count != indexes.Count)
                {
                    throw new InvalidOperationException($"{group.Key} answered {answers?.Count ?? 0} statuses for {indexes.Count} references.");
                }

                for (var k = 0; k < indexes.Count; k++)
                {
                    statuses[indexes[k]] = answers[k];
                }
            })).ConfigureAwait(false);
            return statuses;
        }

        private IReadOnlyList<Gateway> Chain(string digits, IReadOnlyList<Gateway>? via)
        {
            if (via is { Count: > 0 })
            {
                return via.Distinct().ToList();
            }

            var route = _routes.FirstOrDefault(r => digits.StartsWith(r.Code, StringComparison.Ordinal)).Gateways ?? Array.Empty<Gateway>();
            return route.Concat(_failover).Distinct().ToList();
        }
    }
}
