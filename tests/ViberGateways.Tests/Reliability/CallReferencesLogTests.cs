using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Reliability
{
    /// <summary>
    /// A call's one log event is written once its 2xx reply has been read: it names what the reply says (accepted,
    /// partial, rejected, unknown; answered for a query) at the level that outcome has, with the client ids the request
    /// carries and the gateway ids the reply assigns (or a query asks about). A refusal read from a 2xx reply is one
    /// event, never two. No phone number, text, reply or key reaches the log.
    /// </summary>
    public class CallReferencesLogTests
    {
        private const string Phone = "380971234567";
        // The code has letters so that no logged number (an elapsed time, an id) can contain it by chance.
        private const string Text = "Your code is QX7331";
        private const string Key = "secret-key-4242";
        private const long ClientId = 1_700_000_000_123_456;

        [Fact]
        public async Task An_AlphaSms_Json_refusal_inside_a_2xx_reply_is_one_rejected_event_at_Information_with_the_client_id()
        {
            var records = await AlphaSmsAsync(AlphaSmsTransport.Json, """{"success":false,"error":"Access denied"}""", "application/json", Send);

            var call = TheCallEvent(records);
            call.Level.ShouldBe(LogLevel.Information);
            Field(call, "Outcome").ShouldBe("rejected");
            Field(call, "StatusCode").ShouldBe("200");
            Field(call, "ClientIds").ShouldBe(ClientId.ToString());
            Field(call, "GatewayIds").ShouldBe("");
        }

        /// <summary>The same outcome has the same event on every gateway: a whole request refused inside a 2xx reply is event 1, rejected.</summary>
        [Theory]
        [InlineData("AlphaSms Json")]
        [InlineData("AlphaSms Xml")]
        [InlineData("AlphaSms Http")]
        [InlineData("LiveAll")]
        [InlineData("SmsBy")]
        public async Task A_request_refused_inside_a_2xx_reply_is_the_completed_event_rejected_on_every_gateway(string gateway)
        {
            var records = gateway switch
            {
                "AlphaSms Json" => await AlphaSmsAsync(AlphaSmsTransport.Json, """{"success":false,"error":"Access denied"}""", "application/json", Send),
                "AlphaSms Xml" => await AlphaSmsAsync(AlphaSmsTransport.Xml, "<package><error>202</error></package>", "application/xml", Send),
                "AlphaSms Http" => await AlphaSmsAsync(AlphaSmsTransport.Http, "errors:Wrong login/password", "text/plain", SendWithoutClientId),
                "LiveAll" => await LiveAllAsync("""{"success":false,"OperationErrors":[{"errorCode":56,"errorMessage":"Sender id for IM is not approved","SMSErrorType":4,"valueOfError":""}],"SubmissionID":0}""",
                    "application/json", client => client.SendAsync(new ViberMessage { Recipients = { "306912345678" }, Sender = "Shop", Text = Text })),
                _ => await SmsByAsync("""{"error":"Invalid token"}""", client => ((IViberClient)client).SendAsync(new ViberMessage { Recipients = { "375291111111" }, Text = Text, SmsBy = new SmsByMessageOptions { SenderId = 7 } })),
            };

            var call = TheCallEvent(records);
            call.Id.Id.ShouldBe(1);
            call.Id.Name.ShouldBe("GatewayCallCompleted");
            call.Level.ShouldBe(LogLevel.Information);
            Field(call, "Outcome").ShouldBe("rejected");
            Field(call, "StatusCode").ShouldBe("200");
        }

        /// <summary>A refused request's event carries the gateway's error code, never the reply's text (it may quote numbers or texts).</summary>
        [Theory]
        [InlineData("AlphaSms Xml", "202")]
        [InlineData("LiveAll", "56")]
        public async Task A_request_refused_inside_a_2xx_reply_logs_the_gateways_error_code(string gateway, string errorCode)
        {
            var records = gateway == "LiveAll"
                ? await LiveAllAsync("""{"success":false,"OperationErrors":[{"errorCode":56,"errorMessage":"Sender id for IM is not approved","SMSErrorType":4,"valueOfError":""}],"SubmissionID":0}""",
                    "application/json", client => client.SendAsync(new ViberMessage { Recipients = { "306912345678" }, Sender = "Shop", Text = Text }))
                : await AlphaSmsAsync(AlphaSmsTransport.Xml, "<package><error>202</error></package>", "application/xml", Send);

            var call = TheCallEvent(records);
            call.Id.Name.ShouldBe("GatewayCallCompleted");
            Field(call, "Outcome").ShouldBe("rejected");
            Field(call, "GatewayErrorCode").ShouldBe(errorCode);
            call.Message.ShouldContain("gateway error code [" + errorCode + "]");
            call.Message.ShouldNotContain("not approved");
        }

        [Fact]
        public async Task An_AlphaSms_Json_request_with_some_messages_refused_is_partial_at_Information_with_the_accepted_gateway_ids()
        {
            var reply = """
                {"success":true,"data":[
                  {"success":true,"data":{"id":1700000000123456,"msg_id":987654321,"data":1,"parts":1}},
                  {"success":false,"error":"Invalid phone"}]}
                """;

            var records = await AlphaSmsAsync(AlphaSmsTransport.Json, reply, "application/json", client => client.SendAsync(new[]
            {
                Message(ClientId), Message(ClientId + 1),
            }));

            var call = TheCallEvent(records);
            call.Level.ShouldBe(LogLevel.Information);
            Field(call, "Outcome").ShouldBe("partial");
            Field(call, "ClientIds").ShouldBe($"{ClientId},{ClientId + 1}");
            Field(call, "GatewayIds").ShouldBe("987654321");
        }

        [Fact]
        public async Task An_AlphaSms_Xml_208_to_the_first_attempt_for_an_id_the_sdk_drew_is_unknown_and_keeps_the_accepted_ids()
        {
            // The second message has no client id: the SDK draws one, and a 208 to the first attempt cannot say whose it is.
            var reply = "<package><message-viber><msg id=\"" + ClientId + "\" msg_id=\"987654321\">1</msg><msg msg_id=\"0\">208</msg></message-viber></package>";

            var records = await AlphaSmsAsync(AlphaSmsTransport.Xml, reply, "application/xml", client => client.SendAsync(new[]
            {
                Message(ClientId), Message(null),
            }));

            var call = TheCallEvent(records);
            Field(call, "Outcome").ShouldBe("unknown");
            Field(call, "GatewayIds").ShouldBe("987654321");
        }

        [Fact]
        public async Task An_unreadable_2xx_reply_to_a_send_is_unknown_at_Warning_with_the_client_id()
        {
            var records = await AlphaSmsAsync(AlphaSmsTransport.Json, "<html>maintenance</html>", "text/html", Send);

            var call = TheCallEvent(records);
            call.Id.Name.ShouldBe("GatewayCallFailed");
            call.Level.ShouldBe(LogLevel.Warning);
            Field(call, "Outcome").ShouldBe("unknown");
            Field(call, "StatusCode").ShouldBe("200");
            Field(call, "ClientIds").ShouldBe(ClientId.ToString());
            Field(call, "Reason").ShouldNotBeNullOrEmpty();
        }

        [Fact]
        public async Task An_accepted_AlphaSms_Xml_send_logs_its_client_id_and_msg_id()
        {
            var reply = $"""
                <?xml version="1.0" encoding="utf-8" ?>
                <package><message-viber><msg id="{ClientId}" msg_id="1234568">1</msg></message-viber></package>
                """;

            var records = await AlphaSmsAsync(AlphaSmsTransport.Xml, reply, "application/xml", Send);

            var call = TheCallEvent(records);
            call.Id.Name.ShouldBe("GatewayCallCompleted");
            call.Level.ShouldBe(LogLevel.Information);
            Field(call, "Outcome").ShouldBe("accepted");
            Field(call, "ClientIds").ShouldBe(ClientId.ToString());
            Field(call, "GatewayIds").ShouldBe("1234568");
            Field(call, "GatewayErrorCode").ShouldBe("");
        }

        [Fact]
        public async Task An_AlphaSms_Xml_refusal_of_the_message_is_rejected_at_Information()
        {
            var reply = $"""<package><message-viber><msg id="{ClientId}">202</msg></message-viber></package>""";

            var records = await AlphaSmsAsync(AlphaSmsTransport.Xml, reply, "application/xml", Send);

            var call = TheCallEvent(records);
            call.Level.ShouldBe(LogLevel.Information);
            Field(call, "Outcome").ShouldBe("rejected");
            Field(call, "ClientIds").ShouldBe(ClientId.ToString());
        }

        [Fact]
        public async Task An_AlphaSms_Xml_status_query_logs_the_client_id_it_asks_about_at_Debug()
        {
            var reply = $"""<package><status><msg id="{ClientId}" sms_id="1234568" sms_count="1" date_completed="2024-01-31T10:00:00">102</msg></status></package>""";

            var records = await AlphaSmsAsync(AlphaSmsTransport.Xml, reply, "application/xml", client => client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", clientId: ClientId)));

            var call = TheCallEvent(records);
            call.Level.ShouldBe(LogLevel.Debug);
            Field(call, "Outcome").ShouldBe("answered");
            Field(call, "ClientIds").ShouldBe(ClientId.ToString());
            Field(call, "GatewayIds").ShouldBe("1234568");
        }

        [Fact]
        public async Task An_accepted_AlphaSms_Http_send_logs_the_id_of_its_plain_text_reply()
        {
            var records = await AlphaSmsAsync(AlphaSmsTransport.Http, "id:84523377 sms_count:1", "text/plain", SendWithoutClientId);

            var call = TheCallEvent(records);
            call.Level.ShouldBe(LogLevel.Information);
            Field(call, "Outcome").ShouldBe("accepted");
            Field(call, "ClientIds").ShouldBe("", "the HTTP transport carries no client id");
            Field(call, "GatewayIds").ShouldBe("84523377");
        }

        [Fact]
        public async Task An_AlphaSms_Http_error_line_is_one_rejected_event_at_Information()
        {
            var records = await AlphaSmsAsync(AlphaSmsTransport.Http, "errors:Wrong login/password", "text/plain", SendWithoutClientId);

            var call = TheCallEvent(records);
            call.Level.ShouldBe(LogLevel.Information);
            Field(call, "Outcome").ShouldBe("rejected");
        }

        [Fact]
        public async Task An_AlphaSms_Http_status_query_logs_the_gateway_id_it_asks_about()
        {
            var records = await AlphaSmsAsync(AlphaSmsTransport.Http, "status:Delivered code:3 status_time:2024/01/31", "text/plain",
                client => client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", gatewayId: "84523377")));

            var call = TheCallEvent(records);
            call.Level.ShouldBe(LogLevel.Debug);
            Field(call, "Outcome").ShouldBe("answered");
            Field(call, "GatewayIds").ShouldBe("84523377");
        }

        [Fact]
        public async Task An_accepted_LiveAll_send_logs_the_message_id_of_each_recipient()
        {
            var reply = """{"success":true,"OperationErrors":null,"SubmissionID":0,"data":[2101520394,2101520395]}""";

            var records = await LiveAllAsync(reply, "application/json",
                client => client.SendAsync(new ViberMessage { Recipients = { "306912345678", "306987654321" }, Sender = "Shop", Text = Text }));

            var call = TheCallEvent(records);
            call.Level.ShouldBe(LogLevel.Information);
            Field(call, "Outcome").ShouldBe("accepted");
            Field(call, "RecipientCount").ShouldBe("2");
            Field(call, "GatewayIds").ShouldBe("2101520394,2101520395");
        }

        /// <summary>The log reads a SendIM reply as the results do: an id naming another destination is no id for this one.</summary>
        [Fact]
        public async Task A_LiveAll_reply_whose_ids_name_other_destinations_is_logged_unknown_as_its_results_are()
        {
            var reply = """{"success":true,"OperationErrors":null,"SubmissionID":0,"data":[{"destination":"306900000001","smsid":2101520394},{"destination":"306900000002","smsid":2101520395}]}""";
            IReadOnlyList<SendResult>? results = null;

            var records = await LiveAllAsync(reply, "application/json", async client =>
                results = await client.SendAsync(new ViberMessage { Recipients = { "306912345678", "306987654321" }, Sender = "Shop", Text = Text }));

            results!.Select(result => result.Outcome).ShouldBe(new[] { SendOutcome.Unknown, SendOutcome.Unknown });
            Field(TheCallEvent(records), "Outcome").ShouldBe("unknown");
        }

        [Fact]
        public async Task A_LiveAll_refusal_inside_a_2xx_reply_is_one_rejected_event_at_Information()
        {
            var reply = """{"success":false,"OperationErrors":[{"errorCode":56,"errorMessage":"Sender id for IM is not approved","SMSErrorType":4,"valueOfError":""}],"SubmissionID":0}""";

            var records = await LiveAllAsync(reply, "application/json",
                client => client.SendAsync(new ViberMessage { Recipients = { "306912345678" }, Sender = "Shop", Text = Text }));

            var call = TheCallEvent(records);
            call.Level.ShouldBe(LogLevel.Information);
            Field(call, "Outcome").ShouldBe("rejected");
        }

        [Fact]
        public async Task A_LiveAll_status_query_logs_the_message_ids_it_asks_about()
        {
            var records = await LiveAllAsync("2101520394:1718010000:1718010042:306912345678:300002:IM_DELIVRD:1:0.012", "text/plain",
                client => client.GetStatusAsync(StubbedClients.LiveAllReferences(2101520394L)));

            var call = TheCallEvent(records);
            call.Level.ShouldBe(LogLevel.Debug);
            Field(call, "Outcome").ShouldBe("answered");
            Field(call, "GatewayIds").ShouldBe("2101520394");
        }

        [Fact]
        public async Task A_neutral_LiveAll_send_logs_the_client_ids_the_sdk_gave_its_recipients()
        {
            var reply = """{"success":true,"OperationErrors":null,"SubmissionID":0,"data":[2101520394,2101520395]}""";

            var records = await LiveAllAsync(reply, "application/json",
                client => ((IViberClient)client).SendAsync(new ViberMessage { Recipients = { "306912345678", "306987654321" }, Sender = "Shop", Text = Text, ClientId = ClientId }));

            var call = TheCallEvent(records);
            Field(call, "ClientIds").ShouldBe($"{ClientId},{ClientId + 1}", "SendIM carries no client id, but the references the results carry do");
            Field(call, "GatewayIds").ShouldBe("2101520394,2101520395");
        }

        [Fact]
        public async Task An_accepted_SmsBy_quick_message_logs_its_message_id_and_the_client_id_the_sdk_gave_its_recipient()
        {
            var records = await SmsByAsync("""{"status":"OK","result":{"message_id":8484}}""",
                client => ((IViberClient)client).SendAsync(new ViberMessage { Recipients = { "375291111111" }, Text = Text, ClientId = ClientId, SmsBy = new SmsByMessageOptions { SenderId = 7 } }));

            var call = TheCallEvent(records);
            call.Level.ShouldBe(LogLevel.Information);
            Field(call, "Outcome").ShouldBe("accepted");
            Field(call, "ClientIds").ShouldBe(ClientId.ToString());
            Field(call, "GatewayIds").ShouldBe("8484");
        }

        [Fact]
        public async Task The_documented_mixed_statusBulkViber_reply_is_a_partial_answer_not_a_refusal()
        {
            var reply = DocumentedFixtures.Read<ViberGateways.Tests.SmsBy.Neutral.SmsByNeutralTests>("seed004.status-bulk-viber.json");
            var reference = new MessageReference(Gateway.SmsBy, "375291111111", null, null, "cc9c8043-8caf-11ef-b035-9e8f47954dec");

            var records = await SmsByAsync(reply, client => ((IViberClient)client).GetStatusAsync(new[] { reference }));

            var call = TheCallEvent(records);
            Field(call, "Outcome").ShouldBe("partial", "two mailings have deliveries, two were refused (seed 004)");
            call.Level.ShouldBe(LogLevel.Information);
            Field(call, "GatewayIds").ShouldBe("cc9c8043-8caf-11ef-b035-9e8f47954dec");
        }

        [Fact]
        public async Task An_SmsBy_error_field_inside_a_2xx_reply_is_one_rejected_event_at_Information()
        {
            var records = await SmsByAsync("""{"error":"Invalid token"}""",
                client => ((IViberClient)client).SendAsync(new ViberMessage { Recipients = { "375291111111" }, Text = Text, SmsBy = new SmsByMessageOptions { SenderId = 7 } }));

            var call = TheCallEvent(records);
            call.Level.ShouldBe(LogLevel.Information);
            Field(call, "Outcome").ShouldBe("rejected");
        }

        [Fact]
        public async Task An_SmsBy_reply_with_neither_status_nor_error_is_unknown_at_Warning()
        {
            var records = await SmsByAsync("{}",
                client => ((IViberClient)client).SendAsync(new ViberMessage { Recipients = { "375291111111" }, Text = Text, SmsBy = new SmsByMessageOptions { SenderId = 7 } }));

            var call = TheCallEvent(records);
            call.Level.ShouldBe(LogLevel.Warning);
            Field(call, "Outcome").ShouldBe("unknown");
        }

        [Fact]
        public async Task An_SmsBy_delivery_query_logs_the_message_id_it_asks_about()
        {
            var records = await SmsByAsync("""{"status":"OK","result":{"phone":"375291111111","status":"delivered"}}""",
                client => ((IViberClient)client).GetStatusAsync(new[] { new MessageReference(Gateway.SmsBy, "375291111111", null, "8484") }));

            var call = TheCallEvent(records);
            call.Level.ShouldBe(LogLevel.Debug);
            Field(call, "Outcome").ShouldBe("answered");
            Field(call, "GatewayIds").ShouldBe("8484");
        }

        [Fact]
        public void A_long_list_of_gateway_ids_is_cut_at_ten()
        {
            Http.GatewayTelemetryHandler.FormatIds(Enumerable.Range(1, 12).Select(i => "id" + i)).ShouldBe("id1,id2,id3,id4,id5,id6,id7,id8,id9,id10 +2 more");
        }

        private static ViberMessage Message(long? clientId) => new() { Recipients = { Phone }, Sender = "Shop", Text = Text, ClientId = clientId };

        private static Task Send(IViberClient client) => client.SendAsync(Message(ClientId));

        private static Task SendWithoutClientId(IViberClient client) => client.SendAsync(new ViberMessage { Recipients = { Phone }, Sender = "Shop", Text = Text });

        /// <summary>The call's one event (1 completed or 2 failed): a refusal is never logged twice.</summary>
        private static FakeLogRecord TheCallEvent(IReadOnlyList<FakeLogRecord> records) =>
            records.Where(r => r.Id.Id is 1 or 2).ShouldHaveSingleItem();

        private static string? Field(FakeLogRecord record, string name) =>
            record.StructuredState!.Single(pair => pair.Key == name).Value;

        private static Task<IReadOnlyList<FakeLogRecord>> AlphaSmsAsync(AlphaSmsTransport transport, string reply, string contentType, Func<IViberClient, Task> call) =>
            LogsOfAsync(services => services.AddAlphaSms(options =>
            {
                options.ApiKey = Key;
                options.Transport = transport;
                options.BaseAddress = new Uri("https://gateway.test/");
                options.Resilience = QuickRetries.Policy();
            }), reply, contentType, call, provider => provider.GetRequiredKeyedService<IViberClient>(Gateway.AlphaSms));

        private static Task<IReadOnlyList<FakeLogRecord>> LiveAllAsync(string reply, string contentType, Func<IViberClient, Task> call) =>
            LogsOfAsync<ILiveAllClient>(services => services.AddLiveAll(options =>
            {
                options.ApiKey = Key;
                options.BaseAddress = new Uri("https://gateway.test/");
                options.Resilience = QuickRetries.Policy();
            }), reply, contentType, client => call((IViberClient)client));

        private static Task<IReadOnlyList<FakeLogRecord>> SmsByAsync(string reply, Func<ISmsByClient, Task> call) =>
            LogsOfAsync(services => services.AddSmsBy(options =>
            {
                options.ApiKey = Key;
                options.BaseAddress = new Uri("https://gateway.test/");
                options.Resilience = QuickRetries.Policy();
            }), reply, "application/json", call);

        /// <summary>Makes one call through a client from dependency injection over a gateway replying <paramref name="reply"/>; returns what it logged, after checking nothing leaked.</summary>
        private static async Task<IReadOnlyList<FakeLogRecord>> LogsOfAsync<TClient>(Func<IServiceCollection, IHttpClientBuilder> register, string reply, string contentType, Func<TClient, Task> call,
            Func<IServiceProvider, TClient>? resolve = null)
            where TClient : notnull
        {
            var gateway = new StubGateway().Reply(reply, contentType);
            var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
            register(services).ConfigurePrimaryHttpMessageHandler(() => gateway);
            await using var provider = services.BuildServiceProvider();

            // The outcome is what the log says; a gateway's failure may be thrown (a gateway-specific client) or returned.
            var thrown = await Record.ExceptionAsync(() => call(resolve is null ? provider.GetRequiredService<TClient>() : resolve(provider)));
            (thrown is null or GatewayException).ShouldBeTrue(thrown?.ToString());

            var records = provider.GetFakeLogCollector().GetSnapshot();
            var texts = records.SelectMany(r => new[] { r.Message }.Concat(r.StructuredState?.Select(pair => pair.Value) ?? Enumerable.Empty<string?>())).ToList();
            texts.ShouldAllBe(text => text == null || (!text.Contains(Phone) && !text.Contains("375291111111") && !text.Contains("306912345678")
                && !text.Contains(Text) && !text.Contains("QX7331") && !text.Contains(Key) && !text.Contains("Access denied") && !text.Contains("maintenance")));
            return records;
        }
    }
}
