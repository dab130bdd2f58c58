using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// The parameters of a recorded request as a gateway reads them, each with where it travelled: <c>query</c> (the
    /// URL's query string), <c>formData</c> (a form-urlencoded or multipart body; the names of seed 004's tables) or
    /// <c>body</c> (a top-level member of a JSON body, its value as compact JSON).
    /// </summary>
    internal static class SentParameters
    {
        public const string Query = "query";
        public const string FormData = "formData";
        public const string JsonBody = "body";

        public static IReadOnlyList<SentParameter> Of(RecordedRequest request)
        {
            var parameters = Pairs(request.Uri.Query.TrimStart('?')).Select(p => new SentParameter(p.Name, Query, p.Value, null)).ToList();
            var mediaType = request.ContentType is null ? null : MediaTypeHeaderValue.Parse(request.ContentType).MediaType;
            switch (mediaType)
            {
                case null:
                    request.Body.ShouldBeEmpty("a request without a content type has no body");
                    break;
                case "application/x-www-form-urlencoded":
                    parameters.AddRange(Pairs(request.BodyText).Select(p => new SentParameter(p.Name, FormData, p.Value, null)));
                    break;
                case "multipart/form-data":
                    parameters.AddRange(MultipartBody.Parts(request).Select(p => new SentParameter(p.Name, FormData, p.Value, p.FileName)));
                    break;
                case "application/json" when request.Body.Length > 0:
                    parameters.AddRange(JObject.Parse(request.BodyText).Properties()
                        .Select(p => new SentParameter(p.Name, JsonBody, p.Value.ToString(Formatting.None), null)));
                    break;
                case "application/json":
                    break;
                default:
                    throw new InvalidOperationException($"No parameters are read from a {mediaType} body");
            }

            return parameters;
        }

        /// <summary>A POST to <paramref name="path"/> with nothing in the query and exactly these fields in a form-urlencoded body, in any order.</summary>
        public static void ShouldBeFormPost(this RecordedRequest request, string path, params (string Name, string Value)[] fields)
        {
            request.Method.ShouldBe("POST");
            request.Uri.AbsolutePath.ShouldBe(path);
            MediaTypeHeaderValue.Parse(request.ContentType!).MediaType.ShouldBe("application/x-www-form-urlencoded");
            var sent = Of(request);
            sent.ShouldAllBe(p => p.Location == FormData);
            sent.Values().ShouldBe(fields, ignoreOrder: true);
        }

        /// <summary>The (name, value) pairs of the parameters, for comparing values as a set.</summary>
        public static IEnumerable<(string Name, string Value)> Values(this IEnumerable<SentParameter> parameters) =>
            parameters.Select(p => (p.Name, p.Value));

        // name=value pairs joined by '&', percent-encoded, '+' for a space (HTML form encoding).
        private static IEnumerable<(string Name, string Value)> Pairs(string encoded) =>
            encoded.Length == 0
                ? Enumerable.Empty<(string, string)>()
                : encoded.Split('&').Select(pair => pair.Split(new[] { '=' }, 2)).Select(pair => (Decode(pair[0]), pair.Length == 2 ? Decode(pair[1]) : ""));

        private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
    }

    /// <summary>One parameter of a request: its name, where it travelled, its value, and the file name of an uploaded file.</summary>
    internal sealed record SentParameter(string Name, string Location, string Value, string? FileName);
}
