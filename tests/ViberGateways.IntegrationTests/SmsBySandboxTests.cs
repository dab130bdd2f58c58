using System.Linq;
using System.Threading.Tasks;
using ViberGateways.SmsBy;

namespace ViberGateways.IntegrationTests
{
    /// <summary>All 11 SMS.by Viber endpoints and getAlphanames through the SDK against the sandbox over loopback HTTP.</summary>
    public class SmsBySandboxTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _fixture;

        public SmsBySandboxTests(SandboxFixture fixture) => _fixture = fixture;

        private string Token => _fixture.Sandbox.Credentials.SmsByToken;

        [Fact]
        public async Task Bulk_and_personal_mailings_are_created_and_their_deliveries_progress()
        {
            var client = _fixture.SmsBy();
            var request = new SmsBySendBulkViberRequest
            {
                Token = Token,
                Messages =
                {
                    new SmsByBulkViberSameMessageMailing
                    {
                        AlphanameId = "444", Name = "mailing list 4",
                        Content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Text, Text = "message text 4" },
                        DeliveryList = { "375291111111", "375292222222" },
                    },
                    new SmsByBulkViberPersonalMailing
                    {
                        AlphanameId = "444", Name = "mailing list 2",
                        Content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Text },
                        DeliveryList = { new SmsByPersonalDelivery { Phone = "375293333333", Text = "personal message 2.1" } },
                    },
                    new SmsByBulkViberPersonalMailing
                    {
                        AlphanameId = "444", Name = "mailing list 5",
                        Content = new SmsByBulkViberContent { Type = SmsByBulkViberContentType.Image, ImageUrl = "https://example.com/a.jpg" },
                        DeliveryList = { new SmsByPersonalDelivery { Phone = "375294444444", Text = "personal message 5.1" } },
                    },
                },
            };

            var sent = await client.SendBulkViberAsync(request);
            sent.Success.ShouldBe("OK");

            _fixture.PassTheWholeTimeline();
            var status = await client.StatusBulkViberAsync(Token, sent.Uuid!);
            status.Where(m => m.Success != null).SelectMany(m => m.Success!).ShouldAllBe(d => d.Status == "READ");
            status.Count.ShouldBe(3);
            status[0].Name.ShouldBe("mailing list 4");
            status[0].AlphanameId.ShouldBe(444);
            status[0].Success!.Select(d => d.Phone).ShouldBe(new[] { "375291111111", "375292222222" });
            status[1].Success.ShouldHaveSingleItem().Status.ShouldBe("READ");
            // The image option can only be used in a mailing with message_type = bulk.
            status[2].Errors.ShouldHaveSingleItem().ShouldContain("message_type bulk");
        }

        [Fact]
        public async Task A_quick_message_is_sent_with_an_uploaded_image_and_its_delivery_read()
        {
            var client = _fixture.SmsBy();
            var png = new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0 };

            var sent = await client.SendQuickViberMessageAsync(new SmsBySendQuickViberMessageForm
            {
                Token = Token, VibernameId = 7, Phone = "375291111111", TypeMessage = SmsByViberMessageType.Image, Image = png,
            });

            sent.Status.ShouldBe("OK");
            var request = _fixture.Sandbox.Requests.Last(r => r.Path.EndsWith("sendQuickViberMessage"));
            request.ContentType.ShouldNotBeNull().ShouldStartWith("multipart/form-data");
            request.Body.ShouldContain("filename=\"image.png\"");
            _fixture.Clock.Advance(SandboxFixture.FastTimeline.DeliveredAfter);
            var delivery = await client.GetViberDeliveryDataAsync(new SmsByGetViberDeliveryDataForm { Token = Token, MessageId = sent.Result!.MessageId!.Value });
            delivery.Result.ShouldNotBeNull().Status.ShouldBe("DELIVERED");
            delivery.Result!.Phone.ShouldBe("375291111111");
            delivery.Result.ErrorCode.ShouldBe(0);
        }

        [Fact]
        public async Task A_subscriber_list_mailing_is_created_confirmed_listed_and_delivered()
        {
            var client = _fixture.SmsBy();
            var created = await client.SendViberMessageListAsync(new SmsBySendViberMessageListForm
            {
                Token = Token, VibernameId = 7, ListId = 1, TypeMessage = SmsByViberMessageType.Button, Message = "Sale",
                Button = "Go to site", ButtonLink = "https://site.by",
            });
            var mailingId = created.Result!.MessageId!.Value;
            created.Result.CountSubscribers.ShouldBe(4);

            (await client.GetViberMessageDataAsync(Token, new SmsByGetViberMessageDataForm { MessageId = mailingId })).Result!.Status.ShouldBe("NEW");
            (await client.ConfirmViberMessageAsync(Token, new SmsByConfirmViberMessageForm { MessageId = mailingId })).Status.ShouldBe("OK");

            var data = (await client.GetViberMessageDataAsync(Token, new SmsByGetViberMessageDataForm { MessageId = mailingId })).Result!;
            data.Status.ShouldBe("SENT");
            data.MessageType.ShouldBe("BUTTON");
            data.ButtonCaption.ShouldBe("Go to site");
            (await client.GetViberMessagesAsync(Token, new SmsByGetViberMessagesForm())).Result!.ShouldContain(m => m.MessageId == mailingId);
            _fixture.PassTheWholeTimeline();
            var deliveries = await client.GetViberDeliveryListAsync(new SmsByGetViberDeliveryListForm { Token = Token, MessageId = mailingId });
            deliveries.Result.ShouldNotBeNull().ShouldAllBe(d => d.Status == "READ");
            deliveries.Result!.Count.ShouldBe(4);
        }

        [Fact]
        public async Task Injected_replies_are_listed_and_marked_read()
        {
            var client = _fixture.SmsBy();
            var created = await client.SendViberMessageListAsync(new SmsBySendViberMessageListForm { Token = Token, VibernameId = 7, ListId = 1, Message = "Coming?" });
            var mailingId = created.Result!.MessageId!.Value;
            _fixture.Sandbox.InjectReply(mailingId, "375291111111", "Yes");
            _fixture.Sandbox.InjectReply(mailingId, "375292222222", "No");

            var incoming = await client.GetNewIncomingMessagesAsync(new SmsByGetNewIncomingMessagesForm { Token = Token, MessageId = mailingId });
            incoming.Result!.Select(m => m.Message).ShouldBe(new[] { "Yes", "No" });

            var read = await client.ReadResponseStatusAsync(new SmsByReadResponseStatusForm { Token = Token, IncomingMessages = string.Join(",", incoming.Result!.Select(m => m.Id)) });
            read.Result.ShouldBe("Number of flagged messages: 2");
            (await client.GetNewIncomingMessagesAsync(new SmsByGetNewIncomingMessagesForm { Token = Token, MessageId = mailingId })).Result.ShouldBeEmpty();
        }

        [Fact]
        public async Task Through_the_neutral_api_a_quick_message_and_a_mailing_are_sent_followed_and_the_senders_listed()
        {
            IViberClient client = ViberClientFactory.Create(new SmsByOptions
            {
                BaseAddress = _fixture.Sandbox.BaseAddress, ApiKey = Token, QuickMessageSenderId = 7, MailingSenderId = 1363,
            }, _fixture.Http());

            var quick = await client.SendAsync(new ViberMessage { Recipients = { "+375291111111" }, Text = "Hi" });
            var mailing = await client.SendAsync(new ViberMessage
            {
                Recipients = { "375292222222", "375293333333" }, Text = "Hi all", ImageUrl = "https://example.com/a.jpg", Button = new ViberButton("Open", "https://example.com"), ClientId = 8,
            });

            var references = quick.Concat(mailing).Select(r => r.Reference.ShouldNotBeNull()).ToList();
            references[0].GatewayId.ShouldNotBeNull();
            references.Skip(1).ShouldAllBe(r => r.MailingId != null);
            references.Skip(1).Select(r => r.ClientId).ShouldBe(new long?[] { 8, 9 }, "each recipient's client id is ClientId + its position");
            _fixture.Sandbox.Requests.Last(r => r.Path.EndsWith("sendBulkViber")).Body.ShouldContain("\"alphaname_id\":\"1363\"");
            _fixture.PassTheWholeTimeline();
            var statuses = await client.GetStatusAsync(references.Select(r => MessageReference.Parse(r.ToString())));
            statuses.Select(s => s.Recipient).ShouldBe(new[] { "375291111111", "375292222222", "375293333333" });
            statuses.ShouldAllBe(s => s.State == DeliveryState.Read && s.Error == null);
            (await client.GetBalanceAsync()).Amount.ShouldBeNull();
            (await client.GetSendersAsync()).Select(s => (s.Id, s.Name)).ShouldBe(new[] { ("0", "System name (SMS.by)"), ("1363", "VasheImya") });
            await Should.ThrowAsync<GatewayRejectedException>(() => ViberClientFactory.Create(new SmsByOptions { BaseAddress = _fixture.Sandbox.BaseAddress, ApiKey = "wrong" }, _fixture.Http()).GetSendersAsync());
        }

        [Fact]
        public async Task A_wrong_token_is_a_rejection_and_an_unknown_list_an_error()
        {
            var refused = (await ((IViberClient)_fixture.SmsBy("wrong")).SendAsync(new ViberMessage { Recipients = { "375291111111" }, Text = "Hi", SmsBy = new SmsByMessageOptions { SenderId = 7 } }))
                .ShouldHaveSingleItem();
            refused.Outcome.ShouldBe(SendOutcome.Rejected);
            refused.Failure.ShouldBeOfType<GatewayRejectedException>();

            var reply = await _fixture.SmsBy().SendViberMessageListAsync(new SmsBySendViberMessageListForm { Token = Token, VibernameId = 7, ListId = 99, Message = "Hi" });
            reply.Status.ShouldNotBe("OK");
            reply.Error.ShouldBe("Subscriber list not found");
        }
    }
}
