using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ViberGateways.AlphaSms;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Reliability
{
    /// <summary>
    /// Each call's log event says which gateway, which operation, how it ended and which messages it carried (their
    /// client ids), at a level that follows the outcome; each retry is a Debug event with its reason and delay. No
    /// phone number, text or key reaches a message or a field.
    /// </summary>
    public class CallLogEventsTests
    {
        private const string Phone = "380971234567";
        // The code has letters so that no logged number (an elapsed time, an id) can contain it by chance.
        private const string Text = "Your code is QX7331";
        private const string Key = "secret-key-4242";
        private const long ClientId = 1_700_000_000_123_456;

        [Fact]
        public async Task A_send_that_gets_a_reply_is_logged_at_Information_with_its_client_id()
        {
            var records = await SendAsync(new StubGateway().Reply("""{"success":true,"data":[{"success":true,"data":{"id":1700000000123456,"msg_id":987654321,"data":1,"parts":1}}]}"""));

            var call = records.Single(r => r.Id.Id == 1);
            call.Level.ShouldBe(LogLevel.Information);
            call.Id.Name.ShouldBe("GatewayCallCompleted");
            Field(call, "Gateway").ShouldBe("AlphaSMS");
            Field(call, "Operation").ShouldNotBeNullOrEmpty();
            Field(call, "Outcome").ShouldBe("accepted");
            Field(call, "GatewayIds").ShouldBe("987654321");
            Field(call, "StatusCode").ShouldBe("200");
            Field(call, "Attempts").ShouldBe("1");
            Field(call, "RecipientCount").ShouldBe("1");
            Field(call, "ClientIds").ShouldBe(ClientId.ToString());
            records.ShouldNotContain(r => r.Id.Id == 3);
        }

        [Fact]
        public async Task A_rejection_is_logged_at_Information_with_its_reason()
        {
            var records = await SendAsync(new StubGateway().Reply("""{"success":false,"error":"Access denied"}""", status: HttpStatusCode.Unauthorized));

            var call = records.Single(r => r.Id.Id == 2);
            call.Level.ShouldBe(LogLevel.Information);
            Field(call, "Outcome").ShouldBe("rejected");
            Field(call, "StatusCode").ShouldBe("401");
            Field(call, "ClientIds").ShouldBe(ClientId.ToString());
            Field(call, "Reason").ShouldNotBeNull().ShouldContain("401");
        }

        [Fact]
        public async Task An_unavailable_gateway_is_a_Warning_after_one_Debug_event_per_retry_with_its_delay()
        {
            var gateway = new StubGateway().Reply(() => new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("busy") }, times: 3);

            var records = await SendAsync(gateway, maxRetries: 2);

            var retries = records.Where(r => r.Id.Id == 3).ToList();
            retries.Count.ShouldBe(2);
            retries.ShouldAllBe(r => r.Level == LogLevel.Debug && r.Id.Name == "GatewayCallRetrying");
            retries.Select(r => Field(r, "Attempt")).ShouldBe(new[] { "1", "2" });
            retries.ShouldAllBe(r => Field(r, "Reason") == "HTTP 503" && Field(r, "Gateway") == "AlphaSMS" && !string.IsNullOrEmpty(Field(r, "Operation")));
            retries.ShouldAllBe(r => double.Parse(Field(r, "RetryDelayMilliseconds")!, System.Globalization.CultureInfo.InvariantCulture) >= 0);
            var call = records.Single(r => r.Id.Id == 2);
            call.Level.ShouldBe(LogLevel.Warning);
            Field(call, "Outcome").ShouldBe("unavailable");
            Field(call, "Attempts").ShouldBe("3");
            Field(call, "ClientIds").ShouldBe(ClientId.ToString());
        }

        [Fact]
        public async Task An_unknown_outcome_after_an_HTML_502_page_is_a_Warning()
        {
            var gateway = new StubGateway().Reply(
                () => new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new StringContent($"<html><body>Bad gateway: {Phone} {Text} {Key}</body></html>", Encoding.UTF8, "text/html") },
                times: 4);

            var records = await SendAsync(gateway);

            var call = records.Single(r => r.Id.Id == 2);
            call.Level.ShouldBe(LogLevel.Warning);
            Field(call, "Outcome").ShouldBe("unknown");
            Field(call, "StatusCode").ShouldBe("502");
            Field(call, "Attempts").ShouldBe("1");
            Field(call, "ClientIds").ShouldBe(ClientId.ToString());
            records.ShouldNotContain(r => r.Id.Id == 3, "a send that may have reached the gateway is not repeated");
        }

        [Fact]
        public void A_long_list_of_client_ids_is_cut_at_ten()
        {
            Http.GatewayTelemetryHandler.FormatClientIds(Enumerable.Range(1, 13).Select(i => (long?)i).Append(null)).ShouldBe("1,2,3,4,5,6,7,8,9,10 +3 more");
            Http.GatewayTelemetryHandler.FormatClientIds(null).ShouldBe("");
        }

        private static string? Field(FakeLogRecord record, string name) =>
            record.StructuredState!.Single(pair => pair.Key == name).Value;

        /// <summary>Sends one AlphaSMS JSON message through a client from dependency injection and returns what it logged, after checking nothing leaked.</summary>
        private static async Task<IReadOnlyList<FakeLogRecord>> SendAsync(StubGateway gateway, int maxRetries = 3)
        {
            var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
            services.AddAlphaSms(options =>
                {
                    options.ApiKey = Key;
                    options.BaseAddress = new Uri("https://gateway.test/");
                    options.Resilience = QuickRetries.Policy();
                    options.Resilience.MaxRetryAttempts = maxRetries;
                })
                .ConfigurePrimaryHttpMessageHandler(() => gateway);
            await using var provider = services.BuildServiceProvider();

            // The outcome is what the log says; the result is another test's concern.
            await provider.GetRequiredKeyedService<IViberClient>(Gateway.AlphaSms).SendAsync(new ViberMessage { Recipients = { Phone }, Sender = "Shop", Text = Text, ClientId = ClientId });

            var records = provider.GetFakeLogCollector().GetSnapshot();
            var texts = records.SelectMany(r => new[] { r.Message }.Concat(r.StructuredState?.Select(pair => pair.Value) ?? Enumerable.Empty<string?>())).ToList();
            texts.ShouldAllBe(text => text == null || (!text.Contains(Phone) && !text.Contains(Text) && !text.Contains("QX7331") && !text.Contains(Key)));
            return records;
        }
    }
}
