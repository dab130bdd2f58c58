using System.Linq;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Neutral
{
    /// <summary>
    /// Each recipient's client id is <see cref="ViberMessage.ClientId"/> plus its position, on every gateway that keeps
    /// client ids; a message whose later recipients would pass the largest id is refused, naming ClientId, and nothing is
    /// sent (it never wraps round to a negative id).
    /// </summary>
    public class ClientIdRangeTests
    {
        public static TheoryData<string> Clients => new() { "AlphaSms Json", "AlphaSms Xml", "LiveAll", "SmsBy" };

        [Theory]
        [MemberData(nameof(Clients))]
        public async Task A_client_id_that_would_pass_the_largest_id_is_refused_before_anything_is_sent(string name)
        {
            var stub = new StubGateway();
            var message = new ViberMessage { Recipients = { "380971234567", "380971234568", "380971234569" }, Sender = "Shop", Text = "Hi", ClientId = long.MaxValue - 1 };

            var error = await Should.ThrowAsync<RequestValidationException>(() => Create(name, stub).SendAsync(message));

            error.Violations.Select(v => (v.Field, v.Rule)).ShouldBe(new[] { ("message.ClientId", "range") });
            stub.Requests.ShouldBeEmpty();
        }

        [Theory]
        [MemberData(nameof(Clients))]
        public async Task The_largest_id_itself_is_a_client_id(string name)
        {
            var stub = new StubGateway().Reply(name switch
            {
                "AlphaSms Json" => """{"success":true,"data":[{"success":true,"data":{"msg_id":700000,"parts":1}},{"success":true,"data":{"msg_id":700001,"parts":1}}]}""",
                "AlphaSms Xml" => "<package><message-viber><msg msg_id=\"700000\">1</msg><msg msg_id=\"700001\">1</msg></message-viber></package>",
                "LiveAll" => """{"success":true,"OperationErrors":null,"SubmissionID":0,"data":[2101520394,2101520395]}""",
                _ => """{"uuid":"9d2b7f3e-0c4e-4f5a-9a3b-1f2e3d4c5b6a","success":"OK"}""",
            }, name == "AlphaSms Xml" ? "text/xml" : "application/json");
            var message = new ViberMessage { Recipients = { "380971234567", "380971234568" }, Sender = "Shop", Text = "Hi", ClientId = long.MaxValue - 1 };

            var results = await Create(name, stub).SendAsync(message);

            results.Select(result => result.Outcome).ShouldAllBe(outcome => outcome == SendOutcome.Accepted);
            results.Select(result => result.Reference?.ClientId).ShouldBe(new long?[] { long.MaxValue - 1, long.MaxValue });
        }

        private static IViberClient Create(string name, StubGateway stub) => name switch
        {
            "AlphaSms Json" => ViberClientFactory.Create(new AlphaSmsOptions { ApiKey = "k", Transport = AlphaSmsTransport.Json }, stub.CreateClient()),
            "AlphaSms Xml" => ViberClientFactory.Create(new AlphaSmsOptions { ApiKey = "k", Transport = AlphaSmsTransport.Xml }, stub.CreateClient()),
            "LiveAll" => ViberClientFactory.Create(new LiveAllOptions { ApiKey = "k" }, stub.CreateClient()),
            _ => ViberClientFactory.Create(new SmsByOptions { ApiKey = "k", MailingSenderId = 444 }, stub.CreateClient()),
        };
    }
}
