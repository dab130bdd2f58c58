using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Shouldly.Configuration;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// Runs one case of a wire test against a stub gateway and renders every request it sent
    /// (<see cref="WireRendering"/>, requests joined by a <c>---</c> line), and names the case's approved file after
    /// its test: <c>Data/&lt;Test&gt;.&lt;case&gt;.request.approved.txt</c> beside the test's source.
    /// </summary>
    internal static class ApprovedRequests
    {
        /// <summary>The requests <paramref name="send"/> made, each answered with <paramref name="reply"/>, rendered without the fake credentials.</summary>
        public static async Task<string> RenderAsync(string reply, Func<StubGateway, Task> send, string replyContentType = "application/json")
        {
            // A reply for each request of the cases that send several (a personalised bulk send, one request a message).
            var gateway = new StubGateway();
            for (var i = 0; i < 4; i++)
            {
                gateway.Reply(reply, replyContentType);
            }

            await send(gateway);

            gateway.Requests.ShouldNotBeEmpty();
            var rendering = string.Join("\n\n---\n\n", gateway.Requests.Select(WireRendering.Render));
            rendering.ShouldNotContain(StubbedClients.LiveAllApiToken);
            rendering.ShouldNotContain(StubbedClients.SmsByToken);
            rendering.ShouldNotContain(StubbedAlphaSmsClients.Key);
            return rendering;
        }

        /// <summary>Shouldly's settings for the approved file of <paramref name="scenario"/> of the test class <paramref name="test"/>.</summary>
        public static Action<ShouldMatchConfigurationBuilder> File(string test, string scenario) => options => options
            .SubFolder("Data")
            .WithFilenameGenerator((_, _, type, extension) => $"{test}.{scenario}.request.{type}.{extension}")
            .WithFileExtension("txt")
            .NoDiff();

        /// <summary>The case names of a wire test, as theory data.</summary>
        public static TheoryData<string> Names<TCase>(IReadOnlyDictionary<string, TCase> cases)
        {
            var names = new TheoryData<string>();
            foreach (var name in cases.Keys)
            {
                names.Add(name);
            }

            return names;
        }
    }
}
