using System;
using System.Threading.Tasks;
using ViberGateways.LiveAll;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Replies
{
    /// <summary>LiveAll's plain-text replies (GetSMSStatus records, GetAccountBalance, <c>Error: CODE - MESSAGE</c>).</summary>
    public class LiveAllPlainTextReplyTests
    {
        private readonly StubGateway _gateway = new();

        private IViberClient ClientReplying(string reply)
        {
            _gateway.Reply(reply, "text/plain");
            return new LiveAllClient(new LiveAllOptions { ApiKey = "test-token" }, _gateway.CreateClient());
        }

        [Fact]
        public async Task Status_reply_with_two_records_reads_each_messages_status_text_and_time()
        {
            var client = ClientReplying("2101520394:1718010000:1718010042:306912345678:300002:IM_DELIVRD:1:0.012|2101520395:1718010000:1718010050:306987654321:300008:IM_SEEN:1:0.012");

            var statuses = await client.GetStatusAsync(StubbedClients.LiveAllReferences(2101520394L, 2101520395L));

            statuses.Count.ShouldBe(2);
            statuses[0].Reference.GatewayId.ShouldBe("2101520394");
            statuses[0].UpdatedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1718010042));
            statuses[0].RawStatus.ShouldBe("IM_DELIVRD");
            statuses[0].State.ShouldBe(DeliveryState.Delivered);
            statuses[1].Reference.GatewayId.ShouldBe("2101520395");
            statuses[1].UpdatedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1718010050));
            statuses[1].State.ShouldBe(DeliveryState.Read);
            _gateway.LastRequest.BodyText.ShouldBe("apitoken=test-token&smsids=2101520394%2C2101520395");
        }

        /// <summary>A status number the documentation does not list keeps its text with an unknown state; a record without a text keeps its number.</summary>
        [Theory]
        [InlineData("5:1718010000:1718010042:306912345678:399999:IM_NEWTHING:1:0", "IM_NEWTHING", DeliveryState.Unknown)]
        [InlineData("5:1718010000:1718010042:306912345678:300009::1:0", "300009", DeliveryState.Sent)]
        public async Task Status_record_keeps_its_raw_status(string reply, string rawStatus, DeliveryState state)
        {
            var client = ClientReplying(reply);

            var status = (await client.GetStatusAsync(StubbedClients.LiveAllReferences(5L))).ShouldHaveSingleItem();

            status.RawStatus.ShouldBe(rawStatus);
            status.State.ShouldBe(state);
        }

        [Fact]
        public async Task Error_reply_becomes_a_gateway_exception_with_code_and_message()
        {
            var client = ClientReplying("Error: 44 - Invalid api token");

            var error = await Should.ThrowAsync<GatewayException>(() => client.GetStatusAsync(StubbedClients.LiveAllReferences(1L)));

            error.GatewayErrorCode.ShouldBe("44");
            error.GatewayMessage.ShouldBe("Invalid api token");
            error.Message.ShouldNotContain("test-token");
        }

        [Fact]
        public async Task Balance_reply_reads_the_balance_without_a_currency()
        {
            var client = ClientReplying("OK Balance:169.64|SmsRemainCount:-1|LCSmsRemainCount:-1");

            var balance = await client.GetBalanceAsync();

            balance.Amount.ShouldBe(169.64m);
            balance.Currency.ShouldBeNull();
            _gateway.LastRequest.BodyText.ShouldBe("apitoken=test-token");
        }

        [Fact]
        public async Task Balance_error_reply_becomes_a_gateway_exception()
        {
            var client = ClientReplying("Error: 40 - Api token mismatch");

            var error = await Should.ThrowAsync<GatewayException>(() => client.GetBalanceAsync());

            error.GatewayErrorCode.ShouldBe("40");
        }

        [Theory]
        [InlineData("Balance 12")]
        [InlineData("<html>oops</html>")]
        public async Task Balance_reply_in_no_documented_format_is_a_clear_error(string reply)
        {
            var client = ClientReplying(reply);

            var error = await Should.ThrowAsync<GatewayException>(() => client.GetBalanceAsync());

            error.ResponseSnippet.ShouldBe(reply);
        }

        [Fact]
        public async Task Status_record_in_no_documented_format_is_a_clear_error()
        {
            var client = ClientReplying("not:a:record");

            await Should.ThrowAsync<GatewayException>(() => client.GetStatusAsync(StubbedClients.LiveAllReferences(1L)));
        }
    }
}
