using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;
using static ViberGateways.Tests.Infrastructure.StubbedAlphaSmsClients;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// The AlphaSMS wire cases that more than one transport runs, asked of each in the same words, so the approved
    /// renderings of one case can be read side by side across the Execute, SendXmlPackage and CallHttpApi slices.
    /// </summary>
    internal static class AlphaSmsWireCases
    {
        public static readonly ViberButton Button = new("Open offer", "https://example.com/offer?id=7&src=viber");

        public static Task Text(IViberClient client) => AcceptedAsync(client.SendAsync(Message(client, text: "Hello & welcome <b>!</b> — привіт 👋")));

        /// <summary>An image with a text: XML and HTTP need one (JSON also sends an image alone).</summary>
        public static Task ImageWithText(IViberClient client) => AcceptedAsync(client.SendAsync(Message(client, text: "Our offer", imageUrl: "https://example.com/images/offer.png")));

        public static Task TextImageAndButton(IViberClient client) =>
            AcceptedAsync(client.SendAsync(Message(client, text: "Our offer", imageUrl: "https://example.com/images/offer.jpg", button: Button)));

        public static Task SmsFallbackAndLifetime(IViberClient client)
        {
            var message = Message(client, text: "Your code is 4711");
            message.SmsFallback = new SmsFallback("Your code is 4711 (SMS)", "ShopSMS");
            message.Lifetime = TimeSpan.FromMinutes(10);
            return AcceptedAsync(client.SendAsync(message));
        }

        public static Task Scheduled(IViberClient client)
        {
            var message = Message(client, text: "See you tomorrow");
            message.ScheduledAt = new DateTimeOffset(2024, 11, 30, 12, 0, 0, TimeSpan.FromHours(2));
            return AcceptedAsync(client.SendAsync(message));
        }

        public static Task Batch(IViberClient client) => client.SendAsync(new[]
        {
            Message(client, text: "First"),
            Message(client, text: "Second", recipient: "+380 50 123-45-67", clientId: 1002),
        });

        public static Task StatusByClientId(IViberClient client) => client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", clientId: 1001));

        public static Task StatusByGatewayId(IViberClient client) => client.GetStatusAsync(new MessageReference(Gateway.AlphaSms, "380971234567", gatewayId: "9001"));

        public static Task Balance(IViberClient client) => client.GetBalanceAsync();

        /// <summary>
        /// The cases of a transport's wire test include every message kind every transport carries (text, image, text
        /// with image and button), a status query and the balance.
        /// </summary>
        public static void ShouldCoverEveryOperationOfATransport(this IEnumerable<string> cases)
        {
            var names = new List<string>(cases);
            names.ShouldContain("text");
            names.ShouldContain("image");
            names.ShouldContain("text-image-and-button");
            names.ShouldContain("balance");
            names.ShouldContain(name => name.StartsWith("status", StringComparison.Ordinal));
        }
    }
}
