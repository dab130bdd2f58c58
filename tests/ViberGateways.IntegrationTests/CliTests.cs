using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using System.Web;
using System.Xml.Linq;
using ViberGateways.Cli;
using ViberGateways.Sandbox;

namespace ViberGateways.IntegrationTests
{
    /// <summary>
    /// The <c>viber</c> command against the sandbox, through the gateway-neutral API: output (read as JSON or as a
    /// table, never by substring where a structure exists), exit codes (0 accepted, 1 rejected, 2 invalid input, 3 failure).
    /// </summary>
    public class CliTests : IClassFixture<SandboxFixture>
    {
        private readonly SandboxFixture _fixture;

        public CliTests(SandboxFixture fixture) => _fixture = fixture;

        private string BaseUrl => _fixture.Sandbox.BaseAddress.ToString().TrimEnd('/');

        private SandboxCredentials Keys => _fixture.Sandbox.Credentials;

        private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => await RunWithInputAsync("", args);

        private static async Task<(int ExitCode, string Output, string Error)> RunWithInputAsync(string input, params string[] args) =>
            await RunWithEnvironmentAsync(input, environment: null, args);

        /// <summary>Runs the command with <paramref name="environment"/> as its environment variables (the process's when null), leaving the process's untouched.</summary>
        private static async Task<(int ExitCode, string Output, string Error)> RunWithEnvironmentAsync(string input, IReadOnlyDictionary<string, string>? environment, params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            Func<string, string?>? readEnvironment = environment is null ? null : name => environment.TryGetValue(name, out var value) ? value : null;
            var exitCode = await new ViberCli(output, error, new StringReader(input), readEnvironment).RunAsync(args, CancellationToken.None);
            return (exitCode, output.ToString(), error.ToString());
        }

        private string[] AlphaSms(params string[] args) =>
            new[] { "send", "alphasms", "--base-url", BaseUrl, "--api-key", Keys.AlphaSmsApiKey }.Concat(args).ToArray();

