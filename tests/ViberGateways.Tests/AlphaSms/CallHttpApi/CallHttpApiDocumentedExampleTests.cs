using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using System.Web;
using ViberGateways.AlphaSms;
using Newtonsoft.Json.Linq;
using ViberGateways.Tests.Infrastructure;
using ViberGateways.Tests.Specs;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.AlphaSms.CallHttpApi
{
    /// <summary>
    /// The HTTP API's requests compared with the documentation as parameter sets (names and values, in any order),
    /// each built through <see cref="IViberClient"/> and sent both ways the page allows: in the query of a GET and
    /// in the form body of a POST. Seed 002's request example (copied verbatim to Data/…seed002.request.txt), and what
    /// the gateway reference and seed 002's parameter table document beside it, written into that example: status
    /// (<c>command=receive&amp;id=ID</c>) and balance (<c>command=balance</c>), <c>login</c> and <c>pass</c> instead of
    /// <c>key</c>, <c>ask_date</c>, the <c>image</c> and <c>button</c> types with <c>viber_image</c>,
    /// <c>viber_url</c> and <c>viber_button</c>, and the SMS fallback of <c>viber_sms</c>. The deliberate differences
    /// are named where they are compared: <c>version</c> on status and balance (<see cref="VersionDifference"/>),
    /// <c>viber_sms=true</c>, and <c>viber_sms=0</c>, <c>from</c> and <c>message</c> without SMS fallback.
    /// </summary>
    public class CallHttpApiDocumentedExampleTests
    {
        /// <summary>Seed 002's successful reply.</summary>
        private const string SendReply = "id:84523377 sms_count:1";

        /// <summary>
        /// The SDK sends <c>version</c> on every request, status and balance too: seed 002's table marks it required,
        /// while the current documentation leaves it out. Safe: the seed's own example sends it, and the reference has
        /// the SDK support both revisions (the one with <c>version</c> and the current one).
        /// </summary>
        private const string VersionDifference = "version=http besides the documented command: seed 002's table requires it, the current documentation leaves it out";

        public static TheoryData<Variant> GetAndPost => new() { Variant.HttpGet, Variant.HttpPost };

        [Theory]
        [MemberData(nameof(GetAndPost))]
        public async Task Text_message_with_sms_fallback_is_the_seed_002_request(Variant variant)
        {
            var sent = await SentParametersAsync(variant, client => AcceptedAsync(client.SendAsync(SeedMessage())));

            sent.ShouldBe(Seed002(), ignoreOrder: true);
        }

        /// <summary>
        /// Reference: "Status: <c>command=receive&amp;id=ID</c>", ID being the <c>id</c> a send reply returned, with the
        /// key ("current docs use <c>key=…&amp;command=…</c>"). The SDK also sends <c>version</c>
        /// (<see cref="VersionDifference"/>).
        /// </summary>
        [Theory]
        [MemberData(nameof(GetAndPost))]
        public async Task Status_query_is_the_documented_receive_command(Variant variant)
        {
            var sent = await SentParametersAsync(variant, client => client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", gatewayId: "84523377")), "status:Delivered code:3 status_time:2024/11/30");

            sent.ShouldBe(Documented("key=api/key&command=receive&id=84523377").Append(("version", "http")), ignoreOrder: true, VersionDifference);
        }

        /// <summary>Reference: "Balance: <c>command=balance</c>", with the key. The SDK also sends <c>version</c> (<see cref="VersionDifference"/>).</summary>
        [Theory]
        [MemberData(nameof(GetAndPost))]
        public async Task Balance_query_is_the_documented_balance_command(Variant variant)
        {
            var sent = await SentParametersAsync(variant, client => client.GetBalanceAsync(), "balance:10.526");

            sent.ShouldBe(Documented("key=api/key&command=balance").Append(("version", "http")), ignoreOrder: true, VersionDifference);
        }

        /// <summary>Seed 002's table: <c>login</c> and <c>pass</c> are "required if authorization is performed using login and password", in place of <c>key</c>.</summary>
        [Theory]
        [MemberData(nameof(GetAndPost))]
        public async Task Login_and_password_replace_the_key(Variant variant)
        {
            var options = Options(variant, key: null);
            options.Login = "380501234567";
            options.Password = "cabinet-password";

            var sent = await SentParametersAsync(variant, client => AcceptedAsync(client.SendAsync(SeedMessage())), options: options);

            sent.ShouldBe(Seed002(parameters =>
            {
                parameters.Remove("key");
                parameters["login"] = "380501234567";
                parameters["pass"] = "cabinet-password";
            }), ignoreOrder: true);
        }

        /// <summary>Seed 002's table: <c>ask_date</c>, "ISO-8601 format: 2024-08-15T15:52:01+0200".</summary>
        [Theory]
        [MemberData(nameof(GetAndPost))]
        public async Task Scheduled_message_has_ask_date_in_the_pages_format(Variant variant)
        {
            var message = SeedMessage();
            message.ScheduledAt = new DateTimeOffset(2024, 8, 15, 15, 52, 1, TimeSpan.FromHours(2));

            var sent = await SentParametersAsync(variant, client => AcceptedAsync(client.SendAsync(message)));

            sent.ShouldBe(Seed002(parameters => parameters["ask_date"] = "2024-08-15T15:52:01+0200"), ignoreOrder: true);
        }

        /// <summary>
        /// Seed 002's table: <c>viber_type</c> <c>text</c>, <c>image</c> or <c>button</c>; the reference:
        /// <c>viber_image</c>, <c>viber_url</c> and <c>viber_button</c> "apply according to <c>viber_type</c>" (an
        /// image message has the image, a button message the image, the link and the caption).
        /// </summary>
        [Theory]
        [MemberData(nameof(GetAndPost))]
        public async Task Image_and_button_messages_send_the_fields_of_their_type(Variant variant)
        {
            var image = SeedMessage();
            image.ImageUrl = "https://url.com/storage/images/image.png";
            var button = SeedMessage();
            button.ImageUrl = "https://url.com/storage/images/image.png";
            button.Button = new ViberButton("Open", "https://url.com/offer");

            var sentImage = await SentParametersAsync(variant, client => AcceptedAsync(client.SendAsync(image)));
            var sentButton = await SentParametersAsync(variant, client => AcceptedAsync(client.SendAsync(button)));

            sentImage.ShouldBe(Seed002(parameters =>
            {
                parameters["viber_type"] = "image";
                parameters["viber_image"] = "https://url.com/storage/images/image.png";
            }), ignoreOrder: true);
            sentButton.ShouldBe(Seed002(parameters =>
            {
                parameters["viber_type"] = "button";
                parameters["viber_image"] = "https://url.com/storage/images/image.png";
                parameters["viber_url"] = "https://url.com/offer";
                parameters["viber_button"] = "Open";
            }), ignoreOrder: true);
        }

        /// <summary>
        /// Reference: "<c>viber_sms=1</c> asks for SMS fallback with <c>message</c> as SMS text and <c>from</c> as SMS
        /// sender" (seed 002's example sends the same "test" in all four, so it does not show which is which). The SDK
        /// writes <c>viber_sms=true</c>, as seed 002's example does where its table and the reference say 1; the
        /// reference gives way to the seed where they disagree, and the table lets <c>viber</c> take 1 or true alike.
        /// </summary>
        [Theory]
        [MemberData(nameof(GetAndPost))]
        public async Task Sms_fallback_sends_the_sms_sender_and_text_in_from_and_message(Variant variant)
        {
            var message = SeedMessage();
            message.Sender = "ViberTest";
            message.Text = "Message text to be sent via Viber";
            message.SmsFallback = new SmsFallback("Message text to be sent via SMS", "SMSTest");

            var sent = await SentParametersAsync(variant, client => AcceptedAsync(client.SendAsync(message)));

            sent.ShouldBe(Seed002(parameters =>
            {
                parameters["from"] = "SMSTest";
                parameters["message"] = "Message text to be sent via SMS";
                parameters["viber_from"] = "ViberTest";
                parameters["viber_message"] = "Message text to be sent via Viber";
            }), ignoreOrder: true, "viber_sms=true (seed 002's example) where the reference writes viber_sms=1");
        }

        /// <summary>
        /// Seed 002's table marks <c>from</c>, <c>message</c> and <c>viber_sms</c> required, fallback or not: without
        /// SMS fallback the SDK sends <c>viber_sms=0</c> (the table: "Value = <c>1</c> if it is necessary to redirect
        /// the message via SMS"; 0 is the value that is not 1) and repeats the Viber sender and text in <c>from</c>
        /// and <c>message</c>. Safe: with <c>viber_sms=0</c> no SMS is sent, so the two only fill parameters the
        /// table requires.
        /// </summary>
        [Theory]
        [MemberData(nameof(GetAndPost))]
        public async Task Without_sms_fallback_viber_sms_is_0_and_from_and_message_repeat_the_viber_sender_and_text(Variant variant)
        {
            var message = SeedMessage();
            message.Sender = "ViberTest";
            message.Text = "Message text to be sent via Viber";
            message.SmsFallback = null;

            var sent = await SentParametersAsync(variant, client => AcceptedAsync(client.SendAsync(message)));

            sent.ShouldBe(Seed002(parameters =>
            {
                parameters["viber_sms"] = "0";
                parameters["from"] = parameters["viber_from"] = "ViberTest";
                parameters["message"] = parameters["viber_message"] = "Message text to be sent via Viber";
            }), ignoreOrder: true, "viber_sms=0 and from and message repeating viber_from and viber_message: the table requires them");
        }

        /// <summary>
        /// Seed 002's table marks <c>viber_lifetime</c> required ("From 60 to 86400"); the HTTP pages document no
        /// default, so a message without a lifetime is sent with the largest the page allows, 86400 (the JSON API's
        /// own default, 172800, is beyond it).
        /// </summary>
        [Theory]
        [MemberData(nameof(GetAndPost))]
        public async Task Without_a_lifetime_viber_lifetime_is_the_pages_largest(Variant variant)
        {
            var message = SeedMessage();
            message.Lifetime = null;

            var sent = await SentParametersAsync(variant, client => AcceptedAsync(client.SendAsync(message)));

            sent.ShouldBe(Seed002(parameters => parameters["viber_lifetime"] = "86400"), ignoreOrder: true, "viber_lifetime=86400: the table requires it");
        }

        /// <summary>
        /// Every parameter specs/alphasms-http.yaml declares <c>x-required-for: send</c> (seed 002's "required"
        /// parameters but for the ones that apply according to <c>viber_type</c>) is on every send: each message kind,
        /// with and without SMS fallback, with and without a lifetime.
        /// </summary>
        [Theory]
        [MemberData(nameof(GetAndPost))]
        public async Task Every_send_carries_every_parameter_the_spec_requires_with_command_send(Variant variant)
        {
            var spec = OpenApiSpec.Load("alphasms-http.yaml");
            var required = ((JObject)spec.Document.SelectToken("components.schemas.AlphaSmsHttpParameters.properties")!).Properties()
                .Where(p => p.Value["x-required-for"]?.ToString().Split(',').Contains("send") == true)
                .Select(p => p.Name)
                .ToList();
            required.ShouldBe(new[] { "from", "to", "message", "viber", "viber_type", "viber_message", "viber_from", "viber_lifetime", "viber_sms" }, ignoreOrder: true);

            foreach (var fallback in new[] { true, false })
            {
                foreach (var kind in new[] { "text", "image", "button" })
                {
                    var message = SeedMessage();
                    message.Lifetime = fallback ? message.Lifetime : null;
                    message.SmsFallback = fallback ? message.SmsFallback : null;
                    message.ImageUrl = kind == "text" ? null : "https://cdn.example.com/img/12345";
                    message.Button = kind == "button" ? new ViberButton("Open", "https://url.com/offer") : null;

                    var sent = await SentParametersAsync(variant, client => AcceptedAsync(client.SendAsync(message)));

                    required.ShouldBeSubsetOf(sent.Where(p => p.Value.Length > 0).Select(p => p.Name), $"{kind}, fallback {fallback}");
                }
            }
        }

        /// <summary>Seed 002's message in the message model.</summary>
        private static ViberMessage SeedMessage() => new()
        {
            Recipients = { "380501234567" },
            Sender = "test",
            Text = "test",
            Lifetime = TimeSpan.FromSeconds(60),
            SmsFallback = new SmsFallback("test", "test"),
        };

        /// <summary>
        /// The parameters of the one request <paramref name="act"/> sent to <c>/api/http.php</c> with seed 002's key
        /// over plain HTTP (so <c>version=http</c>): all in the query of a GET, or all in the form of a POST.
        /// </summary>
        private static async Task<IReadOnlyList<(string Name, string Value)>> SentParametersAsync(Variant variant, Func<IViberClient, Task> act, string reply = SendReply,
            AlphaSmsOptions? options = null)
        {
            var request = await SentAsync(options ?? Options(variant, "api/key"), reply, act, "http://alphasms.test/");
            request.Uri.AbsolutePath.ShouldBe("/api/http.php");
            var sent = SentParameters.Of(request);
            if (variant == Variant.HttpGet)
            {
                request.Method.ShouldBe("GET");
                sent.ShouldAllBe(p => p.Location == SentParameters.Query);
            }
            else
            {
                request.Method.ShouldBe("POST");
                MediaTypeHeaderValue.Parse(request.ContentType!).MediaType.ShouldBe("application/x-www-form-urlencoded");
                sent.ShouldAllBe(p => p.Location == SentParameters.FormData);
            }

            return sent.Values().ToList();
        }

        /// <summary>
        /// Seed 002's request example, changed as the documentation says. The page wraps the request line (splitting
        /// the number as "3805012 / 34567"): its lines are joined without their indentation.
        /// </summary>
        private static IEnumerable<(string Name, string Value)> Seed002(Action<Dictionary<string, string>>? change = null)
        {
            var lines = DocumentedFixtures.Read<CallHttpApiDocumentedExampleTests>("seed002.request.txt").Split('\n').Select(line => line.Trim());
            var example = string.Concat(lines);
            example.ShouldStartWith("/api/http.php?");
            var parameters = Documented(example.Substring("/api/http.php?".Length)).ToDictionary(p => p.Name, p => p.Value);
            change?.Invoke(parameters);
            return parameters.Select(p => (p.Key, p.Value));
        }

        /// <summary>The name=value pairs of a documented query.</summary>
        private static IEnumerable<(string Name, string Value)> Documented(string query)
        {
            var parameters = HttpUtility.ParseQueryString(query);
            return parameters.AllKeys.Select(name => (name!, parameters[name]!));
        }
    }
}
