using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.ContractTests.Infrastructure;

namespace ViberGateways.ContractTests
{
    /// <summary>
    /// The AlphaSMS HTTP transport (<c>/api/http.php</c>) against <c>specs/alphasms-http.yaml</c>, as a form POST (the
    /// default) and as a GET query string. The replies are plain text; each test asks Prism for the example of its
    /// command (<c>successful</c>, <c>status</c>, <c>balance</c>).
    /// </summary>
    [Collection(PrismCollection.Name)]
    [Trait("Category", "Contract")]
    public sealed class AlphaSmsHttpContractTests
    {
        private const string ApiKey = "contract-test-api-key";
        private const string Recipient = "+380 50 123 45 67";
        private const string ImageUrl = "https://example.com/images/parcel.png";

        private readonly PrismFixture _prism;

        public AlphaSmsHttpContractTests(PrismFixture prism)
        {
            _prism = prism;
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("GET")]
        public async Task Send_text_message_is_valid_against_the_spec(string method)
        {
            var fields = await SendOneAsync(method, new ViberMessage { Recipients = { Recipient }, Sender = "MyShop", Text = "Your order has shipped" });

            fields["viber_type"].ShouldBe("text");
            fields["viber_message"].ShouldBe("Your order has shipped");
            fields["from"].ShouldBe("MyShop");
            fields["message"].ShouldBe("Your order has shipped");
            fields["viber_lifetime"].ShouldBe("86400");
            fields["viber_sms"].ShouldBe("0", "seed 002 marks viber_sms required: a message without SMS fallback sends 0");
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("GET")]
        public async Task Send_text_and_image_message_is_valid_against_the_spec(string method)
        {
            var fields = await SendOneAsync(method, new ViberMessage { Recipients = { Recipient }, Sender = "MyShop", Text = "Your parcel", ImageUrl = ImageUrl });

            fields["viber_type"].ShouldBe("image");
            fields["viber_image"].ShouldBe(ImageUrl);
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("GET")]
        public async Task Send_text_image_and_button_message_is_valid_against_the_spec(string method)
        {
            var fields = await SendOneAsync(method, new ViberMessage
            {
                Recipients = { Recipient },
                Sender = "MyShop",
                Text = "Your parcel is on its way",
                ImageUrl = ImageUrl,
                Button = new ViberButton("Track", "https://example.com/track/42?from=viber&id=1"),
            });

            fields["viber_type"].ShouldBe("button");
            fields["viber_url"].ShouldBe("https://example.com/track/42?from=viber&id=1");
            fields["viber_button"].ShouldBe("Track");
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("GET")]
        public async Task Send_with_sms_fallback_and_lifetime_is_valid_against_the_spec(string method)
        {
            var fields = await SendOneAsync(method, new ViberMessage
            {
                Recipients = { Recipient },
                Sender = "MyShop",
                Text = "Your order has shipped",
                Lifetime = TimeSpan.FromSeconds(60),
                SmsFallback = new SmsFallback("Your order has shipped (SMS)", "MyShop.SMS"),
            });

            fields["viber_sms"].ShouldBe("true");
            fields["viber_lifetime"].ShouldBe("60");
            fields["from"].ShouldBe("MyShop.SMS");
            fields["message"].ShouldBe("Your order has shipped (SMS)");
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("GET")]
        public async Task Send_scheduled_message_is_valid_against_the_spec(string method)
        {
            var fields = await SendOneAsync(method, new ViberMessage
            {
                Recipients = { Recipient },
                Sender = "MyShop",
                Text = "See you tomorrow",
                ScheduledAt = new DateTimeOffset(2030, 8, 15, 15, 52, 1, TimeSpan.FromHours(2)),
            });

            fields["ask_date"].ShouldBe("2030-08-15T15:52:01+0200");
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("GET")]
        public async Task Send_from_a_viber_sender_name_with_a_space_carries_the_sms_sender_in_from(string method)
        {
            // `viber_from` has no pattern, `from` has ^[A-Za-z0-9._-]+$: with an SMS fallback `from` is the SMS sender.
            var fields = await SendOneAsync(method, new ViberMessage
            {
                Recipients = { Recipient }, Sender = "My Shop", Text = "Your order has shipped",
                SmsFallback = new SmsFallback("Your order has shipped", "MyShop"),
            });

            fields["viber_from"].ShouldBe("My Shop");
            fields["from"].ShouldBe("MyShop");
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("GET")]
        public async Task A_viber_sender_name_that_from_cannot_carry_is_refused_before_sending(string method)
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.AlphaSmsHttp, example: "successful");
            IViberClient client = Client(prism, method);

