namespace ViberGateways.AlphaSms
{
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
