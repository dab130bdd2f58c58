using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Sandbox;

namespace ViberGateways.Cli
{
    /// <summary>
    /// <c>viber demo</c> (<c>make run</c>): starts the embedded sandbox and, with the SDK's gateway-neutral API only,
    /// sends a text, a button and an image-with-button message through each gateway by name, routes one message to
    /// three countries by calling code (+380 → AlphaSMS, +375 → SMS.by, +30 → LiveAll), fails one over while the
    /// sandbox holds AlphaSMS unavailable, follows every message until delivered, and prints one table of it all.
    /// </summary>
    internal sealed class DemoCommand
    {
        private const string ImageUrl = "https://example.com/images/parcel.png";
        private const string TrackUrl = "https://example.com/track/1042";

        /// <summary>Retries of an AlphaSMS request the demo allows (the SDK's default is 3; fewer keeps the demo quick).</summary>
        private const int AlphaSmsRetries = 2;

        /// <summary>A test number per calling code; the demo appends a last digit.</summary>
        private static readonly IReadOnlyDictionary<string, string> Numbers = new Dictionary<string, string>
        {
            ["380"] = "+38097123450",
            ["375"] = "+37529123450",
            ["30"] = "+30691234560",
        };

        private static readonly (string Kind, Func<ViberMessage> Message)[] Kinds =
        {
            ("text", () => new ViberMessage { Text = "Your order #1042 has shipped." }),
            ("button", () => new ViberMessage { Text = "Track your parcel in one tap.", Button = new ViberButton("Track", TrackUrl) }),
            ("image", () => new ViberMessage { Text = "Your parcel is on its way.", ImageUrl = ImageUrl, Button = new ViberButton("Track", TrackUrl) }),
        };

        private static readonly StatusPollingOptions Following = new()
        {
            FirstDelay = TimeSpan.FromMilliseconds(200),
            BackoffFactor = 1.5,
            MaxDelay = TimeSpan.FromSeconds(1),
            GiveUpAfter = TimeSpan.FromSeconds(20),
        };

        private readonly ViberCli _cli;

        public DemoCommand(ViberCli cli) => _cli = cli;

        public Command Create()
        {
            var command = new Command("demo", "Send through every gateway, route by country and fail over, against the embedded sandbox, and follow every message until delivered.");
            command.Options.Add(_cli.Verbose);
            command.SetAction((parsed, cancellationToken) => _cli.GuardAsync(parsed, () => RunAsync(cancellationToken)));
            return command;
        }

