using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Cli;
using ViberGateways.LiveAll;
using ViberGateways.Sandbox;
using ViberGateways.SmsBy;
using ViberGateways.Testing;

namespace ViberGateways.IntegrationTests.Reliability
{
    /// <summary>
    /// The secret canary: every error path — refusals of a wrong key, faults, timeouts, unreadable replies, invalid
    /// input, the CLI — run with a recognisable key. The canary must appear in no exception text (inner exceptions and
    /// stack traces included), no result and no captured log line.
    /// </summary>
    public class SecretCanaryTests
    {
        private const string Canary = "CANARY-9f1c2e7d5b3a";

        private static ViberMessage Message(AlphaSmsTransport transport, long id) => new()
        {
            Recipients = { "380971234567" },
            Sender = "Shop",
            Text = "Hi",
            ClientId = transport == AlphaSmsTransport.Http ? null : id,
        };

        [Fact]
        public async Task A_wrong_key_on_every_gateway_and_transport_never_shows_the_key()
        {
            await using var sandbox = await SandboxGateway.StartAsync();
            var texts = new List<string>();
            using var gateways = new GatewayServices(sandbox, key: Canary);
            foreach (var transport in new[] { AlphaSmsTransport.Json, AlphaSmsTransport.Xml, AlphaSmsTransport.Http })
            {
                foreach (var useGet in new[] { false, true })
                {
                    var client = ViberClientFactory.Create(new AlphaSmsOptions { BaseAddress = sandbox.BaseAddress, ApiKey = Canary, Transport = transport, UseHttpGet = useGet },
                        gateways.Get<System.Net.Http.IHttpClientFactory>().CreateClient(Microsoft.Extensions.DependencyInjection.ViberGatewaysServiceCollectionExtensions.AlphaSmsHttpClientName));
                    texts.Add(await FailureText(() => client.SendAsync(Message(transport, 1)).ThrowingFailureAsync()));
                    texts.Add(await FailureText(() => client.GetBalanceAsync()));
                    texts.Add(await FailureText(() => client.GetStatusAsync(transport == AlphaSmsTransport.Http ? new MessageReference(Gateway.AlphaSms, "380971234567", gatewayId: "1") : new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 1))));
                }
            }

            texts.Add(await FailureText(() => gateways.LiveAllViber.SendAsync(new ViberMessage { Recipients = { "306912345678" }, Sender = "S", Text = "Hi" }).ThrowingFailureAsync()));
            texts.Add(await FailureText(() => gateways.LiveAllViber.GetStatusAsync(new[] { new MessageReference(Gateway.LiveAll, "306912345678", gatewayId: "1") })));
            texts.Add(await FailureText(() => gateways.LiveAllViber.GetBalanceAsync()));
            texts.Add(await FailureText(() => SmsBySend(gateways, "375291111111")));
            texts.Add(await FailureText(() => SmsBySend(gateways, "375291111111", "375292222222")));

            texts.Count.ShouldBe(23);
            texts.ShouldAllBe(text => text.Length > 0);
            ShouldNotLeak(texts, gateways.Logs);
        }

