using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ViberGateways.LiveAll;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.LiveAll.SendIm
{
    /// <summary>
    /// The three request examples of LiveAll's "Send Viber messages" page (seed 003: the curl example, the JSON objects
    /// without and with SMS fallback), copied verbatim to Data/, built again through the SDK and compared with the
    /// page as JSON trees. The page has two gaps, treated as follows:
    /// <list type="bullet">
    /// <item>Every example breaks off after <c>"destinations": [</c>: the numbers and the closing brackets were lost.
    /// The tests close the document with the one destination they send, <see cref="Destination"/> (international digits
    /// without "+", the form the reference gives).</item>
    /// <item><c>"im_image_urls": [ "" ]</c>, the action's <c>"url": ""</c> and <c>"senderid": ""</c> are placeholders for
    /// values the page lost. The spec refuses an empty SMS sender (its <c>senderid</c> pattern needs 1 to 11 characters,
    /// and <c>IM_SMSFB</c> needs a sender the SMS can come from) and an empty action URL (its <c>url</c> pattern needs
    /// an absolute http(s) URL); the neutral message also refuses an empty image URL (a list item the generated model
    /// cannot check): the last test shows each refusal. So the generated operation sends the page as written but for a
    /// real <c>senderid</c> and action URL, and the neutral message sends real values for all three; each comparison
    /// fills exactly those placeholders, and no other value of the page, with the values sent.</item>
    /// </list>
    /// </summary>
    public class SendImDocumentedExampleTests
    {
        private const string DocumentedApiToken = "7ace3e49cae13ae4f5ccb8a6a8a0d6a8fe120aa82ae46ad6ee4c9d8";
        private const string Destination = "306912345678";
        private const string SecondDestination = "306987654321";
        private const string ImageUrl = "https://example.com/images/offer.jpg";
        private const string ActionUrl = "https://example.com/";
        private const string SmsSender = "ExampleCo";
        private const string Reply = """{"success": true, "OperationErrors": null, "SubmissionID": 0, "data": [2101520394]}""";

        public static TheoryData<string> Examples => new() { "curl", "without-sms-fallback", "with-sms-fallback" };

        [Theory]
        [MemberData(nameof(Examples))]
        public async Task Generated_operation_sends_the_documented_example_as_written_but_for_the_sms_sender_and_action_url(string example)
        {
            var documented = Documented(example);
            var gateway = new StubGateway().Reply(Reply);

            await StubbedClients.LiveAll(gateway, DocumentedApiToken).SendImAsync(AsWritten(documented.SmsFallback, SmsSender, ActionUrl));

            var placeholders = new Dictionary<string, string> { ["im_actions[0].url"] = ActionUrl };
            if (documented.SmsFallback)
            {
                placeholders["senderid"] = SmsSender;
            }

            ShouldBeTheDocumentedRequest(gateway.LastRequest, documented, Filled(documented.Body, placeholders, emptyStringsKept: 1));
        }

        [Theory]
        [MemberData(nameof(Examples))]
        public async Task Message_model_sends_the_documented_example_with_its_placeholders_filled(string example)
        {
            var documented = Documented(example);
            var gateway = new StubGateway().Reply(Reply);

            await StubbedClients.LiveAllViber(gateway, DocumentedApiToken).SendAsync(Message(documented.SmsFallback)).AllAcceptedAsync();

            var placeholders = new Dictionary<string, string> { ["im_image_urls[0]"] = ImageUrl, ["im_actions[0].url"] = ActionUrl };
            if (documented.SmsFallback)
            {
                placeholders["senderid"] = SmsSender;
            }

            ShouldBeTheDocumentedRequest(gateway.LastRequest, documented, Filled(documented.Body, placeholders, emptyStringsKept: 0));
        }

        /// <summary>
        /// A personalised bulk send takes the page's message to several destinations as one request, the page's
        /// document with those destinations (the page lost its own: the spec's example closes it with two).
        /// </summary>
        [Theory]
        [MemberData(nameof(Examples))]
        public async Task Personalised_bulk_send_sends_the_documented_example_to_several_destinations_in_one_request(string example)
        {
            var documented = Documented(example, Destination, SecondDestination);
            var gateway = new StubGateway().Reply("""{"success": true, "OperationErrors": null, "SubmissionID": 0, "data": [2101520394, 2101520395]}""");
            var message = Message(documented.SmsFallback);
            message.Recipients.Add(SecondDestination);

            await ((IViberClient)StubbedClients.LiveAll(gateway, DocumentedApiToken)).SendBulkAsync(new[] { message }.ToAsyncEnumerable()).AllAcceptedAsync();

            var placeholders = new Dictionary<string, string> { ["im_image_urls[0]"] = ImageUrl, ["im_actions[0].url"] = ActionUrl };
            if (documented.SmsFallback)
            {
                placeholders["senderid"] = SmsSender;
            }

            ShouldBeTheDocumentedRequest(gateway.Requests.ShouldHaveSingleItem(), documented, Filled(documented.Body, placeholders, emptyStringsKept: 0));
        }

        [Fact]
        public async Task Documented_empty_placeholders_the_sdk_refuses_before_sending()
        {
            var gateway = new StubGateway();
            var client = StubbedClients.LiveAll(gateway, DocumentedApiToken);
            var viber = (IViberClient)client;
            var emptyImage = Message(smsFallback: false);
            emptyImage.ImageUrl = "";
            var emptyActionUrl = Message(smsFallback: false);
            emptyActionUrl.Button = new ViberButton("Visit Us", "");
            var emptySmsSender = Message(smsFallback: true);
            emptySmsSender.SmsFallback = new SmsFallback("my SMS text 2", sender: "");

            (await Should.ThrowAsync<RequestValidationException>(() => viber.SendAsync(emptyImage))).Violations.Select(v => v.Field).ShouldBe(new[] { "message.ImageUrl" });
            (await Should.ThrowAsync<RequestValidationException>(() => viber.SendAsync(emptyActionUrl))).Violations.Select(v => v.Field).ShouldBe(new[] { "message.Button.Url" });
            (await Should.ThrowAsync<RequestValidationException>(() => viber.SendAsync(emptySmsSender))).Violations.Select(v => v.Field).ShouldBe(new[] { "message.SmsFallback.Sender" });
            (await Should.ThrowAsync<RequestValidationException>(() => client.SendImAsync(AsWritten(smsFallback: true, senderId: "", actionUrl: ""))))
                .Violations.Select(v => v.Field).ShouldBe(new[] { "request.im_actions[0].url", "request.senderid" });
            gateway.Requests.ShouldBeEmpty();
        }

        /// <summary>The page's values in the generated request model, its placeholders included but for the SMS sender and the action's URL.</summary>
        private static LiveAllSendImRequest AsWritten(bool smsFallback, string senderId, string actionUrl) => new()
        {
            Apitoken = DocumentedApiToken,
            ImType = smsFallback ? LiveAllImType.ImWithSmsFallback : LiveAllImType.Im,
            ImSenderName = "my viber sender name",
            ImText = "1546 - This is a test Viber msg",
            ImImageUrls = new List<string> { "" },
            ImActions = new List<LiveAllImAction> { new() { Caption = "Visit Us", Url = actionUrl } },
            Destinations = { Destination },
            Senderid = smsFallback ? senderId : null,
            SmsText = smsFallback ? "my SMS text 2" : null,
            Pricecat = smsFallback ? LiveAllPriceCategory.LowCost : null,
        };

        /// <summary>The page's message as a neutral message, with real values where the page has placeholders.</summary>
        private static ViberMessage Message(bool smsFallback) => new()
        {
            Recipients = { "+" + Destination },
            Sender = "my viber sender name",
            Text = "1546 - This is a test Viber msg",
            ImageUrl = ImageUrl,
            Button = new ViberButton("Visit Us", ActionUrl),
            SmsFallback = smsFallback ? new SmsFallback("my SMS text 2", SmsSender) : null,
            LiveAll = smsFallback ? new LiveAllMessageOptions { LowCostSms = true } : null,
        };

        private static void ShouldBeTheDocumentedRequest(RecordedRequest sent, DocumentedRequest documented, JObject body)
        {
            // The page's endpoint URL is empty (`curl … ''`); the reference names it: POST https://sms.liveall.eu/apiext/Sendout/SendIM.
            sent.Uri.AbsolutePath.ShouldBe("/apiext/Sendout/SendIM");
            sent.Uri.Query.ShouldBeEmpty();
            sent.Method.ShouldBe(documented.Method ?? "POST");
            MediaTypeHeaderValue.Parse(sent.ContentType!).MediaType.ShouldBe(documented.ContentType ?? "application/json");
            JToken.Parse(sent.BodyText).ShouldBeSameTreeAs(body);
        }

        /// <summary>
        /// The page's example: the curl example's method and content type, and the JSON document closed after
        /// <c>"destinations": [</c> with <paramref name="destinations"/> (<see cref="Destination"/> unless given).
        /// </summary>
        private static DocumentedRequest Documented(string example, params string[] destinations)
        {
            var text = DocumentedFixtures.Read<SendImDocumentedExampleTests>($"seed003.{example}.txt");
            string? method = null, contentType = null;
            var json = text;
            if (text.StartsWith("curl ", System.StringComparison.Ordinal))
            {
                method = Regex.Match(text, @"--request (\w+)").Groups[1].Value;
                contentType = Regex.Match(text, @"--header 'Content-Type: ([^']+)'").Groups[1].Value;
                json = text.Substring(text.IndexOf("--data-raw '", System.StringComparison.Ordinal) + "--data-raw '".Length);
            }

            json = json.Trim();
            json.ShouldEndWith("\"destinations\": [", Case.Sensitive, "the page breaks off here");
            var closing = string.Join(", ", (destinations.Length == 0 ? new[] { Destination } : destinations).Select(d => $"\"{d}\""));
            var body = JObject.Parse((json.StartsWith("{", System.StringComparison.Ordinal) ? "" : "{") + json + $" {closing} ] }}");
            return new DocumentedRequest(method, contentType, body, (string?)body["im_type"] == "IM_SMSFB");
        }

        /// <summary>
        /// The document with the placeholders named replaced by the values sent. Only the page's empty strings are
        /// replaced, and the rest of them (<paramref name="emptyStringsKept"/>) are sent as written.
        /// </summary>
        private static JObject Filled(JObject documented, IReadOnlyDictionary<string, string> values, int emptyStringsKept)
        {
            var filled = (JObject)documented.DeepClone();
            var emptyStrings = filled.Descendants().OfType<JValue>().Where(v => v.Type == JTokenType.String && (string?)v == "").ToList();
            values.Keys.ShouldBeSubsetOf(emptyStrings.Select(p => p.Path), "only the page's empty strings are placeholders");
            (emptyStrings.Count - values.Count).ShouldBe(emptyStringsKept, "the page's empty strings sent as written");
            foreach (var placeholder in emptyStrings.Where(p => values.ContainsKey(p.Path)))
            {
                placeholder.Value = values[placeholder.Path];
            }

            return filled;
        }

        private sealed record DocumentedRequest(string? Method, string? ContentType, JObject Body, bool SmsFallback);
    }
}
