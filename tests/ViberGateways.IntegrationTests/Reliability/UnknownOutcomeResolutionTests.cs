using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Shouldly;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.Sandbox;
using ViberGateways.SmsBy;
using Xunit;

namespace ViberGateways.IntegrationTests.Reliability
{
    /// <summary>
    /// A send whose connection drops after the gateway handled it (fault <c>drop-after</c>) and that the SDK does not
    /// repeat ends <see cref="SendOutcome.Unknown"/>. Whether the caller can resolve it depends only on what the result
    /// carries before the reply: a client id the gateway's status operation accepts (AlphaSMS JSON and XML: gateways.md
    /// lines 40 and 49), or nothing (AlphaSMS HTTP, LiveAll and SMS.by give their ids only in the reply, and their
    /// status operations ask by those ids alone: a status query cannot resolve it, and these tests say so).
    /// </summary>
    public class UnknownOutcomeResolutionTests : IClassFixture<SandboxFixture>
    {
        private static long _nextClientId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 10 + 3;
        private readonly SandboxFixture _fixture;

        public UnknownOutcomeResolutionTests(SandboxFixture fixture) => _fixture = fixture.WithoutQueuedFaults();

        private SandboxGateway Sandbox => _fixture.Sandbox;

        private static ViberMessage Message(string recipient, long? clientId = null) =>
            new() { Recipients = { recipient }, Sender = "Shop", Text = "Hello " + Guid.NewGuid().ToString("N"), ClientId = clientId };

        private IViberClient AlphaSms(AlphaSmsTransport transport) =>
            ViberClientFactory.Create(new AlphaSmsOptions { BaseAddress = Sandbox.BaseAddress, ApiKey = Sandbox.Credentials.AlphaSmsApiKey, Transport = transport }, _fixture.Http());

        [Fact]
        public async Task AlphaSms_json_unknown_outcome_is_not_repeated_and_its_reference_finds_the_message_by_client_id()
        {
            var client = AlphaSms(AlphaSmsTransport.Json);
            var message = Message("+380971234567", Interlocked.Increment(ref _nextClientId));
            Sandbox.InjectFault(SandboxFault.DropConnection(afterProcessing: true), "json.php");

            var result = (await client.SendAsync(message)).Single();

            result.Outcome.ShouldBe(SendOutcome.Unknown);
            Sandbox.Messages.Count(m => m.Text == message.Text).ShouldBe(1, "handled once, and not sent again: JSON documents no de-duplication");
            var reference = result.Reference.ShouldNotBeNull("an unknown outcome keeps the client id the message was sent with");
            reference.ClientId.ShouldBe(message.ClientId);
            reference.GatewayId.ShouldBeNull("the gateway's id came in the reply that was lost");

            var status = (await client.GetStatusAsync(new[] { reference })).Single();

            status.Error.ShouldBeNull();
            status.State.ShouldNotBe(DeliveryState.Unknown);
        }

        [Fact]
        public async Task AlphaSms_xml_send_repeated_after_a_drop_is_accepted_by_208_and_its_reference_finds_the_message()
        {
            var client = AlphaSms(AlphaSmsTransport.Xml);
            var message = Message("+380971234567", Interlocked.Increment(ref _nextClientId));
            Sandbox.InjectFault(SandboxFault.DropConnection(afterProcessing: true), "xml.php");

            var result = (await client.SendAsync(message)).Single();

            // The repeat is answered 208 ERR_DUPLICATE, "a message with this id exists" (gateways.md line 51).
            result.Outcome.ShouldBe(SendOutcome.Accepted);
            Sandbox.Messages.Count(m => m.Text == message.Text).ShouldBe(1);
            var status = (await client.GetStatusAsync(new[] { result.Reference.ShouldNotBeNull() })).Single();
            status.Error.ShouldBeNull();
            status.State.ShouldNotBe(DeliveryState.Unknown);
        }

        [Fact]
        public async Task AlphaSms_xml_unknown_outcome_when_every_attempt_drops_carries_the_client_id_that_finds_the_message()
        {
            var client = AlphaSms(AlphaSmsTransport.Xml);
            var message = Message("+380971234567", Interlocked.Increment(ref _nextClientId));
            for (var i = 0; i < 4; i++)
            {
                Sandbox.InjectFault(SandboxFault.DropConnection(afterProcessing: true), "xml.php");
            }

            var result = (await client.SendAsync(message)).Single();
            Sandbox.ClearFaults();

            result.Outcome.ShouldBe(SendOutcome.Unknown);
            Sandbox.Messages.Count(m => m.Text == message.Text).ShouldBe(1, "every repeat was refused 208 but its reply dropped");
            var reference = result.Reference.ShouldNotBeNull();
            reference.ClientId.ShouldBe(message.ClientId);
            var status = (await client.GetStatusAsync(new[] { reference })).Single();
            status.Error.ShouldBeNull();
            status.State.ShouldNotBe(DeliveryState.Unknown);
        }

        /// <summary>
        /// The gateways whose unknown outcome carries no id a status query takes, with a recipient, the path of their
        /// send, and why (the document line): AlphaSMS HTTP carries no client id and asks the status by the id the send
        /// reply returns (gateways.md line 57); LiveAll SendIM has no client id field, smsid comes only in the reply and
        /// GetSMSStatus asks by smsids alone (lines 67-72); SMS.by's quick message and mailing carry no client id,
        /// message_id and uuid come only in the reply, and the status operations ask by those alone (seed 004).
        /// </summary>
        public static TheoryData<string, string, string> WithoutIdBeforeTheReply => new()
        {
            { "AlphaSMS HTTP", "+380971234567", "http.php" },
            { "LiveAll", "+306912345678", "SendIM" },
            { "SMS.by", "+375291234567", "send" },
        };

        [Theory]
        [MemberData(nameof(WithoutIdBeforeTheReply))]
        public async Task Unknown_outcome_of_a_gateway_that_gives_ids_only_in_its_reply_carries_no_reference_so_no_status_query_can_resolve_it(string gateway, string recipient, string path)
        {
            var client = gateway switch
            {
                "AlphaSMS HTTP" => AlphaSms(AlphaSmsTransport.Http),
                "LiveAll" => ViberClientFactory.Create(new LiveAllOptions { BaseAddress = Sandbox.BaseAddress, ApiKey = Sandbox.Credentials.LiveAllApiToken }, _fixture.Http()),
                _ => ViberClientFactory.Create(new SmsByOptions { BaseAddress = Sandbox.BaseAddress, ApiKey = Sandbox.Credentials.SmsByToken, QuickMessageSenderId = 7 }, _fixture.Http()),
            };
            var message = Message(recipient, gateway == "AlphaSMS HTTP" ? null : 42);
            Sandbox.InjectFault(SandboxFault.DropConnection(afterProcessing: true), path);

            var result = (await client.SendAsync(message)).Single();

            result.Outcome.ShouldBe(SendOutcome.Unknown);
            result.Reference.ShouldBeNull("the only ids the status operation takes were in the lost reply");
            Sandbox.Messages.Count(m => m.Text == message.Text).ShouldBe(1, "handled once and not sent again");
        }
    }
}
