using System.Linq;
using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Reliability
{
    /// <summary>The hostile-reply catalogue (<see cref="HostileReplyCatalogue"/>) over SMS.by <c>sendQuickViberMessage</c>.</summary>
    public class SmsByHostileReplyCatalogueTests : HostileReplyCatalogue
    {
        private const string Documented = """{"status":"OK","result":{"message_id":77}}""";

        private static readonly (string Name, string Body)[] Own =
        {
            ("empty object", "{}"),
            ("array instead of object", "[]"),
            ("nulls", """{"status":null,"result":null}"""),
            ("null result", """{"status":"OK","result":null}"""),
            ("number too large for a double", """{"status":"OK","result":{"message_id":1e400}}"""),
            ("number too large for a long", """{"status":"OK","result":{"message_id":99999999999999999999999}}"""),
            ("wrong types", """{"status":"OK","result":{"message_id":"seventy-seven"}}"""),
            ("array result", """{"status":"OK","result":[]}"""),
            ("XML instead of JSON", "<?xml version=\"1.0\"?><result status=\"OK\"/>"),
        };

        public static TheoryData<string, SendOutcome> Replies() => Rows(Own.Select(o => o.Name));

        [Theory]
        [MemberData(nameof(Replies))]
        public Task A_send_answered_by_a_hostile_reply_ends_in_a_typed_result(string reply, SendOutcome outcome) =>
            SendAsync(
                gateway => ViberClientFactory.Create(new SmsByOptions { Resilience = QuickRetries.Policy(), ApiKey = Canary, QuickMessageSenderId = 7 }, gateway.CreateClient("https://smsby.test/")),
                new ViberMessage { Recipients = { "+375291111111" }, Sender = "Shop", Text = "Hi" },
                () => CommonReply(reply, Documented, "application/json") ?? Reply(Own.Single(o => o.Name == reply).Body, "application/json"),
                outcome);
    }
}
