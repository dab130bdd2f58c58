using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

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
        private readonly RoutingOptions _options;

        /// <summary>Creates a router over gateway clients.</summary>
        /// <param name="clients">One client per gateway (at least one).</param>
        /// <param name="options">Routes and failover; optional (then every gateway in <see cref="Gateway"/> order).</param>
        public ViberRouter(IEnumerable<IViberClient> clients, RoutingOptions? options = null)
        {
            _clients = new Dictionary<Gateway, IViberClient>();
            foreach (var client in clients ?? throw new ArgumentNullException(nameof(clients)))
            {
                if (_clients.ContainsKey(client.Gateway))
                {
                    throw new ArgumentException($"Two clients for {client.Gateway}.", nameof(clients));
                }

                _clients[client.Gateway] = client;
            }

            if (_clients.Count == 0)
            {
                throw new ArgumentException("A router needs at least one gateway client.", nameof(clients));
            }

            _options = options ?? new RoutingOptions();
            var violations = RouteViolations().ToList();
            if (violations.Count > 0)
            {
                throw new RequestValidationException(violations);
            }
        }

        /// <summary>The gateways this router sends through, in <see cref="Gateway"/> order.</summary>
        public IReadOnlyList<Gateway> Gateways => _clients.Keys.OrderBy(g => g).ToList();

        /// <summary>The client of one gateway, for its balance, senders or a send that must not be routed.</summary>
        /// <param name="gateway">The gateway.</param>
        /// <returns>Its client.</returns>
        /// <exception cref="ArgumentException">The router has no client for the gateway (it is not configured).</exception>
        public IViberClient For(Gateway gateway) =>
            _clients.TryGetValue(gateway, out var client) ? client
                : throw new ArgumentException($"{gateway} is not configured; configured: {string.Join(", ", Gateways)}.", nameof(gateway));

        /// <summary>The gateways a recipient is tried on, in order: its route's, then the failover order.</summary>
        /// <param name="recipient">A phone number in international format.</param>
        /// <returns>The gateways, in the order they are tried.</returns>
        /// <exception cref="RequestValidationException">The number is not a valid international number.</exception>
        public IReadOnlyList<Gateway> RouteOf(string recipient)
        {
            if (!PhoneNumber.TryParse(recipient, out var number, out var problem))
            {
                throw new RequestValidationException(new[] { new ValidationViolation("recipient", "phone", problem ?? "not an international phone number") });
            }

            return Chain(number.Digits, via: null);
        }

        /// <summary>Sends a message, each recipient through its route and failover order.</summary>
        /// <param name="message">The message.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>One result per recipient, in the order given, each with every gateway tried.</returns>
        /// <exception cref="RequestValidationException">The message has no recipients or an invalid one; nothing was sent.</exception>
        public Task<IReadOnlyList<SendResult>> SendAsync(ViberMessage message, CancellationToken cancellationToken = default) =>
            SendAsync(message, via: null, cancellationToken);

        /// <summary>Sends a message through the given gateways in order, failing over as the routes would.</summary>
        /// <param name="message">The message.</param>
        /// <param name="via">The gateways to try, in order, for every recipient; null for the configured routes.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>One result per recipient, in the order given, each with every gateway tried.</returns>
        /// <exception cref="RequestValidationException">The message has no recipients or an invalid one, or a gateway is not configured; nothing was sent.</exception>
        public async Task<IReadOnlyList<SendResult>> SendAsync(ViberMessage message, IReadOnlyList<Gateway>? via, CancellationToken cancellationToken = default)
        {
            _ = message ?? throw new ArgumentNullException(nameof(message));
            var recipients = message.Recipients ?? throw new RequestValidationException(new[] { new ValidationViolation("message.Recipients", "required", "at least one recipient is needed") });
            var violations = new List<ValidationViolation>();
            if (recipients.Count == 0)
            {
                violations.Add(new ValidationViolation("message.Recipients", "required", "at least one recipient is needed"));
            }

            foreach (var gateway in via ?? Array.Empty<Gateway>())
            {
                if (!_clients.ContainsKey(gateway))
                {
                    violations.Add(new ValidationViolation("via", "configured", $"{gateway} is not configured; configured: {string.Join(", ", Gateways)}"));
                }
            }

            var chains = new IReadOnlyList<Gateway>[recipients.Count];
            for (var i = 0; i < recipients.Count; i++)
            {
                if (PhoneNumber.TryParse(recipients[i], out var number, out var problem))
                {
                    chains[i] = Chain(number.Digits, via);
                }
                else
                {
                    violations.Add(new ValidationViolation($"message.Recipients[{i}]", "phone", problem ?? "not an international phone number"));
                }
            }

            if (violations.Count > 0)
            {
                throw new RequestValidationException(violations);
            }

            var attempts = recipients.Select(_ => new List<GatewayAttempt>()).ToArray();
            var step = new int[recipients.Count];
            var results = new SendResult?[recipients.Count];
            var open = Enumerable.Range(0, recipients.Count).ToList();
            while (open.Count > 0)
            {
                var rounds = open.GroupBy(i => chains[i][step[i]])
                    .Select(group => SendToAsync(group.Key, message, group.ToList(), cancellationToken))
                    .ToList();
                var stillOpen = new List<int>();
                foreach (var (gateway, indexes, sent) in await Task.WhenAll(rounds).ConfigureAwait(false))
                {
                    for (var k = 0; k < indexes.Count; k++)
                    {
                        var i = indexes[k];
                        var result = sent[k];
                        attempts[i].Add(new GatewayAttempt(gateway, result.Outcome, result.Error ?? result.Failure?.Message));
                        if (MovesOn(result) && step[i] + 1 < chains[i].Count)
                        {
                            step[i]++;
                            stillOpen.Add(i);
                        }
                        else
                        {
                            result.Index = i;
                            result.Attempts = attempts[i];
                            results[i] = result;
                        }
                    }
                }

                open = stillOpen;
            }

            return results!;
        }

        /// <summary>Reads the delivery status of messages sent through any of the router's gateways, each from its own gateway.</summary>
        /// <param name="references">References returned by sends.</param>
        /// <param name="cancellationToken">Cancels the call.</param>
        /// <returns>One status per reference, in the order given.</returns>
        /// <exception cref="RequestValidationException">A reference belongs to a gateway the router does not have.</exception>
        public async Task<IReadOnlyList<DeliveryStatus>> GetStatusAsync(IEnumerable<MessageReference> references, CancellationToken cancellationToken = default)
        {
            var all = (references ?? throw new ArgumentNullException(nameof(references))).ToList();
            var unknown = all.Select((r, i) => (r, i)).Where(x => x.r is null || !_clients.ContainsKey(x.r.Gateway))
                .Select(x => new ValidationViolation($"references[{x.i}]", "configured", x.r is null ? "is null" : $"{x.r.Gateway} is not configured"))
                .ToList();
            if (unknown.Count > 0)
            {
                throw new RequestValidationException(unknown);
            }

            var statuses = new DeliveryStatus[all.Count];
            var byGateway = all.Select((r, i) => (r, i)).GroupBy(x => x.r.Gateway).ToList();
            var answers = await Task.WhenAll(byGateway.Select(g => _clients[g.Key].GetStatusAsync(g.Select(x => x.r).ToList(), cancellationToken))).ConfigureAwait(false);
            for (var g = 0; g < byGateway.Count; g++)
            {
                var indexes = byGateway[g].Select(x => x.i).ToList();
                for (var k = 0; k < indexes.Count; k++)
                {
                    statuses[indexes[k]] = answers[g][k];
                }
            }

            return statuses;
        }

        /// <summary>Follows messages sent through any of the router's gateways until each is final, as <see cref="ViberClientExtensions.FollowStatusAsync"/> does.</summary>
        /// <param name="references">References returned by sends.</param>
        /// <param name="options">Backoff and give-up time; optional.</param>
        /// <param name="cancellationToken">Stops following.</param>
        /// <returns>One status per distinct reference, as each becomes final.</returns>
        public IAsyncEnumerable<DeliveryStatus> FollowStatusAsync(IEnumerable<MessageReference> references, StatusPollingOptions? options = null, CancellationToken cancellationToken = default) =>
            StatusFollower.FollowAsync(GetStatusAsync, references, options, cancellationToken);

        private bool MovesOn(SendResult result) => result.Outcome switch
        {
            SendOutcome.NotSent => true,
            SendOutcome.Rejected when result.Failure is RequestValidationException => _options.FailoverWhenUnsupported,
            SendOutcome.Rejected => _options.FailoverOnRejection,
            _ => false,
        };

        private async Task<(Gateway Gateway, List<int> Indexes, IReadOnlyList<SendResult> Results)> SendToAsync(
            Gateway gateway, ViberMessage message, List<int> indexes, CancellationToken cancellationToken)
        {
            var part = message.WithRecipients(indexes.Select(i => message.Recipients[i]).ToList());
            try
            {
                var results = await _clients[gateway].SendAsync(part, cancellationToken).ConfigureAwait(false);
                if (results.Count != indexes.Count)
                {
                    throw new InvalidOperationException($"{gateway} returned {results.Count} results for {indexes.Count} recipients.");
                }

                return (gateway, indexes, results);
            }
            catch (RequestValidationException unsupported)
            {
                return (gateway, indexes, Failed(SendOutcome.Rejected, unsupported));
            }
            catch (GatewayException failure)
            {
                // Gateway clients report failures as results; a client that throws is read by what the exception says happened.
                var outcome = failure switch
                {
                    GatewayUnavailableException => SendOutcome.NotSent,
                    GatewayRejectedException => SendOutcome.Rejected,
                    _ => SendOutcome.Unknown,
                };
                return (gateway, indexes, Failed(outcome, failure));
            }

            IReadOnlyList<SendResult> Failed(SendOutcome outcome, Exception failure) =>
                part.Recipients.Select(r => new SendResult(gateway, r, outcome) { Error = failure.Message, Failure = failure }).ToList();
        }

        private IReadOnlyList<Gateway> Chain(string digits, IReadOnlyList<Gateway>? via)
        {
            if (via is { Count: > 0 })
            {
                return via.Distinct().ToList();
            }

            var route = _options.Routes
                .Where(r => digits.StartsWith(r.Key, StringComparison.Ordinal))
                .OrderByDescending(r => r.Key.Length)
                .Select(r => r.Value)
                .FirstOrDefault() ?? Array.Empty<Gateway>();
            var failover = _options.Failover.Count > 0 ? _options.Failover : (IEnumerable<Gateway>)Gateways;
            return route.Concat(failover).Where(_clients.ContainsKey).Distinct().ToList();
        }

        private IEnumerable<ValidationViolation> RouteViolations()
        {
            foreach (var route in _options.Routes)
            {
                if (route.Key.Length == 0 || !route.Key.All(c => c >= '0' && c <= '9'))
                {
                    yield return new ValidationViolation($"Routing.Routes[{route.Key}]", "calling-code", "a route's key is a calling code, digits only (for example 380)");
                }

                foreach (var gateway in route.Value ?? Array.Empty<Gateway>())
                {
                    if (!_clients.ContainsKey(gateway))
                    {
                        yield return new ValidationViolation($"Routing.Routes[{route.Key}]", "configured", $"{gateway} is not configured; configured: {string.Join(", ", Gateways)}");
                    }
                }
            }

            foreach (var gateway in _options.Failover)
            {
                if (!_clients.ContainsKey(gateway))
                {
                    yield return new ValidationViolation("Routing.Failover", "configured", $"{gateway} is not configured; configured: {string.Join(", ", Gateways)}");
                }
            }
        }
    }
}
