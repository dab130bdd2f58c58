using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ViberGateways.ContractTests.Infrastructure;

namespace ViberGateways.ContractTests
{
    /// <summary>
    /// The harness itself: Prism really validates requests, and <see cref="PrismConnection.ExpectValidAsync{T}"/>
    /// turns both ways Prism reports an invalid request into a failure with Prism's messages. Without these, a
    /// misconfigured Prism (no <c>--errors</c>) would let every contract test pass.
    /// </summary>
    [Collection(PrismCollection.Name)]
    [Trait("Category", "Contract")]
    public sealed class PrismHarnessTests
    {
        private readonly PrismFixture _prism;

        public PrismHarnessTests(PrismFixture prism)
        {
            _prism = prism;
        }

        [Fact]
        public async Task An_invalid_query_is_reported_with_Prisms_422_validation_messages()
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.AlphaSmsHttp);

            var failure = await Should.ThrowAsync<ContractViolationException>(() => prism.ExpectValidAsync(
                () => prism.HttpClient.GetStringAsync("api/http.php?key=k&command=bogus&viber_lifetime=5")));

            prism.LastExchange.Status.ShouldBe(422);
            failure.Message.ShouldContain("parameters.command must be equal to one of the allowed values: send, receive, balance");
            failure.Message.ShouldContain("parameters.viber_lifetime must be >= 60");
        }

        [Fact]
        public async Task An_invalid_form_is_reported_with_Prisms_422_validation_messages()
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.LiveAll);
            using var form = new StringContent("apitoken=t&smsids=1;2", Encoding.ASCII, "application/x-www-form-urlencoded");

            var failure = await Should.ThrowAsync<ContractViolationException>(() => prism.ExpectValidAsync(
                () => prism.HttpClient.PostAsync("apiext/Sendout/GetSMSStatus", form)));

            prism.LastExchange.Status.ShouldBe(422);
            failure.Message.ShouldContain("Request body property smsids must match pattern");
        }

        [Fact]
        public async Task An_invalid_request_answered_with_the_specs_own_400_is_reported_with_Prisms_sl_violations()
        {
            // SMS.by declares a 400 reply, so Prism answers an invalid request with it (and an `sl-violations` header), not 422.
            using var prism = await _prism.ConnectAsync(ContractSpec.SmsBy);
            using var form = new StringContent("token=t&message_id=abc", Encoding.ASCII, "application/x-www-form-urlencoded");

            var failure = await Should.ThrowAsync<ContractViolationException>(() => prism.ExpectValidAsync(
                () => prism.HttpClient.PostAsync("api/v2/getViberDeliveryData", form)));

            prism.LastExchange.Status.ShouldBe(400);
            failure.Message.ShouldContain("Request body property message_id must be integer");
        }

        [Fact]
        public async Task An_invalid_multipart_form_is_reported_with_Prisms_sl_violations()
        {
            // Multipart text fields as .NET writes them (unquoted names), no file part.
            using var prism = await _prism.ConnectAsync(ContractSpec.SmsBy);
            using var form = new MultipartFormDataContent
            {
                { new StringContent("t"), "token" },
                { new StringContent("abc"), "vibername_id" },
                { new StringContent("375291111111"), "phone" },
                { new StringContent("VIDEO"), "type_message" },
            };

            var failure = await Should.ThrowAsync<ContractViolationException>(() => prism.ExpectValidAsync(
                () => prism.HttpClient.PostAsync("api/v2/sendQuickViberMessage", form)));

            prism.LastExchange.Status.ShouldBe(400);
            failure.Message.ShouldContain("Request body property vibername_id must be integer");
            failure.Message.ShouldContain("Request body property type_message must be equal to one of the allowed values");
        }

        [Fact]
        public async Task An_invalid_json_body_is_reported_with_Prisms_422_validation_messages()
        {
            using var prism = await _prism.ConnectAsync(ContractSpec.AlphaSmsJson);
            using var body = new StringContent("{\"auth\":\"k\",\"data\":[]}", Encoding.UTF8, "application/json");

            var failure = await Should.ThrowAsync<ContractViolationException>(() => prism.ExpectValidAsync(
                () => prism.HttpClient.PostAsync("api/json.php", body)));

            prism.LastExchange.Status.ShouldBe(422);
            failure.Message.ShouldContain("Request body property data must NOT have fewer than 1 items");
        }

        [Fact]
        public async Task Prism_checks_the_fields_of_a_discriminated_item_only_with_the_discriminator_expanded()
        {
            // An AlphaSMS JSON `viber` item with a lifetime below the minimum and without phone, sender and Viber type.
            const string Invalid = "{\"auth\":\"k\",\"data\":[{\"type\":\"viber\",\"id\":1,\"viber_lifetime\":5}]}";
            await using var asWritten = await _prism.StartAsWrittenAsync(ContractSpec.AlphaSmsJson);
            using var plainClient = new HttpClient { BaseAddress = asWritten.BaseAddress, Timeout = PrismConnection.RequestTimeout };
            using var expandedConnection = await _prism.ConnectAsync(ContractSpec.AlphaSmsJson);

            using var plainReply = await plainClient.PostAsync("api/json.php", new StringContent(Invalid, Encoding.UTF8, "application/json"));
            var failure = await Should.ThrowAsync<ContractViolationException>(() => expandedConnection.ExpectValidAsync(
                () => expandedConnection.HttpClient.PostAsync("api/json.php", new StringContent(Invalid, Encoding.UTF8, "application/json"))));

            // Prism 5.14.2 validates `data[]` against the base AlphaSmsJsonItem only (its discriminator is ignored), so
            // the spec as written lets this item through. Should this assertion fail, Prism has learnt discriminators
            // and DiscriminatorExpansion can go.
            ((int)plainReply.StatusCode).ShouldBe(200, "Prism now rejects the item on its own: remove DiscriminatorExpansion");
            failure.Message.ShouldContain("data.0.viber_lifetime must be >= 60");
            failure.Message.ShouldContain("data.0 must have required property 'phone'");
        }
    }
}
