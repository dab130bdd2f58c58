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

namespace ViberGateways.Sandbox.LiveAll
{
    /// <summary>LiveAll as documented: <c>SendIM</c> (JSON), <c>GetSMSStatus</c> and <c>GetAccountBalance</c> (forms, plain-text replies).</summary>
    internal sealed class LiveAllEmulator
    {
        private const string Gateway = "LiveAll";
        private static readonly Regex Destination = new Regex(@"^[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex SenderId = new Regex(@"^[A-Za-z0-9\-.!#%&()<>]{1,11}$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
        private static readonly Regex Url = new Regex(@"^https?://\S+$", RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.IgnoreCase);

        private readonly SandboxContext _sandbox;
        private long _submissionId;

        public LiveAllEmulator(SandboxContext sandbox) => _sandbox = sandbox;

        public void Map(WebApplication app)
        {
            app.MapPost("/apiext/Sendout/SendIM", (Func<HttpContext, Task<IResult>>)SendIm);
            app.MapPost("/apiext/Sendout/GetSMSStatus", (Func<HttpContext, Task<IResult>>)GetSmsStatus);
            app.MapPost("/apiext/Sendout/GetAccountBalance", (Func<HttpContext, Task<IResult>>)GetAccountBalance);
        }

        private async Task<IResult> SendIm(HttpContext http)
        {
            var request = Wire.JsonObject(http);

            var errors = new List<(int Code, string Message, int Type, string Value)>();
            if (request is null)
            {
                return Failure(new[] { (59, "Empty or invalid parameters", 4, "") });
            }

            var token = Text(request["apitoken"]);
            if (string.IsNullOrEmpty(token))
            {
                return Failure(new[] { (39, "Api token not provided", 4, "") });
            }

            if (token != _sandbox.Options.Credentials.LiveAllApiToken)
            {
                return Failure(new[] { (44, "Invalid api token", 4, "") });
            }

            var imType = Text(request["im_type"]);
            if (imType is not ("IM" or "IM_SMSFB"))
            {
                errors.Add((59, "Empty or invalid parameters", 4, imType ?? ""));
            }

            var sender = Text(request["im_sender_name"]);
            if (string.IsNullOrWhiteSpace(sender))
            {
                errors.Add((56, "Sender id for IM is not approved", 4, sender ?? ""));
            }

            var text = Text(request["im_text"]);
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add((54, "IM text is empty", 2, ""));
            }
            else if (Wire.CharacterCount(text!) > 1000)
            {
                errors.Add((55, "IM text is longer than expected", 2, ""));
            }

            var destinations = (request["destinations"] as JsonArray)?.Select(Text).ToList() ?? new List<string?>();
            if (destinations.Count == 0)
            {
                errors.Add((12, "No destination numbers provided", 3, ""));
            }

            foreach (var destination in destinations.Where(d => d is null || !Destination.IsMatch(d)))
            {
                errors.Add((13, "Invalid destination number", 3, destination ?? ""));
            }

            var images = (request["im_image_urls"] as JsonArray)?.Select(Text).ToList() ?? new List<string?>();
            if (images.Count > 1 || images.Any(i => i is null || !Url.IsMatch(i)))
            {
                errors.Add((57, "IM image is invalid", 4, string.Join(",", images)));
            }

            var actions = request["im_actions"] as JsonArray ?? new JsonArray();
            if (actions.Count > 1 || actions.Any(a => string.IsNullOrWhiteSpace(Text(a?["caption"])) || Text(a?["url"]) is not { } url || !Url.IsMatch(url)))
            {
                errors.Add((58, "IM action is invalid", 4, ""));
            }

            if (imType == "IM_SMSFB")
            {
                var senderId = Text(request["senderid"]);
                if (string.IsNullOrEmpty(senderId))
                {
                    errors.Add((1, "Empty sender id", 1, ""));
                }
                else if (senderId!.Length > 11)
                {
                    errors.Add((4, "Alpha sender id too long", 1, senderId));
                }
                else if (!SenderId.IsMatch(senderId))
                {
                    errors.Add((2, "Invalid sender id", 1, senderId));
                }

                if (string.IsNullOrWhiteSpace(Text(request["sms_text"])))
                {
                    errors.Add((10, "SMS text is empty", 2, ""));
                }
            }

            if (errors.Count > 0)
            {
                return Failure(errors);
            }

            var kind = actions.Count > 0 ? "button" : images.Count > 0 ? "image" : "text";
            var data = new JsonArray();
            foreach (var destination in destinations)
            {
                var message = _sandbox.Store.Add(new SandboxMessage(_sandbox.Store.NextId(), Gateway, "SendIM", destination!, sender!, kind, text, _sandbox.Now));
                data.Add((JsonNode)new JsonObject { ["destination"] = destination, ["smsid"] = message.Id });
            }

            return Json(new JsonObject
            {
                ["success"] = true,
                ["OperationErrors"] = null,
                ["SubmissionID"] = Interlocked.Increment(ref _submissionId),
                ["data"] = data,
            });
        }

        private async Task<IResult> GetSmsStatus(HttpContext http)
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync().ConfigureAwait(false) : null;
            if (form?["apitoken"].ToString() != _sandbox.Options.Credentials.LiveAllApiToken)
            {
                return Plain("Error: 44 - Invalid api token");
            }

            var ids = form["smsids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (ids.Length == 0 || ids.Any(id => !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                return Plain("Error: 59 - Empty or invalid parameters");
            }

            var records = ids.Select(id => _sandbox.Store.FindById(Gateway, long.Parse(id, CultureInfo.InvariantCulture)))
                .Where(message => message != null)
                .Select(message => Record(message!));
            return Plain(string.Join("|", records));
        }

