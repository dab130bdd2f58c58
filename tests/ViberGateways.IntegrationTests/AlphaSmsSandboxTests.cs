using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;

namespace ViberGateways.IntegrationTests
{
    /// <summary>Every AlphaSMS operation on every transport, through the SDK, against the sandbox over loopback HTTP.</summary>
    public class AlphaSmsSandboxTests : IClassFixture<SandboxFixture>
    {
        private static long _nextClientId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        private readonly SandboxFixture _fixture;

        public AlphaSmsSandboxTests(SandboxFixture fixture) => _fixture = fixture;

        public static TheoryData<AlphaSmsTransport, bool> Transports => new()
        {
            { AlphaSmsTransport.Json, false },
            { AlphaSmsTransport.Xml, false },
            { AlphaSmsTransport.Http, false },
            { AlphaSmsTransport.Http, true },
        };

        private static ViberMessage Message(AlphaSmsTransport transport, string kind, string recipient = "+380971234567")
        {
            var message = new ViberMessage
            {
                Recipients = { recipient },
                Sender = "Shop",
                ClientId = transport == AlphaSmsTransport.Http ? null : System.Threading.Interlocked.Increment(ref _nextClientId),
            };
            switch (kind)
            {
                case "text":
                    message.Text = "Hello from the sandbox";
                    break;
                case "image":
                    message.Text = transport == AlphaSmsTransport.Json ? null : "Look";
                    message.ImageUrl = "https://example.com/a.png";
                    break;
                default:
                    message.Text = "Tap";
                    message.ImageUrl = "https://example.com/a.png";
                    message.Button = new ViberButton("Open", "https://example.com/open");
                    break;
            }

            return message;
        }

