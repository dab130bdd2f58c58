using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;

namespace ViberGateways.Cli
{
    /// <summary><c>viber balance alphasms|liveall</c>: the account balance where the gateway documents one.</summary>
    internal sealed class BalanceCommand
    {
        private readonly ViberCli _cli;

        public BalanceCommand(ViberCli cli) => _cli = cli;

        public Command Create() => _cli.GatewayCommand("balance", "Read the account balance (AlphaSMS, LiveAll).", Array.Empty<Option>(), RunAsync);

        private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
        {
            var gateway = parsed.GetValue(_cli.GatewayArgument);
            if (gateway == Gateway.SmsBy)
            {
                throw new CliInputException("SMS.by documents no balance operation for its Viber API");
            }

            await using var connection = await GatewayConnection.OpenAsync(gateway, _cli.Connection(parsed), cancellationToken).ConfigureAwait(false);
            if (gateway == Gateway.AlphaSms)
            {
                var balance = await connection.AlphaSms().GetBalanceAsync(cancellationToken).ConfigureAwait(false);
                _cli.Printer(parsed).Value("AlphaSMS balance", new Dictionary<string, string?>
                {
                    ["amount"] = balance.Amount.ToString(CultureInfo.InvariantCulture),
                    ["currency"] = balance.Currency,
                });
            }
            else
            {
                var balance = await connection.LiveAll().GetAccountBalanceAsync(cancellationToken).ConfigureAwait(false);
                _cli.Printer(parsed).Value("LiveAll balance", new Dictionary<string, string?>
                {
                    ["balance"] = balance.Balance.ToString(CultureInfo.InvariantCulture),
                    ["currency"] = "EUR",
                    ["smsRemainCount"] = balance.SmsRemainCount?.ToString(CultureInfo.InvariantCulture),
                    ["lowCostSmsRemainCount"] = balance.LowCostSmsRemainCount?.ToString(CultureInfo.InvariantCulture),
                });
            }

            return ExitCodes.Accepted;
        }
    }
}
