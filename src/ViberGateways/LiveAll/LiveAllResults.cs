using System;

namespace ViberGateways.LiveAll
{
    /// <summary>One record of a <c>GetSMSStatus</c> reply: the status of one message (<c>smsid</c>, status number and text).</summary>
    internal sealed class LiveAllSmsStatus(long smsId, int statusCode, string statusText)
    {
        public long SmsId { get; } = smsId;

        /// <summary>The status number; Viber statuses are 300000–300011 (<see cref="LiveAllMessageStatusCode"/>).</summary>
        public int StatusCode { get; } = statusCode;

        /// <summary>The status text, unchanged (for example <c>IM_DELIVRD</c>).</summary>
        public string StatusText { get; } = statusText;

        public DeliveryState State => LiveAllStatusMapping.FromCode(StatusCode);

        public DateTimeOffset? SubmittedAt { get; set; }

        public DateTimeOffset? LastStatusAt { get; set; }

        public string? Destination { get; set; }

        /// <summary>The quantity field of the record (its unit is not documented).</summary>
        public int? Quantity { get; set; }

        /// <summary>The charge field of the record (its currency is not documented).</summary>
        public decimal? Charge { get; set; }
    }

    /// <summary>The LiveAll account balance (<c>GetAccountBalance</c>), in euros.</summary>
    internal sealed class LiveAllBalance(decimal balance)
    {
        public decimal Balance { get; } = balance;

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
