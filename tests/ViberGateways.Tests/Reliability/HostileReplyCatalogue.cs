using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Reliability
{
    /// <summary>
    /// The hostile-reply catalogue's rules, for every gateway (one test class each:
    /// <see cref="AlphaSmsHostileReplyCatalogueTests"/>, <see cref="LiveAllHostileReplyCatalogueTests"/>,
    /// <see cref="SmsByHostileReplyCatalogueTests"/>): every attempt of one send through the neutral API, made with a
    /// canary key, is answered with the same hostile reply, and the send ends — within a bound its cancellation token
    /// enforces — in a result whose outcome is the expected one with the exact exception type behind it (never a raw
    /// JsonException, XmlException or NullReferenceException, which would escape as themselves); a body over
    /// <see cref="GatewayResilienceOptions.MaxReplyBytes"/> is never read whole; and the key is in no result.
    /// </summary>
    public abstract class HostileReplyCatalogue
    {
        /// <summary>The key every client sends with; the error pages quote it back.</summary>
        protected const string Canary = "CANARY-hostile-7b2d90";

        private readonly StubGateway _gateway = new();
        private readonly List<HostileContent> _huge = new();

        /// <summary>The replies every gateway is sent, whatever its format (<see cref="CommonReply"/>).</summary>
        protected static IEnumerable<string> Common => new[]
        {
            "HTML 502 page quoting the key", "HTML page with HTTP 200", "HTML 500 page quoting the key in Latin-1", "body cut after 20 bytes",
            "50 MB body", "50 MB error page", "empty body", "documented reply under a wrong content type",
        };

        /// <summary>The rows of a gateway with one reply format: the common replies, then <paramref name="own"/>.</summary>
        protected static TheoryData<string, SendOutcome> Rows(IEnumerable<string> own)
        {
            var rows = new TheoryData<string, SendOutcome>();
            foreach (var name in Common.Concat(own))
            {
                rows.Add(name, Expected(name));
            }

            return rows;
        }

        /// <summary>Every hostile reply to a send leaves its outcome unknown, but a documented one under a wrong content type, which is still read.</summary>
        protected static SendOutcome Expected(string name) => name.StartsWith("documented", StringComparison.Ordinal) ? SendOutcome.Accepted : SendOutcome.Unknown;

        /// <summary>A client of the gateway under test (with <see cref="QuickRetries"/> and the canary key) sending to <paramref name="gateway"/>.</summary>
        private protected delegate IViberClient ClientOf(StubGateway gateway);

        /// <summary>
        /// The reply a common hostile name stands for, or null for a name of the gateway's own; <paramref name="documented"/>
        /// is the gateway's documented reply to the send, in <paramref name="contentType"/>.
        /// </summary>
        private protected HttpResponseMessage? CommonReply(string name, string documented, string contentType) => name switch
        {
            "HTML 502 page quoting the key" => Reply($"<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1>key {Canary}</body></html>", "text/html", HttpStatusCode.BadGateway),
            "HTML page with HTTP 200" => Reply("<!DOCTYPE html><html><body>Down for maintenance</body></html>", "text/html"),
            "HTML 500 page quoting the key in Latin-1" => new HttpResponseMessage(HttpStatusCode.InternalServerError)
            {
                Content = new StringContent($"<html><body>Fatal error: bad key {Canary} in /var/www/api.php</body></html>", Encoding.Latin1, "text/html"),
            },
            "body cut after 20 bytes" => new HttpResponseMessage(HttpStatusCode.OK) { Content = HostileContent.CutAfter(20) },
            "50 MB body" => new HttpResponseMessage(HttpStatusCode.OK) { Content = Huge() },
            "50 MB error page" => new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = Huge() },
            "empty body" => Reply("", contentType),
            "documented reply under a wrong content type" => Reply(documented, "application/octet-stream"),
            _ => null,
        };

        /// <summary>A reply of HTTP <paramref name="status"/> with <paramref name="body"/> in UTF-8.</summary>
        private protected static HttpResponseMessage Reply(string body, string contentType, HttpStatusCode status = HttpStatusCode.OK) =>
            new(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };

        /// <summary>Answers every attempt of one send with <paramref name="reply"/> and checks the rules.</summary>
        private protected async Task SendAsync(ClientOf client, ViberMessage message, Func<HttpResponseMessage> reply, SendOutcome outcome)
        {
            _gateway.Reply(reply, times: 1 + QuickRetries.Policy().MaxRetryAttempts);
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));

            var result = (await client(_gateway).SendAsync(message, bound.Token)).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(outcome, result.Error);
            switch (outcome)
            {
                case SendOutcome.Accepted:
                    result.Failure.ShouldBeNull();
                    result.Reference.ShouldNotBeNull();
                    break;
                case SendOutcome.Rejected:
                    result.Failure.ShouldBeOfType<GatewayRejectedException>();
                    break;
                case SendOutcome.Unknown when result.Failure is null:
                    // The reply was read but said nothing of this recipient.
                    result.Error.ShouldNotBeNullOrEmpty();
                    break;
                case SendOutcome.Unknown:
                    result.Failure.ShouldBeOfType<GatewayOutcomeUnknownException>();
                    break;
                default:
                    throw new ShouldAssertException($"no hostile reply is expected to end in {outcome}");
            }

            _huge.ShouldAllBe(body => body.BytesRead < QuickRetries.Policy().MaxReplyBytes + 64 * 1024, "a body over the cap is not read whole");
            foreach (var text in new[] { result.Error, result.Failure?.ToString(), (result.Failure as GatewayException)?.ResponseSnippet })
            {
                text?.ShouldNotContain(Canary);
            }
        }

        private HostileContent Huge()
        {
            var body = HostileContent.Huge(50);
            _huge.Add(body);
            return body;
        }
    }
}
