using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ViberGateways.AlphaSms;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Reliability
{
    /// <summary>
    /// A reply that echoes the request (a proxy's error page quoting the URL, say) carries the recipient's number and
    /// the message text. The caller's exception may show it; the SDK's own log never does.
    /// </summary>
    public class ReplyEchoInLogsTests
    {
        private const string Phone = "380971234567";
        // The code has letters so that no logged number (an elapsed time, an id) can contain it by chance.
        private const string Text = "Your code is QX7331";

        public static TheoryData<HttpStatusCode, string, Type> EchoingReplies => new()
        {
            { HttpStatusCode.BadGateway, "text/html", typeof(GatewayOutcomeUnknownException) },
            { HttpStatusCode.BadRequest, "text/html", typeof(GatewayRejectedException) },
            { HttpStatusCode.OK, "application/json", typeof(GatewayOutcomeUnknownException) },
        };

        [Theory]
        [MemberData(nameof(EchoingReplies))]
        public async Task A_reply_quoting_the_number_and_text_stays_out_of_the_log(HttpStatusCode status, string contentType, Type expected)
        {
            var gateway = new StubGateway().Reply(
                () => new HttpResponseMessage(status) { Content = new StringContent($"<p>Cannot serve /api/http.php?to={Phone}&viber_message={Uri.EscapeDataString(Text)} ({Text})</p>", Encoding.UTF8, contentType) },
                times: 4);
            var services = new ServiceCollection().AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
            services.AddAlphaSms(options =>
                {
                    options.ApiKey = "key";
                    options.BaseAddress = new Uri("https://gateway.test/");
                    options.Transport = AlphaSmsTransport.Http;
                    options.UseHttpGet = true;
                    options.Resilience = QuickRetries.Policy();
                })
                .ConfigurePrimaryHttpMessageHandler(() => gateway);
            await using var provider = services.BuildServiceProvider();

            var result = (await provider.GetRequiredKeyedService<IViberClient>(Gateway.AlphaSms).SendAsync(new ViberMessage { Recipients = { Phone }, Sender = "Shop", Text = Text }))
                .ShouldHaveSingleItem();

            var error = result.Failure.ShouldBeAssignableTo<GatewayException>()!;

            error.ShouldBeOfType(expected);
            error.ResponseSnippet.ShouldNotBeNull().ShouldContain(Phone, customMessage: "the gateway echoed the request");
            var records = provider.GetFakeLogCollector().GetSnapshot();
            // A refusal is Information; an unknown outcome (a 502 page, or a 2xx reply in no documented form) a Warning.
            records.ShouldContain(record => record.Level == (status == HttpStatusCode.BadRequest ? LogLevel.Information : LogLevel.Warning), "the call is logged");
            records.ShouldAllBe(record => !record.Message.Contains(Phone) && !record.Message.Contains(Text) && !record.Message.Contains("QX7331"));
        }
    }
}
