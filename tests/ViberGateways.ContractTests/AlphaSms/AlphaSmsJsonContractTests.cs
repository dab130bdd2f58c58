using System;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ViberGateways.AlphaSms;
using ViberGateways.ContractTests.Infrastructure;

namespace ViberGateways.ContractTests
{
    /// <summary>The AlphaSMS JSON transport (<c>POST /api/json.php</c>) against <c>specs/alphasms-json.yaml</c>.</summary>
    [Collection(PrismCollection.Name)]
    [Trait("Category", "Contract")]
    public sealed class AlphaSmsJsonContractTests
    {
        private const string ApiKey = "contract-test-api-key";
        private const string Recipient = "+380 97 123 45 67";
        private const long RecipientNumber = 380971234567;
        private const string ImageUrl = "https://example.com/images/parcel.png";

        private readonly PrismFixture _prism;

        public AlphaSmsJsonContractTests(PrismFixture prism)
        {
            _prism = prism;
        }

        [Fact]
        public async Task Send_text_message_is_valid_against_the_spec()
        {
            var item = await SendOneAsync(new ViberMessage { Recipients = { Recipient }, Sender = "ViberTest", Text = "Your order has shipped" });

            ((string?)item["type"]).ShouldBe("viber");
            ((string?)item["viber_type"]).ShouldBe("text");
            ((string?)item["viber_message"]).ShouldBe("Your order has shipped");
        }

        [Fact]
        public async Task Send_image_only_message_is_valid_against_the_spec()
        {
            var item = await SendOneAsync(new ViberMessage { Recipients = { Recipient }, Sender = "ViberTest", ImageUrl = ImageUrl });

            ((string?)item["viber_type"]).ShouldBe("image");
            ((string?)item["viber_image"]).ShouldBe(ImageUrl);
            item["viber_message"].ShouldBeNull("an image-only item carries no text");
        }

        [Fact]
        public async Task Send_text_and_button_message_is_valid_against_the_spec()
        {
            var item = await SendOneAsync(new ViberMessage
            {
                Recipients = { Recipient },
                Sender = "ViberTest",
                Text = "Your parcel is on its way",
                Button = new ViberButton("Track", "https://example.com/track/42"),
            });

            ((string?)item["viber_type"]).ShouldBe("text+link");
            ((string?)item["viber_button"]).ShouldBe("Track");
            ((string?)item["viber_link"]).ShouldBe("https://example.com/track/42");
        }

        [Fact]
        public async Task Send_text_image_and_button_message_is_valid_against_the_spec()
        {
            var item = await SendOneAsync(new ViberMessage
            {
                Recipients = { Recipient },
                Sender = "ViberTest",
                Text = "Your parcel is on its way",
                ImageUrl = ImageUrl,
                Button = new ViberButton("Track", "https://example.com/track/42"),
            });

            ((string?)item["viber_type"]).ShouldBe("text+image+link");
            ((string?)item["viber_image"]).ShouldBe(ImageUrl);
            ((string?)item["viber_button"]).ShouldBe("Track");
        }

        [Fact]
        public async Task Send_with_sms_fallback_and_lifetime_is_valid_against_the_spec()
        {
            var item = await SendOneAsync(new ViberMessage
            {
                Recipients = { Recipient },
                Sender = "ViberTest",
                Text = "Your order has shipped",
                Lifetime = TimeSpan.FromMinutes(10),
                SmsFallback = new SmsFallback("Your order has shipped (SMS)", "SMSTest"),
            });

            ((string?)item["type"]).ShouldBe("viber+sms");
            ((long?)item["viber_lifetime"]).ShouldBe(600);
            ((string?)item["sms_signature"]).ShouldBe("SMSTest");
            ((string?)item["sms_message"]).ShouldBe("Your order has shipped (SMS)");
        }

        [Fact]
        public async Task Send_with_shortened_links_and_status_callback_is_valid_against_the_spec()
        {
            var item = await SendOneAsync(new ViberMessage
            {
                Recipients = { Recipient },
                Sender = "ViberTest",
                Text = "Track it at https://example.com/track/42",
                AlphaSms = new AlphaSmsMessageOptions { ShortenLinks = true, StatusCallbackUrl = "https://example.com/alphasms/status" },
            });

            ((bool?)item["short_link"]).ShouldBe(true);
            ((string?)item["hook"]).ShouldBe("https://example.com/alphasms/status");
        }

        [Fact]
        public async Task Send_batch_of_two_messages_is_valid_against_the_spec()
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.AlphaSmsJson, example: "successful");
            IViberClient client = Client(prism);

            var results = await prism.ExpectValidAsync(() => client.SendAsync(new[]
            {
                new ViberMessage { Recipients = { Recipient }, Sender = "ViberTest", Text = "First message", ClientId = 7001 },
                new ViberMessage { Recipients = { "+380 67 123 45 67" }, Sender = "ViberTest", Text = "Second message", ClientId = 7002 },
            }));

