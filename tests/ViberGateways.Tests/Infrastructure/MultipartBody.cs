using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// A multipart/form-data body as the gateway reads it: the random boundary named in the Content-Type header, and
    /// the parts it separates (each with its field name, file name, content type and content).
    /// </summary>
    internal static class MultipartBody
    {
        /// <summary>What renderings show instead of the random boundary.</summary>
        public const string FixedBoundary = "BOUNDARY";

        private const string LineBreak = "\r\n";

        /// <summary>The boundary of a multipart content type, or null for any other content type.</summary>
        public static string? Boundary(string? contentType)
        {
            if (contentType is null || !MediaTypeHeaderValue.TryParse(contentType, out var media)
                || media.MediaType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) != true)
            {
                return null;
            }

            var boundary = media.Parameters.FirstOrDefault(p => p.Name.Equals("boundary", StringComparison.OrdinalIgnoreCase))?.Value?.Trim('"');
            return string.IsNullOrEmpty(boundary) ? null : boundary;
        }

        /// <summary>
        /// The parts of a recorded multipart request, read as RFC 7578 lays them out: every delimiter line, part header
        /// and blank line ends in CRLF, and the body closes with the final delimiter.
        /// </summary>
        public static IReadOnlyList<MultipartPart> Parts(RecordedRequest request)
        {
            var boundary = Boundary(request.ContentType) ?? throw new InvalidOperationException($"Not a multipart request: {request.ContentType}");
            var sections = request.BodyText.Split(new[] { "--" + boundary }, StringSplitOptions.None);
            sections[0].ShouldBeEmpty("nothing comes before the first delimiter");
            sections[sections.Length - 1].ShouldBe("--" + LineBreak, "the body ends with the closing delimiter");

            return sections.Skip(1).Take(sections.Length - 2).Select(section =>
            {
                section.ShouldStartWith(LineBreak);
                section.ShouldEndWith(LineBreak);
                var content = section.Substring(LineBreak.Length, section.Length - 2 * LineBreak.Length);
                var headerEnd = content.IndexOf(LineBreak + LineBreak, StringComparison.Ordinal);
                headerEnd.ShouldBeGreaterThan(0, "a part has headers, a blank line and its content");
                var headers = content.Substring(0, headerEnd).Split(new[] { LineBreak }, StringSplitOptions.None)
                    .Select(line => line.Split(new[] { ':' }, 2))
                    .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
                var disposition = ContentDispositionHeaderValue.Parse(headers["Content-Disposition"]);
                disposition.DispositionType.ShouldBe("form-data");
                return new MultipartPart(
                    disposition.Name!.Trim('"'),
                    disposition.FileName?.Trim('"'),
                    headers.TryGetValue("Content-Type", out var contentType) ? contentType : null,
                    content.Substring(headerEnd + 2 * LineBreak.Length));
            }).ToList();
        }
    }

    /// <summary>One part of a multipart/form-data body; <see cref="FileName"/> is set for an uploaded file.</summary>
    internal sealed record MultipartPart(string Name, string? FileName, string? ContentType, string Value);
}
