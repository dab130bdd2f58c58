using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;
using ViberGateways.Testing;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Reliability
{
    /// <summary>
    /// A gateway that quotes the request's key back in its error (a canary key) never gets it into an exception: the
    /// reply guard masks every credential of the request in the reply, and snippets are redacted by field name too.
    /// </summary>
    public class SecretEchoTests
    {
        private const string Canary = "CANARY-echo-58e1b7";
        private readonly StubGateway _gateway = new();

        private void Echo(string body, HttpStatusCode status = HttpStatusCode.OK, string contentType = "application/json") =>
            _gateway.Reply(() => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) }, times: 4);

        private static async Task<string> FailureOf(Func<Task> call)
        {
            var error = await Should.ThrowAsync<GatewayException>(call);
            return error.ToString() + error.ResponseSnippet + error.GatewayMessage;
        }

        [Fact]
        public async Task Liveall_operation_error_quoting_the_token()
        {
            Echo($$"""{"success":false,"OperationErrors":[{"errorCode":44,"errorMessage":"Invalid api token {{Canary}}","SMSErrorType":4,"valueOfError":"{{Canary}}"}],"SubmissionID":0,"data":null}""");
            IViberClient client = new LiveAllClient(new LiveAllOptions { Resilience = QuickRetries.Policy(), ApiKey = Canary }, _gateway.CreateClient());

            var text = await FailureOf(() => client.SendAsync(new ViberMessage { Recipients = { "306912345678" }, Sender = "S", Text = "Hi" }).ThrowingFailureAsync());

            text.ShouldNotContain(Canary);
            text.ShouldContain("Invalid api token ***");
        }

        [Fact]
        public async Task Liveall_plain_text_error_quoting_the_token()
        {
            Echo($"Error: 44 - Invalid api token {Canary}", contentType: "text/plain");
            IViberClient client = new LiveAllClient(new LiveAllOptions { Resilience = QuickRetries.Policy(), ApiKey = Canary }, _gateway.CreateClient());

            (await FailureOf(() => client.GetBalanceAsync())).ShouldNotContain(Canary);
        }

        [Theory]
        [InlineData(AlphaSmsTransport.Json, false)]
        [InlineData(AlphaSmsTransport.Http, true)]
        [InlineData(AlphaSmsTransport.Http, false)]
        [InlineData(AlphaSmsTransport.Xml, false)]
        public async Task Alphasms_server_error_page_quoting_the_key(AlphaSmsTransport transport, bool useGet)
        {
            Echo($"<html><body>Fatal error: bad key {Canary} in /var/www/api.php</body></html>", HttpStatusCode.InternalServerError, "text/html");
            var client = ViberClientFactory.Create(new AlphaSmsOptions { Resilience = QuickRetries.Policy(), ApiKey = Canary, Transport = transport, UseHttpGet = useGet }, _gateway.CreateClient());

            var text = await FailureOf(() => client.GetBalanceAsync());

            text.ShouldNotContain(Canary);
            text.ShouldContain("Fatal error: bad key ***");
        }

        [Fact]
        public async Task Alphasms_http_error_line_quoting_the_password()
        {
            Echo($"errors:Wrong login/password sandbox/{Canary}", contentType: "text/plain");
            var options = new AlphaSmsOptions { Resilience = QuickRetries.Policy(), Login = "sandbox", Password = Canary, Transport = AlphaSmsTransport.Http };
            var client = ViberClientFactory.Create(options, _gateway.CreateClient());

            (await FailureOf(() => client.SendAsync(new ViberMessage { Recipients = { "380971234567" }, Sender = "S", Text = "Hi" }).ThrowingFailureAsync())).ShouldNotContain(Canary);
        }

        [Fact]
        public async Task Smsby_error_quoting_the_token_of_a_multipart_request()
        {
            Echo($$"""{"status":"ERROR","error":"token {{Canary}} is not valid"}""");
            var client = ViberClientFactory.Create(new SmsByOptions { Resilience = QuickRetries.Policy(), ApiKey = Canary, QuickMessageSenderId = 7 }, _gateway.CreateClient());

            var result = (await client.SendAsync(new ViberMessage { Recipients = { "375291111111" }, Text = "Hi" })).ShouldHaveSingleItem();

            var failure = result.Failure.ShouldBeAssignableTo<GatewayException>()!;
            (failure + failure.ResponseSnippet + failure.GatewayMessage + result.Error).ShouldNotContain(Canary);
        }

        [Theory]
        [InlineData("GET /api/http.php?version=https&key=SECRET1234&command=send", "key=***")]
        [InlineData("login=shop&pass=SECRET1234&command=balance", "pass=***")]
        [InlineData("""{"auth":"SECRET1234","data":[]}""", "\"auth\":\"***\"")]
        [InlineData("""{"apitoken": "SECRET1234", "im_type": "IM"}""", "\"apitoken\": \"***\"")]
        [InlineData("""<package key="SECRET1234"><balance /></package>""", "key=\"***\"")]
        [InlineData("""{"token":"SECRET12""", "\"token\":\"***\"")]
        public void The_redactor_masks_every_credential_encoding(string text, string masked)
        {
            var redacted = SecretRedactor.Redact(text);

            redacted.ShouldNotContain("SECRET12");
            redacted.ShouldContain(masked);
        }

        [Fact]
        public void A_snippet_is_bounded_and_redacted_even_when_the_bound_cuts_a_key()
        {
            var body = new string(' ', SecretRedactor.MaxSnippetLength - 12) + "{\"auth\":\"SECRET1234567890\"}";

            var snippet = SecretRedactor.Snippet(body)!;

            snippet.Length.ShouldBeLessThanOrEqualTo(SecretRedactor.MaxSnippetLength + 1);
            snippet.ShouldNotContain("SECRET");
        }
    }
}
