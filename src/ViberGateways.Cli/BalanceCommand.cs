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

        public Command Create() => _cli.GatewayCommand("balance", "Read the account balance.", new Argument[] { _cli.GatewayArgument }, System.Array.Empty<Option>(), RunAsync);

        private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
        {
            var gateway = parsed.GetValue(_cli.GatewayArgument);
            await using var connection = await GatewayConnection.OpenAsync(new[] { gateway }, _cli.Connection(parsed), cancellationToken).ConfigureAwait(false);
            var balance = await connection.Client(gateway).GetBalanceAsync(cancellationToken).ConfigureAwait(false);
            _cli.Printer(parsed).Value($"{connection.Describe(gateway)} balance", new Dictionary<string, string?>
            {
                ["gateway"] = balance.Gateway.ToString(),
                ["amount"] = balance.Amount?.ToString(CultureInfo.InvariantCulture) ?? "unknown",
                ["currency"] = balance.Currency,
                ["note"] = balance.Error,
            });
            return balance.Amount is null ? ExitCodes.Failure : ExitCodes.Accepted;
        }
    }
}
