using System;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using ViberGateways.AlphaSms;
using ViberGateways.Tests.Infrastructure;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.AlphaSms.SendXmlPackage
{
    /// <summary>
    /// The XML API's packages compared with the documentation as XML trees (whitespace between elements ignored),
    /// each built through <see cref="IViberClient"/>: seed 001's request example (copied verbatim to
    /// Data/…seed001.request.xml), and what the gateway reference documents beside it: the status and balance
    /// packages, several <c>&lt;msg&gt;</c> in one package, <c>date_beg</c>, and the <c>button</c> type with its
    /// <c>button</c> and <c>url</c> children. Two differences are deliberate, and named where they are compared: a
    /// status package asks for one message (<see cref="Status_query_is_the_documented_status_package"/>), and
    /// <c>date_beg</c> carries seconds and an offset (<see cref="Scheduled_message_has_the_documented_date_beg"/>).
    /// </summary>
    public class SendXmlPackageDocumentedExampleTests
    {
        private const string SeedKey = "bb56a4369eb19***cfec6d1776bd25";

        /// <summary>Seed 001's successful reply; a second result for the package with two messages.</summary>
        private const string SendReply = """<?xml version="1.0" encoding="utf-8" ?><package><message-viber><msg id="1234" msg_id="1234568">1</msg><msg id="1235" msg_id="1234569">1</msg></message-viber></package>""";

        public static TheoryData<bool> ByClientId => new() { true, false };

        /// <summary>
        /// Reference: "Reply: <c>&lt;package&gt;&lt;message-viber&gt;&lt;msg id=… msg_id=…&gt;CODE&lt;/msg&gt;…</c>.
        /// CODE 1 = accepted; a code ≥ 200 is an error (e.g. 201 with <c>msg_id="0"</c>)", and the status reply's
        /// <c>&lt;msg id=… sms_id=… sms_count=…&gt;CODE&lt;/msg&gt;</c>: the code is the text of <c>msg</c>, not a child
        /// element. The generated models read it from there and write it back there.
        /// </summary>
        [Theory]
        [InlineData("""<package><message-viber><msg id="1234" msg_id="1234568">1</msg></message-viber></package>""", 1234L, 1234568L, 1)]
        [InlineData("""<package><message-viber><msg id="7777" msg_id="0">201</msg></message-viber></package>""", 7777L, 0L, 201)]
        public void Send_reply_code_is_the_text_of_msg(string documented, long id, long gatewayId, int code)
        {
            var reply = Http.XmlModels.Read<AlphaSmsXmlReply>(XDocument.Parse(documented).Root!);

            var result = reply.MessageViber.ShouldNotBeNull().ShouldHaveSingleItem();
            result.Id.ShouldBe(id);
            result.MsgId.ShouldBe(gatewayId);
            result.Code.ShouldBe(code);
            var written = XDocument.Parse(Http.XmlModels.Write(reply)).Root!.Descendants("msg").Single();
            written.Value.ShouldBe(code.ToString(CultureInfo.InvariantCulture));
            written.Elements().ShouldBeEmpty("the code is the element's text, not a child element");
        }

        [Fact]
        public void Status_reply_code_is_the_text_of_msg()
        {
            const string documented = """<package><status><msg id="1234" sms_id="1234568" sms_count="1" date_completed="2024-11-30T12:01:15">102</msg></status></package>""";

            var result = Http.XmlModels.Read<AlphaSmsXmlReply>(XDocument.Parse(documented).Root!).Status.ShouldNotBeNull().ShouldHaveSingleItem();

            result.Id.ShouldBe(1234L);
            result.SmsId.ShouldBe(1234568L);
            result.Code.ShouldBe(102);
        }

        [Fact]
        public async Task Image_message_is_the_seed_001_document()
        {
            var sent = await SentPackageAsync(client => AcceptedAsync(client.SendAsync(SeedMessage())));

            sent.ShouldBeSameTreeAs(Seed001());
        }

        /// <summary>
        /// Reference: "Status: request <c>&lt;package key=KEY&gt;&lt;status&gt;&lt;msg id="…"/&gt;&lt;msg
        /// sms_id="…"/&gt;&lt;/status&gt;&lt;/package&gt;</c> (by client id or gateway id)". The documented package
        /// asks for two messages, one by each kind of id; <see cref="IViberClient.GetStatusAsync"/> asks for the one
        /// message it is given, so its package is the documented one with that message's <c>&lt;msg&gt;</c> alone. Safe:
        /// the reference answers a status package with one <c>&lt;msg&gt;</c> per message asked for, so a list of one is
        /// the same request, smaller.
        /// </summary>
        [Theory]
        [MemberData(nameof(ByClientId))]
        public async Task Status_query_is_the_documented_status_package(bool byClientId)
        {
            var sent = await SentPackageAsync(client => client.GetStatusAsync(byClientId ? new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 1234) : new MessageReference(Gateway.AlphaSms, "380971234567", gatewayId: "1234568")),
                """<package><status><msg id="1234" sms_id="1234568" sms_count="1">102</msg></status></package>""");

            var documented = Documented("""<package key=KEY><status><msg id="…"/><msg sms_id="…"/></status></package>""",
                ("KEY", $"\"{SeedKey}\""), ("<msg id=\"…\"/>", "<msg id=\"1234\"/>"), ("<msg sms_id=\"…\"/>", "<msg sms_id=\"1234568\"/>"));
            documented.Descendants("msg").Single(msg => msg.Attribute(byClientId ? "sms_id" : "id") != null).Remove();
            sent.ShouldBeSameTreeAs(documented);
        }

        /// <summary>Reference: "Balance: request <c>&lt;package key=KEY&gt;&lt;balance/&gt;&lt;/package&gt;</c>".</summary>
        [Fact]
        public async Task Balance_query_is_the_documented_balance_package()
        {
            var sent = await SentPackageAsync(client => client.GetBalanceAsync(),
                "<package><balance><amount>10.526</amount><currency>UAH</currency></balance></package>");

            sent.ShouldBeSameTreeAs(Documented("<package key=KEY><balance/></package>", ("KEY", $"\"{SeedKey}\"")));
        }

        /// <summary>Reference: "several <c>&lt;msg&gt;</c> per package".</summary>
        [Fact]
        public async Task Batch_is_one_package_with_a_msg_per_message_in_order()
        {
            var second = SeedMessage();
            second.ClientId = 1235;
            second.Recipients = new System.Collections.Generic.List<string> { "+380501234567" };

            var sent = await SentPackageAsync(client => client.SendAsync(new[] { SeedMessage(), second }));

            var documented = Seed001();
            var first = documented.Descendants("msg").Single();
            var secondMsg = new XElement(first);
            secondMsg.SetAttributeValue("id", 1235);
            secondMsg.Element("phone")!.Value = "+380501234567";
            first.AddAfterSelf(secondMsg);
            sent.ShouldBeSameTreeAs(documented);
        }

        /// <summary>
        /// Reference: "Optional attribute <c>date_beg</c> on <c>&lt;msg&gt;</c> schedules the send (ISO 8601, e.g.
        /// <c>2024-11-30T12:00</c>)". The SDK writes the same time with seconds and the offset of
        /// <see cref="ViberMessage.ScheduledAt"/>, <c>2024-11-30T12:00:00+02:00</c>.
        /// </summary>
        [Fact]
        public async Task Scheduled_message_has_the_documented_date_beg()
        {
            const string DocumentedDateBeg = "2024-11-30T12:00";
            var message = SeedMessage();
            message.ScheduledAt = new DateTimeOffset(2024, 11, 30, 12, 0, 0, TimeSpan.FromHours(2));

            var sent = await SentPackageAsync(client => AcceptedAsync(client.SendAsync(message)));

            var sentDateBeg = sent.Descendants("msg").Single().Attribute("date_beg")?.Value;
            sentDateBeg.ShouldNotBeNull("date_beg is missing");
            const string Difference = "the reference writes date_beg as 2024-11-30T12:00 and the SDK as 2024-11-30T12:00:00+02:00: the same wall-clock"
                + " minute with zero seconds and the message's offset added, both ISO 8601 (the reference's own words for the attribute); the"
                + " offset names the moment where the short form leaves the time zone to the gateway";
            DateTimeOffset.TryParseExact(sentDateBeg, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var sentAt)
                .ShouldBeTrue($"date_beg=\"{sentDateBeg}\": {Difference}");
            var documentedAt = DateTime.ParseExact(DocumentedDateBeg, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
            sentAt.DateTime.ShouldBe(documentedAt, Difference);
            sentAt.Offset.ShouldBe(message.ScheduledAt.Value.Offset, Difference);

            sent.ShouldBeSameTreeAs(Seed001(msg => msg.SetAttributeValue("date_beg", sentDateBeg)));
        }

        /// <summary>
        /// Reference: <c>&lt;type&gt;</c> <c>button</c> (picture + button), with <c>image</c>, <c>button</c> (the caption)
        /// and <c>url</c> (the link the button opens), in that order after <c>text</c>.
        /// </summary>
        [Fact]
        public async Task Text_image_and_button_is_the_button_type_with_button_and_url()
        {
            var message = SeedMessage();
            message.Button = new ViberButton("Open", "https://image.url/offer");

            var sent = await SentPackageAsync(client => AcceptedAsync(client.SendAsync(message)));

            sent.ShouldBeSameTreeAs(Seed001(msg =>
            {
                msg.Element("type")!.Value = "button";
                msg.Add(new XElement("button", "Open"), new XElement("url", "https://image.url/offer"));
            }));
        }

        /// <summary>Seed 001's message in the message model.</summary>
        private static ViberMessage SeedMessage() => new()
        {
            ClientId = 1234,
            Recipients = { "+380971234567" },
            Sender = "SMSTest",
            Text = "Message text to be sent via Viber",
            ImageUrl = "https://image.url/image.png",
        };

        /// <summary>The package of the one request <paramref name="act"/> posted to <c>/api/xml.php</c>.</summary>
        private static async Task<XDocument> SentPackageAsync(Func<IViberClient, Task> act, string reply = SendReply)
        {
            var request = await SentAsync(Options(Variant.Xml, SeedKey), reply, act);
            request.Method.ShouldBe("POST");
            request.Uri.PathAndQuery.ShouldBe("/api/xml.php");
            return XDocument.Parse(request.BodyText);
        }

        /// <summary>Seed 001's request example, its one <c>&lt;msg&gt;</c> changed as the reference documents.</summary>
        private static XDocument Seed001(Action<XElement>? changeMsg = null)
        {
            // The page indents the example; an XML declaration must open the document.
            var documented = XDocument.Parse(DocumentedFixtures.Read<SendXmlPackageDocumentedExampleTests>("seed001.request.xml").Trim());
            changeMsg?.Invoke(documented.Descendants("msg").Single());
            return documented;
        }

        /// <summary>A package the reference writes with placeholders, each replaced by its text.</summary>
        private static XDocument Documented(string format, params (string Placeholder, string Text)[] values)
        {
            foreach (var (placeholder, text) in values)
            {
                format.ShouldContain(placeholder, Case.Sensitive);
                format = format.Replace(placeholder, text);
            }

            return XDocument.Parse(format);
        }
    }
}
