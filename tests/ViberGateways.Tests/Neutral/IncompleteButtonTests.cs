using System.Linq;
using System.Threading.Tasks;
using ViberGateways.Tests.Infrastructure;

namespace ViberGateways.Tests.Neutral
{
    /// <summary>
    /// A button without its caption or its URL is refused on every gateway before anything is sent, naming the part
    /// that is missing: where a spec makes the link optional (AlphaSMS <c>viber_link</c>, SMS.by <c>button_link</c>)
    /// half a button would otherwise go out.
    /// </summary>
    public class IncompleteButtonTests
    {
        [Theory]
        [MemberData(nameof(EveryClient.Names), MemberType = typeof(EveryClient))]
        public async Task A_button_without_caption_or_url_is_refused_naming_each_and_nothing_is_sent(string gateway)
        {
            foreach (var recipients in new[] { new[] { "380971234567" }, new[] { "380971234567", "380971234568" } })
            {
                var stub = new StubGateway();
                var message = new ViberMessage { Text = "Hi", ImageUrl = "https://example.com/a.png", Button = new ViberButton(null!, null!) };
                recipients.ToList().ForEach(message.Recipients.Add);

                var refused = await Should.ThrowAsync<RequestValidationException>(() => EveryClient.Create(gateway, stub).SendAsync(message));

                refused.Violations.Select(v => v.Field).ShouldContain("message.Button.Caption", $"{recipients.Length} recipient(s)");
                refused.Violations.Select(v => v.Field).ShouldContain("message.Button.Url", $"{recipients.Length} recipient(s)");
                refused.Violations.Where(v => v.Field.StartsWith("message.Button", System.StringComparison.Ordinal)).ShouldAllBe(v => v.Rule == "required");
                stub.Requests.ShouldBeEmpty();
            }
        }
    }
}
