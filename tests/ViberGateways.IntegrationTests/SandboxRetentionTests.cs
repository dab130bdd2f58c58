using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ViberGateways.AlphaSms;
using ViberGateways.Sandbox;
using ViberGateways.IntegrationTests.Bulk;

namespace ViberGateways.IntegrationTests
{
    /// <summary>A sandbox left running keeps the newest messages and requests up to its limits (counts and request bytes), and forgets the rest.</summary>
    public class SandboxRetentionTests
    {
        private const int Limit = 100;

        [Fact]
        public async Task Only_the_newest_messages_and_requests_are_kept_and_the_indexes_stay_within_the_limit()
        {
            await using var sandbox = await SandboxGateway.StartAsync(new SandboxOptions { MaxRetainedMessages = Limit, MaxRetainedRequests = Limit });
            var client = Client(sandbox);

            var sent = await SendAsync(client, 250);

            sandbox.Messages.Select(m => m.Id).ShouldBe(sent.Skip(150).Select(s => s.GatewayId()!.Value));
            sandbox.Requests.Count.ShouldBe(Limit);
            sandbox.Store.IndexSizes.ShouldBe((Limit, Limit));

            // Another 250: the structures hold the same number, not more.
            var more = await SendAsync(client, 250);

            sandbox.Messages.Select(m => m.Id).ShouldBe(more.Skip(150).Select(s => s.GatewayId()!.Value));
            sandbox.Requests.Count.ShouldBe(Limit);
            sandbox.Store.IndexSizes.ShouldBe((Limit, Limit));
        }

        [Fact]
        public async Task A_forgotten_message_is_answered_as_an_id_the_gateway_never_issued()
        {
            // A clock that stands still: the kept message stays in its first state.
            await using var sandbox = await SandboxGateway.StartAsync(new SandboxOptions { MaxRetainedMessages = Limit, TimeProvider = new FakeTimeProvider() });
            var client = Client(sandbox, AlphaSmsTransport.Xml);
            var sent = await SendAsync(client, Limit + 1);

            var forgotten = await client.GetStatusAsync(ByGatewayId(sent[0].Reference!.GatewayId!));
            var neverIssued = await client.GetStatusAsync(ByGatewayId("1"));
            var kept = await client.GetStatusAsync(ByGatewayId(sent[1].Reference!.GatewayId!));

            // The refusal names the id asked, then the gateway's code: the same code for both.
            forgotten.State.ShouldBe(DeliveryState.Unknown);
            forgotten.Error.ShouldNotBeNull().ShouldContain("rejected the status query");
            forgotten.Error.Substring(forgotten.Error.IndexOf(": ", StringComparison.Ordinal)).ShouldBe(neverIssued.Error!.Substring(neverIssued.Error.IndexOf(": ", StringComparison.Ordinal)));
            kept.State.ShouldBe(DeliveryState.Accepted);
        }

        [Fact]
        public async Task The_default_limit_is_ten_thousand()
        {
            new SandboxOptions().MaxRetainedMessages.ShouldBe(10_000);
            new SandboxOptions().MaxRetainedRequests.ShouldBe(10_000);
            await Should.ThrowAsync<ArgumentOutOfRangeException>(() => SandboxGateway.StartAsync(new SandboxOptions { MaxRetainedMessages = 0 }));
        }

        [Fact]
        public async Task The_default_request_byte_limit_is_32_MiB_and_less_than_one_byte_is_refused()
        {
            new SandboxOptions().MaxRetainedRequestBytes.ShouldBe(32L * 1024 * 1024);
            await Should.ThrowAsync<ArgumentOutOfRangeException>(() => SandboxGateway.StartAsync(new SandboxOptions { MaxRetainedRequestBytes = 0 }));
        }

        [Fact]
        public async Task Bulk_requests_past_the_byte_limit_evict_the_oldest_and_the_retained_total_stays_within_it()
        {
            var bodies = Enumerable.Range(0, 10).Select(batch => AlphaSmsBulkBody(batch, messages: 50)).ToArray();
            var weight = RetainedBytes(bodies[0]);
            bodies.ShouldAllBe(body => RetainedBytes(body) == weight);
            // Room for three and a half requests: three are kept, well under the count limit.
            var limit = weight * 7 / 2;
            await using var sandbox = await SandboxGateway.StartAsync(new SandboxOptions { MaxRetainedRequestBytes = limit });
            using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };

            foreach (var body in bodies)
            {
                await PostJsonAsync(http, "api/json.php", body);
            }

            sandbox.Requests.Select(r => r.Body).ShouldBe(bodies.Skip(7));
            sandbox.Requests.Sum(r => r.RetainedBytes).ShouldBeLessThanOrEqualTo(limit);
            sandbox.RetainedRequestBytes.ShouldBe(sandbox.Requests.Sum(r => r.RetainedBytes));
        }

        [Fact]
        public async Task The_newest_request_is_kept_even_when_it_alone_weighs_more_than_the_byte_limit()
        {
            var small = AlphaSmsBulkBody(0, messages: 1);
            var big = AlphaSmsBulkBody(1, messages: 50);
            var limit = RetainedBytes(small) * 5 / 2;
            RetainedBytes(big).ShouldBeGreaterThan(limit);
            await using var sandbox = await SandboxGateway.StartAsync(new SandboxOptions { MaxRetainedRequestBytes = limit });
            using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };

