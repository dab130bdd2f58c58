using System.Linq;
using System.Threading.Tasks;
using ViberGateways.Bulk;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Neutral
{
    /// <summary>
    /// A one-to-many bulk send whose message and options are both invalid reports both in one
    /// <see cref="RequestValidationException"/>, the message's fields first, on every client; nothing is read or sent.
    /// </summary>
    public class BulkMessageAndOptionsErrorsTests
    {
        [Theory]
        [MemberData(nameof(EveryClient.Names), MemberType = typeof(EveryClient))]
        public void An_invalid_message_and_invalid_options_are_reported_together(string name)
        {
            var stub = new StubGateway();
            var read = false;

            var error = Should.Throw<RequestValidationException>(() => EveryClient.Create(name, stub).SendBulkAsync(
                new ViberMessage { Sender = "Shop", Text = "Hi\u0001" }, Recipients(() => read = true), new BulkSendOptions { MaxConcurrentRequests = 0 }));

            error.Violations.Select(v => (v.Field, v.Rule)).ShouldBe(new[] { ("message.Text", "characters"), ("options.MaxConcurrentRequests", "range") });
            read.ShouldBeFalse();
            stub.Requests.ShouldBeEmpty();
        }

        [Theory]
        [MemberData(nameof(EveryClient.Names), MemberType = typeof(EveryClient))]
        public void Invalid_options_of_a_valid_message_are_reported_alone(string name)
        {
            var error = Should.Throw<RequestValidationException>(() => EveryClient.Create(name, new StubGateway()).SendBulkAsync(
                new ViberMessage { Sender = "Shop", Text = "Hi" }, Recipients(() => { }), new BulkSendOptions { MaxConcurrentRequests = 0 }));

            error.Violations.Select(v => (v.Field, v.Rule)).ShouldBe(new[] { ("options.MaxConcurrentRequests", "range") });
        }

        private static async System.Collections.Generic.IAsyncEnumerable<string> Recipients(System.Action onRead)
        {
            await Task.Yield();
            onRead();
            yield return "380971234567";
        }

    }
}
