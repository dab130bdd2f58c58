using System.Text;
using System.Text.RegularExpressions;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// The one canonical text form of a request the gateway would receive: method, path and query, the content
    /// type, a blank line and the body byte for byte (JSON as emitted, XML and form bodies as written). Credentials
    /// are masked the way the SDK masks them everywhere, so approved files never hold a key.
    /// A multipart body shows <see cref="MultipartBody.FixedBoundary"/> in place of its random boundary (in the header
    /// and in the body), the content of a credential's part masked here (<see cref="SecretRedactor.Redact"/> reads
    /// query, form, JSON and XML text, not multipart parts), and its CRLF line breaks as LF, the line ending of every
    /// approved file (<see cref="MultipartBody.Parts"/> checks the CRLFs).
    /// </summary>
    internal static class WireRendering
    {
        // A credential's part: its Content-Disposition line, any further header lines and the blank line, then the value.
        private static readonly Regex CredentialPart = new(
            @"(?<head>Content-Disposition: form-data; name=""?(?:key|api_key|apikey|pass|password|token|apitoken|auth)""?(?=[;\r])[^\r\n]*\r\n(?:[^\r\n]+\r\n)*\r\n)[^\r\n]*",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static string Render(RecordedRequest request)
        {
            var contentType = request.ContentType;
            var body = request.BodyText;
            if (MultipartBody.Boundary(contentType) is { } boundary)
            {
                contentType = contentType!.Replace(boundary, MultipartBody.FixedBoundary);
                body = CredentialPart.Replace(body.Replace(boundary, MultipartBody.FixedBoundary), "${head}" + SecretRedactor.Mask).Replace("\r\n", "\n");
            }

            var text = new StringBuilder()
                .Append(request.Method).Append(' ').Append(request.Uri.PathAndQuery).Append('\n');
            if (contentType != null)
            {
                text.Append("Content-Type: ").Append(contentType).Append('\n');
            }

            text.Append('\n').Append(body);
            return SecretRedactor.Redact(text.ToString());
        }
    }
}
