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
    internal partial class LiveAllClient
    {
        internal static readonly Regex ErrorReply = new Regex(@"^Error:\s*(?<code>-?\d+)\s*-\s*(?<message>.*)$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(250));

        /// <summary>One GetSMSStatus request: each record's smsid, state, status text (its number when it has none) and time of its last status.</summary>
        private async Task<List<(long SmsId, DeliveryState State, string RawStatus, DateTimeOffset? UpdatedAt)>> StatusRecordsAsync(List<long> smsIds,
            CancellationToken cancellationToken)
        {
            var ids = smsIds.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
            var form = new LiveAllGetSmsStatusForm { Apitoken = Options.RequireApiKey(), Smsids = string.Join(",", ids) };
            using var declared = new RequestDetails(gatewayIds: ids).Declare();
            var text = ThrowIfError(await GetSmsStatusCoreAsync(form, cancellationToken).ConfigureAwait(false));

            return text.Split(new[] { '|' }, StringSplitOptions.RemoveEmptyEntries).Select(record => StatusRecord(record.Trim(), text)).ToList();
        }

        /// <summary>The balance a GetAccountBalance reply states (<c>SmsRemainCount</c> and <c>LCSmsRemainCount</c>, undocumented counters, are not read).</summary>
        private async Task<decimal> BalanceAsync(CancellationToken cancellationToken)
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

            return balance;
        }

        private static (long SmsId, DeliveryState State, string RawStatus, DateTimeOffset? UpdatedAt) StatusRecord(string record, string reply)
        {
            var fields = record.Split(':');
            if (fields.Length < 6
                || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var smsId)
                || !int.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out var statusCode))
            {
                throw Undocumented("A LiveAll status record is not in the documented format", reply);
            }

            var lastStatusAt = long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : (DateTimeOffset?)null;
            return (smsId, LiveAllStatusMapping.FromCode(statusCode), fields[5].Length > 0 ? fields[5] : fields[4], lastStatusAt);
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

        private static GatewayException Undocumented(string message, string text) => new GatewayException(message, 200, text, null, null);
    }
}
