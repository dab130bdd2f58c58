using System.Linq;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.Bulk;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Neutral
{
    /// <summary>
    /// A one-to-many bulk send whose message and options are both invalid reports both in one
    /// <see cref="RequestValidationException"/>, the message's fields first, on every client; nothing is read or sent.
    /// </summary>
    public class BulkMessageAndOptionsErrorsTests
    {
        public static TheoryData<string> Clients => new() { "AlphaSms Json", "AlphaSms Xml", "AlphaSms Http", "LiveAll", "SmsBy" };

        [Theory]
        [MemberData(nameof(Clients))]
        public void An_invalid_message_and_invalid_options_are_reported_together(string name)
        {
            var stub = new StubGateway();
            var read = false;

            var error = Should.Throw<RequestValidationException>(() => Create(name, stub).SendBulkAsync(
                new ViberMessage { Sender = "Shop", Text = "Hi\u0001" }, Recipients(() => read = true), new BulkSendOptions { MaxConcurrentRequests = 0 }));

            error.Violations.Select(v => (v.Field, v.Rule)).ShouldBe(new[] { ("message.Text", "characters"), ("options.MaxConcurrentRequests", "range") });
            read.ShouldBeFalse();
            stub.Requests.ShouldBeEmpty();
        }

        [Theory]
        [MemberData(nameof(Clients))]
        public void Invalid_options_of_a_valid_message_are_reported_alone(string name)
        {
            var error = Should.Throw<RequestValidationException>(() => Create(name, new StubGateway()).SendBulkAsync(
                new ViberMessage { Sender = "Shop", Text = "Hi" }, Recipients(() => { }), new BulkSendOptions { MaxConcurrentRequests = 0 }));

            error.Violations.Select(v => (v.Field, v.Rule)).ShouldBe(new[] { ("options.MaxConcurrentRequests", "range") });
        }

        private static async System.Collections.Generic.IAsyncEnumerable<string> Recipients(System.Action onRead)
        {
            await Task.Yield();
            onRead();
            yield return "380971234567";
        }

        private static IViberClient Create(string name, StubGateway stub) => name switch
        {
            "AlphaSms Json" => ViberClientFactory.Create(new AlphaSmsOptions { ApiKey = "k", Transport = AlphaSmsTransport.Json }, stub.CreateClient()),
            "AlphaSms Xml" => ViberClientFactory.Create(new AlphaSmsOptions { ApiKey = "k", Transport = AlphaSmsTransport.Xml }, stub.CreateClient()),
            "AlphaSms Http" => ViberClientFactory.Create(new AlphaSmsOptions { ApiKey = "k", Transport = AlphaSmsTransport.Http }, stub.CreateClient()),
            "LiveAll" => ViberClientFactory.Create(new LiveAllOptions { ApiKey = "k" }, stub.CreateClient()),
            _ => ViberClientFactory.Create(new SmsByOptions { ApiKey = "k", MailingSenderId = 444 }, stub.CreateClient()),
        };
    }
}
