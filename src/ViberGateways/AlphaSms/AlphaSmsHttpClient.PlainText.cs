using System;
using System.Linq;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ViberGateways.Http;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// A plain-text reply of the HTTP API, read into the generated <see cref="AlphaSmsHttpReplyFields"/>, whose wire
    /// names are the reply's field names: <c>id:84523377 sms_count:1</c> (the table's <c>smd_count</c> too),
    /// <c>status:Delivered code:3 status_time:2024/01/31</c>, <c>balance:10.526</c> or <c>errors:Wrong login/password</c>.
    /// Values may contain spaces (<c>status:Partially delivered</c>), so a value runs to the next field name; an error
    /// text is free-form and runs to the end. Hand-written: no library reads this format.
    /// </summary>
    internal sealed class AlphaSmsHttpReply
    {
        private static readonly WireProperty[] Fields = WireNames.PropertiesOf(typeof(AlphaSmsHttpReplyFields));
        private static readonly string ErrorsField = WireNames.Of(typeof(AlphaSmsHttpReplyFields).GetProperty(nameof(AlphaSmsHttpReplyFields.Errors))!);

        // name:value, the value running to the next documented name (after white space) or the end of the line.
        private static readonly Regex Field = new Regex(
            $@"(?:^|\s)(?<name>{Names})\:(?<value>.*?)(?=\s+(?:{Names})\:|$)", RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(250));

        private readonly AlphaSmsHttpReplyFields? _fields;

        private AlphaSmsHttpReply(string text, AlphaSmsHttpReplyFields? fields)
        {
            Text = text;
            _fields = fields;
        }

        public string Text { get; }

        private static string Names => string.Join("|", Fields.Select(f => Regex.Escape(f.Name)).OrderByDescending(name => name.Length));

        /// <summary>Parses a reply; one in no documented format is kept as text, to be reported by whoever reads it.</summary>
        public static AlphaSmsHttpReply Parse(string text)
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith(ErrorsField + ":", StringComparison.Ordinal))
            {
                // An error text is free-form; it may even contain other field names.
                return new AlphaSmsHttpReply(text, new AlphaSmsHttpReplyFields { Errors = trimmed.Substring(ErrorsField.Length + 1).Trim() });
            }

            var matches = Field.Matches(trimmed).Cast<Match>().ToList();
            if (matches.Count == 0 || matches[0].Index != 0)
            {
                return new AlphaSmsHttpReply(text, null);
            }

            var fields = new AlphaSmsHttpReplyFields();
            foreach (var match in matches)
            {
                var field = Fields.First(f => f.Name == match.Groups["name"].Value);
                try
                {
                    field.Property.SetValue(fields, new JValue(match.Groups["value"].Value.Trim()).ToObject(field.Property.PropertyType));
                }
                catch (Exception exception) when (exception is JsonException or FormatException or OverflowException or InvalidCastException or ArgumentException)
                {
                    // A value not of its field's type leaves it unset, for whoever reads it to report.
                }
            }

            return new AlphaSmsHttpReply(text, fields);
        }

        public AlphaSmsSendResult ToSendResult(int index, string recipient)
        {
            if (_fields?.Errors is { } error)
            {
                // A credentials error fails every message alike: it is the request's error, not this message's.
                if (error.IndexOf("login/password", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    throw Rejected("AlphaSMS rejected the request", error);
                }

                return new AlphaSmsSendResult(index, recipient, SendOutcome.Rejected) { Error = error };
            }

            return new AlphaSmsSendResult(index, recipient, SendOutcome.Accepted)
            {
                GatewayId = _fields?.Id ?? throw new GatewayOutcomeUnknownException(
                    $"The AlphaSMS HTTP send reply {(_fields is null ? "is not in a documented format" : "has no id")}; the message may have been accepted", 200, Text, null),
                Parts = _fields.SmsCount ?? _fields.SmdCount,
            };
        }

        public AlphaSmsMessageStatus ToStatus()
        {
            var fields = Documented("AlphaSMS rejected the status query");
            var code = fields.Code ?? throw Undocumented("The AlphaSMS HTTP status reply has no code");
            return new AlphaSmsMessageStatus(AlphaSmsStatusMapping.FromHttpCode(code), fields.Status ?? "")
            {
                StatusCode = code,
                CompletedAt = fields.StatusTime,
            };
        }

        public AlphaSmsBalance ToBalance() =>
            new AlphaSmsBalance(Documented("AlphaSMS rejected the balance query").Balance ?? throw Undocumented("The AlphaSMS HTTP balance reply has no readable balance"), currency: null);

        private AlphaSmsHttpReplyFields Documented(string refused)
        {
            if (_fields?.Errors is { } error)
            {
                throw Rejected(refused, error);
            }

            return _fields ?? throw Undocumented("The AlphaSMS HTTP reply is not in a documented format");
        }

        private GatewayRejectedException Rejected(string what, string error) => new GatewayRejectedException($"{what}: {error}", null, error, Text);

        private GatewayException Undocumented(string message) => new GatewayException(message, 200, Text, null, null);
    }
}
