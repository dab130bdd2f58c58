using System;
using System.Collections.Generic;
using System.Globalization;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// A plain-text reply of the HTTP API: <c>id:84523377 sms_count:1</c> (the table's <c>smd_count</c> is read too),
    /// <c>status:Delivered code:3 status_time:2024/01/31</c>, <c>balance:10.526</c> or <c>errors:Wrong login/password</c>.
    /// Values may contain spaces (<c>status:Partially delivered</c>), so a value runs to the next documented field name.
    /// </summary>
    internal sealed class AlphaSmsHttpReply
    {
        private static readonly string[] FieldNames = { "id", "sms_count", "smd_count", "status", "code", "status_time", "balance", "errors" };

        private readonly Dictionary<string, string> _fields;

        private AlphaSmsHttpReply(string text, Dictionary<string, string> fields)
        {
            Text = text;
            _fields = fields;
        }

        public string Text { get; }

        public string? Error => _fields.TryGetValue("errors", out var error) ? error : null;

        public static AlphaSmsHttpReply Parse(string text)
        {
            var trimmed = text.Trim();
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            if (trimmed.StartsWith("errors:", StringComparison.Ordinal))
            {
                // An error text is free-form; it may even contain "code:".
                fields["errors"] = trimmed.Substring("errors:".Length).Trim();
                return new AlphaSmsHttpReply(text, fields);
            }

            var names = FieldNamesIn(trimmed);
            if (names.Count == 0 || names[0].Index != 0)
            {
                throw Undocumented("The AlphaSMS HTTP reply is not in a documented format", text);
            }

            for (var i = 0; i < names.Count; i++)
            {
                var start = names[i].Index + names[i].Name.Length + 1;
                var end = i + 1 < names.Count ? names[i + 1].Index : trimmed.Length;
                fields[names[i].Name] = trimmed.Substring(start, end - start).Trim();
            }

            return new AlphaSmsHttpReply(text, fields);
        }

        /// <summary>Where each documented <c>name:</c> starts: at the start of the text or after white space.</summary>
        private static List<(int Index, string Name)> FieldNamesIn(string text)
        {
            var found = new List<(int Index, string Name)>(4);
            for (var i = 0; i < text.Length; i++)
            {
                if (i > 0 && !char.IsWhiteSpace(text[i - 1]))
                {
                    continue;
                }

                foreach (var name in FieldNames)
                {
                    if (i + name.Length < text.Length && text[i + name.Length] == ':' && string.CompareOrdinal(text, i, name, 0, name.Length) == 0)
                    {
                        found.Add((i, name));
                        break;
                    }
                }
            }

            return found;
        }

        public AlphaSmsSendResult ToSendResult(int index, string recipient)
        {
            if (Error is { } error)
            {
                // A credentials error fails every message alike: it is the request's error, not this message's.
                if (error.IndexOf("login/password", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    throw Rejected("AlphaSMS rejected the request", error);
                }

                return new AlphaSmsSendResult(index, recipient, SendOutcome.Rejected) { Error = error };
            }

            var parts = Integer("sms_count") ?? Integer("smd_count");
            return new AlphaSmsSendResult(index, recipient, SendOutcome.Accepted)
            {
                GatewayId = Long("id") ?? throw Undocumented("The AlphaSMS HTTP send reply has no id", Text),
                Parts = parts,
            };
        }

        public AlphaSmsMessageStatus ToStatus()
        {
            ThrowIfError("AlphaSMS rejected the status query");
            var code = Integer("code") ?? throw Undocumented("The AlphaSMS HTTP status reply has no code", Text);
            return new AlphaSmsMessageStatus(AlphaSmsStatusMapping.FromHttpCode(code), Field("status") ?? "")
            {
                StatusCode = code,
                CompletedAt = Field("status_time"),
            };
        }

        public AlphaSmsBalance ToBalance()
        {
            ThrowIfError("AlphaSMS rejected the balance query");
            return decimal.TryParse(Field("balance"), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                ? new AlphaSmsBalance(amount, currency: null)
                : throw Undocumented("The AlphaSMS HTTP balance reply has no readable balance", Text);
        }

        private void ThrowIfError(string what)
        {
            if (Error is { } error)
            {
                throw Rejected(what, error);
            }
        }

        private string? Field(string name) => _fields.TryGetValue(name, out var value) ? value : null;

        private long? Long(string name) =>
            long.TryParse(Field(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

        private int? Integer(string name) =>
            int.TryParse(Field(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

        private GatewayRejectedException Rejected(string what, string error) => new GatewayRejectedException($"{what}: {error}", null, error, Text);

        private static GatewayException Undocumented(string message, string text) => new GatewayException(message, 200, text, null, null);
    }
}
