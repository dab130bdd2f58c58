using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ViberGateways.ContractTests.Infrastructure;
using ViberGateways.LiveAll;

namespace ViberGateways.ContractTests
{
    /// <summary>The LiveAll client (SendIM as JSON; GetSMSStatus and GetAccountBalance as forms) against <c>specs/liveall.yaml</c>.</summary>
    [Collection(PrismCollection.Name)]
    [Trait("Category", "Contract")]
    public sealed class LiveAllContractTests
    {
        private const string ApiToken = "7ace3e49cae13ae4f5ccb8a6a8a0d6a8fe120aa82ae46ad6ee4c9d8";

        private readonly PrismFixture _prism;

        public LiveAllContractTests(PrismFixture prism)
        {
            _prism = prism;
        }

        [Fact]
        public async Task Send_viber_message_with_image_and_action_is_valid_against_the_spec()
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.LiveAll, example: "successIds");
            var client = Client(prism);
            var request = new LiveAllSendImRequest
            {
                Apitoken = ApiToken,
                ImType = LiveAllImType.Im,
                ImSenderName = "my viber sender name",
                ImText = "1546 - This is a test Viber msg",
                ImImageUrls = new List<string> { "https://example.com/images/offer.jpg" },
                ImActions = new List<LiveAllImAction> { new LiveAllImAction { Caption = "Visit Us", Url = "https://example.com/" } },
                Destinations = new List<string> { "306912345678", "306987654321" },
            };

            var reply = await prism.ExpectValidAsync(() => client.SendImAsync(request));

            var sent = prism.LastExchange.RequestJson();
            ((string?)sent["im_type"]).ShouldBe("IM");
            ((JArray)sent["destinations"]!).Count.ShouldBe(2);
            reply.Success.ShouldBeTrue();
            reply.OperationErrors.ShouldBeNull();
            reply.SubmissionID.ShouldBe(0);
            reply.Data!.Select(d => d.Smsid).ShouldBe(new long?[] { 2101520394, 2101520395 });
        }

        [Fact]
        public async Task Send_viber_message_with_sms_fallback_is_valid_against_the_spec()
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.LiveAll, example: "successObjects");
            var client = Client(prism);
            var request = new LiveAllSendImRequest
            {
                Apitoken = ApiToken,
                ImType = LiveAllImType.ImWithSmsFallback,
                ImSenderName = "my viber sender name",
                ImText = "1546 - This is a test Viber msg",
                ImImageUrls = new List<string> { "https://example.com/images/offer.jpg" },
                ImActions = new List<LiveAllImAction> { new LiveAllImAction { Caption = "Visit Us", Url = "https://example.com/" } },
                Destinations = new List<string> { "306912345678", "306987654321" },
                Senderid = "ExampleCo",
                SmsText = "my SMS text 2",
                Pricecat = LiveAllPriceCategory.LowCost,
            };

            var reply = await prism.ExpectValidAsync(() => client.SendImAsync(request));

            var sent = prism.LastExchange.RequestJson();
            ((string?)sent["im_type"]).ShouldBe("IM_SMSFB");
            ((long?)sent["pricecat"]).ShouldBe(1);
            reply.Success.ShouldBeTrue();
            reply.Data!.Select(d => (d.Destination, d.Smsid)).ShouldBe(new (string?, long?)[] { ("306912345678", 2101520394), ("306987654321", 2101520395) });
        }

        [Fact]
        public async Task Get_sms_status_of_two_messages_is_valid_against_the_spec()
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.LiveAll, example: "twoRecords");
            IViberClient client = Client(prism);

            var references = new[] { 2101520394L, 2101520395L }.Select(id => new MessageReference(Gateway.LiveAll, "306912345678", gatewayId: id.ToString(CultureInfo.InvariantCulture)));
            var statuses = await prism.ExpectValidAsync(() => client.GetStatusAsync(references));

            var fields = prism.LastExchange.FormFields();
            fields["apitoken"].ShouldBe(ApiToken);
            fields["smsids"].ShouldBe("2101520394,2101520395");
            statuses.Count.ShouldBe(2);
            statuses[0].RawStatus.ShouldBe("IM_SEEN");
            statuses[0].State.ShouldBe(DeliveryState.Read);
            statuses[0].UpdatedAt.ShouldBe(DateTimeOffset.FromUnixTimeSeconds(1718010120));
            statuses[1].RawStatus.ShouldBe("QUEUED");
            statuses[1].State.ShouldBe(DeliveryState.Accepted);
        }

        [Fact]
        public async Task Get_account_balance_is_valid_against_the_spec()
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.LiveAll, example: "ok");
            IViberClient client = Client(prism);

            var balance = await prism.ExpectValidAsync(() => client.GetBalanceAsync());

            prism.LastExchange.FormFields()["apitoken"].ShouldBe(ApiToken);
            balance.Amount.ShouldBe(169.64m);
        }

        [Fact]
        public async Task A_bulk_send_to_many_recipients_sends_valid_sendim_requests()
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.LiveAll, example: "successIds");
            var message = new ViberMessage { Sender = "my viber sender name", Text = "Spring sale", Button = new ViberButton("Shop", "https://example.com/") };

            var results = await prism.ExpectValidAsync(() => Collect(((IViberClient)Client(prism)).SendBulkAsync(message, new[] { "+30 691 234 5678", "306987654321", "306900000003" }.ToAsyncEnumerable(),
                new ViberGateways.Bulk.BulkSendOptions { MaxRecipientsPerRequest = 2, MaxConcurrentRequests = 1 })), expectedRequests: 2);

            prism.Exchanges.Select(e => ((JArray)e.RequestJson()["destinations"]!).Select(d => (string?)d)).SelectMany(d => d)
                .ShouldBe(new[] { "306912345678", "306987654321", "306900000003" });
            results.Count(r => r.Outcome == SendOutcome.Accepted).ShouldBe(3);
        }

        private static async Task<List<SendResult>> Collect(IAsyncEnumerable<SendResult> results)
        {
            var all = new List<SendResult>();
            await foreach (var result in results)
            {
                all.Add(result);
            }

            return all;
        }

        private static LiveAllClient Client(PrismConnection prism) =>
            new LiveAllClient(new LiveAllOptions { ApiKey = ApiToken }, prism.HttpClient);
    }
}
