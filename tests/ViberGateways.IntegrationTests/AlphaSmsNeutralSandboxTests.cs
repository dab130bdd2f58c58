using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.IntegrationTests.Bulk;
using Xunit.Abstractions;

namespace ViberGateways.IntegrationTests
{
    /// <summary>
    /// The neutral API over AlphaSMS against the sandbox: a bulk send's references, stored as text, followed in
    /// status rounds of few requests, on the transport that sent them and on the others. Requests are counted where
    /// they arrive, in the sandbox's request log (this class's own sandbox).
    /// </summary>
    public class AlphaSmsNeutralSandboxTests : IClassFixture<SandboxFixture>
    {
        private const int Recipients = 10_000;
        private readonly SandboxFixture _fixture;
        private readonly ITestOutputHelper _output;

        public AlphaSmsNeutralSandboxTests(SandboxFixture fixture, ITestOutputHelper output)
        {
            _fixture = fixture.WithoutQueuedFaults();
            _output = output;
        }

        private IViberClient Neutral(AlphaSmsTransport transport) => (IViberClient)_fixture.AlphaSms(transport);

        [Fact]
        public async Task Ten_thousand_references_of_a_json_bulk_send_are_read_in_at_most_twenty_requests_and_followed_over_xml_and_http()
        {
            var text = $"Neutral round {Guid.NewGuid():N}";
            var results = await AllAsync(Neutral(AlphaSmsTransport.Json).SendBulkAsync(new ViberMessage { Sender = "Shop", Text = text }, BulkInputs.Numbers("38093", Recipients)));

            results.Count.ShouldBe(Recipients);
            results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted && r.Reference != null && r.Reference.ClientId > 0 && r.Reference.GatewayId != null);
            var stored = results.OrderBy(r => r.Index).Select(r => r.Reference!.ToString()).ToList();
            _fixture.PassTheWholeTimeline();

            var references = stored.Select(MessageReference.Parse).ToList();
            var (json, jsonRequests) = await StatusRoundAsync(AlphaSmsTransport.Json, references);
            var (xml, xmlRequests) = await StatusRoundAsync(AlphaSmsTransport.Xml, references);
            var sample = references.Where((_, i) => i % 500 == 0).ToList();
            var (http, httpRequests) = await StatusRoundAsync(AlphaSmsTransport.Http, sample);

            _output.WriteLine($"status requests for {Recipients} references: JSON {jsonRequests}, XML {xmlRequests}; HTTP {httpRequests} for {sample.Count}");
            jsonRequests.ShouldBeLessThanOrEqualTo(20);
            xmlRequests.ShouldBeLessThanOrEqualTo(20);
            httpRequests.ShouldBe(sample.Count, "the HTTP API asks for one message per request");
            foreach (var (statuses, asked) in new[] { (json, references), (xml, references), (http, sample) })
            {
                statuses.Select(s => s.Reference).ShouldBe(asked);
                statuses.ShouldAllBe(s => s.IsFinal && s.Error == null);
            }

            var delivered = _fixture.Sandbox.Messages.Where(m => m.Text == text).ToDictionary(m => m.Id);
            delivered.Count.ShouldBe(Recipients);
            references.ShouldAllBe(r => delivered[long.Parse(r.GatewayId!)].Recipient == r.Recipient);
        }

        /// <summary>An HTTP send's references carry the gateway id only: XML asks by it; JSON, which asks by client id only, says so.</summary>
        [Fact]
        public async Task References_of_an_http_send_are_read_over_xml_and_json_says_which_transport_can()
        {
            var sent = await Neutral(AlphaSmsTransport.Http).SendAsync(new ViberMessage { Recipients = { "+380931110001", "+380931110002" }, Sender = "Shop", Text = "Hi" });

            sent.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted && r.Reference!.ClientId == null && r.Reference.GatewayId != null);
            var references = sent.Select(r => MessageReference.Parse(r.Reference!.ToString())).ToList();
            _fixture.Clock.Advance(SandboxFixture.FastTimeline.DeliveredAfter);

            var overXml = await Neutral(AlphaSmsTransport.Xml).GetStatusAsync(references);
            var overJson = await Neutral(AlphaSmsTransport.Json).GetStatusAsync(references);

            overXml.ShouldAllBe(s => s.State == DeliveryState.Delivered);
            overJson.ShouldAllBe(s => s.State == DeliveryState.Unknown && s.Error!.Contains("XML or HTTP"));
        }

        private async Task<(IReadOnlyList<DeliveryStatus> Statuses, int Requests)> StatusRoundAsync(AlphaSmsTransport transport, IReadOnlyList<MessageReference> references)
        {
            var before = _fixture.Sandbox.Requests.Count;
            var statuses = await Neutral(transport).GetStatusAsync(references);
            return (statuses, _fixture.Sandbox.Requests.Count - before);
        }

        private static async Task<List<SendResult>> AllAsync(IAsyncEnumerable<SendResult> results)
        {
            var all = new List<SendResult>();
            await foreach (var result in results)
            {
                all.Add(result);
            }

            return all;
        }
    }
}
