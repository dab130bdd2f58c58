using System.Linq;
using System.Threading.Tasks;
using ViberGateways.LiveAll;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Reliability
{
    /// <summary>The hostile-reply catalogue (<see cref="HostileReplyCatalogue"/>) over LiveAll <c>SendIM</c>.</summary>
    public class LiveAllHostileReplyCatalogueTests : HostileReplyCatalogue
    {
        private const string Documented = """{"success":true,"OperationErrors":null,"SubmissionID":5,"data":[{"destination":"306912345678","smsid":77}]}""";

        private static readonly (string Name, string Body)[] Own =
        {
            ("empty object", "{}"),
            ("array instead of object", "[]"),
            ("nulls", """{"success":null,"OperationErrors":null,"SubmissionID":null,"data":null}"""),
            ("null result", """{"success":true,"OperationErrors":null,"SubmissionID":5,"data":[null]}"""),
            ("number too large for a double", """{"success":true,"OperationErrors":null,"SubmissionID":1e400,"data":[{"destination":"306912345678","smsid":1e400}]}"""),
            ("number too large for a long", """{"success":true,"OperationErrors":null,"SubmissionID":5,"data":[{"destination":"306912345678","smsid":99999999999999999999999}]}"""),
            ("wrong types", """{"success":"yes","OperationErrors":"none","SubmissionID":"five","data":"all of them"}"""),
            ("result for another recipient", """{"success":true,"OperationErrors":null,"SubmissionID":5,"data":[{"destination":"306900000000","smsid":77}]}"""),
            ("XML instead of JSON", "<?xml version=\"1.0\"?><result success=\"true\"/>"),
        };

        public static TheoryData<string, SendOutcome> Replies() => Rows(Own.Select(o => o.Name));

        [Theory]
        [MemberData(nameof(Replies))]
        public Task A_send_answered_by_a_hostile_reply_ends_in_a_typed_result(string reply, SendOutcome outcome) =>
            SendAsync(
                gateway => ViberClientFactory.Create(new LiveAllOptions { Resilience = QuickRetries.Policy(), ApiKey = Canary }, gateway.CreateClient("https://liveall.test/")),
                new ViberMessage { Recipients = { "+306912345678" }, Sender = "Shop", Text = "Hi" },
                () => CommonReply(reply, Documented, "application/json") ?? Reply(Own.Single(o => o.Name == reply).Body, "application/json"),
                outcome);
    }
}
