using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ViberGateways.Tests.Infrastructure;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.Reliability
{
    /// <summary>The hostile-reply catalogue (<see cref="HostileReplyCatalogue"/>) over AlphaSMS, on JSON, XML and HTTP as a form POST and as a GET.</summary>
    public class AlphaSmsHostileReplyCatalogueTests : HostileReplyCatalogue
    {
        private const string JsonReply = """{"success":true,"data":[{"success":true,"data":{"id":1001,"msg_id":7}}]}""";
        private const string XmlReply = """<?xml version="1.0" encoding="utf-8" ?><package><message-viber><msg id="1001" msg_id="7" sms_count="1">1</msg></message-viber></package>""";
        private const string HttpReply = "id:84523377 sms_count:1";

        /// <summary>Each format's own hostile replies, beside the common ones.</summary>
        private static readonly (string Name, string Body, string ContentType)[] JsonOwn =
        {
            ("empty object", "{}", "application/json"),
            ("array instead of object", "[]", "application/json"),
            ("nulls", """{"success":null,"data":null}""", "application/json"),
            ("null result", """{"success":true,"data":[null]}""", "application/json"),
            ("number too large for a double", """{"success":true,"data":[{"success":true,"data":{"id":1001,"msg_id":1e400}}]}""", "application/json"),
            ("number too large for a long", """{"success":true,"data":[{"success":true,"data":{"id":1001,"msg_id":99999999999999999999999}}]}""", "application/json"),
            ("wrong types", """{"success":"yes","data":"all of them"}""", "application/json"),
            ("wrong types inside", """{"success":true,"data":[{"success":true,"data":{"id":"abc","msg_id":[7]}}]}""", "application/json"),
            ("XML instead of JSON", XmlReply, "application/xml"),
        };

        private static readonly (string Name, string Body, string ContentType)[] XmlOwn =
        {
            ("external entity in a DTD", """<?xml version="1.0"?><!DOCTYPE package [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><package><message-viber><msg id="1001" msg_id="7">&xxe;</msg></message-viber></package>""", "text/xml"),
            ("billion laughs", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">" + string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{i - 1};", 10))}\">")) + "]><package><message-viber><msg id=\"1001\" msg_id=\"7\">&lol9;</msg></message-viber></package>", "text/xml"),
            ("empty package", "<package/>", "text/xml"),
            ("msg without attributes", "<package><message-viber><msg/></message-viber></package>", "text/xml"),
            ("number too large for a long", """<package><message-viber><msg id="1001" msg_id="99999999999999999999999">1</msg></message-viber></package>""", "text/xml"),
            ("wrong types", """<package><message-viber><msg id="abc" msg_id="seven">yes</msg></message-viber></package>""", "text/xml"),
            ("JSON instead of XML", JsonReply, "application/json"),
        };

        private static readonly (string Name, string Body, string ContentType)[] HttpOwn =
        {
            ("id cut short without its count", "id:845", "text/plain"),
            ("id not a number", "id:abc sms_count:1", "text/plain"),
            ("number too large for a long", "id:99999999999999999999999 sms_count:1", "text/plain"),
            ("unknown fields", "queued:yes ticket:7", "text/plain"),
            ("JSON instead of text", JsonReply, "application/json"),
        };

        public static TheoryData<Variant, string, SendOutcome> Replies()
        {
            var rows = new TheoryData<Variant, string, SendOutcome>();
            foreach (var variant in new[] { Variant.Json, Variant.Xml, Variant.HttpPost, Variant.HttpGet })
            {
                foreach (var name in Common.Concat(Own(variant).Select(o => o.Name)))
                {
                    rows.Add(variant, name, Expected(name));
                }
            }

            return rows;
        }

        [Theory]
        [MemberData(nameof(Replies))]
        public Task A_send_answered_by_a_hostile_reply_ends_in_a_typed_result(Variant variant, string reply, SendOutcome outcome)
        {
            var (documented, contentType) = variant switch
            {
                Variant.Json => (JsonReply, "application/json"),
                Variant.Xml => (XmlReply, "text/xml"),
                _ => (HttpReply, "text/plain"),
            };
            var own = Own(variant).FirstOrDefault(o => o.Name == reply);
            return SendAsync(
                gateway =>
                {
                    var options = Options(variant, Canary);
                    options.Resilience = QuickRetries.Policy();
                    return (IViberClient)Client(options, gateway);
                },
                new ViberMessage { Recipients = { "+380971234567" }, Sender = "Shop", Text = "Hi", ClientId = variant is Variant.Json or Variant.Xml ? 1001 : null },
                () => CommonReply(reply, documented, contentType) ?? Reply(own.Body, own.ContentType),
                outcome);
        }

        private static (string Name, string Body, string ContentType)[] Own(Variant variant) => variant switch
        {
            Variant.Json => JsonOwn,
            Variant.Xml => XmlOwn,
            _ => HttpOwn,
        };
    }
}
