using System.Linq;
using System.Threading.Tasks;
using ViberGateways.LiveAll;

namespace ViberGateways.IntegrationTests
{
    /// <summary>Every LiveAll operation through the SDK against the sandbox over loopback HTTP.</summary>
    public class LiveAllSandboxTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _fixture;

        public LiveAllSandboxTests(SandboxFixture fixture) => _fixture = fixture;

        [Fact]
        public async Task A_message_with_image_and_button_to_two_recipients_gets_one_id_each_and_is_read()
        {
            var client = _fixture.LiveAll();

            var results = await client.SendAsync(new ViberMessage
            {
                Recipients = { "+306912345678", "306987654321" },
                Sender = "Shop",
                Text = "Hello",
                ImageUrl = "https://example.com/a.jpg",
                Button = new ViberButton("Open", "https://example.com"),
            });

            results.Select(r => r.Recipient).ShouldBe(new[] { "+306912345678", "306987654321" });
            results.Select(r => r.Reference!.GatewayId).Distinct().Count().ShouldBe(2);
            _fixture.PassTheWholeTimeline();
            var statuses = await client.GetStatusAsync(results.Select(r => r.Reference!));
            statuses.Select(s => s.Recipient).ShouldBe(new[] { "306912345678", "306987654321" });
            statuses.ShouldAllBe(s => s.State == DeliveryState.Read && s.RawStatus == "IM_SEEN");
        }

        [Fact]
        public async Task Through_the_neutral_api_a_message_is_sent_followed_to_read_and_the_balance_and_senders_read()
        {
            IViberClient client = ViberClientFactory.Create(new LiveAllOptions
            {
                BaseAddress = _fixture.Sandbox.BaseAddress, ApiKey = _fixture.Sandbox.Credentials.LiveAllApiToken, Sender = "Shop", SmsSender = "ShopSMS",
            }, _fixture.Http());

            var sent = await client.SendAsync(new ViberMessage
            {
                Recipients = { "+306912345678", "306987654321" }, Text = "Hello", SmsFallback = new SmsFallback("Hello by SMS"), ClientId = 31,
            });

            sent.ShouldAllBe(r => r.Outcome == SendOutcome.Accepted);
            sent.Select(r => r.Reference!.ClientId).ShouldBe(new long?[] { 31, 32 }, "each recipient's client id is ClientId + its position");
            var references = sent.Select(r => MessageReference.Parse(r.Reference!.ToString())).ToList();
            _fixture.PassTheWholeTimeline();
            var statuses = await client.GetStatusAsync(references);
            statuses.Select(s => s.Recipient).ShouldBe(new[] { "306912345678", "306987654321" });
            statuses.ShouldAllBe(s => s.State == DeliveryState.Read && s.Error == null && s.UpdatedAt != null);
            (await client.GetBalanceAsync()).ShouldSatisfyAllConditions(b => b.Amount.ShouldBe(_fixture.Sandbox.Options.Balance), b => b.Currency.ShouldBeNull());
            (await client.GetSendersAsync()).ShouldBeEmpty();
        }

        [Fact]
        public async Task Sms_fallback_travels_as_IM_SMSFB()
        {
            var results = await _fixture.LiveAll().SendAsync(new ViberMessage
            {
                Recipients = { "306912345678" },
                Sender = "Shop",
                Text = "Hello",
                SmsFallback = new SmsFallback("Hello by SMS", "ShopSMS"),
                LiveAll = new LiveAllMessageOptions { LowCostSms = true },
            });

            results.ShouldHaveSingleItem().Outcome.ShouldBe(SendOutcome.Accepted);
            var body = _fixture.Sandbox.Requests.Last(r => r.Path.EndsWith("SendIM")).Body;
            body.ShouldContain("\"im_type\":\"IM_SMSFB\"");
            body.ShouldContain("\"pricecat\":1");
        }

        [Fact]
        public async Task A_wrong_token_gets_the_documented_operation_error()
        {
            var result = (await _fixture.LiveAll("wrong").SendAsync(new ViberMessage
            {
                Recipients = { "306912345678" },
                Sender = "Shop",
                Text = "Hello",
            })).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Rejected);
            result.Failure.ShouldBeOfType<GatewayRejectedException>().GatewayErrorCode.ShouldBe("44");
        }

        [Fact]
        public async Task The_sandbox_lists_every_operation_error_of_a_bad_request()
        {
            // The SDK refuses this request itself; sent raw, the sandbox answers as LiveAll documents.
            using var http = _fixture.Http();
            var body = "{\"apitoken\":\"" + _fixture.Sandbox.Credentials.LiveAllApiToken + "\",\"im_type\":\"IM_SMSFB\",\"im_sender_name\":\"Shop\","
                + "\"im_text\":\"" + new string('x', 1001) + "\",\"destinations\":[\"0123\"]}";

            using var response = await http.PostAsync("apiext/Sendout/SendIM", new System.Net.Http.StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            var reply = Newtonsoft.Json.JsonConvert.DeserializeObject<LiveAllSendImReply>(await response.Content.ReadAsStringAsync())!;

            reply.Success.ShouldBeFalse();
            reply.Data.ShouldBeNull();
            reply.OperationErrors!.Select(e => e.ErrorCode).ShouldBe(new int?[] { 55, 13, 1, 10 }, ignoreOrder: true);
        }

        [Fact]
        public async Task Balance_and_a_status_error_are_read()
        {
            var client = _fixture.LiveAll();

            (await client.GetBalanceAsync()).Amount.ShouldBe(_fixture.Sandbox.Options.Balance);
            var error = await Should.ThrowAsync<GatewayRejectedException>(() => _fixture.LiveAll("wrong")
                .GetStatusAsync(new[] { new MessageReference(Gateway.LiveAll, "306912345678", gatewayId: "1") }));
            error.GatewayErrorCode.ShouldBe("44");
        }
    }
}
