using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using System.Threading.Tasks;
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
        [Theory]
        [MemberData(nameof(EveryClient.KeepingClientIds), MemberType = typeof(EveryClient))]
        public async Task A_client_id_that_would_pass_the_largest_id_is_refused_before_anything_is_sent(string name)
        {
            var stub = new StubGateway();
            var message = new ViberMessage { Recipients = { "380971234567", "380971234568", "380971234569" }, Sender = "Shop", Text = "Hi", ClientId = long.MaxValue };

            var error = await Should.ThrowAsync<RequestValidationException>(() => EveryClient.Create(name, stub).SendAsync(message));

            // Two recipients are past the largest id; the message gets one violation, naming the first.
            error.Violations.Select(v => (v.Field, v.Rule)).ShouldBe(new[] { ("message.ClientId", "range") });
            error.Violations[0].Message.ShouldContain("recipient 1 ");
            stub.Requests.ShouldBeEmpty();
        }

        [Theory]
        [MemberData(nameof(EveryClient.KeepingClientIds), MemberType = typeof(EveryClient))]
        public async Task The_largest_id_itself_is_a_client_id(string name)
        {
            var stub = Accepting(name, 2);
            var message = new ViberMessage { Recipients = { "380971234567", "380971234568" }, Sender = "Shop", Text = "Hi", ClientId = long.MaxValue - 1 };

            var results = await EveryClient.Create(name, stub).SendAsync(message);

            results.Select(result => result.Outcome).ShouldAllBe(outcome => outcome == SendOutcome.Accepted);
            results.Select(result => result.Reference?.ClientId).ShouldBe(new long?[] { long.MaxValue - 1, long.MaxValue });
        }

        [Theory]
        [MemberData(nameof(EveryClient.KeepingClientIds), MemberType = typeof(EveryClient))]
        public async Task In_a_bulk_send_to_many_each_recipient_gets_the_client_id_plus_its_index(string name)
        {
            var stub = Accepting(name, 3);
            var message = new ViberMessage { Sender = "Shop", Text = "Hi", ClientId = 7000 };

            var results = await EveryClient.Create(name, stub).SendBulkAsync(message, Numbers(3)).ToListAsync();

            results.OrderBy(result => result.Index).Select(result => result.Reference?.ClientId).ShouldBe(new long?[] { 7000, 7001, 7002 });
            if (name.StartsWith("AlphaSms"))
            {
                // The ids are on the wire too: JSON `id`, XML `msg id`.
                var body = stub.Requests.ShouldHaveSingleItem().BodyText;
                foreach (var id in new[] { "7000", "7001", "7002" })
                {
                    body.ShouldContain(name == "AlphaSms Json" ? $"\"id\":{id}" : $"id=\"{id}\"");
                }
            }
        }

        [Theory]
        [MemberData(nameof(EveryClient.KeepingClientIds), MemberType = typeof(EveryClient))]
        public async Task In_a_bulk_send_to_many_a_recipient_whose_client_id_would_pass_the_largest_id_is_rejected_alone(string name)
        {
            var stub = Accepting(name, 2);
            var message = new ViberMessage { Sender = "Shop", Text = "Hi", ClientId = long.MaxValue - 1 };

            var results = (await EveryClient.Create(name, stub).SendBulkAsync(message, Numbers(3)).ToListAsync()).OrderBy(result => result.Index).ToList();

            results.Select(result => result.Outcome).ShouldBe(new[] { SendOutcome.Accepted, SendOutcome.Accepted, SendOutcome.Rejected });
            results[2].Failure.ShouldBeOfType<RequestValidationException>().Violations.Select(v => (v.Field, v.Rule)).ShouldBe(new[] { ("message.ClientId", "range") });
            stub.Requests.ShouldHaveSingleItem();
        }

        private static async IAsyncEnumerable<string> Numbers(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await Task.Yield();
                yield return "38097123456" + i;
            }
        }

        /// <summary>A gateway that accepts one request for <paramref name="count"/> recipients, as its documents show.</summary>
        private static StubGateway Accepting(string name, int count) => new StubGateway().Reply(name switch
        {
            "AlphaSms Json" => new JObject
            {
                ["success"] = true,
                ["data"] = new JArray(Enumerable.Range(0, count).Select(i => new JObject { ["success"] = true, ["data"] = new JObject { ["msg_id"] = 700000 + i, ["parts"] = 1 } })),
            }.ToString(),
            "AlphaSms Xml" => new XElement("package", new XElement("message-viber", Enumerable.Range(0, count).Select(i => new XElement("msg", new XAttribute("msg_id", 700000 + i), 1)))).ToString(),
            "LiveAll" => new JObject { ["success"] = true, ["OperationErrors"] = null, ["SubmissionID"] = 0, ["data"] = new JArray(Enumerable.Range(0, count).Select(i => 2101520394L + i)) }.ToString(),
            _ => """{"uuid":"9d2b7f3e-0c4e-4f5a-9a3b-1f2e3d4c5b6a","success":"OK"}""",
        }, name == "AlphaSms Xml" ? "text/xml" : "application/json");

    }
}
