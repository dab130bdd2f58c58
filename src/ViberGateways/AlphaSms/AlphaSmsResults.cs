using System;
using System.Collections.Generic;

namespace ViberGateways.AlphaSms
{
    /// <summary>What the gateway did with one message of a send.</summary>
    internal sealed class AlphaSmsSendResult
    {
        /// <summary>Creates a result.</summary>
        /// <param name="index">Position of the message in the request (0 for a single send).</param>
        /// <param name="recipient">The recipient as the message gave it.</param>
        /// <param name="outcome">Accepted, rejected or unknown.</param>
        public AlphaSmsSendResult(int index, string recipient, SendOutcome outcome)
        {
            Index = index;
            Recipient = recipient;
            Outcome = outcome;
        }

        /// <summary>Position of the message in the request.</summary>
        public int Index { get; }

        /// <summary>The recipient as the message gave it.</summary>
        public string Recipient { get; }

        /// <summary>Whether the gateway accepted the message.</summary>
        public SendOutcome Outcome { get; }

        /// <summary>The client id the message was sent with (assigned by the SDK over JSON when the message had none).</summary>
        public long? ClientId { get; set; }

        /// <summary>The id the gateway assigned (JSON <c>msg_id</c>, XML <c>msg_id</c>, HTTP <c>id</c>); query the status with it.</summary>
        public long? GatewayId { get; set; }

        /// <summary>How many message parts the gateway counted (JSON <c>parts</c>, HTTP <c>sms_count</c>).</summary>
        public int? Parts { get; set; }

        /// <summary>The gateway's error code for a rejected message (for example <c>208</c>), when it gave one.</summary>
        public string? ErrorCode { get; set; }

        /// <summary>Why the message was rejected, not sent, or why its outcome is unknown.</summary>
        public string? Error { get; set; }

        /// <summary>
        /// The exception behind a not-sent or unknown outcome (what a single send throws): a
        /// <see cref="GatewayUnavailableException"/> (with <c>RetryAfter</c>) or a <see cref="GatewayOutcomeUnknownException"/>.
        /// </summary>
        public GatewayException? Failure { get; internal set; }
    }

    /// <summary>The delivery status of one AlphaSMS message.</summary>
    internal sealed class AlphaSmsMessageStatus
    {
        /// <summary>Creates a status.</summary>
        /// <param name="state">The status in gateway-independent terms.</param>
        /// <param name="rawStatus">The gateway's own status text or code, unchanged.</param>
        public AlphaSmsMessageStatus(DeliveryState state, string rawStatus)
        {
            State = state;
            RawStatus = rawStatus;
        }

        /// <summary>The status in gateway-independent terms.</summary>
        public DeliveryState State { get; }

        /// <summary>The gateway's own status (JSON status text, XML code, HTTP status text), unchanged.</summary>
        public string RawStatus { get; }

        /// <summary>The numeric status code, where the transport reports one (XML and HTTP).</summary>
        public int? StatusCode { get; set; }

        /// <summary>The message's client id, when the reply carries it.</summary>
        public long? ClientId { get; set; }

        /// <summary>The gateway's message id, when the reply carries it.</summary>
        public long? GatewayId { get; set; }

        /// <summary>How many parts were billed (XML <c>sms_count</c>).</summary>
        public int? Parts { get; set; }

        /// <summary>The channel that carried the message (JSON <c>type</c>: <c>viber</c>, <c>sms</c>, <c>rcs</c>).</summary>
        public string? Channel { get; set; }

        /// <summary>When the message reached its final state, as the gateway wrote it (XML <c>date_completed</c>, HTTP <c>status_time</c>).</summary>
        public string? CompletedAt { get; set; }

        /// <summary>Replies the recipient sent (JSON, Viber two-way messages).</summary>
        public IReadOnlyList<AlphaSmsJsonViberReply> Replies { get; set; } = Array.Empty<AlphaSmsJsonViberReply>();
    }

    /// <summary>One message's answer in a status reply: its status, or the gateway's refusal to give one (an unknown id).</summary>
    internal readonly struct AlphaSmsStatusAnswer
    {
        public AlphaSmsStatusAnswer(AlphaSmsMessageStatus status)
        {
            Status = status;
            Refusal = null;
        }

        public AlphaSmsStatusAnswer(GatewayException refusal)
        {
            Status = null;
            Refusal = refusal;
        }

        public AlphaSmsMessageStatus? Status { get; }

        public GatewayException? Refusal { get; }

        /// <summary>The status, or the refusal thrown (what a single status query does).</summary>
        public AlphaSmsMessageStatus OrThrow() => Status ?? throw Refusal!;
    }

    /// <summary>The AlphaSMS account balance.</summary>
    internal sealed class AlphaSmsBalance
    {
        /// <summary>Creates a balance.</summary>
        /// <param name="amount">The amount.</param>
        /// <param name="currency">The currency, when the transport reports it (JSON and XML).</param>
        public AlphaSmsBalance(decimal amount, string? currency)
        {
            Amount = amount;
            Currency = currency;
        }

        /// <summary>The amount.</summary>
        public decimal Amount { get; }

        /// <summary>The currency (e.g. <c>UAH</c>); the HTTP transport does not report it.</summary>
        public string? Currency { get; }
    }

    /// <summary>Identifies a sent message for a status query: by your client id or by the gateway's id.</summary>
    internal readonly struct AlphaSmsMessageId
    {
        private AlphaSmsMessageId(long value, bool isClientId)
        {
            Value = value;
            IsClientId = isClientId;
        }

        /// <summary>The id.</summary>
        public long Value { get; }

        /// <summary>Whether <see cref="Value"/> is your client id (otherwise it is the gateway's id).</summary>
        public bool IsClientId { get; }

        /// <summary>Your own id, as sent in the message (<see cref="AlphaSmsMessage.ClientId"/>). JSON and XML.</summary>
        /// <param name="clientId">The client id.</param>
        /// <returns>The reference.</returns>
        public static AlphaSmsMessageId Client(long clientId) => new AlphaSmsMessageId(clientId, isClientId: true);

        /// <summary>The gateway's id, as returned by the send (<see cref="AlphaSmsSendResult.GatewayId"/>). XML and HTTP.</summary>
        /// <param name="gatewayId">The gateway id.</param>
        /// <returns>The reference.</returns>
        public static AlphaSmsMessageId Gateway(long gatewayId) => new AlphaSmsMessageId(gatewayId, isClientId: false);

        /// <summary>The id and its kind.</summary>
        /// <returns>For example <c>client id 100500</c>.</returns>
        public override string ToString() => (IsClientId ? "client id " : "gateway id ") + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
