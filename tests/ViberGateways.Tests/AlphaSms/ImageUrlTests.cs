using System;
using System.Linq;
using System.Threading.Tasks;
using System.Web;
using ViberGateways.AlphaSms;
using ViberGateways.Tests.Infrastructure;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.AlphaSms
{
    /// <summary>
    /// An image link is any absolute http(s) URL on every AlphaSMS transport, as on LiveAll: the JSON pages name no
    /// image format, the XML and HTTP pages name the picture's (".jpg .jpeg .png .gif", seed 002's
    /// "Supported extensions"), and the gateway reference says "the URL need not end in them". A CDN URL without an
    /// extension goes out unchanged; a relative or spaced one is still refused (the specs' pattern).
    /// </summary>
    public class ImageUrlTests
    {
        private const string CdnUrl = "https://cdn.example.com/img/12345";

        public static TheoryData<Variant> Transports => new() { Variant.Json, Variant.Xml, Variant.HttpPost, Variant.HttpGet };

        [Theory]
        [MemberData(nameof(Transports))]
        public async Task A_cdn_url_without_an_extension_is_sent_as_the_image(Variant variant)
        {
            foreach (var button in new[] { null, new ViberButton("Open", "https://example.com/offer") })
            {
                var request = await SentAsync(Options(variant), Reply(variant), client => AcceptedAsync(client.SendAsync(Message(client, TextWith(variant, button), CdnUrl, button))));

                var sent = variant is Variant.HttpGet ? HttpUtility.UrlDecode(request.Uri.Query) : variant is Variant.HttpPost ? HttpUtility.UrlDecode(request.BodyText) : request.BodyText;
                sent.ShouldContain(CdnUrl);
            }
        }

        [Theory]
        [MemberData(nameof(Transports))]
        public async Task A_relative_url_is_still_refused(Variant variant)
        {
            var gateway = new StubGateway();
            var client = Client(variant, gateway);

            var error = await Should.ThrowAsync<RequestValidationException>(() => client.SendAsync(Message(client, TextWith(variant, null), "img/12345")));

            error.Violations.ShouldContain(v => v.Field.EndsWith("ImageUrl", StringComparison.Ordinal) && v.Rule == "pattern");
            gateway.Requests.ShouldBeEmpty();
        }

        /// <summary>JSON sends an image alone, or text and image with a button; XML and HTTP send text with every type.</summary>
        private static string? TextWith(Variant variant, ViberButton? button) => variant == Variant.Json && button is null ? null : "Look";

        private static string Reply(Variant variant) => variant switch
        {
            Variant.Json => """{"success":true,"data":[{"success":true,"data":{"id":1001,"msg_id":9001,"data":1,"parts":1}}]}""",
            Variant.Xml => """<package><message-viber><msg id="1001" msg_id="9001">1</msg></message-viber></package>""",
            _ => "id:84523377 sms_count:1",
        };
    }
}
