using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ViberGateways.Sandbox.SmsBy
{
    /// <summary>
    /// SMS.by's 11 Viber endpoints and getAlphanames as documented, with each parameter where the documentation puts
    /// it (query, form, multipart, the JSON body of sendBulkViber). Subscriber list 1 holds four subscribers (375291111111 …
    /// 375294444444); any other list id is unknown.
    /// </summary>
    internal sealed class SmsByEmulator
    {
        private const string Gateway = "SMS.by";
        private const string Cost = "0.04900 EUR";
        private static readonly Regex Phone = new Regex(@"^\+?[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex ScheduleTime = new Regex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly string[] ListSubscribers = { "375291111111", "375292222222", "375293333333", "375294444444" };

        private readonly SandboxContext _sandbox;
        private readonly object _gate = new();
        private readonly Dictionary<string, List<BulkMailing>> _bulk = new(StringComparer.Ordinal);
        private readonly Dictionary<long, Mailing> _mailings = new();
        // Oldest first, so that past SandboxOptions.MaxRetainedMessages the oldest are forgotten. A bulk request is
        // weighed by its deliveries: they hold their messages, and one request can carry thousands.
        private readonly Queue<(string Uuid, int Deliveries)> _bulkOrder = new();
        private long _bulkDeliveries;
        private readonly Queue<long> _mailingOrder = new();
        private long _lastMailingId = 8_000;

        public SmsByEmulator(SandboxContext sandbox) => _sandbox = sandbox;

        private string Token => _sandbox.Options.Credentials.SmsByToken;

        public void Map(WebApplication app)
        {
            app.MapPost("/api/v1/sendBulkViber", (Func<HttpContext, Task<IResult>>)SendBulkViber);
            app.MapPost("/api/v1/statusBulkViber", StatusBulkViber);
            app.MapGet("/api/v1/getAlphanames", GetAlphanames);
            app.MapPost("/api/v2/sendQuickViberMessage", (Func<HttpContext, Task<IResult>>)SendQuickViberMessage);
            app.MapPost("/api/v2/getViberDeliveryData", (Func<HttpContext, Task<IResult>>)GetViberDeliveryData);
            app.MapPost("/api/v2/sendViberMessageList", (Func<HttpContext, Task<IResult>>)SendViberMessageList);
            app.MapPost("/api/v2/confirmViberMessage", (Func<HttpContext, Task<IResult>>)ConfirmViberMessage);
            app.MapPost("/api/v2/getViberMessages", (Func<HttpContext, Task<IResult>>)GetViberMessages);
            app.MapPost("/api/v2/getViberMessageData", (Func<HttpContext, Task<IResult>>)GetViberMessageData);
            app.MapPost("/api/v2/getViberDeliveryList", (Func<HttpContext, Task<IResult>>)GetViberDeliveryList);
            app.MapPost("/api/v2/getNewIncomingMessages", (Func<HttpContext, Task<IResult>>)GetNewIncomingMessages);
            app.MapPost("/api/v2/readResponseStatus", (Func<HttpContext, Task<IResult>>)ReadResponseStatus);
        }

        // ---- v1: bulk mailings (JSON body) ---------------------------------------------------------------------

        /// <summary>Keeps a new mailing, forgetting the oldest past the retention limit; call it under <c>_gate</c>.</summary>
        private void Retain(long id, Mailing mailing)
        {
            _mailings[id] = mailing;
            _mailingOrder.Enqueue(id);
            while (_mailingOrder.Count > _sandbox.Options.MaxRetainedMessages)
            {
                _mailings.Remove(_mailingOrder.Dequeue());
            }
        }

        /// <summary>
        /// Keeps a new bulk request, forgetting the oldest while more than the retention limit of requests or of their
        /// deliveries are kept; the newest stays, however many deliveries it has. Call it under <c>_gate</c>.
        /// </summary>
        private void RetainBulk(string uuid, List<BulkMailing> mailings)
        {
            var limit = _sandbox.Options.MaxRetainedMessages;
            var deliveries = mailings.Sum(mailing => mailing.Deliveries.Count);
            _bulk[uuid] = mailings;
            _bulkOrder.Enqueue((uuid, deliveries));
            _bulkDeliveries += deliveries;
            while (_bulkOrder.Count > 1 && (_bulkOrder.Count > limit || _bulkDeliveries > limit))
            {
                var oldest = _bulkOrder.Dequeue();
                _bulk.Remove(oldest.Uuid);
                _bulkDeliveries -= oldest.Deliveries;
            }
        }

        private async Task<IResult> SendBulkViber(HttpContext http)
        {
            var request = Wire.JsonObject(http);

            if (request is null || http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
            {
                return Wire.Json(new JsonObject { ["error"] = "Invalid request" }, 400);
            }

            if (Text(request["token"]) != Token)
            {
                return Error("Invalid token");
            }

            if (request["messages"] is not JsonArray { Count: > 0 } messages)
            {
                return Error("The messages parameter is required");
            }

            var uuid = Guid.NewGuid().ToString();
            var mailings = new List<BulkMailing>();
            foreach (var node in messages)
            {
                mailings.Add(BulkMailingOf(node as JsonObject, uuid));
            }

            lock (_gate)
            {
                RetainBulk(uuid, mailings);
            }

            return Ok(new JsonObject { ["uuid"] = uuid, ["success"] = "OK" });
        }

        private BulkMailing BulkMailingOf(JsonObject? mailing, string uuid)
        {
            var name = Text(mailing?["name"]) ?? "mailing";
            var type = Text(mailing?["message_type"]);
            var content = mailing?["content"] as JsonObject;
            var contentType = Text(content?["type"]);
            var problem =
                mailing is null ? "invalid mailing"
                : string.IsNullOrWhiteSpace(Text(mailing["alphaname_id"])) ? "Wrong alphaname. Check it is correct and approved."
                : type is not ("bulk" or "personal") ? "message_type must be bulk or personal"
                : contentType is not ("text" or "image" or "button") ? "Content type is not valid"
                : contentType == "image" && type != "bulk" ? "The image option can only be used with message_type bulk"
                : contentType is "image" or "button" && !IsUrl(Text(content!["image_url"])) ? "Content url is not valid"
                : (Text(content!["button_link"])?.Length ?? 0) > 150 ? "button_link must not exceed 150 characters"
                : Text(mailing["schedule_time"]) is { } schedule && !ScheduleTime.IsMatch(schedule) ? "schedule_time must be YYYY-MM-DDTHH:mm:ss"
                : mailing["delivery_list"] is not JsonArray { Count: > 0 } ? "delivery_list is empty"
                : null;
            if (problem != null)
            {
                return new BulkMailing(name, $"{name}: {problem}");
            }

            var deliveries = new List<(string Phone, string? Text)>();
            // Read once: the deliveries of a bulk mailing share one text instead of a copy each.
            var bulkText = type == "bulk" ? Text(content!["text"]) : null;
            foreach (var entry in (JsonArray)mailing!["delivery_list"]!)
            {
                var phone = type == "bulk" ? Text(entry) : Text(entry?["phone"]);
                var text = type == "bulk" ? bulkText : Text(entry?["text"]);
                if (phone is null || !Phone.IsMatch(phone))
                {
                    return new BulkMailing(name, $"{name}: phone {phone} is not valid");
                }

                if (contentType is "text" or "button" && string.IsNullOrWhiteSpace(text))
                {
                    return new BulkMailing(name, $"{name}: message text is empty");
                }

                if (type == "personal" && (Text(entry?["button_link"])?.Length ?? 0) > 150)
                {
                    return new BulkMailing(name, $"{name}: button_link must not exceed 150 characters");
                }

                deliveries.Add((phone.TrimStart('+'), text));
            }

            var scheduled = Text(mailing["schedule_time"]) is { } at
                ? DateTimeOffset.ParseExact(at, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
                : (DateTimeOffset?)null;
            var result = new BulkMailing(name, null)
            {
                MessageId = Interlocked.Increment(ref _lastMailingId),
                AlphanameId = long.TryParse(Text(mailing["alphaname_id"]), NumberStyles.None, CultureInfo.InvariantCulture, out var alphaname) ? alphaname : 0,
            };
            foreach (var (phone, text) in deliveries)
            {
                var message = _sandbox.Store.Add(new SandboxMessage(_sandbox.Store.NextId(), Gateway, "bulk", phone, Text(mailing["alphaname_id"])!, contentType!, text, _sandbox.Now)
                {
                    Mailing = uuid,
                    ScheduledFor = scheduled,
                });
                result.Deliveries.Add(message);
            }

            return result;
        }

        private IResult StatusBulkViber(HttpContext http)
        {
            if (http.Request.Query["token"].ToString() != Token)
            {
                return Error("Invalid token");
            }

            List<BulkMailing>? mailings;
            lock (_gate)
            {
                _bulk.TryGetValue(http.Request.Query["uuid"].ToString(), out mailings);
            }

            if (mailings is null)
            {
                return Wire.Json(new JsonObject { ["error"] = "Unknown uuid" }, 400);
            }

            var reply = new JsonArray();
            foreach (var mailing in mailings)
            {
                reply.Add((JsonNode)(mailing.Error != null
                    ? new JsonObject { ["errors"] = new JsonArray(mailing.Error) }
                    : new JsonObject
                    {
                        ["message_id"] = mailing.MessageId,
                        ["name"] = mailing.Name,
                        ["alphaname_id"] = mailing.AlphanameId,
                        ["success"] = new JsonArray(mailing.Deliveries.Select(d => (JsonNode)new JsonObject
                        {
                            ["delivery_id"] = d.Id,
                            ["phone"] = d.Recipient,
                            ["status"] = Status(d),
                            ["status_time"] = d.ReachedAt(_sandbox.StateOf(d), _sandbox.Options.Timeline).ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
                        }).ToArray()),
                    }));
            }

            return Wire.Json(reply);
        }

        /// <summary>
        /// The account's alpha names, id → name: the gateway reference's example (the system name and one of the
        /// account's). Its error reply is not documented; the v1 shape, <c>{"error": "…"}</c>, is assumed.
        /// </summary>
        private IResult GetAlphanames(HttpContext http) =>
            http.Request.Query["token"].ToString() != Token
                ? Wire.Json(new JsonObject { ["error"] = "Invalid token" })
                : Ok(new JsonObject { ["0"] = "System name (SMS.by)", ["1363"] = "VasheImya" });

        // ---- v2: quick messages and subscriber-list mailings ---------------------------------------------------

        private async Task<IResult> SendQuickViberMessage(HttpContext http)
        {
            var form = await FormAsync(http).ConfigureAwait(false);
            if (form?["token"].ToString() != Token)
            {
                return Error("Invalid token");
            }

            if (!long.TryParse(form["vibername_id"], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return Error("vibername_id is required");
            }

            var phone = form["phone"].ToString();
            if (!Phone.IsMatch(phone))
            {
                return Error("Invalid phone number");
            }

            var (kind, problem) = Content(form);
            if (problem != null)
            {
                return Error(problem);
            }

            if (form.TryGetValue("forwarding_time", out var forwarding) && (!int.TryParse(forwarding, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes < 5 || minutes > 60))
            {
                return Error("forwarding_time must be 5 to 60 minutes");
            }

            var message = _sandbox.Store.Add(new SandboxMessage(_sandbox.Store.NextId(), Gateway, "quick", phone.TrimStart('+'), form["vibername_id"].ToString(), kind, NullIfEmpty(form["message"]), _sandbox.Now));
            var mailing = new Mailing(message.Id, kind.ToUpperInvariant(), NullIfEmpty(form["message"]), NullIfEmpty(form["button"]), NullIfEmpty(form["button_link"]), ImageFile(form), _sandbox.Now, null)
            {
                Confirmed = true,
            };
            mailing.Deliveries.Add(message);
            lock (_gate)
            {
                Retain(message.Id, mailing);
            }

            return Ok(new JsonObject { ["status"] = "OK", ["result"] = new JsonObject { ["message_id"] = message.Id } });
        }

        private async Task<IResult> GetViberDeliveryData(HttpContext http)
        {
            var form = await FormAsync(http).ConfigureAwait(false);
            if (form?["token"].ToString() != Token)
            {
                return Error("Invalid token");
            }

            var message = MailingOf(form["message_id"])?.Deliveries.FirstOrDefault();
            return message is null
                ? Error("Message not found")
                : Ok(new JsonObject
                {
                    ["status"] = "OK",
                    ["result"] = new JsonObject { ["phone"] = message.Recipient, ["status"] = Status(message), ["error_code"] = ErrorCode(message) },
                });
        }

        private async Task<IResult> SendViberMessageList(HttpContext http)
        {
            var form = await FormAsync(http).ConfigureAwait(false);
            if (form?["token"].ToString() != Token)
            {
                return Error("Invalid token");
            }

            if (!long.TryParse(form["vibername_id"], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return Error("vibername_id is required");
            }

            if (form["list_id"].ToString() != "1")
            {
                return Error("Subscriber list not found");
            }

            var (kind, problem) = Content(form);
            if (problem != null)
            {
                return Error(problem);
            }

            DateTimeOffset? schedule = null;
            if (NullIfEmpty(form["d_schedule"]) is { } at)
            {
                if (!DateTimeOffset.TryParseExact(at, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return Error("d_schedule must be YYYY-MM-DD HH:MM");
                }

                schedule = parsed;
            }

            var id = Interlocked.Increment(ref _lastMailingId);
            lock (_gate)
            {
                Retain(id, new Mailing(id, kind.ToUpperInvariant(), NullIfEmpty(form["message"]), NullIfEmpty(form["button"]), NullIfEmpty(form["button_link"]), ImageFile(form), _sandbox.Now, schedule)
                {
                    Sender = form["vibername_id"].ToString(),
                });
            }

            return Ok(new JsonObject { ["status"] = "OK", ["result"] = new JsonObject { ["message_id"] = id, ["count_subscribers"] = ListSubscribers.Length } });
        }

        private async Task<IResult> ConfirmViberMessage(HttpContext http)
        {
            if (http.Request.Query["token"].ToString() != Token)
            {
                return Error("Invalid token");
            }

            var form = await FormAsync(http).ConfigureAwait(false);
            var mailing = MailingOf(form?["message_id"] ?? default);
            if (mailing is null)
            {
                return Error("Mailing not found");
            }

            lock (_gate)
            {
                if (!mailing.Confirmed)
                {
                    mailing.Confirmed = true;
                    foreach (var subscriber in ListSubscribers)
                    {
                        mailing.Deliveries.Add(_sandbox.Store.Add(new SandboxMessage(_sandbox.Store.NextId(), Gateway, "list", subscriber, mailing.Sender, mailing.Type.ToLowerInvariant(), mailing.Message, _sandbox.Now)
                        {
                            Mailing = mailing.Id.ToString(CultureInfo.InvariantCulture),
                            ScheduledFor = mailing.Schedule,
                        }));
                    }
                }
            }

            return Ok(new JsonObject { ["status"] = "OK" });
        }

        private async Task<IResult> GetViberMessages(HttpContext http)
        {
            if (http.Request.Query["token"].ToString() != Token)
            {
                return Error("Invalid token");
            }

            var form = await FormAsync(http).ConfigureAwait(false);
            var offset = int.TryParse(form?["limit_offset"], NumberStyles.None, CultureInfo.InvariantCulture, out var o) ? o : 0;
            var rows = int.TryParse(form?["limit_rows"], NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : 100;
            List<Mailing> mailings;
            lock (_gate)
            {
                mailings = _mailings.Values.OrderBy(m => m.Id).Skip(offset).Take(rows).ToList();
            }

            return Ok(new JsonObject { ["status"] = "OK", ["result"] = new JsonArray(mailings.Select(m => (JsonNode)MailingJson(m)).ToArray()) });
        }

        private async Task<IResult> GetViberMessageData(HttpContext http)
        {
            if (http.Request.Query["token"].ToString() != Token)
            {
                return Error("Invalid token");
            }

            var form = await FormAsync(http).ConfigureAwait(false);
            var mailing = MailingOf(form?["message_id"] ?? default);
            return mailing is null ? Error("Mailing not found") : Ok(new JsonObject { ["status"] = "OK", ["result"] = MailingJson(mailing) });
        }

        private async Task<IResult> GetViberDeliveryList(HttpContext http)
        {
            var form = await FormAsync(http).ConfigureAwait(false);
            if (form?["token"].ToString() != Token)
            {
                return Error("Invalid token");
            }

            var mailing = MailingOf(form["message_id"]);
            return mailing is null
                ? Error("Mailing not found")
                : Ok(new JsonObject
                {
                    ["status"] = "OK",
                    ["result"] = new JsonArray(mailing.Deliveries.Select(d => (JsonNode)new JsonObject
                    {
                        ["delivery_id"] = d.Id,
                        ["phone"] = d.Recipient,
                        ["status"] = Status(d),
                        ["error_code"] = ErrorCode(d),
                    }).ToArray()),
                });
        }

        private async Task<IResult> GetNewIncomingMessages(HttpContext http)
        {
            var form = await FormAsync(http).ConfigureAwait(false);
            if (form?["token"].ToString() != Token)
            {
                return Error("Invalid token");
            }

            if (!long.TryParse(form["message_id"], NumberStyles.None, CultureInfo.InvariantCulture, out var mailingId))
            {
                return Error("message_id is required");
            }

            var replies = _sandbox.Store.Replies(reply => reply.MessageId == mailingId && !reply.IsRead);
            return Ok(new JsonObject
            {
                ["status"] = "OK",
                ["result"] = new JsonArray(replies.Select(reply => (JsonNode)new JsonObject
                {
                    ["id"] = reply.Id.ToString(CultureInfo.InvariantCulture),
                    ["phone"] = reply.Phone,
                    ["message"] = reply.Text,
                    ["d_receiver"] = reply.ReceivedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                }).ToArray()),
            });
        }

        private async Task<IResult> ReadResponseStatus(HttpContext http)
        {
            var form = await FormAsync(http).ConfigureAwait(false);
            if (form?["token"].ToString() != Token)
            {
                return Error("Invalid token");
            }

            var ids = form["incoming_messages"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (ids.Length == 0 || ids.Any(id => !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                return Error("incoming_messages must be comma separated ids");
            }

            var flagged = _sandbox.Store.MarkRead(ids.Select(id => long.Parse(id, CultureInfo.InvariantCulture)));
            return Ok(new JsonObject { ["status"] = "OK", ["result"] = $"Number of flagged messages: {flagged}" });
        }

        // ---- shared --------------------------------------------------------------------------------------------

        /// <summary>The Viber content of a v2 form: TEXT needs a message, IMAGE an image, BUTTON a caption and a link.</summary>
        private static (string Kind, string? Problem) Content(IFormCollection form)
        {
            var type = NullIfEmpty(form["type_message"]) ?? "TEXT";
            var hasImage = NullIfEmpty(form["image_url"]) != null || form.Files.GetFile("image") != null;
            return type switch
            {
                "TEXT" => ("text", NullIfEmpty(form["message"]) is null ? "message is required for TEXT" : null),
                "IMAGE" => ("image", hasImage ? (NullIfEmpty(form["image_url"]) is { } url && !IsUrl(url) ? "image_url is not valid" : null) : "image_url or image is required for IMAGE"),
                "BUTTON" => ("button",
                    NullIfEmpty(form["button"]) is null || NullIfEmpty(form["button_link"]) is null ? "button and button_link are required for BUTTON"
                    : form["button_link"].ToString().Length > 150 ? "button_link must not exceed 150 characters"
                    : !IsUrl(form["button_link"]) ? "button_link is not valid"
                    : null),
                _ => ("text", "type_message must be TEXT, IMAGE or BUTTON"),
            };
        }

        private Mailing? MailingOf(string? id)
        {
            lock (_gate)
            {
                return long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && _mailings.TryGetValue(value, out var mailing) ? mailing : null;
            }
        }

        private JsonObject MailingJson(Mailing mailing) => new()
        {
            ["message_id"] = mailing.Id,
            ["message_type"] = mailing.Type,
            ["message"] = mailing.Message ?? "",
            ["button_caption"] = mailing.ButtonCaption ?? "",
            ["button_link"] = mailing.ButtonLink ?? "",
            ["image_file"] = mailing.ImageFile ?? "",
            ["status"] = !mailing.Confirmed ? "NEW" : mailing.Deliveries.All(d => _sandbox.StateOf(d) is SandboxDeliveryState.Scheduled) ? "SCHEDULED" : "SENT",
            ["d_create"] = mailing.Created.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["d_schedule"] = (mailing.Schedule ?? mailing.Created).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            ["cost"] = Cost,
        };

        private string Status(SandboxMessage message) => _sandbox.StateOf(message) switch
        {
            SandboxDeliveryState.Scheduled or SandboxDeliveryState.Accepted => "NEW",
            SandboxDeliveryState.Sent => "SENT",
            SandboxDeliveryState.Delivered => "DELIVERED",
            SandboxDeliveryState.Read => "READ",
            _ => "UNDELIVERED",
        };

        private int ErrorCode(SandboxMessage message) => _sandbox.StateOf(message) == SandboxDeliveryState.Undeliverable ? 1 : 0;

        private static async Task<IFormCollection?> FormAsync(HttpContext http) =>
            http.Request.HasFormContentType ? await http.Request.ReadFormAsync().ConfigureAwait(false) : null;

        private static string? ImageFile(IFormCollection form) => form.Files.GetFile("image") is { } file ? "https://app.sms.by/uploads/" + file.FileName : NullIfEmpty(form["image_url"]);

        private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

        private static bool IsUrl(string? value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

        private static string? Text(JsonNode? node) => Wire.Text(node);

        private static IResult Ok(JsonObject reply) => Wire.Json(reply);

        /// <summary>The documented error shape, <c>{"error": "…"}</c>, with a non-OK status for the v2 envelope.</summary>
        private static IResult Error(string error) => Ok(new JsonObject { ["status"] = "ERROR", ["error"] = error });

        private sealed class BulkMailing
        {
            public BulkMailing(string name, string? error)
            {
                Name = name;
                Error = error;
            }

            public string Name { get; }

            public string? Error { get; }

            public long MessageId { get; init; }

            public long AlphanameId { get; init; }

            public List<SandboxMessage> Deliveries { get; } = new();
        }

        private sealed class Mailing
        {
            public Mailing(long id, string type, string? message, string? buttonCaption, string? buttonLink, string? imageFile, DateTimeOffset created, DateTimeOffset? schedule)
            {
                Id = id;
                Type = type;
                Message = message;
                ButtonCaption = buttonCaption;
                ButtonLink = buttonLink;
                ImageFile = imageFile;
                Created = created;
                Schedule = schedule;
            }

            public long Id { get; }

            public string Type { get; }

            public string? Message { get; }

            public string? ButtonCaption { get; }

            public string? ButtonLink { get; }

            public string? ImageFile { get; }

            public DateTimeOffset Created { get; }

            public DateTimeOffset? Schedule { get; }

            public string Sender { get; init; } = "";

            public bool Confirmed { get; set; }

            public List<SandboxMessage> Deliveries { get; } = new();
        }
    }
}
