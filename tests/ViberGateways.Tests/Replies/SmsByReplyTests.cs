using System.Linq;
using System.Threading.Tasks;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Replies
{
    /// <summary>The documented replies of all 11 SMS.by Viber endpoints (seed 004), read by the generated client.</summary>
    public class SmsByReplyTests
    {
        private readonly StubGateway _gateway = new();

        /// <summary>The smallest request the spec allows: one text mailing to one number.</summary>
        private static SmsBySendBulkViberRequest OneMailing() => new()
        {
            Token = "t",
            Messages =
            {
                new SmsByBulkViberSameMessageMailing
                {
                    AlphanameId = "444",
                    Content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Text, Text = "Hi" },
                    DeliveryList = { "375291111111" },
                },
            },
        };

        private SmsByClient ClientReplying(string reply)
        {
            _gateway.Reply(reply);
            return new SmsByClient(new SmsByOptions(), _gateway.CreateClient());
        }

        [Fact]
        public async Task SendBulkViber_returns_the_mailing_uuid()
        {
            var reply = await ClientReplying("""{"uuid": "cc9c8043-8caf-11ef-b035-9e8f47954dec", "success": "OK"}""")
                .SendBulkViberAsync(OneMailing());

            reply.Uuid.ShouldBe("cc9c8043-8caf-11ef-b035-9e8f47954dec");
            reply.Success.ShouldBe("OK");
            reply.Error.ShouldBeNull();
        }

        [Fact]
        public async Task StatusBulkViber_returns_deliveries_and_errors_per_mailing()
        {
            var reply = await ClientReplying("""
                [
                 {"message_id": 1, "name": "mailing list 1", "alphaname_id": 123, "success": [
                   {"delivery_id": 1001, "phone": "375291111111", "status": "NEW", "status_time": "2024-10-16 22:52:42.497994"},
                   {"delivery_id": 1002, "phone": "375292222222", "status": "NEW", "status_time": "2024-10-16 22:52:43.379779"}]},
                 {"message_id": 2, "name": "mailing list 2", "alphaname_id": 345, "success": [
                   {"delivery_id": 1003, "phone": "375293333333", "status": "DELIVERED", "status_time": "2024-10-16 22:52:44.793377"},
                   {"delivery_id": 1004, "phone": "375294444444", "status": "DELIVERED", "status_time": "2024-10-16 22:52:43.008560"}]},
                 {"errors": ["mailing list 3: Content url is not valid"]},
                 {"errors": ["mailing list 4: Optimal image size 800x800 px"]}
                ]
                """).StatusBulkViberAsync("t", "cc9c8043-8caf-11ef-b035-9e8f47954dec");

            reply.Count.ShouldBe(4);
            reply[0].MessageId.ShouldBe(1);
            reply[0].Name.ShouldBe("mailing list 1");
            reply[0].AlphanameId.ShouldBe(123);
            reply[0].Success!.Select(d => (d.DeliveryId, d.Phone, d.Status)).ShouldBe(new (long?, string?, string?)[]
            {
                (1001, "375291111111", "NEW"), (1002, "375292222222", "NEW"),
            });
            reply[0].Success![0].StatusTime.ShouldBe("2024-10-16 22:52:42.497994");
            reply[1].AlphanameId.ShouldBe(345);
            reply[1].Success!.ShouldAllBe(d => d.Status == "DELIVERED");
            reply[2].Errors.ShouldBe(new[] { "mailing list 3: Content url is not valid" });
            reply[3].Errors.ShouldBe(new[] { "mailing list 4: Optimal image size 800x800 px" });
        }

        [Fact]
        public async Task SendQuickViberMessage_returns_the_message_id()
        {
            var reply = await ClientReplying("""{"status": "OK", "result": {"message_id": 8484}}""")
                .SendQuickViberMessageAsync(new SmsBySendQuickViberMessageForm { Token = "t", VibernameId = 1, Phone = "375291111111", Message = "Hi" });

            reply.Status.ShouldBe("OK");
            reply.Result!.MessageId.ShouldBe(8484);
        }

        [Fact]
        public async Task GetViberDeliveryData_returns_phone_status_and_error_code()
        {
            var reply = await ClientReplying("""{"status": "OK", "result": {"phone": "375293332211", "status": "READ", "error_code": 0}}""")
                .GetViberDeliveryDataAsync(new SmsByGetViberDeliveryDataForm { Token = "t", MessageId = 8484 });

            reply.Result!.Phone.ShouldBe("375293332211");
            reply.Result.Status.ShouldBe("READ");
            reply.Result.ErrorCode.ShouldBe(0);
        }

        [Fact]
        public async Task SendViberMessageList_returns_the_mailing_and_subscriber_count()
        {
            var reply = await ClientReplying("""{"status": "OK", "result": {"message_id": 4905, "count_subscribers": 4}}""")
                .SendViberMessageListAsync(new SmsBySendViberMessageListForm { Token = "t", VibernameId = 1, ListId = 2, Message = "Hi" });

            reply.Result!.MessageId.ShouldBe(4905);
            reply.Result.CountSubscribers.ShouldBe(4);
        }

        [Fact]
        public async Task ConfirmViberMessage_returns_OK()
        {
            var reply = await ClientReplying("""{"status": "OK"}""")
                .ConfirmViberMessageAsync("t", new SmsByConfirmViberMessageForm { MessageId = 4905 });

            reply.Status.ShouldBe("OK");
            reply.Error.ShouldBeNull();
        }

        [Fact]
        public async Task GetViberMessages_lists_the_mailings()
        {
            var reply = await ClientReplying("""
                {"status": "OK", "result": [
                  {"message_id": 8483, "message_type": "TEXT", "message": "Test message", "button_caption": "", "button_link": "", "image_file": "",
                   "status": "SENT", "d_create": "2024-02-01 10:10:35", "d_schedule": "2024-02-01 10:10:35", "cost": "0.04900 EUR"},
                  {"message_id": 8495, "message_type": "BUTTON", "message": "", "button_caption": "Go to site", "button_link": "https:\/\/site.by", "image_file": "",
                   "status": "SENT", "d_create": "2024-02-02 09:30:00", "d_schedule": "2024-02-03 10:00:00", "cost": "0.04900 EUR"}]}
                """).GetViberMessagesAsync("t", new SmsByGetViberMessagesForm());

            reply.Result!.Count.ShouldBe(2);
            reply.Result[0].MessageId.ShouldBe(8483);
            reply.Result[0].MessageType.ShouldBe("TEXT");
            reply.Result[0].Message.ShouldBe("Test message");
            reply.Result[0].Cost.ShouldBe("0.04900 EUR");
            reply.Result[1].ButtonCaption.ShouldBe("Go to site");
            reply.Result[1].ButtonLink.ShouldBe("https://site.by");
            reply.Result[1].DSchedule.ShouldBe("2024-02-03 10:00:00");
        }

        [Fact]
        public async Task GetViberMessageData_returns_one_mailing()
        {
            var reply = await ClientReplying("""
                {"status": "OK", "result": {"message_id": 8483, "message_type": "TEXT", "message": "Test message", "button_caption": "",
                 "button_link": "", "image_file": "", "status": "SENT", "d_create": "2024-02-01 10:10:35", "d_schedule": "2024-02-01 10:10:35", "cost": "0.04900 EUR"}}
                """).GetViberMessageDataAsync("t", new SmsByGetViberMessageDataForm { MessageId = 8483 });

            reply.Result!.MessageId.ShouldBe(8483);
            reply.Result.Status.ShouldBe("SENT");
            reply.Result.DCreate.ShouldBe("2024-02-01 10:10:35");
        }

        [Fact]
        public async Task GetViberDeliveryList_lists_each_phone_with_its_status()
        {
            var reply = await ClientReplying("""
                {"status": "OK", "result": [
                  {"delivery_id": 100, "phone": "375293332211", "status": "DELIVERED", "error_code": 0},
                  {"delivery_id": 101, "phone": "375293332212", "status": "READ", "error_code": 0}]}
                """).GetViberDeliveryListAsync(new SmsByGetViberDeliveryListForm { Token = "t", MessageId = 4905 });

            reply.Result!.Select(d => (d.DeliveryId, d.Phone, d.Status, d.ErrorCode)).ShouldBe(new (long?, string?, string?, int?)[]
            {
                (100, "375293332211", "DELIVERED", 0), (101, "375293332212", "READ", 0),
            });
        }

        [Fact]
        public async Task GetNewIncomingMessages_lists_the_replies()
        {
            var reply = await ClientReplying("""
                {"status": "OK", "result": [
                  {"id": "1234", "phone": "375293332211", "message": "Reply to received message", "d_receiver": "2022-09-01 10:39:45"},
                  {"id": "1236", "phone": "375293332212", "message": "Yes", "d_receiver": "2022-09-01 11:29:50"}]}
                """).GetNewIncomingMessagesAsync(new SmsByGetNewIncomingMessagesForm { Token = "t", MessageId = 4905 });

            reply.Result!.Select(m => (m.Id, m.Phone, m.Message, m.DReceiver)).ShouldBe(new (string?, string?, string?, string?)[]
            {
                ("1234", "375293332211", "Reply to received message", "2022-09-01 10:39:45"),
                ("1236", "375293332212", "Yes", "2022-09-01 11:29:50"),
            });
        }

        [Fact]
        public async Task ReadResponseStatus_reports_how_many_messages_were_flagged()
        {
            var reply = await ClientReplying("""{"status": "OK", "result": "Number of flagged messages: 3"}""")
                .ReadResponseStatusAsync(new SmsByReadResponseStatusForm { Token = "t", IncomingMessages = "1234,1236" });

            reply.Result.ShouldBe("Number of flagged messages: 3");
        }

        [Fact]
        public async Task Version_1_error_shape_is_read_into_the_error_field()
        {
            var reply = await ClientReplying("""{"error": "Wrong alphaname. Check it is correct and approved."}""")
                .SendBulkViberAsync(OneMailing());

            reply.Error.ShouldBe("Wrong alphaname. Check it is correct and approved.");
            reply.Uuid.ShouldBeNull();
        }
    }
}
