using System;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// One Viber message for AlphaSMS, independent of the transport (JSON, XML or HTTP) that carries it.
    /// What the message holds decides its Viber type: text; an image; text with a button; text, image and button.
    /// A field the chosen transport cannot carry is reported as a <see cref="RequestValidationException"/>
    /// naming the transport, before anything is sent.
    /// </summary>
    internal sealed class AlphaSmsMessage
    {
        /// <summary>Recipient in international format, e.g. <c>+380971234567</c> or <c>380971234567</c>.</summary>
        public string Recipient { get; set; } = "";

        /// <summary>The approved Viber sender name (at most 11 characters).</summary>
        public string Sender { get; set; } = "";

        /// <summary>Message text (UTF-8, at most 1000 characters).</summary>
        public string? Text { get; set; }

        /// <summary>Public URL of an image (<c>.jpg</c>, <c>.jpeg</c>, <c>.png</c> or <c>.gif</c>).</summary>
        public string? ImageUrl { get; set; }

        /// <summary>A button under the message that opens a link.</summary>
        public AlphaSmsButton? Button { get; set; }

        /// <summary>
        /// How long Viber keeps trying to deliver (JSON: at least 60 seconds, gateway default 172800; HTTP: 60 to 86400
        /// seconds, 86400 when not set). Whole seconds only. Not available over XML.
        /// </summary>
        public TimeSpan? Lifetime { get; set; }

        /// <summary>An SMS sent instead when the message cannot be delivered through Viber (JSON and HTTP transports).</summary>
        public AlphaSmsSmsFallback? SmsFallback { get; set; }

        /// <summary>
        /// Your own unique id for the message within the AlphaSMS account; it asks the status over JSON and XML. Over
        /// XML the gateway refuses a repeated id (208 ERR_DUPLICATE, "a message with this id exists"), which the SDK
        /// reports as accepted; the JSON pages document no answer to a repeated id, so do not count on JSON refusing one.
        /// JSON requires one and the SDK assigns one when it is not set; XML sends it when set; the HTTP transport cannot
        /// carry it.
        /// </summary>
        public long? ClientId { get; set; }

        /// <summary>Shorten and track the links in the text (JSON transport only).</summary>
        public bool? ShortenLinks { get; set; }

        /// <summary>URL where the gateway posts this message's delivery status (JSON transport only).</summary>
        public string? StatusCallbackUrl { get; set; }

        /// <summary>Send later, at this time (XML <c>date_beg</c>, HTTP <c>ask_date</c>; not available over JSON).</summary>
        public DateTimeOffset? ScheduledAt { get; set; }

        /// <summary>A copy of this message for another recipient (the message a bulk send sends to each one).</summary>
        internal AlphaSmsMessage WithRecipient(string recipient)
        {
            var copy = (AlphaSmsMessage)MemberwiseClone();
            copy.Recipient = recipient;
            return copy;
        }
    }

    /// <summary>A button under a Viber message: a caption of 1 to 19 characters and the absolute http(s) URL it opens.</summary>
    internal sealed class AlphaSmsButton(string caption, string url)
    {
        public string Caption { get; } = caption;

        public string Url { get; } = url;
    }

    /// <summary>
    /// The SMS AlphaSMS sends when a Viber message cannot be delivered; the sender is Latin letters, digits, dot, dash
    /// or underscore, at most 11 characters.
    /// </summary>
    internal sealed class AlphaSmsSmsFallback(string sender, string text)
    {
        public string Sender { get; } = sender;

        public string Text { get; } = text;
    }

    /// <summary>The AlphaSMS API that carries the messages. Switching is one option; the message model stays the same.</summary>
    public enum AlphaSmsTransport
    {
        /// <summary>The JSON API (<c>specs/alphasms-json.yaml</c>): batches, SMS fallback, lifetime, status callbacks, two-way replies.</summary>
        Json = 0,

        /// <summary>The XML API (<c>specs/alphasms-xml.yaml</c>): batches and scheduled sends; no lifetime or SMS fallback.</summary>
        Xml,

        /// <summary>The HTTP API (<c>specs/alphasms-http.yaml</c>; a form POST by default, or a GET query string): one message per request, plain-text replies.</summary>
        Http,
    }
}
