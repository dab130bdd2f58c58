using System;
using System.Collections.Generic;
using ViberGateways.Bulk;
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

        // Per field, read once: the type its text is parsed as, and its setter.
        private static readonly Type[] ValueTypes = Array.ConvertAll(Fields, field => Nullable.GetUnderlyingType(field.Property.PropertyType) ?? field.Property.PropertyType);
        private static readonly Action<object, object?>[] Setters = Array.ConvertAll(Fields, field => CompiledAccessor.Setter(field.Property));
        private static readonly string ErrorsField = WireNames.Of(typeof(AlphaSmsHttpReplyFields).GetProperty(nameof(AlphaSmsHttpReplyFields.Errors))!);

        private readonly AlphaSmsHttpReplyFields? _fields;

        private AlphaSmsHttpReply(string text, AlphaSmsHttpReplyFields? fields)
        {
            Text = text;
            _fields = fields;
        }

        public string Text { get; }

        /// <summary>Parses a reply; one in no documented format is kept as text, to be reported by whoever reads it.</summary>
        public static AlphaSmsHttpReply Parse(string text)
        {
            var trimmed = text.Trim();
            if (trimmed.StartsWith(ErrorsField + ":", StringComparison.Ordinal))
            {
                // An error text is free-form; it may even contain other field names.
                return new AlphaSmsHttpReply(text, new AlphaSmsHttpReplyFields { Errors = trimmed.Substring(ErrorsField.Length + 1).Trim() });
            }

            var names = FieldsIn(trimmed);
            if (names.Count == 0 || names[0].Index != 0)
            {
                return new AlphaSmsHttpReply(text, null);
            }

            var fields = new AlphaSmsHttpReplyFields();
            for (var i = 0; i < names.Count; i++)
            {
                var start = names[i].Index + Fields[names[i].Field].Name.Length + 1;
                var end = i + 1 < names.Count ? names[i + 1].Index : trimmed.Length;
                Set(fields, names[i].Field, trimmed.Substring(start, end - start).Trim());
            }

            return new AlphaSmsHttpReply(text, fields);
        }

        /// <summary>Where each documented <c>name:</c> starts: at the start of the text or after white space.</summary>
        private static List<(int Index, int Field)> FieldsIn(string text)
        {
            var found = new List<(int Index, int Field)>(4);
            for (var i = 0; i < text.Length; i++)
            {
                if (i > 0 && !char.IsWhiteSpace(text[i - 1]))
                {
                    continue;
                }

                for (var field = 0; field < Fields.Length; field++)
                {
                    var name = Fields[field].Name;
                    if (i + name.Length < text.Length && text[i + name.Length] == ':' && string.CompareOrdinal(text, i, name, 0, name.Length) == 0)
                    {
                        found.Add((i, field));
                        break;
                    }
                }
            }

            return found;
        }

        /// <summary>Sets a field from its text; a value not of the field's type leaves it unset, for whoever reads it to report.</summary>
        private static void Set(AlphaSmsHttpReplyFields fields, int field, string value)
        {
            var parsed = WireNames.Parse(value, ValueTypes[field]);
            if (parsed != null)
            {
                Setters[field](fields, parsed);
            }
        }

        public SendResult ToSendResult(BulkEntry<object> entry)
        {
            if (_fields?.Errors is { } error)
            {
                if (IsCredentialsError(error))
                {
                    throw Rejected("AlphaSMS rejected the request", error);
                }

                return AlphaSmsMapping.Result(entry, SendOutcome.Rejected, null, error: error);
            }

            // The documented send reply always has both fields: one without the count may be a reply cut short, whose
            // id may be cut too (a complete-looking `id:845` of `id:84523377 sms_count:1`), so it is not taken as accepted.
            var parts = _fields?.SmsCount ?? _fields?.SmdCount;
            if (_fields?.Id is not { } id || parts is null)
            {
                var why = _fields is null ? "is not in a documented format" : _fields.Id is null ? "has no id" : "has no message count (it may be cut short)";
                throw new GatewayOutcomeUnknownException($"The AlphaSMS HTTP send reply {why}; the message may have been accepted", 200, Text, null);
            }

            return AlphaSmsMapping.Result(entry, SendOutcome.Accepted, null, id, parts);
        }

        /// <summary>
        /// What the reply says of its call, as <see cref="ToSendResult"/>, <see cref="ToStatus"/> and
        /// <see cref="ToBalance"/> read it: an error is a refusal; a send is accepted only with its id and count.
        /// </summary>
        public ReplyOutcome Outcome(bool send) =>
            _fields?.Errors != null ? ReplyOutcome.Rejected()
            : send ? (_fields?.Id is { } id && (_fields.SmsCount ?? _fields.SmdCount) != null ? ReplyOutcome.Accepted(new long?[] { id }) : ReplyOutcome.Unreadable)
            : _fields?.Code != null || _fields?.Balance != null ? ReplyOutcome.Accepted() : ReplyOutcome.Unreadable;

        /// <summary>
        /// The status, or the gateway's refusal for this message (an unknown id); a credentials error is the request's
        /// and is thrown, as is a reply in no documented format.
        /// </summary>
        public DeliveryStatus ToStatus(MessageReference reference)
        {
            if (_fields?.Errors is { } error && !IsCredentialsError(error))
            {
                return AlphaSmsMapping.Refused(reference, Rejected("AlphaSMS rejected the status query", error));
            }

            var fields = Documented("AlphaSMS rejected the status query");
            var code = fields.Code ?? throw Undocumented("The AlphaSMS HTTP status reply has no code");
            return AlphaSmsMapping.Status(reference, AlphaSmsStatusMapping.FromHttpCode(code), fields.Status ?? "", new[] { fields.StatusTime });
        }

        public AccountBalance ToBalance() => new AccountBalance(Gateway.AlphaSms,
            Documented("AlphaSMS rejected the balance query").Balance ?? throw Undocumented("The AlphaSMS HTTP balance reply has no readable balance"), currency: null);

        private AlphaSmsHttpReplyFields Documented(string refused) =>
            _fields?.Errors is { } error ? throw Rejected(refused, error) : _fields ?? throw Undocumented("The AlphaSMS HTTP reply is not in a documented format");

        /// <summary>
        /// Whether a refusal concerns the account rather than one message, so every later request would be refused
        /// alike: a credentials error, or HTTP 401 or 403.
        /// </summary>
        public static bool RefusesAccount(GatewayRejectedException refusal) =>
            refusal.StatusCode is 401 or 403 || (refusal.GatewayMessage is { } error && IsCredentialsError(error));

        /// <summary>A credentials error fails every request alike: it is the request's error, not one message's.</summary>
        private static bool IsCredentialsError(string error) => error.IndexOf("login/password", StringComparison.OrdinalIgnoreCase) >= 0;

        private GatewayRejectedException Rejected(string what, string error) => new GatewayRejectedException($"{what}: {error}", null, error, Text);

        private GatewayException Undocumented(string message) => new GatewayException(message, 200, Text, null, null);
    }
}
