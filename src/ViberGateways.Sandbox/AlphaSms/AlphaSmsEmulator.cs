using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ViberGateways.Sandbox.AlphaSms
{
    /// <summary>
    /// AlphaSMS as documented: <c>POST /api/json.php</c>, <c>POST /api/xml.php</c> and <c>GET|POST /api/http.php</c>,
    /// one account shared by the three. A repeated client id is refused only where a document defines the answer: over
    /// XML, 208 ERR_DUPLICATE "a message with this id exists" (reference gateways.md line 51), whichever transport used
    /// the id first. The JSON pages define no answer to a repeated id (seed 000 line 56, gateways.md line 25), so the
    /// emulator invents none: a JSON message with an id already used is accepted as a new message, and a status query
    /// by that id answers the latest message sent with it. The HTTP transport carries no client id.
    /// </summary>
    internal sealed class AlphaSmsEmulator
    {
        private const string Gateway = "AlphaSMS";
        private readonly SandboxContext _sandbox;

        public AlphaSmsEmulator(SandboxContext sandbox) => _sandbox = sandbox;

        private SandboxCredentials Credentials => _sandbox.Options.Credentials;

        public void Map(WebApplication app)
        {
            app.MapPost("/api/json.php", (Func<HttpContext, Task<IResult>>)Json);
            app.MapPost("/api/xml.php", (Func<HttpContext, Task<IResult>>)Xml);
            app.MapMethods("/api/http.php", new[] { "GET", "POST" }, (Func<HttpContext, Task<IResult>>)Http);
        }

        // ---- JSON ----------------------------------------------------------------------------------------------

        private async Task<IResult> Json(HttpContext http)
        {
            if (http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            {
                // "otherwise, the request will be considered invalid even if it has valid JSON"
                return JsonReply(new JsonObject { ["success"] = false, ["error"] = "Invalid request" });
            }

            if (Wire.JsonObject(http) is not { } request)
            {
                return JsonReply(new JsonObject { ["success"] = false, ["error"] = "Invalid request" });
            }

            if (request["auth"]?.GetValueKind() != JsonValueKind.String || (string?)request["auth"] != Credentials.AlphaSmsApiKey)
            {
                return JsonReply(new JsonObject { ["success"] = false, ["error"] = "Access denied" });
            }

            if (request["data"] is not JsonArray { Count: > 0 } items)
            {
                return JsonReply(new JsonObject { ["success"] = false, ["error"] = "Empty request" });
            }

            var results = new JsonArray();
            foreach (var item in items)
            {
                results.Add((JsonNode)JsonItem(item as JsonObject));
            }

            return JsonReply(new JsonObject { ["success"] = true, ["data"] = results });
        }

        private JsonObject JsonItem(JsonObject? item)
        {
            var type = Wire.Text(item?["type"]);
            var id = Long(item?["id"]);
            switch (type)
            {
                case "viber":
                case "viber+sms":
                    if (id is null)
                    {
                        return JsonFailure("Message id is required", null);
                    }

                    var input = new AlphaSmsViberInput
                    {
                        ClientId = id,
                        Phone = item!["phone"]?.ToString(),
                        Sender = Wire.Text(item["viber_signature"]),
                        Type = Wire.Text(item["viber_type"]),
                        Text = Wire.Text(item["viber_message"]),
                        Image = Wire.Text(item["viber_image"]),
                        ButtonCaption = Wire.Text(item["viber_button"]),
                        ButtonUrl = Wire.Text(item["viber_link"]),
                        Lifetime = (int?)Long(item["viber_lifetime"]),
                        SmsFallback = type == "viber+sms",
                        SmsSender = Wire.Text(item["sms_signature"]),
                        SmsText = Wire.Text(item["sms_message"]),
                    };
                    var accepted = Accept(input, "json", maxLifetime: null, textAlwaysRequired: false, refusesRepeatedId: false, out var rejection);
                    return accepted is null
                        ? JsonFailure(rejection!.Text, id)
                        : new JsonObject { ["success"] = true, ["data"] = new JsonObject { ["id"] = id, ["msg_id"] = accepted.Id, ["data"] = 1, ["parts"] = 1 } };
                case "status":
                    var message = id is null ? null : _sandbox.Store.FindByClientId(Gateway, id.Value);
                    if (message is null)
                    {
                        return JsonFailure("Message not found", id);
                    }

                    var replies = _sandbox.Store.Replies(r => r.MessageId == message.Id);
                    var data = new JsonObject
                    {
                        ["id"] = id,
                        ["type"] = "viber",
                        ["status"] = replies.Count > 0 ? "REPLIED" : JsonStatus(_sandbox.StateOf(message)),
                    };
                    if (replies.Count > 0)
                    {
                        data["replies"] = new JsonArray(replies.Select(r => (JsonNode)new JsonObject
                        {
                            ["datetime"] = r.ReceivedAt.ToOffset(TimeSpan.FromHours(2)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
                            ["message"] = r.Text,
                        }).ToArray());
                    }

                    return new JsonObject { ["success"] = true, ["data"] = data };
                case "balance":
                    return new JsonObject { ["success"] = true, ["data"] = new JsonObject { ["amount"] = _sandbox.Options.Balance, ["currency"] = "UAH" } };
                default:
                    return JsonFailure("Unknown request type", id);
            }
        }

        private static JsonObject JsonFailure(string error, long? id)
        {
            var failure = new JsonObject { ["success"] = false, ["error"] = error };
            if (id is { } value)
            {
                failure["data"] = new JsonObject { ["id"] = value };
            }

            return failure;
        }

        private static IResult JsonReply(JsonObject reply) => Wire.Json(reply);

        private static string JsonStatus(SandboxDeliveryState state) => state switch
        {
            SandboxDeliveryState.Scheduled => "QUEUED",
            SandboxDeliveryState.Accepted => "ACCEPTED",
            SandboxDeliveryState.Sent => "ROUTING",
            SandboxDeliveryState.Delivered => "DELIVERED",
            SandboxDeliveryState.Read => "READ",
            _ => "UNDELIVERABLE",
        };

        // ---- XML -----------------------------------------------------------------------------------------------

        private async Task<IResult> Xml(HttpContext http)
        {
            XElement package;
            try
            {
                using var reader = XmlReader.Create(new StringReader(Wire.Body(http)),
                    new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                package = XDocument.Load(reader).Root ?? throw new XmlException();
            }
            catch (XmlException)
            {
                return XmlReply(new XElement("package", new XElement("error", 201))); // ERR_FORMAT
            }

            if (package.Name != "package")
            {
                return XmlReply(new XElement("package", new XElement("error", 201)));
            }

            if ((string?)package.Attribute("key") != Credentials.AlphaSmsApiKey)
            {
                return XmlReply(new XElement("package", new XElement("error", 202))); // ERR_AUTHORIZATION
            }

            if (package.Element("message-viber") is { } send)
            {
                return XmlReply(new XElement("package", new XElement("message-viber", send.Elements("msg").Select(XmlSend))));
            }

            if (package.Element("status") is { } status)
            {
                return XmlReply(new XElement("package", new XElement("status", status.Elements("msg").Select(XmlStatus))));
            }

            if (package.Element("balance") is not null)
            {
                return XmlReply(new XElement("package", new XElement("balance",
                    new XElement("amount", _sandbox.Options.Balance.ToString(CultureInfo.InvariantCulture)), new XElement("currency", "UAH"))));
            }

            return XmlReply(new XElement("package", new XElement("error", 201)));
        }

        private XElement XmlSend(XElement msg)
        {
            var id = LongAttribute(msg, "id");
            var dateBeg = (string?)msg.Attribute("date_beg");
            var input = new AlphaSmsViberInput
            {
                ClientId = id,
                Phone = (string?)msg.Element("phone"),
                Sender = (string?)msg.Element("sender"),
                Type = (string?)msg.Element("type"),
                Text = (string?)msg.Element("text"),
                Image = (string?)msg.Element("image"),
                ButtonCaption = (string?)msg.Element("button"),
                ButtonUrl = (string?)msg.Element("url"),
                ScheduledFor = dateBeg != null && DateTimeOffset.TryParse(dateBeg, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
            };
            var accepted = Accept(input, "xml", maxLifetime: null, textAlwaysRequired: true, refusesRepeatedId: true, out var rejection);
            var result = new XElement("msg");
            if (id is { } clientId)
            {
                result.SetAttributeValue("id", clientId);
            }

            result.SetAttributeValue("msg_id", accepted?.Id ?? 0);
            result.Value = accepted is null ? rejection!.Code.ToString(CultureInfo.InvariantCulture) : input.ScheduledFor is null ? "1" : "100";
            return result;
        }

        private XElement XmlStatus(XElement query)
        {
            var id = LongAttribute(query, "id");
            var smsId = LongAttribute(query, "sms_id");
            var message = (id is { } byClientId ? _sandbox.Store.FindByClientId(Gateway, byClientId) : null) ?? (smsId is { } bySmsId ? _sandbox.Store.FindById(Gateway, bySmsId) : null);
            var result = new XElement("msg");
            if (id is { } clientId)
            {
                result.SetAttributeValue("id", clientId);
            }

            if (message is null)
            {
                result.SetAttributeValue("sms_id", smsId ?? 0);
                result.Value = "201"; // ERR_ID
                return result;
            }

            var state = _sandbox.StateOf(message);
            result.SetAttributeValue("sms_id", message.Id);
            result.SetAttributeValue("sms_count", 1);
            if (state is SandboxDeliveryState.Delivered or SandboxDeliveryState.Read or SandboxDeliveryState.Undeliverable)
            {
                result.SetAttributeValue("date_completed", message.ReachedAt(state, _sandbox.Options.Timeline).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
            }

            result.Value = state switch
            {
                SandboxDeliveryState.Scheduled => "100",
                SandboxDeliveryState.Accepted => "106",
                SandboxDeliveryState.Sent => "101",
                SandboxDeliveryState.Delivered or SandboxDeliveryState.Read => "102",
                _ => "105",
            };
            return result;
        }

        private static IResult XmlReply(XElement package) =>
            Results.Text("<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n" + package.ToString(SaveOptions.DisableFormatting), "text/xml", Encoding.UTF8);

        // ---- HTTP ----------------------------------------------------------------------------------------------

        private async Task<IResult> Http(HttpContext http)
        {
            var query = http.Request.Query;
            IFormCollection? form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync().ConfigureAwait(false) : null;
            string? Field(string name) => form != null && form.TryGetValue(name, out var posted) ? posted.ToString() : query.TryGetValue(name, out var value) ? value.ToString() : null;

            var byKey = Field("key") is { } key && key == Credentials.AlphaSmsApiKey;
            var byLogin = Field("login") == Credentials.AlphaSmsLogin && Field("pass") == Credentials.AlphaSmsPassword;
            if (!byKey && !byLogin)
            {
                return Text("errors:Wrong login/password");
            }

            switch (Field("command"))
            {
                case "send":
                    var input = new AlphaSmsViberInput
                    {
                        Phone = Field("to"),
                        Sender = Field("viber_from"),
                        Type = Field("viber") is "1" or "true" ? Field("viber_type") : null,
                        Text = Field("viber_message"),
                        Image = Field("viber_image"),
                        ButtonCaption = Field("viber_button"),
                        ButtonUrl = Field("viber_url"),
                        Lifetime = int.TryParse(Field("viber_lifetime"), NumberStyles.None, CultureInfo.InvariantCulture, out var lifetime) ? lifetime : -1,
                        SmsFallback = Field("viber_sms") is "1" or "true",
                        SmsSender = Field("from"),
                        SmsText = Field("message"),
                        ScheduledFor = DocumentedDateTime(Field("ask_date")),
                    };
                    if (string.IsNullOrWhiteSpace(Field("from")) || string.IsNullOrWhiteSpace(Field("message")))
                    {
                        return Text("errors:Missing from or message");
                    }

                    var accepted = Accept(input, "http", maxLifetime: 86400, textAlwaysRequired: true, refusesRepeatedId: false, out var rejection);
                    return Text(accepted is null ? "errors:" + rejection!.Text : $"id:{accepted.Id} sms_count:1");
                case "receive":
                    var message = long.TryParse(Field("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                        ? _sandbox.Store.FindById(Gateway, id)
                        : null;
                    if (message is null)
                    {
                        return Text("errors:Message not found");
                    }

                    var state = _sandbox.StateOf(message);
                    var (text, code) = state switch
                    {
                        SandboxDeliveryState.Scheduled or SandboxDeliveryState.Accepted => ("Pending", 0),
                        SandboxDeliveryState.Sent => ("Sent", 2),
                        SandboxDeliveryState.Delivered => ("Delivered", 3),
                        SandboxDeliveryState.Read => ("Read", 116),
                        _ => ("Bad or unused number", 99),
                    };
                    var time = message.ReachedAt(state, _sandbox.Options.Timeline).ToString("yyyy/MM/dd", CultureInfo.InvariantCulture);
                    return Text($"status:{text} code:{code} status_time:{time}");
                case "balance":
                    return Text("balance:" + _sandbox.Options.Balance.ToString(CultureInfo.InvariantCulture));
                default:
                    return Text("errors:Unknown command");
            }
        }

        private static IResult Text(string reply) => Wire.Plain(reply);

        /// <summary>The HTTP page's ISO 8601 form, <c>2024-08-15T15:52:01+0200</c> (offset without a colon).</summary>
        private static DateTimeOffset? DocumentedDateTime(string? text)
        {
            if (text is null || text.Length < 5)
            {
                return null;
            }

            var withColon = text[text.Length - 3] == ':' ? text : text.Insert(text.Length - 2, ":");
            return DateTimeOffset.TryParse(withColon, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null;
        }

        // ---- shared --------------------------------------------------------------------------------------------

        /// <summary>
        /// Stores the message when the documented rules accept it; <paramref name="refusesRepeatedId"/> where the
        /// transport documents refusing a repeated client id (XML 208).
        /// </summary>
        private SandboxMessage? Accept(AlphaSmsViberInput input, string channel, int? maxLifetime, bool textAlwaysRequired, bool refusesRepeatedId, out AlphaSmsRejection? rejection)
        {
            // One account: check and store under one lock so a repeated id the transport refuses can never be accepted twice.
            lock (_sandbox.Store)
            {
                rejection = AlphaSmsViberRules.Check(input, maxLifetime, id => refusesRepeatedId && _sandbox.Store.FindByClientId(Gateway, id) != null, textAlwaysRequired);
                if (rejection != null)
                {
                    return null;
                }

                return _sandbox.Store.Add(new SandboxMessage(_sandbox.Store.NextId(), Gateway, channel, Wire.PhoneDigits(input.Phone!),
                    input.Sender!, AlphaSmsViberRules.Kind(input.Type!), input.Text, _sandbox.Now)
                {
                    ClientId = input.ClientId,
                    ScheduledFor = input.ScheduledFor,
                });
            }
        }

        private static long? Long(JsonNode? node) =>
            node is JsonValue value && (value.TryGetValue<long>(out var number) || (value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number)))
                ? number
                : null;

        private static long? LongAttribute(XElement element, string name) =>
            long.TryParse((string?)element.Attribute(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