        private async Task<int> RunAsync(CancellationToken cancellationToken)
        {
            var output = _cli.Output;
            var clock = Stopwatch.StartNew();
            var timeline = new DeliveryTimeline { SentAfter = TimeSpan.FromMilliseconds(150), DeliveredAfter = TimeSpan.FromMilliseconds(400), ReadAfter = TimeSpan.FromMinutes(10) };
            await using var sandbox = await SandboxGateway.StartAsync(new SandboxOptions { Timeline = timeline }, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"Sandbox gateway started on {sandbox.BaseAddress} (loopback only; no accounts, no credentials of yours).");
            output.WriteLine("Sending with the ViberGateways SDK's gateway-neutral API (IViberClient, ViberRouter) …");
            output.WriteLine();

            // Configured the way an application configures the SDK (AddViberGateways), with the sandbox as every gateway.
            await using var connection = GatewayConnection.ToSandbox(sandbox, new Dictionary<string, string?>
            {
                ["AlphaSms:Sender"] = "MyShop",
                ["AlphaSms:Resilience:MaxRetryAttempts"] = AlphaSmsRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["AlphaSms:Resilience:BaseDelay"] = "00:00:00.050",
                ["LiveAll:Sender"] = "MyShop",
                ["SmsBy:QuickMessageSenderId"] = "1",
                ["SmsBy:MailingSenderId"] = "444",
            });
            var rows = new List<DemoRow>();

            // 1. Each gateway by name: its own client, three kinds of message.
            foreach (var gateway in GatewayConnection.AllGateways)
            {
                var number = Numbers[GatewayConnection.DefaultRoutes.First(r => r.Value == gateway).Key];
                for (var k = 0; k < Kinds.Length; k++)
                {
                    var message = Kinds[k].Message();
                    message.Recipients = new List<string> { number + (k + 1) };
                    var sent = await connection.Client(gateway).SendAsync(message, cancellationToken).ConfigureAwait(false);
                    rows.Add(new DemoRow(Kinds[k].Kind, $"named: {gateway}", SendRow.Of(sent[0], message.Recipients.ToList()), sent[0].Reference));
                }
            }

            // 2. One message to three countries: the router sends each recipient through its calling code's gateway.
            var routed = Kinds[0].Message();
            routed.Recipients = Numbers.Values.Select(n => n + "4").ToList();
            await SendRoutedAsync(connection, routed, "text", rows, cancellationToken).ConfigureAwait(false);

            // 3. Failover: the sandbox answers AlphaSMS with HTTP 503 to the first request and every retry, so the router
            //    moves the recipient on to the next gateway (nothing was sent, so nothing can arrive twice).
            for (var i = 0; i <= AlphaSmsRetries; i++)
            {
                sandbox.InjectFault(SandboxFault.ServiceUnavailable(), "json.php");
            }

            var failover = Kinds[0].Message();
            failover.Recipients = new List<string> { Numbers["380"] + "5" };
            await SendRoutedAsync(connection, failover, "text, AlphaSMS down", rows, cancellationToken).ConfigureAwait(false);
            sandbox.ClearFaults();

            await FollowUntilDeliveredAsync(connection.Router, rows, cancellationToken).ConfigureAwait(false);

            new Printer(output, json: false).Table(
                new[] { "Message", "Recipient", "Route", "Gateway", "Outcome", "Attempts", "Reference", "Final status" },
                rows.Select(r => new[] { r.Kind, r.Sent.Recipient, r.Route, r.Sent.Gateway, r.Sent.Outcome, r.Sent.Path(withErrors: false) ?? "1", r.Sent.Reference ?? "", r.StatusText }).ToList());
            output.WriteLine();
            output.WriteLine("Route: the gateways a recipient is tried on, in order (named, or by calling code then failover). Gateway: the one that took the message.");
            output.WriteLine("Attempts: every gateway tried, when more than one was. Final status: where the message ended up, with the gateway's own status in brackets.");

            var delivered = rows.Count(r => r.Status?.State is DeliveryState.Delivered or DeliveryState.Read);
            var failedOver = rows.Count(r => r.Sent.Attempts is { Count: > 1 } && r.Sent.Outcome == Printer.Word(SendOutcome.Accepted));
            output.WriteLine($"{rows.Count} messages through {rows.Select(r => r.Sent.Gateway).Distinct().Count()} gateways: "
                + $"{rows.Count(r => r.Route.StartsWith("named", StringComparison.Ordinal))} by gateway name, "
                + $"{rows.Count(r => !r.Route.StartsWith("named", StringComparison.Ordinal))} routed by calling code, {failedOver} failed over; "
                + $"{delivered} delivered, {rows.Count - delivered} not delivered; {sandbox.Requests.Count} requests to the sandbox in {clock.Elapsed.TotalSeconds:0.0} s.");
            return delivered == rows.Count ? ExitCodes.Accepted : ExitCodes.Rejected;
        }

        private static async Task SendRoutedAsync(GatewayConnection connection, ViberMessage message, string kind, List<DemoRow> rows, CancellationToken cancellationToken)
        {
            var recipients = message.Recipients.ToList();
            var sent = await connection.Router.SendAsync(message, cancellationToken).ConfigureAwait(false);
            rows.AddRange(sent.Select(result => new DemoRow(kind, connection.RouteOf(result.Recipient), SendRow.Of(result, recipients), result.Reference)));
        }

        /// <summary>Follows every accepted message until it is final (or the demo gives up), from the gateway that took it.</summary>
        private static async Task FollowUntilDeliveredAsync(ViberRouter router, IReadOnlyList<DemoRow> rows, CancellationToken cancellationToken)
        {
            var byReference = rows.Where(r => r.Reference != null).ToLookup(r => r.Reference!);
            await foreach (var status in router.FollowStatusAsync(byReference.Select(g => g.Key), Following, cancellationToken).ConfigureAwait(false))
            {
                foreach (var row in byReference[status.Reference])
                {
                    row.Status = status;
                }
            }
        }

        private sealed record DemoRow(string Kind, string Route, SendRow Sent, MessageReference? Reference)
        {
            public DeliveryStatus? Status { get; set; }

            public string StatusText => Status is null ? "" : $"{Printer.Word(Status.State)} ({Status.RawStatus})";
        }
    }
}
