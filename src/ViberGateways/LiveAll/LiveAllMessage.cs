using System.Collections.Generic;

namespace ViberGateways.LiveAll
{
    /// <summary>One Viber message to one or more LiveAll destinations, with an optional SMS fallback.</summary>
    internal sealed class LiveAllMessage
    {
        /// <summary>Recipients in international format (<c>+306912345678</c> or <c>306912345678</c>); sent as digits.</summary>
        public IList<string> Recipients { get; set; } = new List<string>();

        /// <summary>The approved Viber sender name (<c>im_sender_name</c>).</summary>
        public string SenderName { get; set; } = "";

        /// <summary>The Viber text, at most 1000 characters (<c>im_text</c>).</summary>
        public string Text { get; set; } = "";

        /// <summary>Public URL of one image (<c>im_image_urls</c>; LiveAll allows only one).</summary>
        public string? ImageUrl { get; set; }

        /// <summary>One button (<c>im_actions</c>; LiveAll allows only one).</summary>
        public LiveAllButton? Button { get; set; }

        /// <summary>An SMS sent instead to recipients Viber cannot reach (<c>IM_SMSFB</c>).</summary>
        public LiveAllSmsFallback? SmsFallback { get; set; }
    }

    /// <summary>A button under a LiveAll Viber message: its text and the absolute http(s) URL it opens.</summary>
    internal sealed class LiveAllButton(string caption, string url)
    {
        public string Caption { get; } = caption;

        public string Url { get; } = url;
    }

    /// <summary>
    /// The SMS LiveAll sends when the Viber message cannot be delivered: <c>senderid</c> (at most 11 characters from
    /// <c>A-Z a-z 0-9 - . ! # % &amp; ( ) &lt; &gt;</c>), <c>sms_text</c> and <c>pricecat</c>.
    /// </summary>
    internal sealed class LiveAllSmsFallback(string senderId, string text, LiveAllPriceCategory priceCategory = LiveAllPriceCategory.Normal)
    {
        public string SenderId { get; } = senderId;

        public string Text { get; } = text;

        public LiveAllPriceCategory PriceCategory { get; } = priceCategory;
    }

    /// <summary>What became of one destination of a LiveAll send: the recipient as the message gave it and the message id LiveAll assigned.</summary>
    internal sealed class LiveAllSendResult(string recipient, long smsId)
    {
        public string Recipient { get; } = recipient;

        public long SmsId { get; } = smsId;
    }
}
