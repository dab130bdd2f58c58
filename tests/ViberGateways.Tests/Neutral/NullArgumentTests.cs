using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Neutral
{
    /// <summary>
    /// A missing argument is the caller's mistake, reported as <see cref="ArgumentNullException"/> naming it before any
    /// other check, and before anything is read or sent, whichever gateway the client speaks.
    /// </summary>
    public class NullArgumentTests
    {
        public static TheoryData<string> Gateways => new() { "AlphaSms Json", "AlphaSms Xml", "AlphaSms Http", "LiveAll", "SmsBy" };

        // Invalid in several ways at once (no text, a lifetime nobody carries this long), so a check running before the null check would throw another exception.
        private static readonly ViberMessage InvalidTemplate = new() { Lifetime = TimeSpan.FromDays(400) };

        [Theory]
        [MemberData(nameof(Gateways))]
        public async Task Every_method_names_its_missing_argument_and_sends_nothing(string gateway)
        {
            var stub = new StubGateway();
            var client = Create(gateway, stub);

            (await Should.ThrowAsync<ArgumentNullException>(() => client.SendAsync((ViberMessage)null!))).ParamName.ShouldBe("message");
            (await Should.ThrowAsync<ArgumentNullException>(() => client.SendAsync((IEnumerable<ViberMessage>)null!))).ParamName.ShouldBe("messages");
            (await Should.ThrowAsync<ArgumentNullException>(() => client.GetStatusAsync(null!))).ParamName.ShouldBe("references");
            Should.Throw<ArgumentNullException>(() => client.SendBulkAsync((IAsyncEnumerable<ViberMessage>)null!)).ParamName.ShouldBe("messages");
            Should.Throw<ArgumentNullException>(() => client.SendBulkAsync(null!, Recipients())).ParamName.ShouldBe("message");
            Should.Throw<ArgumentNullException>(() => client.SendBulkAsync(InvalidTemplate, null!)).ParamName.ShouldBe("recipients");

            stub.Requests.ShouldBeEmpty();
        }

        private static IViberClient Create(string gateway, StubGateway stub) => gateway switch
        {
            "AlphaSms Json" => ViberClientFactory.Create(new AlphaSmsOptions { ApiKey = "k", Sender = "Shop", Transport = AlphaSmsTransport.Json }, stub.CreateClient()),
            "AlphaSms Xml" => ViberClientFactory.Create(new AlphaSmsOptions { ApiKey = "k", Sender = "Shop", Transport = AlphaSmsTransport.Xml }, stub.CreateClient()),
            "AlphaSms Http" => ViberClientFactory.Create(new AlphaSmsOptions { ApiKey = "k", Sender = "Shop", Transport = AlphaSmsTransport.Http }, stub.CreateClient()),
            "LiveAll" => ViberClientFactory.Create(new LiveAllOptions { ApiKey = "k", Sender = "Shop" }, stub.CreateClient()),
            _ => ViberClientFactory.Create(new SmsByOptions { ApiKey = "k", QuickMessageSenderId = 7, MailingSenderId = 7 }, stub.CreateClient()),
        };

        private static async IAsyncEnumerable<string> Recipients()
        {
            await Task.Yield();
            yield return "380971234567";
        }
    }
}
