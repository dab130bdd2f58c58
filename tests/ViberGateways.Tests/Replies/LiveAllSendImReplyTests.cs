using System.Linq;
using System.Threading.Tasks;
using ViberGateways.LiveAll;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Replies
{
    /// <summary>The documented SendIM replies of seed 003, read by the generated LiveAll client.</summary>
    public class LiveAllSendImReplyTests
    {
        private static Task<LiveAllSendImReply> SendAgainst(string reply)
        {
            var gateway = new StubGateway().Reply(reply);
            var client = new LiveAllClient(new LiveAllOptions(), gateway.CreateClient());
            return client.SendImAsync(new LiveAllSendImRequest
            {
                Apitoken = "token", ImType = LiveAllImType.Im, ImSenderName = "sender", ImText = "text", Destinations = { "306912345678" },
            });
        }

        [Fact]
        public async Task Error_reply_lists_the_operation_errors_and_no_data()
        {
            var reply = await SendAgainst("""
                {"success": false,
                 "OperationErrors": [{"errorCode": 56, "errorMessage": "Sender id for IM is not approved", "SMSErrorType": 4, "valueOfError": ""}],
                 "SubmissionID": 0, "data": null}
                """);

            reply.Success.ShouldBeFalse();
            var error = reply.OperationErrors.ShouldHaveSingleItem();
            error.ErrorCode.ShouldBe((int)LiveAllErrorCode.ImSenderIdNotApproved);
            error.ErrorMessage.ShouldBe("Sender id for IM is not approved");
            error.SMSErrorType.ShouldBe((int)LiveAllSmsErrorType.Other);
            error.ValueOfError.ShouldBe("");
            reply.SubmissionID.ShouldBe(0);
            reply.Data.ShouldBeNull();
        }

        [Fact]
        public async Task Success_reply_with_data_as_bare_message_ids()
        {
            var reply = await SendAgainst("""{"success": true, "OperationErrors": null, "SubmissionID": 0, "data": [2101520394, 2101520395]}""");

            reply.Success.ShouldBeTrue();
            reply.OperationErrors.ShouldBeNull();
            reply.Data!.Select(d => d.Smsid).ShouldBe(new long?[] { 2101520394, 2101520395 });
            reply.Data!.ShouldAllBe(d => d.Destination == null);
        }

        [Fact]
        public async Task Success_reply_with_data_as_destination_objects()
        {
            var reply = await SendAgainst("""
                {"success": true, "OperationErrors": null, "SubmissionID": 0,
                 "data": [{"destination": "306912345678", "smsid": 2101520394}]}
                """);

            var item = reply.Data.ShouldHaveSingleItem();
            item.Destination.ShouldBe("306912345678");
            item.Smsid.ShouldBe(2101520394);
        }
    }
}
