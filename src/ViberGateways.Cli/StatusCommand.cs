using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.SmsBy;

namespace ViberGateways.Cli
{
    /// <summary><c>viber status alphasms|liveall|smsby</c>: delivery status through each gateway's status operation.</summary>
    internal sealed class StatusCommand
    {
        private readonly ViberCli _cli;
        private readonly Option<long[]> _id = new("--id") { Description = "AlphaSMS client id; LiveAll message id (repeat for several); SMS.by quick message id.", Arity = ArgumentArity.OneOrMore };
        private readonly Option<long> _gatewayId = new("--gateway-id") { Description = "AlphaSMS: the id the gateway returned (XML and HTTP transports)." };
        private readonly Option<string> _uuid = new("--uuid") { Description = "SMS.by: the bulk mailing uuid." };

        public StatusCommand(ViberCli cli) => _cli = cli;

        public Command Create() => _cli.GatewayCommand("status", "Read the delivery status of sent messages.", new Option[] { _id, _gatewayId, _uuid }, RunAsync);

        private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
        {
            var gateway = parsed.GetValue(_cli.GatewayArgument);
            var ids = parsed.GetValue(_id) ?? Array.Empty<long>();
            await using var connection = await GatewayConnection.OpenAsync(gateway, _cli.Connection(parsed), cancellationToken).ConfigureAwait(false);
            IReadOnlyList<OutcomeRow> rows;
            switch (gateway)
            {
                case Gateway.AlphaSms:
                    var messageId = ids.Length == 1 && !ViberCli.Given(parsed, _gatewayId) ? AlphaSmsMessageId.Client(ids[0])
                        : ids.Length == 0 && ViberCli.Given(parsed, _gatewayId) ? AlphaSmsMessageId.Gateway(parsed.GetValue(_gatewayId))
                        : throw new CliInputException("give one message: --id CLIENT_ID or --gateway-id ID");
                    var status = await connection.AlphaSms().GetStatusAsync(messageId, cancellationToken).ConfigureAwait(false);
                    rows = new[]
                    {
                        new OutcomeRow(messageId.ToString(), status.State.ToString(), Text(status.GatewayId), Text(status.ClientId),
                            status.RawStatus, status.CompletedAt),
                    };
                    break;
                case Gateway.LiveAll:
                    if (ids.Length == 0)
                    {
                        throw new CliInputException("give the message ids SendIM returned: --id ID [--id ID …]");
                    }

                    var records = await connection.LiveAll().GetSmsStatusAsync(ids, cancellationToken).ConfigureAwait(false);
                    rows = records.Select(r => new OutcomeRow(r.Destination ?? "", r.State.ToString(), Text(r.SmsId), Status: $"{r.StatusCode} {r.StatusText}")).ToList();
                    break;
                default:
                    var sent = ids.Length == 1 && parsed.GetValue(_uuid) is null ? new SmsBySendResult(Array.Empty<string>(), ids[0], null)
                        : ids.Length == 0 && parsed.GetValue(_uuid) is { } uuid ? new SmsBySendResult(Array.Empty<string>(), null, uuid)
                        : throw new CliInputException("give one message: --id MESSAGE_ID (quick message) or --uuid UUID (mailing)");
                    var deliveries = await connection.SmsBy().GetDeliveryStatusAsync(sent, cancellationToken).ConfigureAwait(false);
                    rows = deliveries.Select(d => new OutcomeRow(d.Phone, d.State.ToString(), Status: d.Status)).ToList();
                    break;
            }

            _cli.Printer(parsed).Outcome("Status", rows);
            return ExitCodes.Accepted;
        }

        private static string? Text(long? value) => value?.ToString(CultureInfo.InvariantCulture);
    }
}
