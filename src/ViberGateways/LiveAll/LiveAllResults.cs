using System;

namespace ViberGateways.LiveAll
{
    /// <summary>One record of a <c>GetSMSStatus</c> reply: the status of one message.</summary>
    internal sealed class LiveAllSmsStatus
    {
        /// <summary>Creates a status record.</summary>
        /// <param name="smsId">The message id (SendIM's <c>smsid</c>).</param>
        /// <param name="statusCode">The status number (see <see cref="LiveAllMessageStatusCode"/>).</param>
        /// <param name="statusText">The status text, e.g. <c>IM_DELIVRD</c>.</param>
        public LiveAllSmsStatus(long smsId, int statusCode, string statusText)
        {
            SmsId = smsId;
            StatusCode = statusCode;
            StatusText = statusText;
        }

        /// <summary>The message id.</summary>
        public long SmsId { get; }

        /// <summary>The status number; Viber statuses are 300000–300011.</summary>
        public int StatusCode { get; }

        /// <summary>The status text, unchanged.</summary>
        public string StatusText { get; }

        /// <summary>The status in gateway-independent terms.</summary>
        public DeliveryState State => LiveAllStatusMapping.FromCode(StatusCode);

        /// <summary>When the message was submitted.</summary>
        public DateTimeOffset? SubmittedAt { get; set; }

        /// <summary>When the status last changed.</summary>
        public DateTimeOffset? LastStatusAt { get; set; }

        /// <summary>The destination number.</summary>
        public string? Destination { get; set; }

        /// <summary>The quantity field of the record (its unit is not documented).</summary>
        public int? Quantity { get; set; }

        /// <summary>The charge field of the record (its currency is not documented).</summary>
        public decimal? Charge { get; set; }
    }

    /// <summary>The LiveAll account balance (<c>GetAccountBalance</c>).</summary>
    internal sealed class LiveAllBalance
    {
        /// <summary>Creates a balance.</summary>
        /// <param name="balance">The balance in euros.</param>
        public LiveAllBalance(decimal balance)
        {
            Balance = balance;
        }

        /// <summary>The balance in euros.</summary>
        public decimal Balance { get; }

        /// <summary>The <c>SmsRemainCount</c> field (<c>-1</c> in the documented example; its meaning is not documented).</summary>
        public long? SmsRemainCount { get; set; }

        /// <summary>The <c>LCSmsRemainCount</c> field (low-cost SMS; <c>-1</c> in the documented example).</summary>
        public long? LowCostSmsRemainCount { get; set; }
    }

    /// <summary>LiveAll status numbers in gateway-independent terms.</summary>
    internal static class LiveAllStatusMapping
    {
        public static DeliveryState FromCode(int code) => (LiveAllMessageStatusCode)code switch
        {
            LiveAllMessageStatusCode.ImAccepted or LiveAllMessageStatusCode.ImNotYetSent or LiveAllMessageStatusCode.Queued => DeliveryState.Accepted,
            LiveAllMessageStatusCode.ImSent or LiveAllMessageStatusCode.Sent => DeliveryState.Sent,
            LiveAllMessageStatusCode.ImDelivered or LiveAllMessageStatusCode.Delivered => DeliveryState.Delivered,
            LiveAllMessageStatusCode.ImSeen or LiveAllMessageStatusCode.ImOpen => DeliveryState.Read,
            LiveAllMessageStatusCode.ImExpired => DeliveryState.Expired,
            LiveAllMessageStatusCode.ImDeleted => DeliveryState.Deleted,
            LiveAllMessageStatusCode.ImUndelivered or LiveAllMessageStatusCode.ImRejected => DeliveryState.Failed,
            _ => DeliveryState.Unknown,
        };
    }
}
