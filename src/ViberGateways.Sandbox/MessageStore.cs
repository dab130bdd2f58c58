using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ViberGateways.Sandbox
{
    /// <summary>Where a sandbox message stands; it moves on with time along the <see cref="DeliveryTimeline"/>.</summary>
    public enum SandboxDeliveryState
    {
        /// <summary>Accepted; waits for its scheduled time.</summary>
        Scheduled,

        /// <summary>Accepted, not yet sent.</summary>
        Accepted,

        /// <summary>Sent to the messenger.</summary>
        Sent,

        /// <summary>Delivered to the phone.</summary>
        Delivered,

        /// <summary>Read by the recipient.</summary>
        Read,

        /// <summary>Could not be delivered (the recipient's number ends in 0000).</summary>
        Undeliverable,
    }

    /// <summary>A message a sandbox gateway accepted.</summary>
    public sealed class SandboxMessage
    {
        internal SandboxMessage(long id, string gateway, string channel, string recipient, string sender, string kind, string? text, DateTimeOffset acceptedAt)
        {
            Id = id;
            Gateway = gateway;
            Channel = channel;
            Recipient = recipient;
            Sender = sender;
            Kind = kind;
            Text = text;
            AcceptedAt = acceptedAt;
        }

        /// <summary>The id the gateway assigned.</summary>
        public long Id { get; }

        /// <summary><c>AlphaSMS</c>, <c>LiveAll</c> or <c>SMS.by</c>.</summary>
        public string Gateway { get; }

        /// <summary>The API that carried it: <c>json</c>, <c>xml</c>, <c>http</c>, <c>SendIM</c>, <c>quick</c>, <c>bulk</c>, <c>list</c>.</summary>
        public string Channel { get; }

        /// <summary>The recipient, digits only.</summary>
        public string Recipient { get; }

        /// <summary>The sender name.</summary>
        public string Sender { get; }

        /// <summary><c>text</c>, <c>image</c> or <c>button</c>.</summary>
        public string Kind { get; }

        /// <summary>The message text, if any.</summary>
        public string? Text { get; }

        /// <summary>When it was accepted.</summary>
        public DateTimeOffset AcceptedAt { get; }

        /// <summary>The client's own id (AlphaSMS), if it sent one.</summary>
        public long? ClientId { get; internal set; }

        /// <summary>When it is to be sent, if it was scheduled.</summary>
        public DateTimeOffset? ScheduledFor { get; internal set; }

        /// <summary>The mailing it belongs to (SMS.by bulk uuid or mailing id), if any.</summary>
        public string? Mailing { get; internal set; }

        /// <summary>Where the message stands at <paramref name="now"/>.</summary>
        /// <param name="now">The moment asked about.</param>
        /// <param name="timeline">How fast messages move on.</param>
        /// <returns>The state.</returns>
        public SandboxDeliveryState StateAt(DateTimeOffset now, DeliveryTimeline timeline)
        {
            var start = ScheduledFor is { } scheduled && scheduled > AcceptedAt ? scheduled : AcceptedAt;
            if (now < start)
            {
                return SandboxDeliveryState.Scheduled;
            }

            var elapsed = now - start;
            if (elapsed < timeline.SentAfter)
            {
                return SandboxDeliveryState.Accepted;
            }

            if (Recipient.EndsWith("0000", StringComparison.Ordinal))
            {
                return SandboxDeliveryState.Undeliverable;
            }

            return elapsed < timeline.DeliveredAfter ? SandboxDeliveryState.Sent
                : elapsed < timeline.ReadAfter ? SandboxDeliveryState.Delivered
                : SandboxDeliveryState.Read;
        }

        /// <summary>When the message reached <paramref name="state"/>, counted along the timeline.</summary>
        internal DateTimeOffset ReachedAt(SandboxDeliveryState state, DeliveryTimeline timeline)
        {
            var start = ScheduledFor is { } scheduled && scheduled > AcceptedAt ? scheduled : AcceptedAt;
            return state switch
            {
                SandboxDeliveryState.Sent or SandboxDeliveryState.Undeliverable => start + timeline.SentAfter,
                SandboxDeliveryState.Delivered => start + timeline.DeliveredAfter,
                SandboxDeliveryState.Read => start + timeline.ReadAfter,
                _ => start,
            };
        }
    }

    /// <summary>A reply a recipient sent back (injected with <see cref="SandboxGateway.InjectReply"/>).</summary>
    public sealed class SandboxIncomingReply
    {
        internal SandboxIncomingReply(long id, long messageId, string phone, string text, DateTimeOffset receivedAt)
        {
            Id = id;
            MessageId = messageId;
            Phone = phone;
            Text = text;
            ReceivedAt = receivedAt;
        }

        /// <summary>The reply's id.</summary>
        public long Id { get; }

        /// <summary>The id of the message (or SMS.by mailing) it answers.</summary>
        public long MessageId { get; }

        /// <summary>The recipient who answered, digits only.</summary>
        public string Phone { get; }

        /// <summary>What they wrote.</summary>
        public string Text { get; }

        /// <summary>When it arrived.</summary>
        public DateTimeOffset ReceivedAt { get; }

        /// <summary>Whether it was marked read (SMS.by <c>readResponseStatus</c>).</summary>
        public bool IsRead { get; internal set; }
    }

    /// <summary>
    /// Every message and reply of a sandbox, shared by its emulated gateways; thread-safe. It keeps the newest
    /// <c>limit</c> messages and the newest <c>limit</c> replies: a sandbox left running holds bounded memory.
    /// </summary>
    internal sealed class MessageStore
    {
        private readonly object _gate = new();
        private readonly int _limit;
        // Oldest first: the front is evicted when the limit is passed.
        private readonly Queue<SandboxMessage> _messages = new();
        // Lookups a gateway makes per message (duplicate client ids, status by id) stay O(1) at a million messages.
        private readonly Dictionary<long, SandboxMessage> _byId = new();
        private readonly Dictionary<(string Gateway, long ClientId), SandboxMessage> _byClientId = new();
        private readonly Queue<SandboxIncomingReply> _replies = new();
        private long _lastId = 1_000_000;

        /// <param name="limit">How many messages (and, separately, replies) are kept; older ones are forgotten.</param>
        public MessageStore(int limit)
        {
            if (limit < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(limit), limit, "At least one message must be retained.");
            }

            _limit = limit;
        }

        public long NextId() => Interlocked.Increment(ref _lastId);

        /// <summary>How many entries the id and client-id lookups hold: never more than the retained messages.</summary>
        internal (int ById, int ByClientId) IndexSizes
        {
            get
            {
                lock (_gate)
                {
                    return (_byId.Count, _byClientId.Count);
                }
            }
        }

        public SandboxMessage Add(SandboxMessage message)
        {
            lock (_gate)
            {
                _messages.Enqueue(message);
                _byId[message.Id] = message;
                if (message.ClientId is { } clientId)
                {
                    _byClientId[(message.Gateway, clientId)] = message;
                }

                while (_messages.Count > _limit)
                {
                    Forget(_messages.Dequeue());
                }
            }

            return message;
        }

        private void Forget(SandboxMessage message)
        {
            _byId.Remove(message.Id);

            // A newer message may have taken the same client id since; its entry stays.
            if (message.ClientId is { } clientId && _byClientId.TryGetValue((message.Gateway, clientId), out var indexed) && ReferenceEquals(indexed, message))
            {
                _byClientId.Remove((message.Gateway, clientId));
            }
        }

        public SandboxMessage? FindById(string gateway, long id)
        {
            lock (_gate)
            {
                return _byId.TryGetValue(id, out var message) && message.Gateway == gateway ? message : null;
            }
        }

        public SandboxMessage? FindByClientId(string gateway, long clientId)
        {
            lock (_gate)
            {
                return _byClientId.TryGetValue((gateway, clientId), out var message) ? message : null;
            }
        }

        public IReadOnlyList<SandboxMessage> Messages
        {
            get
            {
                lock (_gate)
                {
                    return _messages.ToList();
                }
            }
        }

        public SandboxMessage? Find(string gateway, Func<SandboxMessage, bool> match)
        {
            lock (_gate)
            {
                return _messages.LastOrDefault(m => m.Gateway == gateway && match(m));
            }
        }

        public List<SandboxMessage> FindAll(string gateway, Func<SandboxMessage, bool> match)
        {
            lock (_gate)
            {
                return _messages.Where(m => m.Gateway == gateway && match(m)).ToList();
            }
        }

        public SandboxIncomingReply AddReply(long messageId, string phone, string text, DateTimeOffset at)
        {
            lock (_gate)
            {
                var reply = new SandboxIncomingReply(NextId(), messageId, phone, text, at);
                _replies.Enqueue(reply);
                while (_replies.Count > _limit)
                {
                    _replies.Dequeue();
                }

                return reply;
            }
        }

        public List<SandboxIncomingReply> Replies(Func<SandboxIncomingReply, bool> match)
        {
            lock (_gate)
            {
                return _replies.Where(match).ToList();
            }
        }

        public int MarkRead(IEnumerable<long> replyIds)
        {
            lock (_gate)
            {
                var ids = new HashSet<long>(replyIds);
                var marked = 0;
                foreach (var reply in _replies.Where(r => ids.Contains(r.Id) && !r.IsRead))
                {
                    reply.IsRead = true;
                    marked++;
                }

                return marked;
            }
        }
    }
}
