using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.Cli
{
    /// <summary>
    /// <c>viber status REFERENCE…</c>: the delivery status of messages, given as the references <c>viber send</c> printed
    /// (<c>-</c> reads them, or send's <c>--json</c> output, from standard input), each asked of the gateway that took it.
    /// The earlier form <c>viber status GATEWAY --id/--gateway-id/--uuid</c> still works. Exits 1 when a status was
    /// not read (the gateway refused it or did not report it), after printing every status.
    /// </summary>
    internal sealed class StatusCommand
    {
        private const string ReferenceForm = "gateway:recipient:clientId:gatewayId:mailingId";

        private readonly ViberCli _cli;
        private readonly Argument<string[]> _references = new("reference")
        {
            Description = "Message references as viber send printed them (e.g. AlphaSms:380971234567:42:1001:); '-' reads them, or viber send --json output, from standard input. The earlier form: a gateway, then --id, --gateway-id or --uuid.",
            Arity = ArgumentArity.ZeroOrMore,
        };

        private readonly Option<long[]> _id = new("--id")
        {
            Description = "With a gateway: the id viber send printed before references (AlphaSMS client id; LiveAll message id, repeat for several; SMS.by quick message id).",
            Arity = ArgumentArity.OneOrMore,
            CustomParser = ViberCli.WholeNumbers<long>("--id", "a whole number"),
        };

        private readonly Option<string[]> _gatewayId = new("--gateway-id") { Description = "With a gateway: the id the gateway gave the message.", Arity = ArgumentArity.OneOrMore };
        private readonly Option<string> _uuid = new("--uuid") { Description = "With smsby: the bulk mailing uuid." };

        public StatusCommand(ViberCli cli) => _cli = cli;

        public Command Create() => _cli.GatewayCommand("status", "Read the delivery status of sent messages, given as the references viber send printed.",
            new Argument[] { _references }, new Option[] { _id, _gatewayId, _uuid }, RunAsync);

        private async Task<int> RunAsync(ParseResult parsed, CancellationToken cancellationToken)
        {
            var references = References(parsed);
            await using var connection = await GatewayConnection.OpenAsync(references.Select(r => r.Gateway).Distinct().ToList(), _cli.Connection(parsed), cancellationToken).ConfigureAwait(false);
            var statuses = await connection.Router.GetStatusAsync(references, cancellationToken).ConfigureAwait(false);
            var rows = statuses.Select(s => new StatusRow(s.Recipient, s.Reference.Gateway.ToString(), Printer.Word(s.State), s.RawStatus, s.UpdatedAt, s.Reference.ToString(),
                s.Error, s.ErrorCode)).ToList();
            _cli.Printer(parsed).Results("Status", rows,
                new Column<StatusRow>("Recipient", r => r.Recipient),
                new Column<StatusRow>("Gateway", r => r.Gateway),
                new Column<StatusRow>("State", r => r.State),
                new Column<StatusRow>("Gateway status", r => r.RawStatus),
                new Column<StatusRow>("Updated", r => r.UpdatedAt?.ToString("u", CultureInfo.InvariantCulture)),
                new Column<StatusRow>("Reference", r => r.Reference),
                new Column<StatusRow>("Detail", r => r.Error ?? (r.ErrorCode is { } code ? $"error code {code} beside the status (its meaning is not documented)" : null)));

            // Every status is printed first: one the gateway refused or did not report fails the command, not its neighbours.
            var unread = statuses.Count(s => s.Error != null);
            return unread > 0
                ? _cli.Fail($"{unread} of {statuses.Count} statuses were not read (each says why); the others are printed as read", ExitCodes.Rejected)
                : ExitCodes.Accepted;
        }

        private List<MessageReference> References(ParseResult parsed)
        {
            var tokens = (parsed.GetValue(_references) ?? Array.Empty<string>()).ToList();
            var gateway = tokens.Count > 0 ? ViberCli.ParseGateway(tokens[0]) : null;
            var legacy = ViberCli.Given(parsed, _id) || ViberCli.Given(parsed, _gatewayId) || ViberCli.Given(parsed, _uuid);
            if (gateway is { } named)
            {
                if (tokens.Count > 1)
                {
                    throw new CliInputException($"give references ({ReferenceForm}) or a gateway with --id, --gateway-id or --uuid, not both");
                }

                return GatewayConnection.EarlierReferences(named, parsed.GetValue(_id) ?? Array.Empty<long>(), parsed.GetValue(_gatewayId) ?? Array.Empty<string>(), parsed.GetValue(_uuid))
                    ?? throw new CliInputException($"{tokens[0]}: give --id, --gateway-id or --uuid (or the references viber send printed)");
            }

            if (legacy)
            {
                throw new CliInputException("--id, --gateway-id and --uuid need the gateway first: viber status liveall --id N");
            }

            var references = tokens.SelectMany(token => token == "-" ? Read(_cli.Input.ReadToEnd()) : new[] { Parse(token) }).ToList();
            return references.Count > 0 ? references
                : throw new CliInputException($"give the references viber send printed ({ReferenceForm}), or '-' to read them from standard input");
        }

        /// <summary>References in text: one per word, or the <c>reference</c> of each result of <c>viber send --json</c>.</summary>
        private static IEnumerable<MessageReference> Read(string text)
        {
            if (!text.TrimStart().StartsWith('{'))
            {
                return text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Parse).ToList();
            }

            try
            {
                using var json = JsonDocument.Parse(text);
                return json.RootElement.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array
                    ? results.EnumerateArray()
                        .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("reference", out var reference) && reference.ValueKind == JsonValueKind.String)
                        .Select(r => Parse(r.GetProperty("reference").GetString()!)).ToList()
                    : throw new CliInputException("standard input: JSON without \"results\" (expected viber send --json output)");
            }
            catch (JsonException invalid)
            {
                throw new CliInputException($"standard input: not JSON ({invalid.Message})", invalid);
            }
        }

        private static MessageReference Parse(string text) =>
            MessageReference.TryParse(text, out var reference) ? reference! : throw new CliInputException($"'{text}' is not a message reference ({ReferenceForm}, as viber send prints it)");

        /// <summary>One status, as printed and as <c>--json</c> writes it.</summary>
        internal sealed record StatusRow(string Recipient, string Gateway, string State, string RawStatus, DateTimeOffset? UpdatedAt, string Reference, string? Error,
            string? ErrorCode);
    }
}