        /// <summary>The <c>results</c> of <c>--json</c> output, each as property → value (strings; nested values as raw JSON).</summary>
        private static List<Dictionary<string, JsonElement>> Results(string json)
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.GetProperty("results").EnumerateArray()
                .Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()))
                .ToList();
        }

        private static string Text(Dictionary<string, JsonElement> row, string name) => row.TryGetValue(name, out var value) ? value.GetString()! : "";

        /// <summary>A table <see cref="Printer.Table"/> wrote (the one whose heading starts with <paramref name="firstHeader"/>), as header → cell per row.</summary>
        private static List<Dictionary<string, string>> Table(string output, string firstHeader)
        {
            var lines = output.Replace("\r", "").Split('\n').ToList();
            var header = lines.FindIndex(l => l.TrimStart().StartsWith(firstHeader, StringComparison.Ordinal));
            header.ShouldBeGreaterThanOrEqualTo(0, $"no table headed '{firstHeader}' in:\n{output}");
            var dashes = lines[header + 1];
            var spans = new List<(int Start, int Length)>();
            for (var i = 0; i < dashes.Length; i++)
            {
                if (dashes[i] == '-' && (i == 0 || dashes[i - 1] == ' '))
                {
                    var end = dashes.IndexOf(' ', i);
                    spans.Add((i, (end < 0 ? dashes.Length : end) - i));
                }
            }

            string Cell(string line, int c) =>
                spans[c].Start >= line.Length ? ""
                : c == spans.Count - 1 ? line.Substring(spans[c].Start).Trim()
                : line.Substring(spans[c].Start, Math.Min(spans[c].Length, line.Length - spans[c].Start)).Trim();

            var headers = spans.Select((_, c) => Cell(lines[header], c)).ToList();
            return lines.Skip(header + 2).TakeWhile(l => l.Trim().Length > 0)
                .Select(l => headers.Select((h, c) => (h, cell: Cell(l, c))).ToDictionary(x => x.h, x => x.cell))
                .ToList();
        }

        private string ConfigFile(object configuration)
        {
            var path = Path.Combine(Path.GetTempPath(), $"viber-cli-{Guid.NewGuid():N}.json");
            File.WriteAllText(path, JsonSerializer.Serialize(configuration));
            return path;
        }

        [Theory]
        [InlineData("json")]
        [InlineData("xml")]
        [InlineData("http")]
        public async Task Send_through_each_alphasms_transport_prints_the_reference_of_the_stored_message(string transport)
        {
            var (exitCode, output, error) = await RunAsync(AlphaSms("--transport", transport, "--to", "+380971234567", "--from", "Shop", "--text", "Hi", "--json"));

            exitCode.ShouldBe(0, error);
            error.ShouldBeEmpty();
            output.ShouldNotContain("\\u002B");
            using (var document = JsonDocument.Parse(output))
            {
                document.RootElement.GetProperty("title").GetString().ShouldBe($"AlphaSMS ({transport})");
            }

            var result = Results(output).ShouldHaveSingleItem();
            Text(result, "recipient").ShouldBe("+380971234567");
            Text(result, "gateway").ShouldBe("AlphaSms");
            Text(result, "outcome").ShouldBe("accepted");
            var reference = MessageReference.Parse(Text(result, "reference"));
            reference.Gateway.ShouldBe(Gateway.AlphaSms);
            reference.Recipient.ShouldBe("380971234567");
            reference.GatewayId.ShouldBe(_fixture.Sandbox.Messages.Last().Id.ToString(CultureInfo.InvariantCulture));
            result.ShouldNotContainKey("attempts");
        }

        [Fact]
        public async Task Text_output_is_a_table_with_the_gateway_outcome_and_reference()
        {
            var (exitCode, output, error) = await RunAsync(AlphaSms("--to", "+380971234567", "--from", "Shop", "--text", "Hi"));

            exitCode.ShouldBe(0, error);
            output.Split('\n')[0].Trim().ShouldBe("AlphaSMS (json)");
            var row = Table(output, "Recipient").ShouldHaveSingleItem();
            row["Recipient"].ShouldBe("+380971234567");
            row["Gateway"].ShouldBe("AlphaSms");
            row["Outcome"].ShouldBe("accepted");
            MessageReference.Parse(row["Reference"]).GatewayId.ShouldBe(_fixture.Sandbox.Messages.Last().Id.ToString(CultureInfo.InvariantCulture));
        }

        [Fact]
        public async Task Several_recipients_go_in_one_batch_and_json_output_lists_each()
        {
            var before = _fixture.Sandbox.Requests.Count;

            var (exitCode, output, error) = await RunAsync(AlphaSms("--to", "380971234567", "--to", "380501234567", "--from", "Shop", "--text", "Hi", "--id", "777000", "--json"));

            exitCode.ShouldBe(0, error);
            (_fixture.Sandbox.Requests.Count - before).ShouldBe(1);
            var results = Results(output);
            results.Select(r => Text(r, "recipient")).ShouldBe(new[] { "380971234567", "380501234567" });
            results.ShouldAllBe(r => Text(r, "outcome") == "accepted");
            var references = results.Select(r => MessageReference.Parse(Text(r, "reference"))).ToList();
            references.Select(r => r.Recipient).ShouldBe(new[] { "380971234567", "380501234567" });
            references[0].ClientId.ShouldBe(777000);
            references.Select(r => r.ClientId).Distinct().Count().ShouldBe(2);
        }

        [Fact]
        public async Task A_batch_resent_over_xml_with_the_same_id_is_accepted_for_the_message_that_exists_and_exits_0()
        {
            // The sandbox refuses a repeated client id only where a document defines the answer: XML 208 ERR_DUPLICATE,
            // "a message with this id exists" (gateways.md line 51), which the SDK reports as accepted.
            await RunAsync(AlphaSms("--transport", "xml", "--to", "380971234567", "--from", "Shop", "--text", "Hi", "--id", "888000"));
            var stored = _fixture.Sandbox.Messages.Count;

            var (exitCode, output, error) = await RunAsync(AlphaSms("--transport", "xml", "--to", "380971234567", "--to", "380501234567", "--from", "Shop", "--text", "Hi", "--id", "888000", "--json"));

            exitCode.ShouldBe(0, error);
            Results(output).Select(r => Text(r, "outcome")).ShouldBe(new[] { "accepted", "accepted" });
            (_fixture.Sandbox.Messages.Count - stored).ShouldBe(1, "only the second recipient's message is new");
        }

        /// <summary>Partial results are results: in text output too, the refused recipient and the accepted one each have a row.</summary>
        [Fact]
        public async Task A_partly_rejected_send_prints_every_recipient_as_a_row_and_exits_1()
        {
            // A documented refusal for one recipient only: SMS.by refuses a wrong key ({"error": …}), AlphaSMS takes the other.
            var config = ConfigFile(new Dictionary<string, object>
            {
                ["AlphaSms"] = new { ApiKey = Keys.AlphaSmsApiKey, Sender = "Shop" },
                ["SmsBy"] = new { ApiKey = "not-the-key", QuickMessageSenderId = 7 },
                ["Routing"] = new { Routes = new Dictionary<string, string[]> { ["380"] = new[] { "AlphaSms" }, ["375"] = new[] { "SmsBy" } }, Failover = new[] { "AlphaSms" } },
            });

            var (exitCode, output, error) = await RunAsync("send", "--config", config, "--base-url", BaseUrl, "--to", "+380971234567", "--to", "+375291234567", "--text", "Hi");

            exitCode.ShouldBe(1);
            var rows = Table(output, "Recipient");
            rows.Select(r => r["Recipient"]).ShouldBe(new[] { "+380971234567", "+375291234567" });
            rows.Select(r => (r["Gateway"], r["Outcome"])).ShouldBe(new[] { ("AlphaSms", "accepted"), ("SmsBy", "rejected") });
            error.Trim().ShouldBe("error: 1 of 2 recipients rejected");
        }

        [Fact]
        public async Task A_wrong_key_exits_1_with_the_gateway_text_on_one_line()
        {
            var (exitCode, output, error) = await RunAsync("send", "alphasms", "--base-url", BaseUrl, "--api-key", "not-the-key", "--to", "380971234567", "--from", "Shop", "--text", "Hi");

            exitCode.ShouldBe(1);
            output.ShouldBeEmpty();
            error.Trim().ShouldBe("error: AlphaSMS rejected the request: Access denied (the gateway answered HTTP 200 with an error)");
            error.ShouldNotContain("not-the-key");
            error.ShouldNotContain("   at ");
        }

        [Theory]
        [InlineData("--to 12", "--to", "12", "--from", "Shop", "--text", "Hi")]
        [InlineData("--sms-fallback-text", "--to", "380971234567", "--from", "Shop", "--text", "Hi", "--transport", "xml", "--sms-fallback-text", "x", "--sms-sender", "S")]
        [InlineData("--sender-id", "--to", "380971234567", "--from", "Shop", "--text", "Hi", "--sender-id", "5")]
        [InlineData("--button-caption", "--to", "380971234567", "--from", "Shop", "--text", "Hi", "--button-caption", "Go")]
        [InlineData("--transport", "--to", "380971234567", "--from", "Shop", "--text", "Hi", "--transport", "carrier-pigeon")]
        [InlineData("--to", "--from", "Shop", "--text", "Hi")]
        [InlineData("--via", "--to", "380971234567", "--text", "Hi", "--via", "liveall")]
        public async Task Invalid_input_exits_2_names_the_option_and_sends_nothing(string option, params string[] args)
        {
            var before = _fixture.Sandbox.Requests.Count;

            var (exitCode, _, error) = await RunAsync(AlphaSms(args));

            exitCode.ShouldBe(2);
            error.ShouldStartWith("error: ");
            error.Trim().Split('\n').Length.ShouldBe(1);
            error.ShouldContain(option);
            error.ShouldNotContain("message.");
            _fixture.Sandbox.Requests.Count.ShouldBe(before);
        }

        [Theory]
        [InlineData("--from", "--to", "380971234567", "--text", "Hi")]
        [InlineData("--lifetime", "--to", "380971234567", "--from", "Shop", "--text", "Hi", "--transport", "xml", "--lifetime", "60")]
        public async Task A_field_the_gateway_refuses_is_named_by_the_option_that_sets_it(string option, params string[] args)
        {
            var (exitCode, _, error) = await RunAsync(AlphaSms(args));

            exitCode.ShouldBe(2);
            error.ShouldStartWith($"error: invalid input, nothing was sent: {option}: ");
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
        public async Task Liveall_price_category_without_an_sms_fallback_exits_2_naming_the_options()
        {
            var before = _fixture.Sandbox.Requests.Count;

            var (exitCode, output, error) = await RunAsync("send", "liveall", "--base-url", BaseUrl, "--api-key", Keys.LiveAllApiToken, "--to", "306912345678",
                "--from", "Shop", "--text", "Hi", "--price-category", "1");

            exitCode.ShouldBe(2);
            output.ShouldBeEmpty();
            error.Trim().ShouldBe("error: invalid input, nothing was sent: --price-category: LiveAll cannot carry it: pricecat, the price category of the SMS fallback, is sent only with --sms-fallback-text");
            _fixture.Sandbox.Requests.Count.ShouldBe(before);
        }

        [Fact]
        public async Task Liveall_send_then_status_of_the_printed_reference_and_a_balance_without_currency()
        {
            var token = Keys.LiveAllApiToken;
            var (sendExit, sendOutput, sendError) = await RunAsync("send", "liveall", "--base-url", BaseUrl, "--api-key", token, "--to", "306912345678",
                "--from", "Shop", "--text", "Hi", "--sms-fallback-text", "Hi by SMS", "--sms-sender", "ShopSMS", "--price-category", "1", "--json");
            sendExit.ShouldBe(0, sendError);
            var reference = MessageReference.Parse(Text(Results(sendOutput).ShouldHaveSingleItem(), "reference"));
            reference.Gateway.ShouldBe(Gateway.LiveAll);
            reference.GatewayId.ShouldBe(_fixture.Sandbox.Messages.Last().Id.ToString(CultureInfo.InvariantCulture));

            var (statusExit, statusOutput, statusError) = await RunAsync("status", reference.ToString(), "--base-url", BaseUrl, "--api-key", token, "--json");
            statusExit.ShouldBe(0, statusError);
            var status = Results(statusOutput).ShouldHaveSingleItem();
            Text(status, "reference").ShouldBe(reference.ToString());
            Text(status, "gateway").ShouldBe("LiveAll");
            Text(status, "state").ShouldNotBe("unknown");
            Text(status, "rawStatus").ShouldNotBeEmpty();

            var (balanceExit, balanceOutput, balanceError) = await RunAsync("balance", "liveall", "--base-url", BaseUrl, "--api-key", token, "--json");
            balanceExit.ShouldBe(0, balanceError);
            using var balance = JsonDocument.Parse(balanceOutput);
            balance.RootElement.GetProperty("gateway").GetString().ShouldBe("LiveAll");
            decimal.Parse(balance.RootElement.GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture).ShouldBe(_fixture.Sandbox.Options.Balance);
            balance.RootElement.TryGetProperty("currency", out _).ShouldBeFalse();
        }

        [Fact]
        public async Task Smsby_mailing_status_reads_the_json_send_printed_from_standard_input()
        {
            var token = Keys.SmsByToken;
            var (sendExit, sendOutput, error) = await RunAsync("send", "smsby", "--base-url", BaseUrl, "--api-key", token, "--to", "375291111111",
                "--to", "375292222222", "--sender-id", "444", "--text", "Hi all", "--json");
            sendExit.ShouldBe(0, error);
            var references = Results(sendOutput).Select(r => MessageReference.Parse(Text(r, "reference"))).ToList();
            references.Select(r => r.Recipient).ShouldBe(new[] { "375291111111", "375292222222" });
            references.ShouldAllBe(r => r.MailingId != null && r.MailingId == references[0].MailingId);

            var (statusExit, statusOutput, statusError) = await RunWithInputAsync(sendOutput, "status", "-", "--base-url", BaseUrl, "--api-key", token, "--json");

            statusExit.ShouldBe(0, statusError);
            Results(statusOutput).Select(r => Text(r, "reference")).ShouldBe(references.Select(r => r.ToString()));
        }

        /// <summary>
        /// SMS.by's documented statusBulkViber reply (seed 004), served word for word: two mailings with deliveries and
        /// two refused ones. Every reference is printed with its own status, as JSON and as a table; the recipient the
        /// refused mailings left unreported makes the command exit 1.
        /// </summary>
        [Fact]
        public async Task Status_of_a_mixed_smsby_reply_prints_every_item_and_exits_1()
        {
            const string Uuid = "cc9c8043-8caf-11ef-b035-9e8f47954dec";
            var documented = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "seed004.status-bulk-viber.json"));
            await using var gateway = await CannedReplyServer.StartAsync("/api/v1/statusBulkViber", documented);
            var references = new[] { "375291111111", "375292222222", "375293333333", "375294444444", "375295555555" }
                .Select(phone => new MessageReference(Gateway.SmsBy, phone, null, null, Uuid).ToString()).ToArray();
            var connection = new[] { "--base-url", gateway.BaseAddress.ToString().TrimEnd('/'), "--api-key", "smsby-token" };

            var (jsonExit, jsonOutput, jsonError) = await RunAsync(new[] { "status" }.Concat(references).Concat(connection).Append("--json").ToArray());
            var (tableExit, tableOutput, tableError) = await RunAsync(new[] { "status" }.Concat(references).Concat(connection).ToArray());

            gateway.Requests.ShouldBe(Enumerable.Repeat($"POST /api/v1/statusBulkViber?token=smsby-token&uuid={Uuid}", 2));
            var expected = new[]
            {
                (references[0], "accepted", "NEW"),
                (references[1], "accepted", "NEW"),
                (references[2], "delivered", "DELIVERED"),
                (references[3], "delivered", "DELIVERED"),
                (references[4], "unknown", ""),
            };
            var json = Results(jsonOutput);
            json.Select(r => (Text(r, "reference"), Text(r, "state"), Text(r, "rawStatus"))).ShouldBe(expected);
            json.Take(4).ShouldAllBe(r => !r.ContainsKey("error"));
            Text(json[4], "error").ShouldContain("mailing list 3: Content url is not valid");
            Text(json[4], "error").ShouldContain("mailing list 4: Optimal image size 800x800 px");
            var table = Table(tableOutput, "Recipient");
            table.Select(r => (r["Reference"], r["State"], r["Gateway status"])).ShouldBe(expected);
            table[4]["Detail"].ShouldContain("mailing list 3: Content url is not valid");
            (jsonExit, tableExit).ShouldBe((1, 1));
            jsonError.Trim().ShouldBe("error: 1 of 5 statuses were not read (each says why); the others are printed as read");
            tableError.ShouldBe(jsonError);
        }

        /// <summary>
        /// SMS.by's documented getViberDeliveryData reply (seed 004) with a non-zero error_code: the status was read,
        /// so it is printed with the code (errorCode; the table's Detail), no error, and the command succeeds.
        /// </summary>
        [Fact]
        public async Task Status_of_a_quick_message_with_an_smsby_error_code_prints_the_code_and_exits_0()
        {
            const string reply = """{"status": "OK", "result": {"phone": "375293332211", "status": "READ", "error_code": 17}}""";
            await using var gateway = await CannedReplyServer.StartAsync("/api/v2/getViberDeliveryData", reply);
            var reference = new MessageReference(Gateway.SmsBy, "375293332211", null, "8484").ToString();

            var (exit, output, error) = await RunAsync("status", reference, "--base-url", gateway.BaseAddress.ToString().TrimEnd('/'), "--api-key", "smsby-token", "--json");

            var status = Results(output).ShouldHaveSingleItem();
            (Text(status, "state"), Text(status, "rawStatus")).ShouldBe(("read", "READ"));
            Text(status, "errorCode").ShouldBe("17");
            status.ShouldNotContainKey("error", "the status was read");
            (exit, error).ShouldBe((0, ""));
        }

        [Fact]
        public async Task Alphasms_status_by_client_id_and_balance_over_xml()
        {
            await RunAsync(AlphaSms("--to", "380971234567", "--from", "Shop", "--text", "Hi", "--id", "999000"));
            var key = Keys.AlphaSmsApiKey;

            var (statusExit, statusOutput, statusError) = await RunAsync("status", "alphasms", "--base-url", BaseUrl, "--api-key", key, "--transport", "xml", "--id", "999000", "--json");
            var (balanceExit, balanceOutput, balanceError) = await RunAsync("balance", "alphasms", "--base-url", BaseUrl, "--api-key", key, "--transport", "xml");

            statusExit.ShouldBe(0, statusError);
            var status = Results(statusOutput).ShouldHaveSingleItem();
            Text(status, "reference").Split(':')[2].ShouldBe("999000");
            Text(status, "state").ShouldNotBe("unknown");
            balanceExit.ShouldBe(0, balanceError);
            balanceOutput.Split('\n').Select(l => l.Trim()).ShouldContain("currency: UAH");
        }

        [Fact]
        public async Task Status_refuses_text_that_is_not_a_reference()
        {
            var (exitCode, _, error) = await RunAsync("status", "380971234567", "--sandbox");

            exitCode.ShouldBe(2);
            error.Trim().ShouldBe("error: '380971234567' is not a message reference (gateway:recipient:clientId:gatewayId:mailingId, as viber send prints it)");
        }

        [Fact]
        public async Task Send_without_a_gateway_routes_each_recipient_by_its_calling_code()
        {
            var (exitCode, output, error) = await RunAsync("send", "--sandbox", "--to", "+380971234567", "--to", "+375291234567", "--to", "+306912345678",
                "--from", "Shop", "--sender-id", "1", "--text", "Hi", "--json");

            exitCode.ShouldBe(0, error);
            var results = Results(output);
            results.Select(r => (Text(r, "recipient"), Text(r, "gateway"), Text(r, "outcome"))).ShouldBe(new[]
            {
                ("+380971234567", "AlphaSms", "accepted"),
                ("+375291234567", "SmsBy", "accepted"),
                ("+306912345678", "LiveAll", "accepted"),
            });
            results.Select(r => MessageReference.Parse(Text(r, "reference")).Gateway).ShouldBe(new[] { Gateway.AlphaSms, Gateway.SmsBy, Gateway.LiveAll });
        }

        [Fact]
        public async Task Send_via_fails_over_while_a_gateway_is_unavailable_and_prints_the_attempts()
        {
            var sandbox = _fixture.WithoutQueuedFaults().Sandbox;
            var config = ConfigFile(new Dictionary<string, object>
            {
                ["AlphaSms"] = new { ApiKey = Keys.AlphaSmsApiKey, Resilience = new { MaxRetryAttempts = 1, BaseDelay = "00:00:00" } },
                ["LiveAll"] = new { ApiKey = Keys.LiveAllApiToken },
            });
            sandbox.InjectFault(SandboxFault.ServiceUnavailable(), "json.php");
            sandbox.InjectFault(SandboxFault.ServiceUnavailable(), "json.php");
            try
            {
                var (exitCode, output, error) = await RunAsync("send", "--via", "alphasms,liveall", "--config", config, "--base-url", BaseUrl,
                    "--to", "+380971234567", "--from", "Shop", "--text", "Hi", "--json");

                exitCode.ShouldBe(0, error);
                var result = Results(output).ShouldHaveSingleItem();
                Text(result, "gateway").ShouldBe("LiveAll");
                Text(result, "outcome").ShouldBe("accepted");
                MessageReference.Parse(Text(result, "reference")).Gateway.ShouldBe(Gateway.LiveAll);
                result["attempts"].EnumerateArray().Select(a => (a.GetProperty("gateway").GetString()!, a.GetProperty("outcome").GetString()!))
                    .ShouldBe(new[] { ("AlphaSms", "not-sent"), ("LiveAll", "accepted") });
            }
            finally
            {
                sandbox.ClearFaults();
                File.Delete(config);
            }
        }

        [Fact]
        public async Task Senders_lists_smsby_sender_ids_and_says_plainly_where_there_is_no_list()
        {
            var (smsByExit, smsByOutput, smsByError) = await RunAsync("senders", "smsby", "--sandbox", "--json");
            var (liveAllExit, liveAllOutput, liveAllError) = await RunAsync("senders", "liveall", "--sandbox");

            smsByExit.ShouldBe(0, smsByError);
            Results(smsByOutput).ShouldNotBeEmpty();
            Results(smsByOutput).ShouldAllBe(s => Text(s, "id").Length > 0 && Text(s, "name").Length > 0);
            liveAllExit.ShouldBe(0, liveAllError);
            liveAllOutput.Trim().ShouldBe("LiveAll keeps no list of sender ids: the sender is the approved Viber name given with --from (or the configured Sender).");
        }

        [Fact]
        public async Task Send_with_the_embedded_sandbox_needs_no_key()
        {
            var (exitCode, output, error) = await RunAsync("send", "alphasms", "--sandbox", "--to", "380971234567", "--from", "Shop", "--text", "Hi");

            exitCode.ShouldBe(0, error);
            Table(output, "Recipient").ShouldHaveSingleItem()["Outcome"].ShouldBe("accepted");
        }

        [Fact]
        public async Task Send_with_the_embedded_sandbox_uses_its_key_not_the_one_in_the_environment()
        {
            var environment = new Dictionary<string, string> { [GatewayConnection.EnvironmentVariable(Gateway.AlphaSms)] = "production-alphasms-key" };

            var (exitCode, output, error) = await RunWithEnvironmentAsync("", environment, "send", "alphasms", "--sandbox", "--to", "380971234567", "--from", "Shop", "--text", "Hi");

            exitCode.ShouldBe(0, error);
            Table(output, "Recipient").ShouldHaveSingleItem()["Outcome"].ShouldBe("accepted");
        }

        [Fact]
        public async Task Send_with_the_embedded_sandbox_uses_its_key_not_the_one_in_the_config_file()
        {
            var config = ConfigFile(new Dictionary<string, object> { ["AlphaSms"] = new { ApiKey = "production-alphasms-key" } });
            try
            {
                // No key in the environment, whatever the machine's: the file's key is the only other one.
                var (exitCode, output, error) = await RunWithEnvironmentAsync("", new Dictionary<string, string>(), "send", "--sandbox", "--config", config, "--to", "+380971234567", "--from", "Shop", "--text", "Hi", "--json");

                exitCode.ShouldBe(0, error);
                var result = Results(output).ShouldHaveSingleItem();
                Text(result, "gateway").ShouldBe("AlphaSms");
                Text(result, "outcome").ShouldBe("accepted");
            }
            finally
            {
                File.Delete(config);
            }
        }

        [Fact]
        public async Task Send_with_the_embedded_sandbox_uses_the_key_given_on_the_command_line()
        {
            var environment = new Dictionary<string, string> { [GatewayConnection.EnvironmentVariable(Gateway.AlphaSms)] = "production-alphasms-key" };

            var (exitCode, output, error) = await RunWithEnvironmentAsync("", environment,
                "send", "alphasms", "--sandbox", "--api-key", "a-key-the-sandbox-refuses", "--to", "380971234567", "--from", "Shop", "--text", "Hi");

            exitCode.ShouldBe(ExitCodes.Rejected);
            output.ShouldBeEmpty();
            error.Trim().ShouldBe("error: AlphaSMS rejected the request: Access denied (the gateway answered HTTP 200 with an error)");
        }

        [Fact]
        public async Task Demo_sends_through_every_gateway_routes_three_countries_fails_over_once_and_delivers_everything()
        {
            var (exitCode, output, error) = await RunAsync("demo");

            exitCode.ShouldBe(0, error);
            var rows = Table(output, "Message");
            rows.Count.ShouldBe(13);
            rows.ShouldAllBe(r => r["Outcome"] == "accepted" && r["Final status"].StartsWith("delivered (", StringComparison.Ordinal));
            rows.Where(r => r["Route"].StartsWith("named: ", StringComparison.Ordinal))
                .GroupBy(r => r["Gateway"]).ToDictionary(g => g.Key, g => g.All(r => r["Route"] == "named: " + g.Key) ? g.Count() : -1)
                .ShouldBe(new Dictionary<string, int> { ["AlphaSms"] = 3, ["LiveAll"] = 3, ["SmsBy"] = 3 });

            var routed = rows.Where(r => !r["Route"].StartsWith("named: ", StringComparison.Ordinal)).ToList();
            routed.Select(r => (r["Recipient"], r["Route"].Split(" → ")[0], r["Gateway"], r["Attempts"])).ShouldBe(new[]
            {
                ("+380971234504", "AlphaSms", "AlphaSms", "1"),
                ("+375291234504", "SmsBy", "SmsBy", "1"),
                ("+306912345604", "LiveAll", "LiveAll", "1"),
                ("+380971234505", "AlphaSms", "LiveAll", "AlphaSms not-sent → LiveAll accepted"),
            });
            rows.Select(r => MessageReference.Parse(r["Reference"]).Gateway.ToString()).ShouldBe(rows.Select(r => r["Gateway"]));
            output.ShouldContain("13 messages through 3 gateways: 9 by gateway name, 4 routed by calling code, 1 failed over; 13 delivered, 0 not delivered");
        }

        [Fact]
        public async Task Help_names_the_command_viber_whatever_the_executable_is_called()
        {
            // Under the test host (or `dotnet run`) the executable is not `viber`; the usage line must say `viber` anyway.
            var (exitCode, output, _) = await RunAsync("--help");

            exitCode.ShouldBe(0);
            var usage = output.Replace("\r", "").Split('\n').SkipWhile(l => l.Trim() != "Usage:").Skip(1).First().Trim();
            usage.ShouldStartWith("viber ");
            output.ShouldNotContain("ViberGateways.Cli");
            output.ShouldNotContain("testhost");
        }

        [Theory]
        [InlineData("send")]
        [InlineData("status")]
        [InlineData("balance")]
        [InlineData("senders")]
        [InlineData("sandbox")]
        [InlineData("demo")]
        public async Task Each_command_help_shows_its_usage_as_viber_and_examples_of_it(string command)
        {
            var (exitCode, output, error) = await RunAsync(command, "--help");

            exitCode.ShouldBe(0, error);
            var lines = output.Replace("\r", "").Split('\n').ToList();
            lines[lines.FindIndex(l => l.Trim() == "Usage:") + 1].Trim().ShouldStartWith($"viber {command}");
            var examples = lines.SkipWhile(l => l.Trim() != "Examples:").Skip(1).TakeWhile(l => l.Trim().Length > 0).Select(l => l.Trim()).ToList();
            examples.ShouldNotBeEmpty($"no examples in:\n{output}");
            examples.ShouldContain(e => e.StartsWith("viber " + command, StringComparison.Ordinal));
        }

        [Fact]
        public async Task Send_help_says_which_gateways_need_from_and_sender_id_and_which_take_schedule_and_lifetime()
        {
            var (_, output, _) = await RunAsync("send", "--help");

            string Described(string option) => output.Replace("\r", "").Split('\n').Single(l => l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal));
            Described("--from").ShouldContain("AlphaSMS, LiveAll — needed");
            Described("--sender-id").ShouldContain("SMS.by only — needed");
            Described("--schedule").ShouldContain("2030-01-31T09:30+02:00");
            Described("--schedule").ShouldContain("Not AlphaSMS json, not LiveAll");
            Described("--lifetime").ShouldContain("AlphaSMS only, --transport json (the default) or http:");
        }

        [Theory]
        [InlineData("gateway", "send", "smsb", "--sandbox", "--to", "375291234567", "--text", "Hi")]
        [InlineData("gateway", "balance", "alpha", "--sandbox")]
        [InlineData("gateway", "senders", "Gateway.SmsBy", "--sandbox")]
        [InlineData("--via", "send", "--via", "alphasms,smsbee", "--sandbox", "--to", "375291234567", "--text", "Hi")]
        public async Task A_mistyped_gateway_lists_the_gateways_and_no_type_name(string what, params string[] args)
        {
            var (exitCode, _, error) = await RunAsync(args);

            exitCode.ShouldBe(2);
            error.ShouldStartWith($"error: {what}: ");
            error.ShouldContain("is not a gateway (alphasms, liveall, smsby)");
            error.ShouldNotContain("ViberGateways.");
        }

        [Theory]
        [InlineData("--base-url", "http://127.0.0.1:5080", "--base-url", "http://127.0.0.1:5080/api/json.php")]
        [InlineData("--transport", "(json, xml, http)", "--transport", "pigeon")]
        [InlineData("--lifetime", "whole number", "--lifetime", "soon")]
        [InlineData("--id", "whole number", "--id", "x1")]
        [InlineData("--price-category", "(0 normal, 1 low cost)", "--price-category", "3")]
        [InlineData("--sender-id", "sender id", "--sender-id", "seven")]
        [InlineData("--schedule", "2030-01-31T09:30+02:00", "--schedule", "2030-01-31T09:30")]
        [InlineData("--schedule", "2030-01-31T09:30+02:00", "--schedule", "tomorrow")]
        public async Task A_value_that_does_not_parse_is_refused_by_option_name_without_a_type_name(string option, string hint, params string[] args)
        {
            var (exitCode, _, error) = await RunAsync(new[] { "send", "--sandbox", "--to", "380971234567", "--text", "Hi" }.Concat(args).ToArray());

            exitCode.ShouldBe(2);
            error.ShouldStartWith($"error: {option}: '{args[1]}' is not ");
            error.ShouldContain(hint);
            error.ShouldNotContain("System.");
            error.ShouldNotContain("ViberGateways.");
        }

        [Theory]
        [InlineData("--port", "a whole number from 0 to 65535", "sandbox", "--port", "abc")]
        [InlineData("--port", "a whole number from 0 to 65535", "sandbox", "--port", "65536")]
        [InlineData("--port", "a whole number from 0 to 65535", "sandbox", "--port", "-1")]
        [InlineData("--max-messages", "a whole number of at least 1", "sandbox", "--max-messages", "0")]
        [InlineData("--max-messages", "a whole number of at least 1", "sandbox", "--max-messages", "many")]
        [InlineData("--id", "a whole number", "status", "alphasms", "--id", "42", "--id", "x1")]
        public async Task A_value_out_of_range_or_not_a_number_is_refused_by_option_name_saying_what_is_expected(string option, string expected, params string[] args)
        {
            var (exitCode, _, error) = await RunAsync(args);

            exitCode.ShouldBe(2);
            error.ShouldBe($"error: {option}: '{args[^1]}' is not {expected} (see 'viber --help'){Environment.NewLine}");
        }

        /// <summary>
        /// Every option of every command that takes a value other than text or a flag, given a word: the error names
        /// the option as typed and never a .NET type. Found from the command tree, so an option added later is covered.
        /// </summary>
        public static TheoryData<string, string> TypedOptions()
        {
            var data = new TheoryData<string, string>();
            foreach (var command in new ViberCli(TextWriter.Null, TextWriter.Null).Root().Subcommands)
            {
                foreach (var option in command.Options.Where(o => o.ValueType != typeof(string) && o.ValueType != typeof(string[]) && o.ValueType != typeof(bool)))
                {
                    data.Add(command.Name, option.Name);
                }
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(TypedOptions))]
        public async Task Every_typed_option_refuses_a_word_by_its_name_without_a_type_name(string command, string option)
        {
            var before = command switch
            {
                "send" => new[] { "send", "--to", "380971234567", "--text", "Hi" },
                "balance" => new[] { "balance", "alphasms" },
                "senders" => new[] { "senders", "smsby" },
                _ => new[] { command },
            };

            var (exitCode, _, error) = await RunAsync(before.Concat(new[] { option, "abc" }).ToArray());

            exitCode.ShouldBe(2, error);
            error.ShouldStartWith($"error: {option}");
            error.ShouldContain("'abc'");
            error.ShouldNotContain("System.");
            error.ShouldNotContain("Int32");
            error.ShouldNotContain("Int64");
        }

        [Theory]
        [InlineData("alphasms", "--from")]
        [InlineData("liveall", "--from")]
        public async Task A_missing_sender_is_named_as_the_option_and_the_config_setting_never_as_an_sdk_field(string gateway, string option)
        {
            var (exitCode, _, error) = await RunAsync("send", gateway, "--sandbox", "--to", "380971234567", "--text", "Hi");

            exitCode.ShouldBe(2);
            error.ShouldStartWith($"error: invalid input, nothing was sent: {option}: ");
            error.ShouldContain("Sender in the --config file's");
            error.ShouldNotContain("message.");
            error.ShouldNotContain("Options.");
        }

        [Fact]
        public async Task A_misspelled_setting_in_the_config_file_is_invalid_input_naming_its_key()
        {
            var config = ConfigFile(new Dictionary<string, object> { ["AlphaSms"] = new { ApiKye = Keys.AlphaSmsApiKey, Sender = "Shop" } });

            var (exitCode, output, error) = await RunAsync("send", "alphasms", "--config", config, "--base-url", BaseUrl, "--to", "380971234567", "--text", "Hi");

            exitCode.ShouldBe(2, error);
            output.ShouldBeEmpty();
            error.ShouldStartWith("error: invalid settings, nothing was sent: AlphaSms:ApiKye: not a setting");
            error.ShouldNotContain(Keys.AlphaSmsApiKey);
        }

        [Fact]
        public async Task A_routed_send_refused_for_the_same_reason_on_several_recipients_says_each_reason_once()
        {
            // Without senders every recipient's route is refused, each naming every gateway tried.
            var (exitCode, _, error) = await RunAsync("send", "--sandbox", "--to", "+380971234567", "--to", "+375291234567", "--to", "+306912345678", "--text", "Hi");

            exitCode.ShouldBe(2, error);
            // Each reason starts with the option it names ("--from: …"); a reason's own text may hold "; ".
            var reasons = ("; " + error.Trim().Substring("error: invalid input, nothing was sent: ".Length)).Split("; --", StringSplitOptions.RemoveEmptyEntries);
            reasons.Length.ShouldBeGreaterThan(1, error);
            reasons.Distinct().Count().ShouldBe(reasons.Length, error);
            reasons.Count(r => r.Contains("LiveAll needs an approved Viber sender name", StringComparison.Ordinal)).ShouldBe(1, error);
        }

        [Fact]
        public async Task Json_output_is_plain_utf8_without_escaped_plus_signs()
        {
            var (exitCode, output, error) = await RunAsync(AlphaSms("--to", "+380971234567", "--from", "Shop", "--text", "Hi", "--json"));

            exitCode.ShouldBe(0, error);
            output.ShouldContain("\"recipient\": \"+380971234567\"");
            output.ShouldNotContain("\\u");
        }

        [Fact]
        public async Task Balance_of_smsby_says_there_is_no_balance_method_instead_of_failing()
        {
            var (exitCode, output, error) = await RunAsync("balance", "smsby", "--sandbox", "--json");

            exitCode.ShouldBe(0, error);
            using var balance = JsonDocument.Parse(output);
            balance.RootElement.TryGetProperty("amount", out _).ShouldBeFalse();
            balance.RootElement.GetProperty("note").GetString()!.ShouldContain("no balance method");
        }

        [Theory]
        [InlineData("xml")]
        [InlineData("http")]
        public async Task Schedule_over_alphasms_xml_and_http_reaches_the_gateway_with_its_offset(string transport)
        {
            var (exitCode, _, error) = await RunAsync(AlphaSms("--transport", transport, "--to", "380971234567", "--from", "Shop", "--text", "Hi", "--schedule", "2030-01-31T09:30+02:00"));

            exitCode.ShouldBe(0, error);
            var request = _fixture.Sandbox.Requests.Last();
            var sent = transport == "xml"
                ? XDocument.Parse(request.Body).Descendants("msg").Single().Attribute("date_beg")!.Value
                : HttpUtility.ParseQueryString(request.Body.Length > 0 ? request.Body : request.Query.TrimStart('?'))["ask_date"];
            DateTimeOffset.Parse(sent!, CultureInfo.InvariantCulture).ShouldBe(new DateTimeOffset(2030, 1, 31, 9, 30, 0, TimeSpan.FromHours(2)));
            _fixture.Sandbox.Messages.Last().ScheduledFor.ShouldBe(new DateTimeOffset(2030, 1, 31, 7, 30, 0, TimeSpan.Zero));
        }

        [Fact]
        public async Task Schedule_over_smsby_sends_a_mailing_with_the_time_as_written()
        {
            var (exitCode, _, error) = await RunAsync("send", "smsby", "--base-url", BaseUrl, "--api-key", Keys.SmsByToken, "--to", "375291111111",
                "--sender-id", "444", "--text", "Hi", "--schedule", "2030-01-31T09:30+03:00");

            exitCode.ShouldBe(0, error);
            using var body = JsonDocument.Parse(_fixture.Sandbox.Requests.Last().Body);
            Find(body.RootElement, "schedule_time")!.Value.GetString().ShouldBe("2030-01-31T09:30:00");
            _fixture.Sandbox.Messages.Last().ScheduledFor.ShouldNotBeNull();
        }

        [Fact]
        public async Task Schedule_over_the_alphasms_json_transport_is_refused_naming_schedule_and_the_transport()
        {
            var before = _fixture.Sandbox.Requests.Count;

            var (exitCode, _, error) = await RunAsync(AlphaSms("--to", "380971234567", "--from", "Shop", "--text", "Hi", "--schedule", "2030-01-31T09:30+02:00"));

            exitCode.ShouldBe(2);
            error.ShouldStartWith("error: invalid input, nothing was sent: --schedule: ");
            error.ShouldContain("Json transport");
            _fixture.Sandbox.Requests.Count.ShouldBe(before);
        }

        [Fact]
        public async Task Schedule_for_liveall_is_refused_naming_schedule_and_liveall()
        {
            var (exitCode, _, error) = await RunAsync("send", "liveall", "--sandbox", "--to", "306912345678", "--from", "Shop", "--text", "Hi", "--schedule", "2030-01-31T09:30+02:00");

            exitCode.ShouldBe(2);
            error.Trim().ShouldBe("error: --schedule does not apply to liveall (only to alphasms, smsby)");
        }

        [Fact]
        public async Task Schedule_in_a_routed_send_is_refused_for_a_liveall_recipient_by_option_name()
        {
            // Routed, the CLI cannot refuse it up front: LiveAll refuses the recipient routed to it, in --schedule's name.
            var (exitCode, _, error) = await RunAsync("send", "--sandbox", "--to", "+306912345678", "--from", "Shop", "--text", "Hi", "--schedule", "2030-01-31T09:30+02:00");

            exitCode.ShouldBe(2);
            error.ShouldStartWith("error: invalid input, nothing was sent: --schedule: LiveAll");
        }

        /// <summary>The first property named <paramref name="name"/> anywhere in <paramref name="element"/>.</summary>
        private static JsonElement? Find(JsonElement element, string name)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == name)
                    {
                        return property.Value;
                    }

                    if (Find(property.Value, name) is { } found)
                    {
                        return found;
                    }
                }
            }
            else if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray())
                {
                    if (Find(item, name) is { } found)
                    {
                        return found;
                    }
                }
            }

            return null;
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
