using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using System.Web;
using Newtonsoft.Json.Linq;
using ViberGateways.AlphaSms;
using ViberGateways.Tests.Infrastructure;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.AlphaSms.Neutral
{
    /// <summary>
    /// What the documented examples (Execute/, SendXmlPackage/, CallHttpApi/) leave to the neutral message: one message
    /// to several recipients is seed 000 (JSON) with an item per recipient, and the senders the message leaves out come
    /// from <see cref="AlphaSmsOptions.Sender"/> and <see cref="AlphaSmsOptions.SmsSender"/> (seed 002, HTTP); both
    /// copied verbatim to Data/.
    /// </summary>
    public class NeutralSendDocumentedExampleTests
    {
        private const string SeedKey = "bb56a4369eb19***cfec6d1776bd25";

        public static TheoryData<Variant> GetAndPost => new() { Variant.HttpGet, Variant.HttpPost };

        /// <summary>Several recipients are one request, an item each, with the message's client id counted up from the first.</summary>
        [Fact]
        public async Task Several_recipients_over_json_are_one_request_with_client_ids_counted_from_the_messages()
        {
            var message = Seed000Message();
            message.Recipients.Add("+380501234567");

            var request = await SentAsync(Options(Variant.Json, SeedKey), JsonReply(100500, 100501), client => client.SendAsync(message));

            var documented = Seed000();
            var second = (JObject)documented["data"]![0]!.DeepClone();
            second["id"] = 100501;
            second["phone"] = 380501234567;
            ((JArray)documented["data"]!).Add(second);
            JToken.Parse(request.BodyText).ShouldBeSameTreeAs(documented);
        }

        /// <summary>Seed 002 sends "test" as the Viber sender and the SMS sender: here both come from the options.</summary>
        [Theory]
        [MemberData(nameof(GetAndPost))]
        public async Task Text_with_sms_fallback_over_http_is_the_seed_002_request_with_the_options_senders(Variant variant)
        {
            var options = Options(variant, "api/key");
            options.Sender = "test";
            options.SmsSender = "test";
            var message = new ViberMessage
            {
                Recipients = { "380501234567" },
                Text = "test",
                Lifetime = TimeSpan.FromSeconds(60),
                SmsFallback = new SmsFallback("test"),
            };

            var request = await SentAsync(options, "id:84523377 sms_count:1", client => client.SendAsync(message), "http://alphasms.test/");

            request.Uri.AbsolutePath.ShouldBe("/api/http.php");
            request.Method.ShouldBe(variant == Variant.HttpGet ? "GET" : "POST");
            SentParameters.Of(request).Values().ShouldBe(Seed002(), ignoreOrder: true);
        }

        private static ViberMessage Seed000Message() => new()
        {
            Recipients = { "380971234567" },
            Sender = "ViberTest",
            ImageUrl = "https://url.com/storage/images/image.png",
            ClientId = 100500,
            AlphaSms = new AlphaSmsMessageOptions { ShortenLinks = true },
        };

        private static string JsonReply(params long[] ids) =>
            new JObject
            {
                ["success"] = true,
                ["data"] = new JArray(ids.Select(id => new JObject { ["success"] = true, ["data"] = new JObject { ["id"] = id, ["msg_id"] = id + 1000, ["parts"] = 1 } })),
            }.ToString();

        /// <summary>The one request <paramref name="send"/> made through the neutral API of a client with <paramref name="options"/>.</summary>
        private static Task<RecordedRequest> SentAsync(AlphaSmsOptions options, string reply, Func<IViberClient, Task<IReadOnlyList<SendResult>>> send,
            string baseAddress = "https://alphasms.test/") =>
            StubbedAlphaSmsClients.SentAsync(options, reply, async client =>
            {
                var results = await send((IViberClient)client);
                results.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted);
            }, baseAddress);

        private static JObject Seed000() => JObject.Parse(DocumentedFixtures.Read<NeutralSendDocumentedExampleTests>("seed000.request.json"));

        /// <summary>Seed 002's request example; the page wraps the request line, so its lines are joined without their indentation.</summary>
        private static IEnumerable<(string Name, string Value)> Seed002()
        {
            var example = string.Concat(DocumentedFixtures.Read<NeutralSendDocumentedExampleTests>("seed002.request.txt").Split('\n').Select(line => line.Trim()));
            example.ShouldStartWith("/api/http.php?");
            var parameters = HttpUtility.ParseQueryString(example.Substring("/api/http.php?".Length));
            return parameters.AllKeys.Select(name => (name!, parameters[name]!));
        }
    }
}