        private async Task<IResult> GetAccountBalance(HttpContext http)
        {
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync().ConfigureAwait(false) : null;
            return form?["apitoken"].ToString() == _sandbox.Options.Credentials.LiveAllApiToken
                ? Plain(FormattableString.Invariant($"OK Balance:{_sandbox.Options.Balance:0.00}|SmsRemainCount:-1|LCSmsRemainCount:-1"))
                : Plain("Error: 44 - Invalid api token");
        }

        /// <summary><c>SMSID:SUBMITTED_UNIX:LAST_STATUS_UNIX:DESTINATION:STATUS_NUMBER:STATUS_TEXT:QUANTITY:CHARGE</c>.</summary>
        private string Record(SandboxMessage message)
        {
            var state = _sandbox.StateOf(message);
            var (number, text) = state switch
            {
                SandboxDeliveryState.Scheduled => (300010, "IM_NYSENT"),
                SandboxDeliveryState.Accepted => (300001, "IM_ACCEPTD"),
                SandboxDeliveryState.Sent => (300009, "IM_SENT"),
                SandboxDeliveryState.Delivered => (300002, "IM_DELIVRD"),
                SandboxDeliveryState.Read => (300008, "IM_SEEN"),
                _ => (300005, "IM_UNDELIV"),
            };
            var lastChange = message.ReachedAt(state, _sandbox.Options.Timeline);
            return FormattableString.Invariant(
                $"{message.Id}:{message.AcceptedAt.ToUnixTimeSeconds()}:{lastChange.ToUnixTimeSeconds()}:{message.Recipient}:{number}:{text}:1:0.012");
        }

        private static IResult Failure(IEnumerable<(int Code, string Message, int Type, string Value)> errors) => Json(new JsonObject
        {
            ["success"] = false,
            ["OperationErrors"] = new JsonArray(errors.Select(e => (JsonNode)new JsonObject
            {
                ["errorCode"] = e.Code,
                ["errorMessage"] = e.Message,
                ["SMSErrorType"] = e.Type,
                ["valueOfError"] = e.Value,
            }).ToArray()),
            ["SubmissionID"] = 0,
            ["data"] = null,
        });

        private static IResult Json(JsonObject reply) => Wire.Json(reply);

        private static IResult Plain(string reply) => Wire.Plain(reply);

        private static string? Text(JsonNode? node) => Wire.Text(node);
    }
}
