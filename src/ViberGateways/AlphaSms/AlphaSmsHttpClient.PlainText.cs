using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ViberGateways.AlphaSms
{
    /// <summary>
    /// A plain-text reply of the HTTP API: <c>id:84523377 sms_count:1</c> (the table's <c>smd_count</c> is read too),
    /// <c>status:Delivered code:3 status_time:2024/01/31</c>, <c>balance:10.526</c> or <c>errors:Wrong login/password</c>.
    /// Values may contain spaces (<c>status:Partially delivered</c>), so a value runs to the next documented field name.
    /// </summary>
    internal sealed class AlphaSmsHttpReply
    {
        private static readonly Regex FieldName = new Regex(
            @"(?:^|\s)(?<name>id|sms_count|smd_count|status|code|status_time|balance|errors):",
            RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(250));

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

            var matches = FieldName.Matches(trimmed);
            if (matches.Count == 0 || matches[0].Index != 0)
            {
                throw Undocumented("The AlphaSMS HTTP reply is not in a documented format", text);
            }

            for (var i = 0; i < matches.Count; i++)
            {
                var start = matches[i].Index + matches[i].Length;
                var end = i + 1 < matches.Count ? matches[i + 1].Index : trimmed.Length;
                fields[matches[i].Groups["name"].Value] = trimmed.Substring(start, end - start).Trim();
            }

            return new AlphaSmsHttpReply(text, fields);
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
