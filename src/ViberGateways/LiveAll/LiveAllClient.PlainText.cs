using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Http;

namespace ViberGateways.LiveAll
{
    // GetSMSStatus and GetAccountBalance answer in plain text. The generated operations (protected …CoreAsync)
    // send the forms and return the text; these methods read it:
    //   status:  SMSID:SUBMITTED_UNIX:LAST_STATUS_UNIX:DESTINATION:STATUS_NUMBER:STATUS_TEXT:QUANTITY:CHARGE, records joined by "|"
    //   balance: OK Balance:169.64|SmsRemainCount:-1|LCSmsRemainCount:-1
    //   error:   Error: CODE - MESSAGE
    /// <summary>The LiveAll client's operations (implemented by <see cref="LiveAllClient"/>), for dependency injection and fakes.</summary>
    internal partial interface ILiveAllClient
    {
        /// <summary>Reads the status of sent messages (the getSmsStatus operation of <c>specs/liveall.yaml</c>).</summary>
        Task<IReadOnlyList<LiveAllSmsStatus>> GetSmsStatusAsync(IEnumerable<long> smsIds, CancellationToken cancellationToken = default);

        /// <summary>Reads the account balance (the getAccountBalance operation of <c>specs/liveall.yaml</c>).</summary>
        Task<LiveAllBalance> GetAccountBalanceAsync(CancellationToken cancellationToken = default);
    }

    internal partial class LiveAllClient
    {
        internal static readonly Regex ErrorReply = new Regex(@"^Error:\s*(?<code>-?\d+)\s*-\s*(?<message>.*)$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(250));

        /// <inheritdoc />
        public virtual async Task<IReadOnlyList<LiveAllSmsStatus>> GetSmsStatusAsync(IEnumerable<long> smsIds, CancellationToken cancellationToken = default)
        {
            var ids = (smsIds ?? throw new ArgumentNullException(nameof(smsIds))).ToList();
            var errors = new ValidationErrors();
            if (ids.Count == 0)
            {
                errors.Add(nameof(smsIds), "minItems", "must contain at least one message id");
            }

            for (var i = 0; i < ids.Count; i++)
            {
                if (ids[i] <= 0)
                {
                    errors.Add($"{nameof(smsIds)}[{i}]", "minimum", "must be a positive message id");
                }
            }

            errors.ThrowIfAny();
            var form = new LiveAllGetSmsStatusForm
            {
                Apitoken = Options.RequireApiKey(),
                Smsids = string.Join(",", ids.Select(id => id.ToString(CultureInfo.InvariantCulture))),
            };
            string text;
            using (new RequestDetails(gatewayIds: ids.Select(id => id.ToString(CultureInfo.InvariantCulture))).Declare())
            {
                text = ThrowIfError(await GetSmsStatusCoreAsync(form, cancellationToken).ConfigureAwait(false));
            }

            return text.Split(new[] { '|' }, StringSplitOptions.RemoveEmptyEntries).Select(record => StatusRecord(record.Trim(), text)).ToList();
        }

        /// <inheritdoc />
        public virtual async Task<LiveAllBalance> GetAccountBalanceAsync(CancellationToken cancellationToken = default)
        {
            var form = new LiveAllGetAccountBalanceForm { Apitoken = Options.RequireApiKey() };
            var text = ThrowIfError(await GetAccountBalanceCoreAsync(form, cancellationToken).ConfigureAwait(false)).Trim();
            if (!text.StartsWith("OK", StringComparison.Ordinal))
            {
                throw Undocumented("The LiveAll balance reply is not in the documented format", text);
            }

            var fields = text.Substring(2).Split('|')
                .Select(part => part.Split(new[] { ':' }, 2))
                .Where(pair => pair.Length == 2)
                .ToDictionary(pair => pair[0].Trim(), pair => pair[1].Trim(), StringComparer.OrdinalIgnoreCase);
            if (!fields.TryGetValue("Balance", out var balanceText)
                || !decimal.TryParse(balanceText, NumberStyles.Number, CultureInfo.InvariantCulture, out var balance))
            {
                throw Undocumented("The LiveAll balance reply has no readable Balance", text);
            }

            return new LiveAllBalance(balance)
            {
                SmsRemainCount = OptionalLong(fields, "SmsRemainCount"),
                LowCostSmsRemainCount = OptionalLong(fields, "LCSmsRemainCount"),
            };
        }

        private static LiveAllSmsStatus StatusRecord(string record, string reply)
        {
            var fields = record.Split(':');
            if (fields.Length < 6
                || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var smsId)
                || !int.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var statusCode))
            {
                throw Undocumented("A LiveAll status record is not in the documented format", reply);
            }

            return new LiveAllSmsStatus(smsId, statusCode, fields[5])
            {
                SubmittedAt = UnixTime(fields[1]),
                LastStatusAt = UnixTime(fields[2]),
                Destination = fields[3].Length == 0 ? null : fields[3],
                Quantity = fields.Length > 6 && int.TryParse(fields[6], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity) ? quantity : null,
                Charge = fields.Length > 7 && decimal.TryParse(fields[7], NumberStyles.Number, CultureInfo.InvariantCulture, out var charge) ? charge : null,
            };
        }

        private static string ThrowIfError(string text)
        {
            var match = ErrorReply.Match(text.Trim());
            if (match.Success)
            {
                var message = match.Groups["message"].Value.Trim();
                throw new GatewayRejectedException($"LiveAll rejected the request: {match.Groups["code"].Value} - {message}",
                    match.Groups["code"].Value, message, text);
            }

            if (text.TrimStart().StartsWith("Error", StringComparison.OrdinalIgnoreCase))
            {
                throw Undocumented("LiveAll answered with an error in an undocumented format", text);
            }

            return text;
        }

        private static DateTimeOffset? UnixTime(string text) =>
            long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : null;

        private static long? OptionalLong(IReadOnlyDictionary<string, string> fields, string name) =>
            fields.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

        private static GatewayException Undocumented(string message, string text) => new GatewayException(message, 200, text, null, null);
    }
}