            await PostJsonAsync(http, "api/json.php", small);
            await PostJsonAsync(http, "api/json.php", big);
            sandbox.Requests.Select(r => r.Body).ShouldBe(new[] { big });

            // The next request pushes the big one out; two small ones fit together.
            await PostJsonAsync(http, "api/json.php", small);
            sandbox.Requests.Select(r => r.Body).ShouldBe(new[] { small });
            await PostJsonAsync(http, "api/json.php", small);
            sandbox.Requests.Select(r => r.Body).ShouldBe(new[] { small, small });
            sandbox.RetainedRequestBytes.ShouldBe(2 * RetainedBytes(small));
        }

        [Fact]
        public async Task SMS_by_bulk_requests_are_kept_while_their_deliveries_fit_the_message_limit()
        {
            // Each bulk request holds its deliveries for statusBulkViber: counted in messages, not in requests.
            await using var sandbox = await SandboxGateway.StartAsync(new SandboxOptions { MaxRetainedMessages = 10 });
            using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
            var token = sandbox.Credentials.SmsByToken;

            var uuids = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                uuids.Add(await SendSmsByBulkAsync(http, token, recipients: 4));
            }

            // 4 + 4 deliveries fit in 10; a third request's would not.
            (await Task.WhenAll(uuids.Select(uuid => SmsByBulkIsKnownAsync(http, token, uuid)))).ShouldBe(new[] { false, false, false, true, true });

            // One request with more deliveries than the limit is kept alone.
            var oversized = await SendSmsByBulkAsync(http, token, recipients: 12);
            (await SmsByBulkIsKnownAsync(http, token, oversized)).ShouldBeTrue();
            (await SmsByBulkIsKnownAsync(http, token, uuids[^1])).ShouldBeFalse();
        }

        /// <summary>The weight <see cref="SandboxOptions.MaxRetainedRequestBytes"/> counts for an ASCII body posted to <c>/api/json.php</c>.</summary>
        private static long RetainedBytes(string body) => 2L * ("/api/json.php".Length + body.Length);

        /// <summary>An AlphaSMS JSON request of <paramref name="messages"/> messages; bodies of one size weigh the same whatever the batch.</summary>
        private static string AlphaSmsBulkBody(int batch, int messages)
        {
            var body = new StringBuilder("{\"auth\":\"sandbox-alphasms-key\",\"data\":[");
            for (var i = 0; i < messages; i++)
            {
                body.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture,
                    $"{{\"type\":\"viber\",\"id\":{batch * 1000 + i + 1000000},\"phone\":380971234567,\"viber_type\":\"text\",\"viber_signature\":\"Shop\",\"viber_message\":\"Batch {batch:D4} message {i:D4}\"}}");
            }

            return body.Append("]}").ToString();
        }

        private static async Task PostJsonAsync(HttpClient http, string path, string body)
        {
            using var reply = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
            reply.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        private static async Task<string> SendSmsByBulkAsync(HttpClient http, string token, int recipients)
        {
            var phones = string.Join(",", Enumerable.Range(0, recipients).Select(i => $"\"37529{1000000 + i}\""));
            var body = $"{{\"token\":\"{token}\",\"messages\":[{{\"alphaname_id\":\"1363\",\"name\":\"retention\",\"message_type\":\"bulk\",\"content\":{{\"type\":\"text\",\"text\":\"Hi\"}},\"delivery_list\":[{phones}]}}]}}";
            using var reply = await http.PostAsync("api/v1/sendBulkViber", new StringContent(body, Encoding.UTF8, "application/json"));
            using var json = JsonDocument.Parse(await reply.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("uuid").GetString()!;
        }

        private static async Task<bool> SmsByBulkIsKnownAsync(HttpClient http, string token, string uuid)
        {
            using var reply = await http.PostAsync($"api/v1/statusBulkViber?token={token}&uuid={uuid}", null);
            var body = await reply.Content.ReadAsStringAsync();
            if (reply.StatusCode == HttpStatusCode.OK)
            {
                return true;
            }

            body.ShouldContain("Unknown uuid");
            return false;
        }

        private static IViberClient Client(SandboxGateway sandbox, AlphaSmsTransport transport = AlphaSmsTransport.Json) =>
            ViberClientFactory.Create(new AlphaSmsOptions { BaseAddress = sandbox.BaseAddress, ApiKey = sandbox.Credentials.AlphaSmsApiKey, Transport = transport }, new System.Net.Http.HttpClient());

        private static int _nextClientId = 1;

        /// <summary>A reference with the gateway's id only, as the status of an unknown outcome is asked.</summary>
        private static MessageReference ByGatewayId(string gatewayId) => new(Gateway.AlphaSms, "380971234567", gatewayId: gatewayId);

        private static async Task<SendResult[]> SendAsync(IViberClient client, int count)
        {
            var results = new SendResult[count];
            for (var i = 0; i < count; i++)
            {
                results[i] = (await client.SendAsync(new ViberMessage { Recipients = { "380971234567" }, Sender = "Shop", Text = "Hi", ClientId = System.Threading.Interlocked.Increment(ref _nextClientId) })).ShouldHaveSingleItem();
                results[i].Outcome.ShouldBe(SendOutcome.Accepted);
            }

            return results;
        }
    }
}
