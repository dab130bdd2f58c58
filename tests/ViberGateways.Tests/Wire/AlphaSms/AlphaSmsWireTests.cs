using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Wire.AlphaSms
{
    /// <summary>
    /// Pins what the gateway receives for every message kind on every AlphaSMS transport (JSON, XML, HTTP form POST,
    /// HTTP GET), plus status and balance: method, path and query, content type and the exact body, one approved
    /// file per case in Data/.
    /// </summary>
    public class AlphaSmsWireTests
    {
        private const string Key = "test-api-key";

        public enum Variant
        {
            Json,
            Xml,
            HttpPost,
            HttpGet,
        }

        private static readonly AlphaSmsButton Button = new("Open offer", "https://example.com/offer?id=7&src=viber");

        /// <summary>Each case: which transports can carry it, and what the client is asked to do.</summary>
        private static readonly Dictionary<string, (Variant[] Variants, Func<IAlphaSmsClient, Task> Act)> Cases = new()
        {
            ["text"] = (All, client => client.SendAsync(Message(client, text: "Hello & welcome <b>!</b> — привіт 👋"))),
            ["image"] = (All, client => client.SendAsync(client.Transport == AlphaSmsTransport.Json
                ? Message(client, text: null, imageUrl: "https://example.com/images/offer.png")
                : Message(client, text: "Our offer", imageUrl: "https://example.com/images/offer.png"))),
            ["text-and-button"] = (new[] { Variant.Json }, client => client.SendAsync(Message(client, text: "Tap below", button: Button))),
            ["text-image-and-button"] = (All, client => client.SendAsync(Message(client, text: "Our offer", imageUrl: "https://example.com/images/offer.jpg", button: Button))),
            ["sms-fallback-and-lifetime"] = (new[] { Variant.Json, Variant.HttpPost, Variant.HttpGet }, client =>
            {
                var message = Message(client, text: "Your code is 4711");
                message.SmsFallback = new AlphaSmsSmsFallback("ShopSMS", "Your code is 4711 (SMS)");
                message.Lifetime = TimeSpan.FromMinutes(10);
                return client.SendAsync(message);
            }),
            ["json-options"] = (new[] { Variant.Json }, client =>
            {
                var message = Message(client, text: "Track https://example.com/t");
                message.ShortenLinks = true;
                message.StatusCallbackUrl = "https://example.com/hooks/alphasms";
                return client.SendAsync(message);
            }),
            ["scheduled"] = (new[] { Variant.Xml, Variant.HttpPost, Variant.HttpGet }, client =>
            {
                var message = Message(client, text: "See you tomorrow");
                message.ScheduledAt = new DateTimeOffset(2024, 11, 30, 12, 0, 0, TimeSpan.FromHours(2));
                return client.SendAsync(message);
            }),
            ["batch"] = (new[] { Variant.Json, Variant.Xml }, client => client.SendBatchAsync(new[]
            {
                Message(client, text: "First"),
                Message(client, text: "Second", recipient: "+380 50 123-45-67", clientId: 1002),
            })),
            ["status-by-client-id"] = (new[] { Variant.Json, Variant.Xml }, client => client.GetStatusAsync(AlphaSmsMessageId.Client(1001))),
            ["status-by-gateway-id"] = (new[] { Variant.Xml, Variant.HttpPost, Variant.HttpGet }, client => client.GetStatusAsync(AlphaSmsMessageId.Gateway(9001))),
            ["balance"] = (All, client => client.GetBalanceAsync()),
        };

        private static Variant[] All => new[] { Variant.Json, Variant.Xml, Variant.HttpPost, Variant.HttpGet };

        public static IEnumerable<object[]> Requests() =>
            Cases.SelectMany(c => c.Value.Variants.Select(v => new object[] { v, c.Key }));

        [Theory]
        [MemberData(nameof(Requests))]
        public async Task Request_on_the_wire_matches_the_approved_rendering(Variant variant, string scenario)
        {
            var gateway = new StubGateway();
            for (var i = 0; i < 2; i++)
            {
                gateway.Reply(Reply(variant, scenario), variant == Variant.Json ? "application/json" : "text/plain");
            }

            await Cases[scenario].Act(Client(variant, gateway));

            var rendering = string.Join("\n\n---\n\n", gateway.Requests.Select(WireRendering.Render));
            rendering.ShouldNotContain(Key);
            rendering.ShouldMatchApproved(options => options
                .SubFolder("Data")
                .WithFilenameGenerator((_, _, type, extension) => $"{variant}.{scenario}.request.{type}.{extension}")
                .WithFileExtension("txt")
                .NoDiff());
        }

        [Fact]
        public void Every_case_runs_on_at_least_one_transport_and_every_transport_has_all_operations()
        {
            foreach (var variant in All)
            {
                var scenarios = Cases.Where(c => c.Value.Variants.Contains(variant)).Select(c => c.Key).ToList();
                scenarios.ShouldContain("text");
                scenarios.ShouldContain("image");
                scenarios.ShouldContain("text-image-and-button");
                scenarios.ShouldContain("balance");
                scenarios.ShouldContain(s => s.StartsWith("status", StringComparison.Ordinal));
            }
        }

        internal static IAlphaSmsClient Client(Variant variant, StubGateway gateway, string key = Key, string baseAddress = "https://alphasms.test/")
        {
            var options = new AlphaSmsOptions
            {
                ApiKey = key,
                Transport = variant switch
                {
                    Variant.Json => AlphaSmsTransport.Json,
                    Variant.Xml => AlphaSmsTransport.Xml,
                    _ => AlphaSmsTransport.Http,
                },
                UseHttpGet = variant == Variant.HttpGet,
            };
            return AlphaSmsClientFactory.Create(options, gateway.CreateClient(baseAddress));
        }

        /// <summary>A message with a fixed client id wherever the transport carries one (not over HTTP).</summary>
        internal static AlphaSmsMessage Message(IAlphaSmsClient client, string? text, string? imageUrl = null, AlphaSmsButton? button = null, string recipient = "+380971234567", long clientId = 1001) => new()
        {
            Recipient = recipient,
            Sender = "ShopViber",
            Text = text,
            ImageUrl = imageUrl,
            Button = button,
            ClientId = client.Transport == AlphaSmsTransport.Http ? null : clientId,
        };

        private static string Reply(Variant variant, string scenario) => (variant, scenario) switch
        {
            (Variant.Json, "balance") => """{"success":true,"data":[{"success":true,"data":{"amount":10.526,"currency":"UAH"}}]}""",
            (Variant.Json, _) when scenario.StartsWith("status", StringComparison.Ordinal) =>
                """{"success":true,"data":[{"success":true,"data":{"id":1001,"type":"viber","status":"DELIVERED"}}]}""",
            (Variant.Json, _) => """{"success":true,"data":[{"success":true,"data":{"id":1001,"msg_id":9001,"data":1,"parts":1}},{"success":true,"data":{"id":1002,"msg_id":9002,"data":1,"parts":1}}]}""",
            (Variant.Xml, "balance") => "<?xml version=\"1.0\" encoding=\"utf-8\" ?><package><balance><amount>10.526</amount><currency>UAH</currency></balance></package>",
            (Variant.Xml, _) when scenario.StartsWith("status", StringComparison.Ordinal) =>
                "<?xml version=\"1.0\" encoding=\"utf-8\" ?><package><status><msg id=\"1001\" sms_id=\"9001\" sms_count=\"1\" date_completed=\"2024-11-30T12:05:00\">102</msg></status></package>",
            (Variant.Xml, _) => "<?xml version=\"1.0\" encoding=\"utf-8\" ?><package><message-viber><msg id=\"1001\" msg_id=\"9001\">1</msg><msg id=\"1002\" msg_id=\"9002\">1</msg></message-viber></package>",
            (_, "balance") => "balance:10.526",
            (_, _) when scenario.StartsWith("status", StringComparison.Ordinal) => "status:Delivered code:3 status_time:2024/11/30",
            _ => "id:9001 sms_count:1",
        };
    }
}
