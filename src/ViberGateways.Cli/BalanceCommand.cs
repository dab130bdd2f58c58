using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Cli
{
    /// <summary><c>viber balance GATEWAY</c>: the account balance, with its currency where the gateway states one.</summary>
    internal sealed class BalanceCommand
    {
        private readonly ViberCli _cli;

        public BalanceCommand(ViberCli cli) => _cli = cli;

        public Command Create() => _cli.GatewayCommand("balance", "Read the account balance (AlphaSMS, LiveAll). SMS.by documents no balance method: for smsby the command says so, with no amount, and exits 0.", new Argument[] { _cli.GatewayArgument }, System.Array.Empty<Option>(), RunAsync);

        private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
        {
            var gateway = parsed.GetValue(_cli.GatewayArgument);
            await using var connection = await GatewayConnection.OpenAsync(new[] { gateway }, _cli.Connection(parsed), cancellationToken).ConfigureAwait(false);
            var balance = await connection.Client(gateway).GetBalanceAsync(cancellationToken).ConfigureAwait(false);

            // No amount is what the SDK answers for a gateway that documents no way to read it (SMS.by), not a failure:
            // printed as such (the gateway's limitation, in the note), as `senders` says a gateway keeps no list.
            _cli.Printer(parsed).Value($"{connection.Describe(gateway)} balance", new Dictionary<string, string?>
            {
                ["gateway"] = balance.Gateway.ToString(),
                ["amount"] = balance.Amount?.ToString(CultureInfo.InvariantCulture),
                ["currency"] = balance.Currency,
                ["note"] = balance.Error,
            });
            return ExitCodes.Accepted;
        }
    }
}
