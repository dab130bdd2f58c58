using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;

namespace ViberGateways.IntegrationTests.Reliability
{
    /// <summary>
    /// The bad-input catalogue: distinct invalid requests across the gateways, through the DI-registered clients. Each
    /// is refused before any network I/O with a <see cref="RequestValidationException"/> naming the field and the rule,
    /// and the sandbox records zero requests.
    /// </summary>
    public class BadInputCatalogueTests : IClassFixture<SandboxFixture>
    {
        private static readonly ViberButton Button = new("Open", "https://example.com/o");

        private readonly SandboxFixture _fixture;

        public BadInputCatalogueTests(SandboxFixture fixture) => _fixture = fixture;

        /// <summary>name → (the call, the field it must name, the rule it must name).</summary>
        private static readonly Dictionary<string, (Func<GatewayServices, Task> Call, string Field, string Rule)> Catalogue = new()
        {
            // AlphaSMS, the transport-neutral message
            ["alphasms recipient too short"] = (g => Json(g, m => m.Recipients = new List<string> { "12" }), "message.Recipients[0]", "phone"),
            ["alphasms recipient with letters"] = (g => Json(g, m => m.Recipients = new List<string> { "+38097ABC4567" }), "message.Recipients[0]", "phone"),
            ["alphasms recipient starting with 0"] = (g => Json(g, m => m.Recipients = new List<string> { "0971234567" }), "message.Recipients[0]", "phone"),
            ["alphasms recipient empty"] = (g => Json(g, m => m.Recipients = new List<string> { "" }), "message.Recipients[0]", "phone"),
            ["alphasms recipient with two plus signs"] = (g => Json(g, m => m.Recipients = new List<string> { "++380971234567" }), "message.Recipients[0]", "phone"),
            ["alphasms sender empty"] = (g => Json(g, m => m.Sender = " "), "message.Sender", "required"),
            ["alphasms sender longer than 11"] = (g => Json(g, m => m.Sender = "TwelveChars1"), "message.Sender", "maxLength"),
            ["alphasms text of 1001 characters"] = (g => Json(g, m => m.Text = new string('a', 1001)), "message.Text", "maxLength"),
            ["alphasms text blank"] = (g => Json(g, m => m.Text = "   "), "message.Text", "required"),
            ["alphasms text with a control character"] = (g => Json(g, m => m.Text = "bell\u0007"), "message.Text", "characters"),
            ["alphasms text with a broken surrogate"] = (g => Json(g, m => m.Text = "half \uD83D"), "message.Text", "characters"),
            ["alphasms button caption empty"] = (g => Json(g, m => m.Button = new ViberButton("", "https://example.com")), "message.Button.Caption", "minLength"),
            ["alphasms button caption of 20 characters"] = (g => Json(g, m => m.Button = new ViberButton(new string('c', 20), "https://example.com")), "message.Button.Caption", "maxLength"),
            ["alphasms button url relative"] = (g => Json(g, m => m.Button = new ViberButton("Go", "/offer")), "message.Button.Url", "pattern"),
            ["alphasms button url ftp"] = (g => Json(g, m => m.Button = new ViberButton("Go", "ftp://example.com/x")), "message.Button.Url", "pattern"),
            ["alphasms image url with a space"] = (g => Json(g, m => (m.Text, m.ImageUrl) = (null, "https://example.com/my image.png")), "message.ImageUrl", "pattern"),
            ["alphasms image url relative"] = (g => Json(g, m => (m.Text, m.ImageUrl) = (null, "images/a.png")), "message.ImageUrl", "pattern"),
            ["alphasms json lifetime 59 s"] = (g => Json(g, m => m.Lifetime = TimeSpan.FromSeconds(59)), "message.Lifetime", "minimum"),
            ["alphasms json lifetime in fractions"] = (g => Json(g, m => m.Lifetime = TimeSpan.FromSeconds(90.5)), "message.Lifetime", "wholeSeconds"),
            ["alphasms http lifetime 86401 s"] = (g => Http(g, m => m.Lifetime = TimeSpan.FromSeconds(86401)), "message.Lifetime", "maximum"),
            ["alphasms xml lifetime"] = (g => Xml(g, m => m.Lifetime = TimeSpan.FromHours(1)), "message.Lifetime", "transport"),
            ["alphasms xml sms fallback"] = (g => Xml(g, m => m.SmsFallback = new SmsFallback("SMS", "Shop")), "message.SmsFallback", "transport"),
            ["alphasms http client id"] = (g => Http(g, m => m.ClientId = 5), "message.ClientId", "transport"),
            ["alphasms json scheduled send"] = (g => Json(g, m => m.ScheduledAt = DateTimeOffset.UtcNow.AddHours(1)), "message.ScheduledAt", "transport"),
            ["alphasms xml short links"] = (g => Xml(g, m => m.AlphaSms = new AlphaSmsMessageOptions { ShortenLinks = true }), "message.AlphaSms.ShortenLinks", "transport"),
            ["alphasms sms fallback sender with a space"] = (g => Json(g, m => m.SmsFallback = new SmsFallback("SMS", "My Shop")), "message.SmsFallback.Sender", "pattern"),
            ["alphasms sms fallback text empty"] = (g => Json(g, m => m.SmsFallback = new SmsFallback("", "Shop")), "message.SmsFallback.Text", "required"),
            ["alphasms neither text nor image"] = (g => Json(g, m => m.Text = null), "message", "content"),
            ["alphasms json text and image without button"] = (g => Json(g, m => m.ImageUrl = "https://example.com/a.png"), "message", "transport"),
            ["alphasms xml image without text"] = (g => Xml(g, m => (m.Text, m.ImageUrl) = (null, "https://example.com/a.png")), "message", "transport"),
            ["alphasms http text and button without image"] = (g => Http(g, m => m.Button = Button), "message", "transport"),
            ["alphasms client id 0"] = (g => Json(g, m => m.ClientId = 0), "message.ClientId", "minimum"),
            ["alphasms status callback relative"] = (g => Json(g, m => m.AlphaSms = new AlphaSmsMessageOptions { StatusCallbackUrl = "/hook" }), "message.AlphaSms.StatusCallbackUrl", "pattern"),
            ["alphasms http sender from cannot carry"] = (g => Http(g, m => m.Sender = "My Shop"), "message.Sender", "pattern"),
            ["alphasms empty batch"] = (g => g.AlphaSms.SendAsync(Array.Empty<ViberMessage>()), "messages", "minItems"),
            ["alphasms batch with a null message"] = (g => g.AlphaSms.SendAsync(new ViberMessage[] { null! }), "messages[0]", "required"),
            ["alphasms status of another gateway's reference"] = (g => g.AlphaSms.GetStatusAsync(new MessageReference(Gateway.LiveAll, "380971234567", gatewayId: "1")), "references[0]", "gateway"),
            ["alphasms status of a null reference"] = (g => g.AlphaSms.GetStatusAsync(new MessageReference[] { null! }), "references[0]", "required"),

            // AlphaSMS, the generated JSON operation checked against the spec's limits
            ["alphasms raw json button of 20 characters"] = (g => RawJson(g, i => (i.ViberType, i.ViberMessage, i.ViberButton, i.ViberLink) = (AlphaSmsJsonViberType.TextLink, "Hi", new string('b', 20), "https://example.com")), "request.data[0].viber_button", "maxLength"),
            ["alphasms raw json lifetime 59"] = (g => RawJson(g, i => i.ViberLifetime = 59), "request.data[0].viber_lifetime", "minimum"),
            ["alphasms raw json signature of 12 characters"] = (g => RawJson(g, i => i.ViberSignature = "TwelveChars1"), "request.data[0].viber_signature", "maxLength"),
            ["alphasms raw json no items"] = (g => g.Get<IAlphaSmsJsonClient>().ExecuteAsync(new AlphaSmsJsonRequest { Auth = "key" }), "request.data", "minItems"),

            // LiveAll
            ["liveall no recipients"] = (g => LiveAll(g, m => m.Recipients.Clear()), "message.Recipients", "minItems"),
            ["liveall recipient too long"] = (g => LiveAll(g, m => m.Recipients[0] = "3069123456789012"), "message.Recipients[0]", "phone"),
            ["liveall text of 1001 characters"] = (g => LiveAll(g, m => m.Text = new string('x', 1001)), "message.Text", "maxLength"),
            ["liveall sender name empty"] = (g => LiveAll(g, m => m.Sender = ""), "message.Sender", "required"),
            ["liveall fallback sender id of 12 characters"] = (g => LiveAll(g, m => m.SmsFallback = new SmsFallback("SMS", "TwelveChars1")), "message.SmsFallback.Sender", "maxLength"),
            ["liveall fallback sender id with a dollar"] = (g => LiveAll(g, m => m.SmsFallback = new SmsFallback("SMS", "Shop$")), "message.SmsFallback.Sender", "pattern"),
            ["liveall button url invalid"] = (g => LiveAll(g, m => m.Button = new ViberButton("Go", "example.com")), "message.Button.Url", "pattern"),
            ["liveall status of another gateway's reference"] = (g => g.LiveAllViber.GetStatusAsync(new MessageReference(Gateway.SmsBy, "306912345678", gatewayId: "1")), "references[0]", "gateway"),
            ["liveall status of a null reference"] = (g => g.LiveAllViber.GetStatusAsync(new MessageReference[] { null! }), "references[0]", "required"),
            ["liveall raw two images"] = (g => RawLiveAll(g, r => r.ImImageUrls = new List<string> { "https://example.com/a.jpg", "https://example.com/b.jpg" }), "request.im_image_urls", "maxItems"),
            ["liveall raw two actions"] = (g => RawLiveAll(g, r => r.ImActions = new List<LiveAllImAction> { new() { Caption = "A", Url = "https://a.example" }, new() { Caption = "B", Url = "https://b.example" } }), "request.im_actions", "maxItems"),
            ["liveall raw text of 1001 characters"] = (g => RawLiveAll(g, r => r.ImText = new string('y', 1001)), "request.im_text", "maxLength"),
            ["liveall raw sender id of 12 characters"] = (g => RawLiveAll(g, r => (r.ImType, r.Senderid, r.SmsText) = (LiveAllImType.ImWithSmsFallback, "TwelveChars1", "SMS")), "request.senderid", "maxLength"),

            // SMS.by
            ["smsby sender id 0"] = (g => SmsBy(g, m => m.SmsBy!.SenderId = 0), "message.SmsBy.SenderId", "minimum"),
            // Seed 004 puts the 150-character limit on sendBulkViber's button variant: a mailing (two recipients).
            ["smsby mailing button link of 151 characters"] = (g => SmsBy(g, m => (m.Recipients, m.ImageUrl, m.Button) = (new List<string> { "375291111111", "375292222222" }, "https://example.com/a.jpg", new ViberButton("Go", "https://example.com/" + new string('p', 131)))), "message.Button.Url", "maxLength"),
            ["smsby text and image without a button"] = (g => SmsBy(g, m => m.ImageUrl = "https://example.com/a.jpg"), "message", "content"),
            ["smsby mailing button without image"] = (g => SmsBy(g, m => (m.Recipients, m.Button) = (new List<string> { "375291111111", "375292222222" }, new ViberButton("Go", "https://example.com"))), "message.ImageUrl", "required"),
            ["smsby recipient invalid"] = (g => SmsBy(g, m => m.Recipients[0] = "375-29"), "message.Recipients[0]", "phone"),
            ["smsby status of another gateway's reference"] = (g => ((IViberClient)g.SmsBy).GetStatusAsync(new MessageReference(Gateway.AlphaSms, "375291111111", clientId: 1)), "references[0]", "gateway"),
            ["smsby status of a null reference"] = (g => ((IViberClient)g.SmsBy).GetStatusAsync(new MessageReference[] { null! }), "references[0]", "required"),
            ["smsby raw bulk without mailings"] = (g => g.SmsBy.SendBulkViberAsync(new SmsBySendBulkViberRequest { Token = "t" }), "request.messages", "minItems"),
            ["smsby raw bulk button link of 151 characters"] = (g => RawBulk(g, c => (c.Type, c.Text, c.ImageUrl, c.Caption, c.ButtonLink) = (SmsByBulkViberContentType.Button, "Hi", "https://example.com/a.jpg", "Go", "https://example.com/" + new string('q', 131))), "request.messages[0].content.button_link", "maxLength"),
            ["smsby raw quick forwarding after 4 minutes"] = (g => g.SmsBy.SendQuickViberMessageAsync(new SmsBySendQuickViberMessageForm { Token = "t", VibernameId = 1, Phone = "375291111111", Message = "Hi", ForwardingMessage = SmsByForwardingMode.Enabled, ForwardingTime = 4 }), "request.forwarding_time", "minimum"),
        };

