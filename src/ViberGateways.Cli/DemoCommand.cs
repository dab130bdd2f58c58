using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.Sandbox;
using ViberGateways.SmsBy;

namespace ViberGateways.Cli
{
    /// <summary>
    /// <c>viber demo</c> (<c>make run</c>): starts the embedded sandbox, sends a text, an image and a button message
    /// through every gateway and every AlphaSMS transport with the SDK, follows each until delivered, and prints what
    /// was sent, where, and what came back.
    /// </summary>
    internal sealed class DemoCommand
    {
        private const string ImageUrl = "https://example.com/images/parcel.png";
        private const string TrackUrl = "https://example.com/track/1042";
        private static readonly TimeSpan FollowFor = TimeSpan.FromSeconds(20);

        private readonly ViberCli _cli;

        public DemoCommand(ViberCli cli) => _cli = cli;

        public Command Create()
        {
            var command = new Command("demo", "Send text, image and button messages through every gateway and AlphaSMS transport to the embedded sandbox and follow them until delivered.");
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
            output.WriteLine("Sending a text, an image and a button message through each gateway API with the ViberGateways SDK …");
            output.WriteLine();

            // Registered the way an application registers the SDK: dependency injection, with the sandbox as the gateway.
            var services = new ServiceCollection();
            services.AddAlphaSms(options => (options.BaseAddress, options.ApiKey) = (sandbox.BaseAddress, sandbox.Credentials.AlphaSmsApiKey));
            services.AddLiveAll(options => (options.BaseAddress, options.ApiKey) = (sandbox.BaseAddress, sandbox.Credentials.LiveAllApiToken));
            services.AddSmsBy(options => (options.BaseAddress, options.ApiKey) = (sandbox.BaseAddress, sandbox.Credentials.SmsByToken));
            await using var provider = services.BuildServiceProvider();

            var rows = new List<DemoRow>();
            var alphaSmsClients = new IAlphaSmsClient[]
            {
                (AlphaSmsJsonClient)provider.GetRequiredService<IAlphaSmsJsonClient>(),
                provider.GetRequiredService<AlphaSmsXmlClient>(),
                provider.GetRequiredService<AlphaSmsHttpClient>(),
            };
            foreach (var client in alphaSmsClients)
            {
                var transport = client.Transport;
                var number = 1 + ((int)transport * 3);
                rows.Add(await AlphaSmsAsync(client, "text", $"+38097123450{number}", m => m.Text = "Your order #1042 has shipped.", cancellationToken).ConfigureAwait(false));
                rows.Add(await AlphaSmsAsync(client, "image", $"+38097123450{number + 1}", m =>
                {
                    // JSON sends a picture alone; XML and HTTP carry it with text.
                    m.Text = transport == AlphaSmsTransport.Json ? null : "Your parcel is on its way.";
                    m.ImageUrl = ImageUrl;
                }, cancellationToken).ConfigureAwait(false));
                rows.Add(await AlphaSmsAsync(client, "button", $"+38097123450{number + 2}", m =>
                {
                    m.Text = "Track your parcel in one tap.";
                    m.ImageUrl = ImageUrl;
                    m.Button = new AlphaSmsButton("Track", TrackUrl);
                }, cancellationToken).ConfigureAwait(false));
            }

            var liveAll = provider.GetRequiredService<ILiveAllClient>();
            rows.Add(await LiveAllAsync(liveAll, "text", "+306912345601", m => m.Text = "Your order #1042 has shipped.", cancellationToken).ConfigureAwait(false));
            rows.Add(await LiveAllAsync(liveAll, "image", "+306912345602", m => (m.Text, m.ImageUrl) = ("Your parcel is on its way.", ImageUrl), cancellationToken).ConfigureAwait(false));
            rows.Add(await LiveAllAsync(liveAll, "button", "+306912345603", m => (m.Text, m.Button) = ("Track your parcel in one tap.", new LiveAllButton("Track", TrackUrl)), cancellationToken).ConfigureAwait(false));

            var smsBy = provider.GetRequiredService<ISmsByClient>();
            rows.Add(await SmsByAsync(smsBy, "text", "+375291234501", m => m.Text = "Your order #1042 has shipped.", cancellationToken).ConfigureAwait(false));
            rows.Add(await SmsByAsync(smsBy, "image", "+375291234502", m => m.ImageUrl = ImageUrl, cancellationToken).ConfigureAwait(false));
            rows.Add(await SmsByAsync(smsBy, "button", "+375291234503", m => (m.Text, m.Button) = ("Track your parcel in one tap.", new SmsByButton("Track", TrackUrl)), cancellationToken).ConfigureAwait(false));

            await FollowUntilDeliveredAsync(rows, cancellationToken).ConfigureAwait(false);

            new Printer(output, json: false).Table(
                new[] { "Gateway", "API", "Type", "Recipient", "Sent", "Gateway id", "Final status" },
                rows.Select(r => new[] { r.Gateway, r.Api, r.Type, r.Recipient, r.Content, r.GatewayId, $"{r.State} ({r.RawStatus})" }).ToList());
            output.WriteLine();
            output.WriteLine("Gateway id: the id each gateway gave the message. Final status: where the message ended up, with the gateway's own status in brackets.");

            var delivered = rows.Count(r => r.State is DeliveryState.Delivered or DeliveryState.Read);
            var apis = rows.Select(r => r.Gateway + r.Api).Distinct().Count();
            output.WriteLine($"{rows.Count} messages sent through {rows.Select(r => r.Gateway).Distinct().Count()} gateways ({apis} APIs): " +
                $"{delivered} delivered, {rows.Count - delivered} not delivered; {sandbox.Requests.Count} requests to the sandbox in {clock.Elapsed.TotalSeconds:0.0} s.");
            return delivered == rows.Count ? ExitCodes.Accepted : ExitCodes.Rejected;
        }

