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

    /// <summary>A button under a LiveAll Viber message.</summary>
    internal sealed class LiveAllButton
    {
        /// <summary>Creates a button.</summary>
        /// <param name="caption">Button text.</param>
        /// <param name="url">The absolute http(s) URL it opens.</param>
        public LiveAllButton(string caption, string url)
        {
            Caption = caption;
            Url = url;
        }

        /// <summary>Button text.</summary>
        public string Caption { get; }

        /// <summary>The URL it opens.</summary>
        public string Url { get; }
    }

    /// <summary>The SMS LiveAll sends when the Viber message cannot be delivered.</summary>
    internal sealed class LiveAllSmsFallback
    {
        /// <summary>Creates an SMS fallback.</summary>
        /// <param name="senderId">SMS sender: at most 11 characters from <c>A-Z a-z 0-9 - . ! # % &amp; ( ) &lt; &gt;</c>.</param>
        /// <param name="text">The SMS text.</param>
        /// <param name="priceCategory">Normal or low-cost SMS.</param>
        public LiveAllSmsFallback(string senderId, string text, LiveAllPriceCategory priceCategory = LiveAllPriceCategory.Normal)
        {
            SenderId = senderId;
            Text = text;
            PriceCategory = priceCategory;
        }

        /// <summary>SMS sender (<c>senderid</c>).</summary>
        public string SenderId { get; }

        /// <summary>SMS text (<c>sms_text</c>).</summary>
        public string Text { get; }

        /// <summary>Price category (<c>pricecat</c>).</summary>
        public LiveAllPriceCategory PriceCategory { get; }
    }

    /// <summary>What became of one destination of a LiveAll send.</summary>
    internal sealed class LiveAllSendResult
    {
        /// <summary>Creates a result.</summary>
        /// <param name="recipient">The recipient as the message gave it.</param>
        /// <param name="smsId">The message id LiveAll assigned; query the status with it.</param>
        public LiveAllSendResult(string recipient, long smsId)
        {
            Recipient = recipient;
            SmsId = smsId;
        }

        /// <summary>The recipient as the message gave it.</summary>
        public string Recipient { get; }

        /// <summary>The message id LiveAll assigned.</summary>
        public long SmsId { get; }
    }
}