        private static long GatewayIdOf(SendResult sent) => long.Parse(sent.Reference!.GatewayId!, System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The reference a status query takes: by client id over JSON and XML, by the gateway's id over HTTP.</summary>
        private static MessageReference IdOf(AlphaSmsTransport transport, SendResult sent)
        {
            (transport == AlphaSmsTransport.Http ? sent.Reference!.GatewayId : (object?)sent.Reference!.ClientId).ShouldNotBeNull();
            return sent.Reference;
        }

        [Theory]
        [MemberData(nameof(Transports))]
        public async Task Each_message_kind_is_accepted_and_delivered(AlphaSmsTransport transport, bool useHttpGet)
        {
            var client = _fixture.AlphaSms(transport, useHttpGet);
            foreach (var kind in new[] { "text", "image", "button" })
            {
                var sent = (await client.SendAsync(Message(transport, kind))).ShouldHaveSingleItem();

                sent.Outcome.ShouldBe(SendOutcome.Accepted);
                var stored = _fixture.Sandbox.Messages.Single(m => m.Id == GatewayIdOf(sent));
                stored.Kind.ShouldBe(kind);
                stored.Channel.ShouldBe(transport.ToString().ToLowerInvariant());

                _fixture.Clock.Advance(SandboxFixture.FastTimeline.DeliveredAfter);
                var status = await client.GetStatusAsync(IdOf(transport, sent));
                status.State.ShouldBe(DeliveryState.Delivered);
            }
        }

        /// <summary>
        /// The image formats of the XML and HTTP pages are the picture's, not the URL's spelling (the reference: "the
        /// URL need not end in them"): a CDN URL without an extension is accepted on every transport, as on LiveAll.
        /// </summary>
        [Theory]
        [MemberData(nameof(Transports))]
        public async Task A_cdn_image_url_without_an_extension_is_accepted(AlphaSmsTransport transport, bool useHttpGet)
        {
            var client = _fixture.AlphaSms(transport, useHttpGet);
            foreach (var kind in new[] { "image", "button" })
            {
                var message = Message(transport, kind);
                message.ImageUrl = "https://cdn.example.com/img/12345";

                var sent = (await client.SendAsync(message)).ShouldHaveSingleItem();

                sent.Outcome.ShouldBe(SendOutcome.Accepted, kind);
                _fixture.Sandbox.Messages.Single(m => m.Id == GatewayIdOf(sent)).Kind.ShouldBe(kind);
            }
        }

        [Theory]
        [InlineData(AlphaSmsTransport.Json)]
        [InlineData(AlphaSmsTransport.Xml)]
        public async Task A_batch_is_one_request_and_reports_every_message(AlphaSmsTransport transport)
        {
            var client = _fixture.AlphaSms(transport);
            var before = _fixture.Sandbox.Requests.Count;

            var results = await client.SendAsync(new[] { Message(transport, "text"), Message(transport, "text", "+380501234567") });

            results.Select(r => r.Outcome).ShouldBe(new[] { SendOutcome.Accepted, SendOutcome.Accepted });
            results.Select(r => r.Reference!.GatewayId).Distinct().Count().ShouldBe(2);
            (_fixture.Sandbox.Requests.Count - before).ShouldBe(1);
        }

        [Fact]
        public async Task A_repeated_client_id_over_xml_is_answered_208_and_reported_accepted_as_the_message_that_exists()
        {
            var client = _fixture.AlphaSms(AlphaSmsTransport.Xml);
            var first = Message(AlphaSmsTransport.Xml, "text");
            (await client.SendAsync(first)).ShouldHaveSingleItem().Outcome.ShouldBe(SendOutcome.Accepted);
            var again = Message(AlphaSmsTransport.Xml, "text");
            again.ClientId = first.ClientId;

            var result = (await client.SendAsync(new[] { again })).Single();

            // 208 ERR_DUPLICATE, "a message with this id exists" (gateways.md line 51).
            result.Outcome.ShouldBe(SendOutcome.Accepted);
            result.Reference!.ClientId.ShouldBe(first.ClientId);
            _fixture.Sandbox.Messages.Count(m => m.ClientId == first.ClientId).ShouldBe(1);
        }

        [Fact]
        public async Task A_repeated_client_id_over_json_is_accepted_as_a_new_message_since_no_document_defines_a_refusal()
        {
            // The emulator's choice, documented on AlphaSmsEmulator: the JSON pages define no answer to a repeated id.
            var client = _fixture.AlphaSms(AlphaSmsTransport.Json);
            var first = Message(AlphaSmsTransport.Json, "text");
            (await client.SendAsync(first)).ShouldHaveSingleItem().Outcome.ShouldBe(SendOutcome.Accepted);
            var again = Message(AlphaSmsTransport.Json, "text");
            again.ClientId = first.ClientId;

            var result = (await client.SendAsync(new[] { again })).Single();

            result.Outcome.ShouldBe(SendOutcome.Accepted);
            _fixture.Sandbox.Messages.Count(m => m.ClientId == first.ClientId).ShouldBe(2);
        }

        [Fact]
        public async Task A_client_id_used_over_json_exists_for_the_xml_transport_of_the_same_account()
        {
            var json = Message(AlphaSmsTransport.Json, "text");
            (await _fixture.AlphaSms(AlphaSmsTransport.Json).SendAsync(json)).ShouldHaveSingleItem().Outcome.ShouldBe(SendOutcome.Accepted);
            var xml = Message(AlphaSmsTransport.Xml, "text");
            xml.ClientId = json.ClientId;

            var result = (await _fixture.AlphaSms(AlphaSmsTransport.Xml).SendAsync(xml)).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Accepted, "208: a message with this id exists");
            _fixture.Sandbox.Messages.Count(m => m.ClientId == json.ClientId).ShouldBe(1);
        }

        [Theory]
        [MemberData(nameof(Transports))]
        public async Task Balance_is_read(AlphaSmsTransport transport, bool useHttpGet)
        {
            var balance = await _fixture.AlphaSms(transport, useHttpGet).GetBalanceAsync();

            balance.Amount.ShouldBe(_fixture.Sandbox.Options.Balance);
            balance.Currency.ShouldBe(transport == AlphaSmsTransport.Http ? null : "UAH");
        }

