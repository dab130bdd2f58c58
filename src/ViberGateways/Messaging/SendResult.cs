using System;
using System.Collections.Generic;

namespace ViberGateways
{
    /// <summary>What became of one recipient of a send.</summary>
    public sealed class SendResult
    {
        /// <summary>Creates a result.</summary>
        /// <param name="gateway">The gateway that took (or last tried) the message.</param>
        /// <param name="recipient">The recipient as the message gave it.</param>
        /// <param name="outcome">Accepted, rejected, not sent or unknown.</param>
        public SendResult(Gateway gateway, string recipient, SendOutcome outcome)
        {
            Gateway = gateway;
            Recipient = recipient;
            Outcome = outcome;
        }

        /// <summary>The gateway that took the message, or the last one tried.</summary>
        public Gateway Gateway { get; }

        /// <summary>The recipient as the message gave it.</summary>
        public string Recipient { get; }

        /// <summary>Accepted, rejected, not sent or unknown.</summary>
        public SendOutcome Outcome { get; }

        /// <summary>Whether the gateway accepted the message.</summary>
        public bool IsAccepted => Outcome == SendOutcome.Accepted;

        /// <summary>
        /// The recipient's position among the send's recipients (message by message), or in a bulk send's input
        /// (0-based). Bulk results arrive as requests complete, not in input order.
        /// </summary>
        public long Index { get; internal set; }

        /// <summary>
        /// What to ask the status with, and to store (<see cref="MessageReference.ToString"/>): set whenever the SDK
        /// knows an id for the message — always when accepted, and when the outcome is unknown but the message
        /// carried a client id.
        /// </summary>
        public MessageReference? Reference { get; internal set; }

        /// <summary>How many message parts the gateway counted, when it said.</summary>
        public int? Parts { get; internal set; }

        /// <summary>
        /// The gateway's error code for a rejected message, when it gave one, or, for a message not sent, that of the
        /// refusal that stopped the send before its request; any other failure of the gateway behind the outcome gives
        /// its code too. <c>validation</c> for a message refused by the SDK's own checks.
        /// </summary>
        public string? ErrorCode { get; internal set; }

        /// <summary>Why the message was rejected or not sent, or why its outcome is unknown.</summary>
        public string? Error { get; internal set; }

        /// <summary>
        /// The exception behind an outcome other than accepted, when there is one: a <see cref="RequestValidationException"/>
        /// naming the invalid field (nothing was sent), a <see cref="GatewayException"/>, or an
        /// <see cref="OperationCanceledException"/>.
        /// </summary>
        public Exception? Failure { get; internal set; }

        /// <summary>Which request (1-based, in the order they were sent) carried the recipient in a bulk send; 0 otherwise.</summary>
        public int Request { get; internal set; }

        /// <summary>Every gateway tried for this recipient, in order, when a <see cref="ViberRouter"/> sent it; the last one decided the outcome.</summary>
        public IReadOnlyList<GatewayAttempt> Attempts { get; internal set; } = Array.Empty<GatewayAttempt>();
    }
}
