using System.Text;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// The one canonical text form of a request the gateway would receive: method, path and query, the content
    /// type, a blank line and the body byte for byte (JSON as emitted, XML and form bodies as written). Credentials
    /// are masked the way the SDK masks them everywhere, so approved files never hold a key.
    /// </summary>
    internal static class WireRendering
    {
        public static string Render(RecordedRequest request)
        {
            var text = new StringBuilder()
                .Append(request.Method).Append(' ').Append(request.Uri.PathAndQuery).Append('\n');
            if (request.ContentType != null)
            {
                text.Append("Content-Type: ").Append(request.ContentType).Append('\n');
            }

            text.Append('\n').Append(request.BodyText);
            return SecretRedactor.Redact(text.ToString());
        }
    }
}
