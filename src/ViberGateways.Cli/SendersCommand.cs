using System.CommandLine;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Cli
{
    /// <summary><c>viber senders GATEWAY</c>: the sender ids the account may send with (SMS.by); elsewhere, says there is no such list.</summary>
    internal sealed class SendersCommand
    {
        private readonly ViberCli _cli;

        public SendersCommand(ViberCli cli) => _cli = cli;

        public Command Create() => _cli.GatewayCommand("senders", "List the sender ids the account may send with (SMS.by; the others keep no list).",
            new Argument[] { _cli.GatewayArgument }, System.Array.Empty<Option>(), RunAsync);

        private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
        {
            var gateway = parsed.GetValue(_cli.GatewayArgument);
            await using var connection = await GatewayConnection.OpenAsync(new[] { gateway }, _cli.Connection(parsed), cancellationToken).ConfigureAwait(false);
            var senders = await connection.Client(gateway).GetSendersAsync(cancellationToken).ConfigureAwait(false);
            var name = GatewayConnection.DisplayName(gateway);
            if (senders.Count == 0 && !parsed.GetValue(_cli.Json))
            {
                _cli.Output.WriteLine(GatewayConnection.ListsSenders(gateway)
                    ? $"{name} lists no sender ids for this account."
                    : $"{name} keeps no list of sender ids: the sender is the approved Viber name given with --from (or the configured Sender).");
                return ExitCodes.Accepted;
            }

            _cli.Printer(parsed).Results($"{name} senders", senders, new Column<SenderInfo>("Id", s => s.Id), new Column<SenderInfo>("Name", s => s.Name));
            return ExitCodes.Accepted;
        }
    }
}