        [Fact]
        public async Task Faults_timeouts_and_unreadable_replies_never_show_the_key()
        {
            var credentials = new SandboxCredentials { AlphaSmsApiKey = Canary, LiveAllApiToken = Canary, SmsByToken = Canary };
            await using var sandbox = await SandboxGateway.StartAsync(new SandboxOptions { Credentials = credentials });
            var texts = new List<string>();
            var faults = new[]
            {
                SandboxFault.TooManyRequests(TimeSpan.FromMinutes(10)), SandboxFault.HtmlErrorPage(), SandboxFault.DropConnection(),
                SandboxFault.DropConnection(afterProcessing: true), SandboxFault.TruncatedBody(), SandboxFault.MalformedBody(),
                SandboxFault.Delayed(TimeSpan.FromSeconds(2)), SandboxFault.ServerError(),
            };
            var id = 1L;
            foreach (var transport in new[] { AlphaSmsTransport.Json, AlphaSmsTransport.Xml, AlphaSmsTransport.Http })
            {
                using var gateways = new GatewayServices(sandbox, policy => (policy.AttemptTimeout, policy.MaxRetryAttempts, policy.MaxRetryAfter) = (TimeSpan.FromMilliseconds(500), 1, TimeSpan.FromSeconds(1)), key: Canary, transport: transport);
                foreach (var fault in faults)
                {
                    var path = transport switch { AlphaSmsTransport.Json => "json.php", AlphaSmsTransport.Xml => "xml.php", _ => "http.php" };
                    sandbox.ClearFaults();
                    sandbox.InjectFault(fault, path);
                    sandbox.InjectFault(fault, path);
                    var results = await gateways.AlphaSms.SendAsync(new[] { Message(transport, id++) });
                    texts.AddRange(results.Select(r => r.Error + " " + r.Failure));
                    sandbox.ClearFaults();
                    sandbox.InjectFault(fault, path);
                    sandbox.InjectFault(fault, path);
                    texts.Add(await FailureText(() => gateways.AlphaSms.GetBalanceAsync(), allowSuccess: true));
                }

                ShouldNotLeak(texts, gateways.Logs);
                gateways.Logs.Lines.Count.ShouldBeGreaterThan(0);
            }

            texts.Count(t => t.Trim().Length > 0).ShouldBeGreaterThan(20);
        }

        [Fact]
        public async Task Invalid_input_and_the_command_line_never_show_the_key()
        {
            await using var sandbox = await SandboxGateway.StartAsync();
            using var gateways = new GatewayServices(sandbox, key: Canary);
            var texts = new List<string>
            {
                await FailureText(() => gateways.AlphaSms.SendAsync(new ViberMessage { Recipients = { Canary }, Sender = Canary, Text = "x" })),
                await FailureText(() => gateways.LiveAll.SendImAsync(new LiveAllSendImRequest { Apitoken = Canary, ImType = LiveAllImType.Im, ImSenderName = "S", ImText = new string('x', 1001), Destinations = { "306912345678" } })),
            };

            var error = new StringWriter();
            var exitCode = await new ViberCli(new StringWriter(), error).RunAsync(
                new[] { "send", "alphasms", "--base-url", sandbox.BaseAddress.ToString(), "--api-key", Canary, "--transport", "http", "--http-get", "--to", "380971234567", "--from", "Shop", "--text", "Hi", "--verbose" },
                CancellationToken.None);
            exitCode.ShouldBe(1);
            texts.Add(error.ToString());

            ShouldNotLeak(texts, gateways.Logs);
        }

        /// <summary>A neutral SMS.by send; a failed request is reported in the results, thrown here as the other calls throw theirs.</summary>
        private static async Task SmsBySend(GatewayServices gateways, params string[] recipients)
        {
            var results = await ((IViberClient)gateways.SmsBy).SendAsync(new ViberMessage { Recipients = recipients, Text = "Hi", SmsBy = new SmsByMessageOptions { SenderId = 7 } });
            throw results[0].Failure ?? new ShouldAssertException("the send was expected to fail");
        }

        private static async Task<string> FailureText(Func<Task> call, bool allowSuccess = false)
        {
            try
            {
                await call();
                return allowSuccess ? "" : throw new ShouldAssertException("the call was expected to fail");
            }
            catch (Exception exception) when (exception is not ShouldAssertException)
            {
                return exception.ToString();
            }
        }

        private static void ShouldNotLeak(IEnumerable<string> texts, CapturedLogs logs)
        {
            foreach (var text in texts.Concat(logs.Lines))
            {
                text.ShouldNotContain(Canary, Case.Insensitive);
                text.ShouldNotContain(Uri.EscapeDataString(Canary), Case.Insensitive);
            }
        }
    }
}
