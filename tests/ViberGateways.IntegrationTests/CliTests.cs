using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ViberGateways.Cli;

namespace ViberGateways.IntegrationTests
{
    /// <summary>The <c>viber</c> command against the sandbox: output, exit codes (0 accepted, 1 rejected, 2 invalid input, 3 failure).</summary>
    public class CliTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _fixture;

        public CliTests(SandboxFixture fixture) => _fixture = fixture;

        private string BaseUrl => _fixture.Sandbox.BaseAddress.ToString().TrimEnd('/');

        private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exitCode = await new ViberCli(output, error).RunAsync(args, CancellationToken.None);
            return (exitCode, output.ToString(), error.ToString());
        }

        private string[] AlphaSms(params string[] args) =>
            new[] { "send", "alphasms", "--base-url", BaseUrl, "--api-key", _fixture.Sandbox.Credentials.AlphaSmsApiKey }.Concat(args).ToArray();

        [Theory]
        [InlineData("json")]
        [InlineData("xml")]
        [InlineData("http")]
        public async Task Send_through_each_alphasms_transport_exits_0_and_prints_the_gateway_id(string transport)
        {
            var (exitCode, output, error) = await RunAsync(AlphaSms("--transport", transport, "--to", "+380971234567", "--from", "Shop", "--text", "Hi"));

            exitCode.ShouldBe(0, error);
            output.ShouldContain($"AlphaSMS ({transport})");
            output.ShouldContain("+380971234567");
            output.ShouldContain("accepted");
            var stored = _fixture.Sandbox.Messages.Last();
            output.ShouldContain(stored.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            error.ShouldBeEmpty();
        }

        [Fact]
        public async Task Several_recipients_go_in_one_batch_and_json_output_lists_each()
        {
            var before = _fixture.Sandbox.Requests.Count;

            var (exitCode, output, _) = await RunAsync(AlphaSms("--to", "380971234567", "--to", "380501234567", "--from", "Shop", "--text", "Hi", "--id", "777000", "--json"));

            exitCode.ShouldBe(0);
            (_fixture.Sandbox.Requests.Count - before).ShouldBe(1);
            using var json = JsonDocument.Parse(output);
            var results = json.RootElement.GetProperty("results").EnumerateArray().ToList();
            results.Select(r => r.GetProperty("clientId").GetString()).ShouldBe(new[] { "777000", "777001" });
            results.ShouldAllBe(r => r.GetProperty("outcome").GetString() == "accepted");
        }

        [Fact]
        public async Task A_partly_rejected_batch_exits_1_and_says_how_many()
        {
            await RunAsync(AlphaSms("--to", "380971234567", "--from", "Shop", "--text", "Hi", "--id", "888000"));

            var (exitCode, output, error) = await RunAsync(AlphaSms("--to", "380971234567", "--to", "380501234567", "--from", "Shop", "--text", "Hi", "--id", "888000"));

            exitCode.ShouldBe(1);
            output.ShouldContain("rejected");
            output.ShouldContain("Duplicate message id");
            error.Trim().ShouldBe("error: 1 of 2 recipients rejected");
        }

        [Fact]
        public async Task A_wrong_key_exits_1_with_the_gateway_text_on_one_line()
        {
            var (exitCode, _, error) = await RunAsync("send", "alphasms", "--base-url", BaseUrl, "--api-key", "not-the-key", "--to", "380971234567", "--from", "Shop", "--text", "Hi");

            exitCode.ShouldBe(1);
            error.Trim().ShouldBe("error: AlphaSMS rejected the request: Access denied (HTTP 200)");
            error.ShouldNotContain("not-the-key");
            error.ShouldNotContain("   at ");
        }

        [Theory]
        [InlineData("--to", "12", "--from", "Shop", "--text", "Hi")]
        [InlineData("--to", "380971234567", "--from", "Shop", "--text", "Hi", "--transport", "xml", "--sms-fallback-text", "x", "--sms-sender", "S")]
        [InlineData("--to", "380971234567", "--from", "Shop", "--text", "Hi", "--sender-id", "5")]
        [InlineData("--to", "380971234567", "--from", "Shop", "--text", "Hi", "--button-caption", "Go")]
        [InlineData("--to", "380971234567", "--from", "Shop", "--text", "Hi", "--transport", "carrier-pigeon")]
        [InlineData("--from", "Shop", "--text", "Hi")]
        public async Task Invalid_input_exits_2_and_sends_nothing(params string[] args)
        {
            var before = _fixture.Sandbox.Requests.Count;

            var (exitCode, _, error) = await RunAsync(AlphaSms(args));

            exitCode.ShouldBe(2);
            error.ShouldStartWith("error: ");
            error.Trim().Split('\n').Length.ShouldBe(1);
            _fixture.Sandbox.Requests.Count.ShouldBe(before);
        }

        [Fact]
        public async Task A_missing_key_exits_2_naming_the_environment_variable()
        {
            var (exitCode, _, error) = await RunAsync("balance", "liveall", "--base-url", BaseUrl);

            exitCode.ShouldBe(2);
            error.ShouldContain("VIBER_LIVEALL_API_KEY");
        }

        [Fact]
        public async Task An_unreachable_gateway_exits_3()
        {
            using var refusing = new RefusingAddress();

            var (exitCode, _, error) = await RunAsync("balance", "alphasms", "--base-url", refusing.BaseAddress.ToString(), "--api-key", "k");

            exitCode.ShouldBe(3);
            error.ShouldStartWith("error: could not reach the gateway");
        }

        [Fact]
        public async Task Verbose_errors_include_the_stack_trace()
        {
            var (exitCode, _, error) = await RunAsync("send", "alphasms", "--base-url", BaseUrl, "--api-key", "bad", "--to", "380971234567", "--from", "S", "--text", "Hi", "--verbose");

            exitCode.ShouldBe(1);
            error.ShouldContain("GatewayRejectedException");
            error.ShouldContain("   at ");
        }

        [Fact]
        public async Task Liveall_send_status_and_balance()
        {
            var token = _fixture.Sandbox.Credentials.LiveAllApiToken;
            var (sendExit, sendOutput, _) = await RunAsync("send", "liveall", "--base-url", BaseUrl, "--api-key", token, "--to", "306912345678",
                "--from", "Shop", "--text", "Hi", "--sms-fallback-text", "Hi by SMS", "--sms-sender", "ShopSMS", "--price-category", "1");
            sendExit.ShouldBe(0);
            var smsId = _fixture.Sandbox.Messages.Last().Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            sendOutput.ShouldContain(smsId);

            var (statusExit, statusOutput, _) = await RunAsync("status", "liveall", "--base-url", BaseUrl, "--api-key", token, "--id", smsId);
            statusExit.ShouldBe(0);
            statusOutput.ShouldContain("IM_");

            var (balanceExit, balanceOutput, _) = await RunAsync("balance", "liveall", "--base-url", BaseUrl, "--api-key", token);
            balanceExit.ShouldBe(0);
            balanceOutput.ShouldContain("balance: 1000");
        }

        [Fact]
        public async Task Smsby_send_to_several_recipients_is_a_mailing_whose_status_is_read_by_uuid()
        {
            var token = _fixture.Sandbox.Credentials.SmsByToken;
            var (sendExit, sendOutput, error) = await RunAsync("send", "smsby", "--base-url", BaseUrl, "--api-key", token, "--to", "375291111111",
                "--to", "375292222222", "--sender-id", "444", "--text", "Hi all", "--json");
            sendExit.ShouldBe(0, error);
            using var json = JsonDocument.Parse(sendOutput);
            var uuid = json.RootElement.GetProperty("results")[0].GetProperty("gatewayId").GetString()!;

            var (statusExit, statusOutput, _) = await RunAsync("status", "smsby", "--base-url", BaseUrl, "--api-key", token, "--uuid", uuid);

            statusExit.ShouldBe(0);
            statusOutput.ShouldContain("375292222222");
        }

        [Fact]
        public async Task Alphasms_status_by_client_id_and_balance_over_xml()
        {
            await RunAsync(AlphaSms("--to", "380971234567", "--from", "Shop", "--text", "Hi", "--id", "999000"));
            var key = _fixture.Sandbox.Credentials.AlphaSmsApiKey;

            var (statusExit, statusOutput, _) = await RunAsync("status", "alphasms", "--base-url", BaseUrl, "--api-key", key, "--transport", "xml", "--id", "999000");
            var (balanceExit, balanceOutput, _) = await RunAsync("balance", "alphasms", "--base-url", BaseUrl, "--api-key", key, "--transport", "xml");

            statusExit.ShouldBe(0);
            statusOutput.ShouldContain("client id 999000");
            balanceExit.ShouldBe(0);
            balanceOutput.ShouldContain("currency: UAH");
        }

        [Fact]
        public async Task Smsby_has_no_balance_and_says_so()
        {
            var (exitCode, _, error) = await RunAsync("balance", "smsby", "--sandbox");

            exitCode.ShouldBe(2);
            error.ShouldContain("SMS.by documents no balance operation");
        }

        [Fact]
        public async Task Send_with_the_embedded_sandbox_needs_no_key()
        {
            var (exitCode, output, error) = await RunAsync("send", "alphasms", "--sandbox", "--to", "380971234567", "--from", "Shop", "--text", "Hi");

            exitCode.ShouldBe(0, error);
            output.ShouldContain("accepted");
        }

        [Fact]
        public async Task Demo_delivers_every_message_and_prints_the_table()
        {
            var (exitCode, output, error) = await RunAsync("demo");

            exitCode.ShouldBe(0, error);
            output.ShouldContain("15 messages sent through 3 gateways (5 APIs): 15 delivered, 0 not delivered");
            output.ShouldContain("Final status: where the message ended up, with the gateway's own status in brackets.");
            foreach (var api in new[] { "JSON", "XML", "HTTP", "SendIM", "v2 quick" })
            {
                output.ShouldContain(api);
            }

            output.Split('\n').Count(line => line.Contains("Delivered (")).ShouldBe(15);
        }

        [Fact]
        public async Task Standalone_sandbox_runs_until_cancelled()
        {
            var output = new WatchedWriter("listening on");
            using var stop = new CancellationTokenSource();
            var running = new ViberCli(output, new StringWriter()).RunAsync(new[] { "sandbox" }, stop.Token);

            await output.Seen.WaitAsync(TimeSpan.FromSeconds(30));
            output.ToString().ShouldContain("Sandbox gateway listening on http://127.0.0.1:");
            stop.Cancel();

            (await running.WaitAsync(TimeSpan.FromSeconds(10))).ShouldBe(0);
        }
    }
}
