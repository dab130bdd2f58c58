using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Replies
{
    /// <summary>The documented JSON replies of seed 000 (send Viber image), read by the generated AlphaSMS JSON client.</summary>
    public class AlphaSmsJsonReplyTests
    {
        private static Task<AlphaSmsJsonReply> ExecuteAgainst(string reply)
        {
            var gateway = new StubGateway().Reply(reply);
            var client = new AlphaSmsJsonClient(new AlphaSmsOptions(), gateway.CreateClient());
            return client.ExecuteAsync(new AlphaSmsJsonRequest { Auth = "key", Data = { new AlphaSmsJsonBalanceItem() } });
        }

        [Fact]
        public async Task Successful_reply_carries_the_client_id_gateway_id_and_parts()
        {
            var reply = await ExecuteAgainst("""
                {"success": true, "data": [{"success": true, "data": {"id": 100500, "msg_id": 123456789, "data": 1, "parts": 1}}]}
                """);

            reply.Success.ShouldBe(true);
            reply.Error.ShouldBeNull();
            var item = reply.Data.ShouldHaveSingleItem();
            item.Success.ShouldBe(true);
            item.Data!.Id.ShouldBe(100500);
            item.Data.MsgId.ShouldBe(123456789);
            item.Data.Data.ShouldBe(1);
            item.Data.Parts.ShouldBe(1);
        }

        [Fact]
        public async Task Access_denied_reply_fails_the_whole_request()
        {
            var reply = await ExecuteAgainst("""{"success": false, "error": "Access denied"}""");

            reply.Success.ShouldBe(false);
            reply.Error.ShouldBe("Access denied");
            reply.Data.ShouldBeNull();
        }

        [Fact]
        public async Task Alpha_name_error_fails_one_item_inside_a_successful_request()
        {
            var reply = await ExecuteAgainst("""
                {"success": true, "data": [{"success": false, "error": "Error in Alpha-name", "data": {"id": 100500}}]}
                """);

            reply.Success.ShouldBe(true);
            var item = reply.Data.ShouldHaveSingleItem();
            item.Success.ShouldBe(false);
            item.Error.ShouldBe("Error in Alpha-name");
            item.Data!.Id.ShouldBe(100500);
            item.Data.MsgId.ShouldBeNull();
        }

        [Theory]
        [InlineData("1", true)]
        [InlineData("0", false)]
        public async Task Top_level_success_documented_as_an_integer_is_read_too(string success, bool expected)
        {
            var reply = await ExecuteAgainst("{\"success\": " + success + ", \"data\": []}");

            reply.Success.ShouldBe(expected);
        }
    }
}