        [Theory]
        [MemberData(nameof(Transports))]
        public async Task A_wrong_key_gets_the_documented_rejection(AlphaSmsTransport transport, bool useHttpGet)
        {
            var result = (await _fixture.AlphaSms(transport, useHttpGet, key: "wrong-key").SendAsync(Message(transport, "text"))).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Rejected);
            var error = result.Failure.ShouldBeOfType<GatewayRejectedException>();

            (error.GatewayMessage ?? error.GatewayErrorCode).ShouldBe(transport switch
            {
                AlphaSmsTransport.Json => "Access denied",
                AlphaSmsTransport.Xml => "ErrAuthorization",
                _ => "Wrong login/password",
            });
            error.Message.ShouldNotContain("wrong-key");
        }

        [Fact]
        public async Task Http_transport_authenticates_with_login_and_password_too()
        {
            var options = new AlphaSmsOptions
            {
                BaseAddress = _fixture.Sandbox.BaseAddress,
                Login = _fixture.Sandbox.Credentials.AlphaSmsLogin,
                Password = _fixture.Sandbox.Credentials.AlphaSmsPassword,
                Transport = AlphaSmsTransport.Http,
            };

            var balance = await ViberClientFactory.Create(options, _fixture.Http()).GetBalanceAsync();

            balance.Amount.ShouldBe(_fixture.Sandbox.Options.Balance);
        }

        [Fact]
        public async Task A_scheduled_xml_message_waits_for_its_time()
        {
            var client = _fixture.AlphaSms(AlphaSmsTransport.Xml);
            var message = Message(AlphaSmsTransport.Xml, "text");
            message.ScheduledAt = DateTimeOffset.UtcNow.AddHours(1);

            var sent = (await client.SendAsync(message)).ShouldHaveSingleItem();
            var status = await client.GetStatusAsync(sent.Reference!);

            status.State.ShouldBe(DeliveryState.Scheduled);
            status.RawStatus.ShouldBe("100");
        }

        [Fact]
        public async Task A_reply_injected_into_the_sandbox_shows_in_the_json_status()
        {
            var client = _fixture.AlphaSms(AlphaSmsTransport.Json);
            var sent = (await client.SendAsync(Message(AlphaSmsTransport.Json, "text"))).ShouldHaveSingleItem();
            _fixture.Sandbox.InjectReply(GatewayIdOf(sent), "+380971234567", "Yes, please");

            var status = await client.GetStatusAsync(sent.Reference!);

            status.State.ShouldBe(DeliveryState.Replied);
            // The status is as of the reply.
            status.UpdatedAt.ShouldNotBeNull();
        }

        [Fact]
        public async Task A_recipient_ending_in_0000_is_undeliverable()
        {
            var client = _fixture.AlphaSms(AlphaSmsTransport.Xml);
            var sent = (await client.SendAsync(Message(AlphaSmsTransport.Xml, "text", "+380970000000"))).ShouldHaveSingleItem();

            _fixture.PassTheWholeTimeline();
            var status = await client.GetStatusAsync(sent.Reference!);

            status.State.ShouldBe(DeliveryState.Failed);
            status.RawStatus.ShouldBe("105");
        }

        [Theory]
        [InlineData("text/plain", """{"auth":"sandbox-alphasms-key","data":[{"type":"balance"}]}""", "Invalid request")]
        [InlineData("application/json", """{"auth":"sandbox-alphasms-key","data":[{"type":"viber","id":5,"phone":12,"viber_type":"text","viber_signature":"S","viber_message":"x"}]}""", "Invalid phone number")]
        [InlineData("application/json", """{"auth":"sandbox-alphasms-key","data":[{"type":"viber","id":6,"phone":380971234567,"viber_type":"text","viber_signature":"TooLongSender","viber_message":"x"}]}""", "Error in Alpha-name")]
        public async Task The_sandbox_checks_fields_as_the_gateway_documents(string contentType, string body, string error)
        {
            using var http = _fixture.Http();
            var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);

            var reply = await (await http.PostAsync("api/json.php", content)).Content.ReadAsStringAsync();

            reply.ShouldContain(error);
            reply.ShouldContain("\"success\":false");
        }
    }
}