            var error = await Should.ThrowAsync<RequestValidationException>(() =>
                client.SendAsync(new ViberMessage { Recipients = { Recipient }, Sender = "My Shop", Text = "Your order has shipped" }));

            error.Violations.ShouldHaveSingleItem().Field.ShouldBe("message.Sender");
            prism.Exchanges.ShouldBeEmpty();
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("GET")]
        public async Task Send_batch_of_two_messages_is_valid_against_the_spec(string method)
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.AlphaSmsHttp, example: "successful");
            IViberClient client = Client(prism, method);

            // The HTTP API takes one message per request: two requests.
            var results = await prism.ExpectValidAsync(() => client.SendAsync(new[]
            {
                new ViberMessage { Recipients = { Recipient }, Sender = "MyShop", Text = "First message" },
                new ViberMessage { Recipients = { "+380 67 123 45 67" }, Sender = "MyShop", Text = "Second message" },
            }), expectedRequests: 2);

            prism.Exchanges[0].FormFields()["to"].ShouldBe("380501234567");
            prism.Exchanges[1].FormFields()["to"].ShouldBe("380671234567");
            results.Count.ShouldBe(2);
            foreach (var result in results)
            {
                result.Outcome.ShouldBe(SendOutcome.Accepted);
                result.Reference!.GatewayId.ShouldBe("84523377");
                result.Parts.ShouldBe(1);
            }
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("GET")]
        public async Task Get_status_by_gateway_id_is_valid_against_the_spec(string method)
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.AlphaSmsHttp, example: "status");
            IViberClient client = Client(prism, method);

            var status = await prism.ExpectValidAsync(() => client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", gatewayId: "84523377")));

            var fields = Sent(prism, method);
            fields["command"].ShouldBe("receive");
            fields["id"].ShouldBe("84523377");
            status.State.ShouldBe(DeliveryState.Delivered);
            status.RawStatus.ShouldBe("Delivered");
            // status_time is a date: the day's start.
            status.UpdatedAt.ShouldBe(new DateTimeOffset(2024, 8, 15, 0, 0, 0, TimeSpan.Zero));
        }

        [Theory]
        [InlineData("POST")]
        [InlineData("GET")]
        public async Task Get_balance_is_valid_against_the_spec(string method)
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.AlphaSmsHttp, example: "balance");
            IViberClient client = Client(prism, method);

            var balance = await prism.ExpectValidAsync(() => client.GetBalanceAsync());

            Sent(prism, method)["command"].ShouldBe("balance");
            balance.Amount.ShouldBe(10.526m);
            balance.Currency.ShouldBeNull();
        }

        /// <summary>Sends one message, checks the reply read from the `successful` example, and returns the fields the SDK sent.</summary>
        private async Task<IReadOnlyDictionary<string, string>> SendOneAsync(string method, ViberMessage message)
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.AlphaSmsHttp, example: "successful");
            IViberClient client = Client(prism, method);

            var result = (await prism.ExpectValidAsync(() => client.SendAsync(message))).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Accepted);
            result.Reference!.GatewayId.ShouldBe("84523377");
            result.Parts.ShouldBe(1);
            var fields = Sent(prism, method);
            fields["version"].ShouldBe("http");
            fields["key"].ShouldBe(ApiKey);
            fields["command"].ShouldBe("send");
            fields["to"].ShouldBe("380501234567");
            fields["viber"].ShouldBe("1");
            fields["viber_from"].ShouldBe(message.Sender);
            return fields;
        }

        /// <summary>The parameters of the last request, after checking they went where the method puts them.</summary>
        private static IReadOnlyDictionary<string, string> Sent(PrismConnection prism, string method)
        {
            var exchange = prism.LastExchange;
            exchange.Method.ShouldBe(method);
            if (method == "GET")
            {
                exchange.RequestBody.ShouldBeEmpty();
            }
            else
            {
                exchange.RequestContentType.ShouldBe("application/x-www-form-urlencoded");
                exchange.Uri.Query.ShouldBeEmpty();
            }

            return exchange.FormFields();
        }

        private static AlphaSmsHttpClient Client(PrismConnection prism, string method) =>
            new AlphaSmsHttpClient(new AlphaSmsOptions { ApiKey = ApiKey, Transport = AlphaSmsTransport.Http, UseHttpGet = method == "GET" }, prism.HttpClient);
    }
}
