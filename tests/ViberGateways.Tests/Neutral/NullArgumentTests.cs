using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Neutral
{
    /// <summary>
    /// A missing argument is the caller's mistake, reported as <see cref="ArgumentNullException"/> naming it before any
    /// other check, and before anything is read or sent, whichever gateway the client speaks.
    /// </summary>
    public class NullArgumentTests
    {
        // Invalid in several ways at once (no text, a lifetime nobody carries this long), so a check running before the null check would throw another exception.
        private static readonly ViberMessage InvalidTemplate = new() { Lifetime = TimeSpan.FromDays(400) };

        [Theory]
        [MemberData(nameof(EveryClient.Names), MemberType = typeof(EveryClient))]
        public async Task Every_method_names_its_missing_argument_and_sends_nothing(string gateway)
        {
            var stub = new StubGateway();
            var client = EveryClient.Create(gateway, stub);

            (await Should.ThrowAsync<ArgumentNullException>(() => client.SendAsync((ViberMessage)null!))).ParamName.ShouldBe("message");
            (await Should.ThrowAsync<ArgumentNullException>(() => client.SendAsync((IEnumerable<ViberMessage>)null!))).ParamName.ShouldBe("messages");
            (await Should.ThrowAsync<ArgumentNullException>(() => client.GetStatusAsync(null!))).ParamName.ShouldBe("references");
            Should.Throw<ArgumentNullException>(() => client.SendBulkAsync((IAsyncEnumerable<ViberMessage>)null!)).ParamName.ShouldBe("messages");
            Should.Throw<ArgumentNullException>(() => client.SendBulkAsync(null!, Recipients())).ParamName.ShouldBe("message");
            Should.Throw<ArgumentNullException>(() => client.SendBulkAsync(InvalidTemplate, null!)).ParamName.ShouldBe("recipients");

            stub.Requests.ShouldBeEmpty();
        }

        private static async IAsyncEnumerable<string> Recipients()
        {
            await Task.Yield();
            yield return "380971234567";
        }
    }
}