        private static async Task<DemoRow> AlphaSmsAsync(IAlphaSmsClient client, string type, string recipient, Action<AlphaSmsMessage> compose, CancellationToken cancellationToken)
        {
            var message = new AlphaSmsMessage { Recipient = recipient, Sender = "MyShop" };
            compose(message);
            var sent = await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            // JSON queries by client id (assigned by the SDK); XML and HTTP by the gateway's id.
            var id = client.Transport == AlphaSmsTransport.Json ? AlphaSmsMessageId.Client(sent.ClientId!.Value) : AlphaSmsMessageId.Gateway(sent.GatewayId!.Value);
            return new DemoRow("AlphaSMS", client.Transport.ToString().ToUpperInvariant(), type, recipient, Describe(message.Text, message.ImageUrl, message.Button?.Caption), Text(sent.GatewayId), async ct =>
            {
                var status = await client.GetStatusAsync(id, ct).ConfigureAwait(false);
                return (status.State, status.StatusCode is { } code && status.RawStatus != code.ToString(CultureInfo.InvariantCulture) ? $"{status.RawStatus}, code {code}" : status.RawStatus);
            });
        }

        private static async Task<DemoRow> LiveAllAsync(ILiveAllClient client, string type, string recipient, Action<LiveAllMessage> compose, CancellationToken cancellationToken)
        {
            var message = new LiveAllMessage { Recipients = { recipient }, SenderName = "MyShop" };
            compose(message);
            var smsId = (await client.SendAsync(message, cancellationToken).ConfigureAwait(false))[0].SmsId;
            return new DemoRow("LiveAll", "SendIM", type, recipient, Describe(message.Text, message.ImageUrl, message.Button?.Caption), Text(smsId), async ct =>
            {
                var record = (await client.GetSmsStatusAsync(new[] { smsId }, ct).ConfigureAwait(false)).Single();
                return (record.State, $"{record.StatusCode} {record.StatusText}");
            });
        }

        private static async Task<DemoRow> SmsByAsync(ISmsByClient client, string type, string recipient, Action<SmsByMessage> compose, CancellationToken cancellationToken)
        {
            var message = new SmsByMessage { Recipients = { recipient }, SenderId = 1 };
            compose(message);
            var sent = await client.SendViberAsync(message, cancellationToken).ConfigureAwait(false);
            return new DemoRow("SMS.by", "v2 quick", type, recipient, Describe(message.Text, message.ImageUrl, message.Button?.Caption), Text(sent.MessageId), async ct =>
            {
                var status = (await client.GetDeliveryStatusAsync(sent, ct).ConfigureAwait(false)).Single();
                return (status.State, status.Status);
            });
        }

        /// <summary>Polls every message until it is delivered (or failed), for at most <see cref="FollowFor"/>.</summary>
        private static async Task FollowUntilDeliveredAsync(IReadOnlyList<DemoRow> rows, CancellationToken cancellationToken)
        {
            var deadline = DateTimeOffset.UtcNow + FollowFor;
            while (true)
            {
                foreach (var row in rows.Where(r => !r.IsFinal))
                {
                    (row.State, row.RawStatus) = await row.PollAsync(cancellationToken).ConfigureAwait(false);
                }

                if (rows.All(r => r.IsFinal) || DateTimeOffset.UtcNow > deadline)
                {
                    return;
                }

                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }

        private static string Describe(string? text, string? image, string? button) =>
            string.Join(" + ", new[] { text is null ? null : $"\"{text}\"", image is null ? null : "image", button is null ? null : $"[{button}]" }.Where(p => p != null));

        private static string Text(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

        private sealed class DemoRow
        {
            public DemoRow(string gateway, string api, string type, string recipient, string content, string gatewayId, Func<CancellationToken, Task<(DeliveryState, string)>> poll)
            {
                Gateway = gateway;
                Api = api;
                Type = type;
                Recipient = recipient;
                Content = content;
                GatewayId = gatewayId;
                PollAsync = poll;
            }

            public string Gateway { get; }

            public string Api { get; }

            public string Type { get; }

            public string Recipient { get; }

            public string Content { get; }

            public string GatewayId { get; }

            public Func<CancellationToken, Task<(DeliveryState, string)>> PollAsync { get; }

            public DeliveryState State { get; set; } = DeliveryState.Accepted;

            public string RawStatus { get; set; } = "sent";

            public bool IsFinal => State is DeliveryState.Delivered or DeliveryState.Read or DeliveryState.Replied or DeliveryState.Failed or DeliveryState.Expired or DeliveryState.Deleted;
        }
    }
}
