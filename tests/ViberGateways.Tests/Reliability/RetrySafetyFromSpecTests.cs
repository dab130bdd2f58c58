using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using System.Xml.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ViberGateways.AlphaSms;
using ViberGateways.Http;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;
using ViberGateways.Tests.Specs;

namespace ViberGateways.Tests.Reliability
{
    /// <summary>
    /// A connection that drops after the request was sent, through the SDK's pipeline, as specs/ declares each
    /// request's retry safety: a request the spec lets be repeated (a query, or a send whose every message carries the
    /// client id the gateway de-duplicates on) is sent again and reads the documented reply; a send declared
    /// <c>never-after-sent</c> is sent once and its outcome is unknown. Which of the two a request is comes from the
    /// spec, never from the test.
    /// </summary>
    public class RetrySafetyFromSpecTests
    {
        private const long ClientId = 1234;

        private static readonly string[] Repeatable = { "repeatable", "deduplicated" };

        /// <summary>
        /// Each request: the spec and where it declares the request's retry safety (an operation id, a schema, or
        /// <c>Schema.property=value</c>), the documented reply that answers it, and the call that sends it.
        /// </summary>
        private static readonly Dictionary<string, Request> Requests = new()
        {
            ["AlphaSMS JSON balance"] = new("alphasms-json.yaml", "AlphaSmsJsonBalanceItem", "execute", "balance",
                s => AlphaSms(s, AlphaSmsTransport.Json).GetBalanceAsync()),
            ["AlphaSMS JSON status"] = new("alphasms-json.yaml", "AlphaSmsJsonStatusItem", "execute", "status",
                s => AlphaSms(s, AlphaSmsTransport.Json).GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 100500))),
            ["AlphaSMS JSON send"] = new("alphasms-json.yaml", "AlphaSmsJsonViberItem", "execute", "successful",
                s => AlphaSms(s, AlphaSmsTransport.Json).SendAsync(Message(100500)).ThrowingFailureAsync()),
            ["AlphaSMS XML balance"] = new("alphasms-xml.yaml", "AlphaSmsXmlBalancePackage", "sendXmlPackage", "balance",
                s => AlphaSms(s, AlphaSmsTransport.Xml).GetBalanceAsync()),
            ["AlphaSMS XML status"] = new("alphasms-xml.yaml", "AlphaSmsXmlStatusPackage", "sendXmlPackage", "status",
                s => AlphaSms(s, AlphaSmsTransport.Xml).GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", clientId: ClientId))),
            ["AlphaSMS XML send, every msg with its id"] = new("alphasms-xml.yaml", "AlphaSmsXmlMessage", "sendXmlPackage", "successful",
                s => AlphaSms(s, AlphaSmsTransport.Xml).SendAsync(Message(ClientId)).ThrowingFailureAsync()),
            ["AlphaSMS HTTP balance"] = new("alphasms-http.yaml", "AlphaSmsHttpParameters.command=balance", "callHttpApiWithForm", "balance",
                s => AlphaSms(s, AlphaSmsTransport.Http).GetBalanceAsync()),
            ["AlphaSMS HTTP status"] = new("alphasms-http.yaml", "AlphaSmsHttpParameters.command=receive", "callHttpApiWithForm", "status",
                s => AlphaSms(s, AlphaSmsTransport.Http).GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", gatewayId: "84523377"))),
            ["AlphaSMS HTTP send"] = new("alphasms-http.yaml", "AlphaSmsHttpParameters.command=send", "callHttpApiWithForm", "successful",
                s => AlphaSms(s, AlphaSmsTransport.Http).SendAsync(Message(null)).ThrowingFailureAsync()),
            ["LiveAll GetAccountBalance"] = new("liveall.yaml", "getAccountBalance", "getAccountBalance", "ok",
                s => LiveAll(s).GetBalanceAsync()),
            ["LiveAll GetSMSStatus"] = new("liveall.yaml", "getSmsStatus", "getSmsStatus", "oneRecord",
                s => LiveAll(s).GetStatusAsync(StubbedClients.LiveAllReferences(2101520394L))),
            ["LiveAll SendIM"] = new("liveall.yaml", "sendIm", "sendIm", "successIds",
                s => LiveAll(s).SendAsync(new ViberMessage { Recipients = { "306912345678", "306987654321" }, Sender = "S", Text = "Hi" }).ThrowingFailureAsync()),
            ["SMS.by getViberDeliveryData"] = new("smsby.yaml", "getViberDeliveryData", "getViberDeliveryData", "read",
                s => SmsBy(s).GetStatusAsync(new[] { new MessageReference(Gateway.SmsBy, "375293332211", null, "5") })),
            ["SMS.by sendQuickViberMessage"] = new("smsby.yaml", "sendQuickViberMessage", "sendQuickViberMessage", null,
                s => FailureThrown(SmsBy(s).SendAsync(new ViberMessage { Recipients = { "375291111111" }, Text = "Hi" }))),
        };

        private readonly StubGateway _gateway = new();

        public static TheoryData<string> DeclaredRepeatable => new(Requests.Where(r => Repeatable.Contains(r.Value.DeclaredSafety)).Select(r => r.Key));

        public static TheoryData<string> DeclaredNeverAfterSent => new(Requests.Where(r => r.Value.DeclaredSafety == "never-after-sent").Select(r => r.Key));

        [Theory]
        [MemberData(nameof(DeclaredRepeatable))]
        public async Task Request_the_spec_lets_be_repeated_is_sent_again_after_the_connection_drops(string name)
        {
            var request = Requests[name];
            _gateway.Reply(() => throw ConnectionDropped()).Reply(request.Reply.Body, request.Reply.MediaType);

            await request.Send(_gateway);

            _gateway.Requests.Count.ShouldBe(2);
            _gateway.Requests[1].BodyText.ShouldBe(_gateway.Requests[0].BodyText, "the repeat is the same request, client ids included");
        }

        [Theory]
        [MemberData(nameof(DeclaredNeverAfterSent))]
        public async Task Send_the_spec_declares_never_after_sent_is_not_sent_again_after_the_connection_drops(string name)
        {
            var request = Requests[name];
            // A repeat would read the documented reply and succeed.
            _gateway.Reply(() => throw ConnectionDropped()).Reply(request.Reply.Body, request.Reply.MediaType);

            await Should.ThrowAsync<GatewayOutcomeUnknownException>(() => request.Send(_gateway));

            _gateway.Requests.Count.ShouldBe(1);
        }

        [Fact]
        public void Xml_package_with_a_msg_lacking_the_field_it_is_deduplicated_by_is_never_repeated_after_it_is_sent()
        {
            var message = OpenApiSpec.Load("alphasms-xml.yaml").Resolve("#/components/schemas/AlphaSmsXmlMessage");
            ((string?)message["x-retry-safety"]).ShouldBe("deduplicated", "the premise: a msg is de-duplicated by its id when it has one");
            message["x-deduplicated-by"].ShouldNotBeNull();
            AlphaSmsXmlMessage Msg(long? id) => new() { Id = id, Phone = "+380971234567", Sender = "Shop", Type = AlphaSmsXmlMessageType.Text, Text = "Hi" };

            BodyRetrySafety.Of(new AlphaSmsXmlSendPackage { Key = "k", MessageViber = { Msg(ClientId), Msg(ClientId + 1) } }).ShouldBe(RetrySafety.Deduplicated);
            BodyRetrySafety.Of(new AlphaSmsXmlSendPackage { Key = "k", MessageViber = { Msg(ClientId), Msg(null) } }).ShouldBe(RetrySafety.NeverAfterSent);
        }

        [Fact]
        public async Task Xml_send_of_a_message_without_a_client_id_gets_one_and_is_sent_again_after_the_connection_drops()
        {
            var request = Requests["AlphaSMS XML send, every msg with its id"];
            _gateway.Reply(() => throw ConnectionDropped()).Reply(request.Reply.Body, request.Reply.MediaType);

            var result = (await AlphaSms(_gateway, AlphaSmsTransport.Xml).SendAsync(Message(null))).ShouldHaveSingleItem();

            result.Outcome.ShouldBe(SendOutcome.Accepted);
            _gateway.Requests.Count.ShouldBe(2);
            XDocument.Parse(_gateway.Requests[0].BodyText).Descendants("msg").ShouldHaveSingleItem().Attribute("id").ShouldNotBeNull();
            _gateway.Requests[1].BodyText.ShouldBe(_gateway.Requests[0].BodyText, "the repeat carries the same client id");
        }

        [Fact]
        public void The_spec_declares_both_kinds_among_the_requests_above()
        {
            ((IEnumerable<object[]>)DeclaredRepeatable).ShouldNotBeEmpty();
            ((IEnumerable<object[]>)DeclaredNeverAfterSent).ShouldNotBeEmpty();
            Requests.Where(r => !Repeatable.Contains(r.Value.DeclaredSafety) && r.Value.DeclaredSafety != "never-after-sent")
                .Select(r => $"{r.Key}: {r.Value.Spec} declares '{r.Value.DeclaredSafety ?? "nothing"}' at {r.Value.DeclaredAt}")
                .ShouldBeEmpty("requests that neither test above exercises");
        }

        /// <summary>What the socket reports when the gateway closes the connection before its reply is read.</summary>
        private static HttpRequestException ConnectionDropped() =>
            new(HttpRequestError.ResponseEnded, "The response ended prematurely. (ResponseEnded)");

        private static IViberClient AlphaSms(StubGateway gateway, AlphaSmsTransport transport) =>
            ViberClientFactory.Create(new AlphaSmsOptions { ApiKey = "k", Transport = transport, Resilience = QuickRetries.Policy() }, gateway.CreateClient());

        private static IViberClient LiveAll(StubGateway gateway) =>
            new LiveAllClient(new LiveAllOptions { ApiKey = "t", Resilience = QuickRetries.Policy() }, gateway.CreateClient());

        private static IViberClient SmsBy(StubGateway gateway) =>
            ViberClientFactory.Create(new SmsByOptions { ApiKey = "t", Resilience = QuickRetries.Policy(), QuickMessageSenderId = 7 }, gateway.CreateClient());

        /// <summary>A neutral send reports a request's failure in its results; thrown here, as the gateway-specific sends throw it.</summary>
        private static async Task FailureThrown(Task<IReadOnlyList<SendResult>> sending)
        {
            if ((await sending).FirstOrDefault(result => result.Failure != null)?.Failure is { } failure)
            {
                ExceptionDispatchInfo.Capture(failure).Throw();
            }
        }

        private static ViberMessage Message(long? clientId) => new() { Recipients = { "380971234567" }, Sender = "Shop", Text = "Hi", ClientId = clientId };

        private sealed record Request(string Spec, string DeclaredAt, string Operation, string? ReplyExample, Func<StubGateway, Task> Send)
        {
            /// <summary>The <c>x-retry-safety</c> the spec declares for this request, if it declares one.</summary>
            public string? DeclaredSafety
            {
                get
                {
                    var spec = OpenApiSpec.Load(Spec);
                    var valueOf = DeclaredAt.Split('=');
                    if (valueOf.Length == 2)
                    {
                        var property = valueOf[0].Split('.');
                        var byValue = (string?)spec.Resolve($"#/components/schemas/{property[0]}/properties/{property[1]}")["x-retry-safety"] ?? "";
                        return byValue.Split(',').Select(pair => pair.Split('=')).FirstOrDefault(pair => pair[0] == valueOf[1] && pair.Length == 2)?[1];
                    }

                    var declaring = spec.Schemas().SingleOrDefault(s => s.Name == DeclaredAt)?.Value ?? spec.Operations().Single(o => o.Id == DeclaredAt).Node;
                    return (string?)declaring["x-retry-safety"];
                }
            }

            /// <summary>The documented reply of the operation by its example's name, as the gateway puts it on the wire.</summary>
            public (string Body, string MediaType) Reply
            {
                get
                {
                    if (ReplyExample is null)
                    {
                        // The spec documents no reply of this operation; this is the reply its schema describes.
                        return ("""{"status":"OK","result":{"message_id":5}}""", "application/json");
                    }

                    var spec = OpenApiSpec.Load(Spec);
                    var media = spec.Operations().Single(o => o.Id == Operation).Node["responses"]!.Children<JProperty>()
                        .Select(response => spec.Dereference(response.Value)["content"])
                        .SelectMany(content => content?.Children<JProperty>() ?? Enumerable.Empty<JProperty>())
                        .Single(m => m.Value.SelectToken($"examples.{ReplyExample}") != null);
                    var value = media.Value["examples"]![ReplyExample]!["value"]!;
                    return (value.Type == JTokenType.String ? (string)value! : value.ToString(Formatting.None), media.Name);
                }
            }
        }
    }
}
