using System.Text;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// The one canonical text form of a request the gateway would receive: method, path and query, the allow-listed
    /// headers (Content-Type, Accept), a blank line and the body byte for byte (JSON as emitted, XML and form bodies as
    /// written). Credentials are masked the way the SDK masks them everywhere, so approved files never hold a key.
    /// A multipart body shows <see cref="MultipartBody.FixedBoundary"/> in place of its random boundary (in the header
    /// and in the body), and its CRLF line breaks as LF, the line ending of every approved file
    /// (<see cref="MultipartBody.Parts"/> checks the CRLFs).
    /// </summary>
    internal static class WireRendering
    {
        public static string Render(RecordedRequest request)
        {
            var contentType = request.ContentType;
            var body = request.BodyText;
            if (MultipartBody.Boundary(contentType) is { } boundary)
            {
                contentType = contentType!.Replace(boundary, MultipartBody.FixedBoundary);
                body = body.Replace(boundary, MultipartBody.FixedBoundary).Replace("\r\n", "\n");
            }

            var text = new StringBuilder()
                .Append(request.Method).Append(' ').Append(request.Uri.PathAndQuery).Append('\n');
            if (contentType != null)
            {
                text.Append("Content-Type: ").Append(contentType).Append('\n');
            }

            if (request.Accept != null)
            {
                text.Append("Accept: ").Append(request.Accept).Append('\n');
            }

            text.Append('\n').Append(body);
            var rendering = SecretRedactor.Redact(text.ToString());

            // The redactor withholds text it could not scan in time; that must fail as such, never as a snapshot mismatch.
            rendering.ShouldNotContain("characters withheld", Case.Sensitive,
                "the redactor timed out on this rendering and withheld it: " + request.Method + " " + request.Uri.AbsolutePath);
            return rendering;
        }
    }
}
