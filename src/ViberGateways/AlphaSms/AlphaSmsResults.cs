using System;
using System.Collections.Generic;

namespace ViberGateways.AlphaSms
{
    /// <summary>What the gateway did with one message of a send; <paramref name="index"/> is its position in the request.</summary>
    internal sealed class AlphaSmsSendResult(int index, string recipient, SendOutcome outcome)
    {
        public int Index { get; } = index;

        /// <summary>The recipient as the message gave it.</summary>
        public string Recipient { get; } = recipient;

        public SendOutcome Outcome { get; } = outcome;

        /// <summary>The client id the message was sent with (assigned by the SDK over JSON when the message had none).</summary>
        public long? ClientId { get; set; }

        /// <summary>The id the gateway assigned (JSON and XML <c>msg_id</c>, HTTP <c>id</c>).</summary>
        public long? GatewayId { get; set; }

        /// <summary>How many message parts the gateway counted (JSON <c>parts</c>, HTTP <c>sms_count</c>).</summary>
        public int? Parts { get; set; }

        /// <summary>
        /// The gateway's error code for a rejected message (for example <c>208</c>), or, for a message not sent, that of
        /// the refusal that stopped the send before its request.
        /// </summary>
        public string? ErrorCode { get; set; }

        public string? Error { get; set; }

        /// <summary>The exception behind a not-sent or unknown outcome: what a single send throws.</summary>
        public GatewayException? Failure { get; internal set; }
    }

    /// <summary>The delivery status of one AlphaSMS message; <paramref name="rawStatus"/> is the gateway's own, unchanged.</summary>
    internal sealed class AlphaSmsMessageStatus(DeliveryState state, string rawStatus)
    {
        public DeliveryState State { get; } = state;

        /// <summary>The JSON status text, XML code or HTTP status text.</summary>
        public string RawStatus { get; } = rawStatus;

        /// <summary>The numeric status code (XML and HTTP).</summary>
        public int? StatusCode { get; set; }

        public long? ClientId { get; set; }

        public long? GatewayId { get; set; }

        /// <summary>How many parts were billed (XML <c>sms_count</c>).</summary>
        public int? Parts { get; set; }

        /// <summary>The channel that carried the message (JSON <c>type</c>: <c>viber</c>, <c>sms</c>, <c>rcs</c>).</summary>
        public string? Channel { get; set; }

        /// <summary>When the message reached its final state, as written (XML <c>date_completed</c>, HTTP <c>status_time</c>).</summary>
        public string? CompletedAt { get; set; }

        /// <summary>Replies the recipient sent (JSON, two-way messages).</summary>
        public IReadOnlyList<AlphaSmsJsonViberReply> Replies { get; set; } = Array.Empty<AlphaSmsJsonViberReply>();
    }

    /// <summary>One message's answer in a status reply: its status, or the gateway's refusal to give one (an unknown id).</summary>
    internal readonly struct AlphaSmsStatusAnswer
    {
        public AlphaSmsStatusAnswer(AlphaSmsMessageStatus status) => Status = status;

        public AlphaSmsStatusAnswer(GatewayException refusal) => Refusal = refusal;

        public AlphaSmsMessageStatus? Status { get; }

        public GatewayException? Refusal { get; }

        /// <summary>The status, or the refusal thrown (what a single status query does).</summary>
        public AlphaSmsMessageStatus OrThrow() => Status ?? throw Refusal!;
    }

    /// <summary>The AlphaSMS account balance; the HTTP transport reports no currency.</summary>
    internal sealed class AlphaSmsBalance(decimal amount, string? currency)
    {
        public decimal Amount { get; } = amount;

        public string? Currency { get; } = currency;
    }

    /// <summary>Identifies a sent message for a status query: by your client id (JSON, XML) or by the gateway's id (XML, HTTP).</summary>
    internal readonly struct AlphaSmsMessageId
    {
        private AlphaSmsMessageId(long value, bool isClientId) => (Value, IsClientId) = (value, isClientId);

        public long Value { get; }

        public bool IsClientId { get; }

        public static AlphaSmsMessageId Client(long clientId) => new AlphaSmsMessageId(clientId, isClientId: true);

        public static AlphaSmsMessageId Gateway(long gatewayId) => new AlphaSmsMessageId(gatewayId, isClientId: false);

        /// <summary>The id and its kind, for example <c>client id 100500</c>.</summary>
        public override string ToString() => (IsClientId ? "client id " : "gateway id ") + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
