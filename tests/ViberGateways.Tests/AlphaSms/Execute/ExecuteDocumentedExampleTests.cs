using System;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ViberGateways.AlphaSms;
using ViberGateways.Tests.Infrastructure;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.AlphaSms.Execute
{
    /// <summary>
    /// The JSON API's requests compared with the documentation as JSON trees, each built through
    /// <see cref="IViberClient"/>: seed 000's request example (copied verbatim to Data/…seed000.request.json), and
    /// what the gateway reference documents beside it, written into that example: the status and balance items of
    /// the envelope <c>{"auth": KEY, "data": [item, item, …]}</c>, several items in one request, <c>viber+sms</c>
    /// with its SMS sender and text, <c>text+link</c> with its link and caption, <c>viber_lifetime</c> and
    /// <c>hook</c>. The SDK sends each documented request as written.
    /// </summary>
    public class ExecuteDocumentedExampleTests
    {
        private const string SeedKey = "bb56a4369eb19***cfec6d1776bd25";

        /// <summary>Seed 000's successful reply; a second result for the request with two items.</summary>
        private const string SendReply = """{"success": true, "data": [{"success": true, "data": {"id": 100500, "msg_id": 123456789, "data": 1, "parts": 1}}, {"success": true, "data": {"id": 100501, "msg_id": 123456790, "data": 1, "parts": 1}}]}""";

        [Fact]
        public async Task Image_message_is_the_seed_000_request()
        {
            var sent = await SentBodyAsync(client => AcceptedAsync(client.SendAsync(SeedMessage())));

            sent.ShouldBeSameTreeAs(Seed000());
        }

        /// <summary>Reference: "Status: item <c>{"type": "status", "id": CLIENT_ID}</c>".</summary>
        [Fact]
        public async Task Status_query_is_the_documented_status_item()
        {
            var sent = await SentBodyAsync(client => client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 100500)),
                """{"success": true, "data": [{"success": true, "data": {"id": 100500, "type": "viber", "status": "DELIVERED"}}]}""");

            sent.ShouldBeSameTreeAs(Documented("""{"auth": KEY, "data": [{"type": "status", "id": CLIENT_ID}]}""", ("KEY", SeedKey), ("CLIENT_ID", 100500)));
        }

        /// <summary>Reference: "Balance: item <c>{"type": "balance"}</c>".</summary>
        [Fact]
        public async Task Balance_query_is_the_documented_balance_item()
        {
            var sent = await SentBodyAsync(client => client.GetBalanceAsync(),
                """{"success": true, "data": [{"success": true, "data": {"amount": 10.526, "currency": "UAH"}}]}""");

            sent.ShouldBeSameTreeAs(Documented("""{"auth": KEY, "data": [{"type": "balance"}]}""", ("KEY", SeedKey)));
        }

        /// <summary>Reference: "several items per request are allowed"; the reply holds one result per item, in request order.</summary>
        [Fact]
        public async Task Batch_is_one_request_with_an_item_per_message_in_order()
        {
            var second = SeedMessage();
            second.ClientId = 100501;
            second.Recipients = new System.Collections.Generic.List<string> { "380501234567" };

            var sent = await SentBodyAsync(client => client.SendAsync(new[] { SeedMessage(), second }));

            var documented = Seed000();
            var secondItem = (JObject)documented["data"]![0]!.DeepClone();
            secondItem["id"] = 100501;
            secondItem["phone"] = 380501234567;
            ((JArray)documented["data"]!).Add(secondItem);
            sent.ShouldBeSameTreeAs(documented);
        }

        /// <summary>Reference: type <c>viber+sms</c> (Viber with SMS fallback), with <c>sms_signature</c> and <c>sms_message</c>.</summary>
        [Fact]
        public async Task Sms_fallback_is_a_viber_sms_item_with_the_sms_sender_and_text()
        {
            var message = SeedMessage();
            message.SmsFallback = new SmsFallback("Message text to be sent via SMS", "SMSTest");

            var sent = await SentBodyAsync(client => AcceptedAsync(client.SendAsync(message)));

            sent.ShouldBeSameTreeAs(Seed000(item =>
            {
                item["type"] = "viber+sms";
                item["sms_signature"] = "SMSTest";
                item["sms_message"] = "Message text to be sent via SMS";
            }));
        }

        /// <summary>
        /// Reference: <c>viber_type</c> <c>text+link</c> (text + button) needs <c>viber_message</c>, <c>viber_link</c>
        /// (opened by the button) and <c>viber_button</c> (its caption); <c>viber_image</c> belongs to image types only.
        /// </summary>
        [Fact]
        public async Task Text_and_button_is_a_text_link_item()
        {
            var message = SeedMessage();
            message.ImageUrl = null;
            message.Text = "Message text to be sent via Viber";
            message.Button = new ViberButton("Open", "https://url.com/offer");

            var sent = await SentBodyAsync(client => AcceptedAsync(client.SendAsync(message)));

            sent.ShouldBeSameTreeAs(Seed000(item =>
            {
                item.Remove("viber_image");
                item["viber_type"] = "text+link";
                item["viber_message"] = "Message text to be sent via Viber";
                item["viber_link"] = "https://url.com/offer";
                item["viber_button"] = "Open";
            }));
        }

        /// <summary>Reference: optional <c>viber_lifetime</c> (a number of seconds) and <c>hook</c> (the URL the delivery status is posted to).</summary>
        [Fact]
        public async Task Lifetime_and_hook_are_the_documented_optional_fields()
        {
            var message = SeedMessage();
            message.Lifetime = TimeSpan.FromHours(1);
            (message.AlphaSms ??= new AlphaSmsMessageOptions()).StatusCallbackUrl = "https://url.com/hooks/viber";

            var sent = await SentBodyAsync(client => AcceptedAsync(client.SendAsync(message)));

            sent.ShouldBeSameTreeAs(Seed000(item =>
            {
                item["viber_lifetime"] = 3600;
                item["hook"] = "https://url.com/hooks/viber";
            }));
        }

        /// <summary>Seed 000's message in the message model.</summary>
        private static ViberMessage SeedMessage() => new()
        {
            ClientId = 100500,
            Recipients = { "380971234567" },
            Sender = "ViberTest",
            ImageUrl = "https://url.com/storage/images/image.png",
            AlphaSms = new AlphaSmsMessageOptions { ShortenLinks = true },
        };

        /// <summary>The body of the one request <paramref name="act"/> sent to <c>POST /api/json.php</c>, with the mandatory JSON content type.</summary>
        private static async Task<JToken> SentBodyAsync(Func<IViberClient, Task> act, string reply = SendReply)
        {
            var request = await StubbedAlphaSmsClients.SentAsync(Options(Variant.Json, SeedKey), reply, act);
            request.Method.ShouldBe("POST");
            request.Uri.PathAndQuery.ShouldBe("/api/json.php");
            MediaTypeHeaderValue.Parse(request.ContentType!).MediaType.ShouldBe("application/json");
            return JToken.Parse(request.BodyText);
        }

        /// <summary>Seed 000's request example, its one item changed as the reference documents.</summary>
        private static JObject Seed000(Action<JObject>? changeItem = null)
        {
            var documented = JObject.Parse(DocumentedFixtures.Read<ExecuteDocumentedExampleTests>("seed000.request.json"));
            changeItem?.Invoke((JObject)documented["data"]!.ShouldHaveSingleItem());
            return documented;
        }

        /// <summary>A format the reference writes with placeholders, each filled with a JSON value.</summary>
        private static JToken Documented(string format, params (string Placeholder, JToken Value)[] values)
        {
            foreach (var (placeholder, value) in values)
            {
                format.ShouldContain(placeholder, Case.Sensitive);
                format = format.Replace(placeholder, value.ToString(Formatting.None));
            }

            return JToken.Parse(format);
        }
    }
}