            var items = (JArray)prism.LastExchange.RequestJson()["data"]!;
            items.Count.ShouldBe(2);
            items.Select(i => (long)i["phone"]!).ShouldBe(new[] { RecipientNumber, 380671234567 });
            // The `successful` example holds one item result: the first message reads it, the second has none.
            results.Count.ShouldBe(2);
            results[0].Outcome.ShouldBe(SendOutcome.Accepted);
            results[0].Reference!.GatewayId.ShouldBe("123456789");
            results[1].Outcome.ShouldBe(SendOutcome.Unknown);
            results[1].Reference!.ClientId.ShouldBe(7002);
        }

        [Fact]
        public async Task Get_status_by_client_id_is_valid_against_the_spec()
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.AlphaSmsJson, example: "status");
            IViberClient client = Client(prism);

            var status = await prism.ExpectValidAsync(() => client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 100500)));

            var item = (JObject)prism.LastExchange.RequestJson()["data"]![0]!;
            ((string?)item["type"]).ShouldBe("status");
            ((long?)item["id"]).ShouldBe(100500);
            status.State.ShouldBe(DeliveryState.Delivered);
            status.RawStatus.ShouldBe("DELIVERED");
            status.Reference.ClientId.ShouldBe(100500);
        }

        [Fact]
        public async Task Get_status_with_replies_is_valid_against_the_spec()
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.AlphaSmsJson, example: "statusWithReplies");
            IViberClient client = Client(prism);

            var status = await prism.ExpectValidAsync(() => client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 100500)));

            status.State.ShouldBe(DeliveryState.Replied);
            // The status changed with the latest of the two replies.
            status.UpdatedAt.ShouldBe(new DateTimeOffset(2024, 11, 30, 12, 6, 10, TimeSpan.FromHours(2)));
        }

        [Fact]
        public async Task Get_balance_is_valid_against_the_spec()
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.AlphaSmsJson, example: "balance");
            IViberClient client = Client(prism);

            var balance = await prism.ExpectValidAsync(() => client.GetBalanceAsync());

            ((string?)prism.LastExchange.RequestJson()["data"]![0]!["type"]).ShouldBe("balance");
            balance.Amount.ShouldBe(10.526m);
            balance.Currency.ShouldBe("UAH");
        }

        [Fact]
        public async Task Execute_with_every_item_kind_is_valid_against_the_spec()
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.AlphaSmsJson, example: "successful");
            IAlphaSmsJsonClient client = Client(prism);
            var request = new AlphaSmsJsonRequest { Auth = ApiKey };
            request.Data.Add(new AlphaSmsJsonViberItem
            {
                Id = 100500,
                Phone = RecipientNumber,
                ViberType = AlphaSmsJsonViberType.TextImageLink,
                ViberSignature = "ViberTest",
                ViberMessage = "Message text to be sent via Viber",
                ViberImage = "https://url.com/storage/images/image.png",
                ViberLink = "https://url.com/offer",
                ViberButton = "Open",
                ViberLifetime = 3600,
                ShortLink = true,
                Hook = "https://example.com/alphasms/status",
            });
            request.Data.Add(new AlphaSmsJsonViberSmsItem
            {
                Id = 100501,
                Phone = RecipientNumber,
                ViberType = AlphaSmsJsonViberType.Text,
                ViberSignature = "ViberTest",
                ViberMessage = "Message text to be sent via Viber",
                ViberLifetime = 60,
                SmsSignature = "SMSTest",
                SmsMessage = "Message text to be sent via SMS",
            });
            request.Data.Add(new AlphaSmsJsonStatusItem { Id = 100500 });
            request.Data.Add(new AlphaSmsJsonBalanceItem());

            var reply = await prism.ExpectValidAsync(() => client.ExecuteAsync(request));

            ((JArray)prism.LastExchange.RequestJson()["data"]!).Select(i => (string?)i["type"]).ShouldBe(new[] { "viber", "viber+sms", "status", "balance" });
            reply.Success.ShouldBeTrue();
            reply.Data!.Count.ShouldBe(1);
            reply.Data[0].Success.ShouldBeTrue();
            reply.Data[0].Data!.Id.ShouldBe(100500);
            reply.Data[0].Data!.MsgId.ShouldBe(123456789);
            reply.Data[0].Data!.Parts.ShouldBe(1);
        }

        /// <summary>Sends one message, checks the reply read from the `successful` example, and returns the request item the SDK sent.</summary>
        private async Task<JObject> SendOneAsync(ViberMessage message)
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.AlphaSmsJson, example: "successful");
            IViberClient client = Client(prism);

            var result = (await prism.ExpectValidAsync(() => client.SendAsync(message))).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Accepted);
            result.Reference!.ClientId.ShouldBe(100500);
            result.Reference.GatewayId.ShouldBe("123456789");
            result.Parts.ShouldBe(1);
            var request = prism.LastExchange.RequestJson();
            ((string?)request["auth"]).ShouldBe(ApiKey);
            var item = (JObject)((JArray)request["data"]!).Single();
            ((long?)item["phone"]).ShouldBe(RecipientNumber);
            ((string?)item["viber_signature"]).ShouldBe(message.Sender);
            return item;
        }

        private static AlphaSmsJsonClient Client(PrismConnection prism) =>
            new AlphaSmsJsonClient(new AlphaSmsOptions { ApiKey = ApiKey }, prism.HttpClient);
    }
}
