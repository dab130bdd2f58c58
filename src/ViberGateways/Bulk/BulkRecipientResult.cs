using System;

namespace ViberGateways.Bulk
{
    /// <summary>What became of one recipient of a bulk send. Every recipient read from the input gets exactly one.</summary>
    internal sealed class BulkRecipientResult
    {
        /// <summary>Creates a result.</summary>
        /// <param name="index">The recipient's position in the input (0-based).</param>
        /// <param name="recipient">The recipient as the input gave it.</param>
        /// <param name="outcome">Accepted, rejected, unknown or not sent.</param>
        public BulkRecipientResult(long index, string recipient, SendOutcome outcome)
        {
            Index = index;
            Recipient = recipient;
            Outcome = outcome;
        }

        /// <summary>The recipient's position in the input (0-based). Results arrive as requests complete, not in input order.</summary>
        public long Index { get; }

        /// <summary>The recipient as the input gave it.</summary>
        public string Recipient { get; }

        /// <summary>Whether the gateway accepted the message for this recipient.</summary>
        public SendOutcome Outcome { get; }

        /// <summary>The id the gateway gave the message (AlphaSMS <c>msg_id</c>/<c>id</c>, LiveAll <c>smsid</c>); query the status with it.</summary>
        public long? GatewayId { get; set; }

        /// <summary>The client id the message was sent with (AlphaSMS JSON and XML; assigned by the SDK when the message had none).</summary>
        public long? ClientId { get; set; }

        /// <summary>The mailing the recipient was sent in (SMS.by <c>uuid</c>); query its delivery status with it.</summary>
        public string? MailingId { get; set; }

        /// <summary>How many message parts the gateway counted, when it said.</summary>
        public int? Parts { get; set; }

        /// <summary>The gateway's error code for a rejected message, when it gave one.</summary>
        public string? ErrorCode { get; set; }

        /// <summary>Why the message was rejected or not sent, or why its outcome is unknown.</summary>
        public string? Error { get; set; }

        /// <summary>
        /// The exception behind a result other than accepted, when there is one: a <see cref="RequestValidationException"/>
        /// naming the invalid field (nothing was sent), a <see cref="GatewayException"/>, or an
        /// <see cref="OperationCanceledException"/> for a request the caller cancelled.
        /// </summary>
        public Exception? Failure { get; set; }

        /// <summary>Which request (1-based, in the order they were sent) carried the recipient; 0 when none did.</summary>
        public int Request { get; set; }
    }
}
