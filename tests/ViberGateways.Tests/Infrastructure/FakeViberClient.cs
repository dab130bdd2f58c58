using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Bulk;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// A hand-written gateway for router and follower tests: records every recipient it was sent and every reference
    /// it was asked about, and answers as the test scripts it (per recipient, or by throwing).
    /// </summary>
    internal sealed class FakeViberClient : IViberClient
    {
        private readonly object _gate = new();
        private long _nextId = 1000;

        public FakeViberClient(Gateway gateway) => Gateway = gateway;

        public Gateway Gateway { get; }

        /// <summary>The outcome per recipient (digits only); recipients not listed are accepted.</summary>
        public Dictionary<string, SendOutcome> Outcomes { get; } = new();

        /// <summary>Thrown by the next sends instead of answering, when set.</summary>
        public Func<Exception>? SendThrows { get; set; }

        /// <summary>Runs when a send arrives, before it is answered (for example to cancel the caller).</summary>
        public Action? OnSend { get; set; }

        /// <summary>Every send's recipients (digits only), in the order they arrived.</summary>
        public List<IReadOnlyList<string>> Sends { get; } = new();

        public IEnumerable<string> SentTo => Sends.SelectMany(s => s);

        /// <summary>The status each reference is given; Sent when not set.</summary>
        public Func<MessageReference, DeliveryState> StatusOf { get; set; } = _ => DeliveryState.Sent;

        /// <summary>The references answered as having no id this gateway can ask with; none unless set.</summary>
        public Func<MessageReference, bool> CannotAsk { get; set; } = _ => false;

        /// <summary>Thrown by the next status queries, one each, before they are answered.</summary>
        public Queue<Exception> StatusFailures { get; } = new();

        /// <summary>Every status query's references, in the order they arrived.</summary>
        public List<IReadOnlyList<MessageReference>> StatusQueries { get; } = new();

        public FakeViberClient Answer(string recipient, SendOutcome outcome)
        {
            Outcomes[PhoneNumber.Parse(recipient).Digits] = outcome;
            return this;
        }

        public Task<IReadOnlyList<SendResult>> SendAsync(ViberMessage message, CancellationToken cancellationToken = default)
        {
            var recipients = message.Recipients.Select(r => PhoneNumber.Parse(r).Digits).ToList();
            lock (_gate)
            {
                Sends.Add(recipients);
            }

            OnSend?.Invoke();
            if (SendThrows is { } failure)
            {
                throw failure();
            }

            IReadOnlyList<SendResult> results = message.Recipients.Zip(recipients, (given, digits) => Result(given, digits)).ToList();
            return Task.FromResult(results);
        }

        private SendResult Result(string given, string digits)
        {
            var outcome = Outcomes.TryGetValue(digits, out var scripted) ? scripted : SendOutcome.Accepted;
            var result = new SendResult(Gateway, given, outcome);
            switch (outcome)
            {
                case SendOutcome.Accepted:
                    result.Reference = new MessageReference(Gateway, digits, gatewayId: Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case SendOutcome.Rejected:
                    result.ErrorCode = "42";
                    result.Error = $"{Gateway} refused the message";
                    result.Failure = new GatewayRejectedException(result.Error, "42", "refused", null);
                    break;
                case SendOutcome.NotSent:
                    result.Error = $"{Gateway} is unavailable";
                    result.Failure = new GatewayUnavailableException(result.Error, 503, null, null);
                    break;
                default:
                    result.Error = $"{Gateway} gave no reply";
                    result.Failure = new GatewayOutcomeUnknownException(result.Error, 0, null);
                    break;
            }

            return result;
        }

        public Task<IReadOnlyList<SendResult>> SendAsync(IEnumerable<ViberMessage> messages, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The router sends one message per gateway and round.");

        public IAsyncEnumerable<SendResult> SendBulkAsync(IAsyncEnumerable<ViberMessage> messages, BulkSendOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public IAsyncEnumerable<SendResult> SendBulkAsync(ViberMessage message, IAsyncEnumerable<string> recipients, BulkSendOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<DeliveryStatus>> GetStatusAsync(IEnumerable<MessageReference> references, CancellationToken cancellationToken = default)
        {
            var asked = references.ToList();
            Exception? failure;
            lock (_gate)
            {
                StatusQueries.Add(asked);
                StatusFailures.TryDequeue(out failure);
            }

            if (failure is not null)
            {
                return Task.FromException<IReadOnlyList<DeliveryStatus>>(failure);
            }

            IReadOnlyList<DeliveryStatus> statuses = asked.Select(r => CannotAsk(r)
                ? new DeliveryStatus(r, DeliveryState.Unknown, "") { Error = "no id to ask with", Unanswerable = true }
                : new DeliveryStatus(r, StatusOf(r), StatusOf(r).ToString().ToLowerInvariant())).ToList();
            return Task.FromResult(statuses);
        }

        public Task<AccountBalance> GetBalanceAsync(CancellationToken cancellationToken = default) => Task.FromResult(new AccountBalance(Gateway, 100m, null));

        public Task<IReadOnlyList<SenderInfo>> GetSendersAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<SenderInfo>>(Array.Empty<SenderInfo>());
    }
}