        public static IEnumerable<object[]> Cases() => Catalogue.Keys.Select(name => new object[] { name });

        [Fact]
        public void The_catalogue_holds_at_least_forty_distinct_invalid_requests()
        {
            Catalogue.Count.ShouldBeGreaterThanOrEqualTo(40);
            Catalogue.Keys.Select(k => k.Split(' ')[0]).Distinct().ShouldBe(new[] { "alphasms", "liveall", "smsby" }, ignoreOrder: true);
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task Invalid_request_is_refused_naming_the_field_and_nothing_is_sent(string name)
        {
            var (call, field, rule) = Catalogue[name];
            var before = _fixture.Sandbox.Requests.Count;
            using var gateways = new GatewayServices(_fixture.Sandbox);

            var error = await Should.ThrowAsync<RequestValidationException>(() => call(gateways));

            error.Violations.ShouldContain(v => v.Field == field && v.Rule == rule, $"{name}: {error.Message}");
            error.Message.ShouldContain(field);
            _fixture.Sandbox.Requests.Count.ShouldBe(before);
        }

        private static ViberMessage Text(bool clientId) => new()
        {
            Recipients = { "+380971234567" },
            Sender = "Shop",
            Text = "Hello",
            ClientId = clientId ? 42 : null,
        };

        private static Task Json(GatewayServices g, Action<ViberMessage> spoil) => Send(g.AlphaSms, true, spoil);

        private static Task Xml(GatewayServices g, Action<ViberMessage> spoil) => Send(g.AlphaSmsXml, true, spoil);

        private static Task Http(GatewayServices g, Action<ViberMessage> spoil) => Send(g.AlphaSmsHttp, false, spoil);

        private static Task Send(IViberClient client, bool clientId, Action<ViberMessage> spoil)
        {
            var message = Text(clientId);
            spoil(message);
            return client.SendAsync(message);
        }

        private static Task RawJson(GatewayServices g, Action<AlphaSmsJsonViberItem> spoil)
        {
            var item = new AlphaSmsJsonViberItem { Id = 1, Phone = 380971234567, ViberType = AlphaSmsJsonViberType.Text, ViberSignature = "Shop", ViberMessage = "Hi" };
            spoil(item);
            return g.Get<IAlphaSmsJsonClient>().ExecuteAsync(new AlphaSmsJsonRequest { Auth = "key", Data = { item } });
        }

        private static Task LiveAll(GatewayServices g, Action<ViberMessage> spoil)
        {
            var message = new ViberMessage { Recipients = { "306912345678" }, Sender = "Shop", Text = "Hi" };
            spoil(message);
            return g.LiveAllViber.SendAsync(message);
        }

        private static Task RawLiveAll(GatewayServices g, Action<LiveAllSendImRequest> spoil)
        {
            var request = new LiveAllSendImRequest { Apitoken = "t", ImType = LiveAllImType.Im, ImSenderName = "Shop", ImText = "Hi", Destinations = { "306912345678" } };
            spoil(request);
            return g.LiveAll.SendImAsync(request);
        }

        private static Task SmsBy(GatewayServices g, Action<ViberMessage> spoil)
        {
            var message = new ViberMessage { Recipients = { "375291111111" }, Text = "Hi", SmsBy = new SmsByMessageOptions { SenderId = 7 } };
            spoil(message);
            return ((IViberClient)g.SmsBy).SendAsync(message);
        }

        private static Task RawBulk(GatewayServices g, Action<SmsByBulkViberContent> spoil)
        {
            var content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Text, Text = "Hi" };
            spoil(content);
            return g.SmsBy.SendBulkViberAsync(new SmsBySendBulkViberRequest
            {
                Token = "t",
                Messages = { new SmsByBulkViberSameMessageMailing { AlphanameId = "444", Content = content, DeliveryList = { "375291111111" } } },
            });
        }
    }
}
