using System;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// AlphaSMS clients as an application makes them (<see cref="AlphaSmsClientFactory.Create"/>), one per way the
    /// gateway is reached (<see cref="Variant"/>), with a fake key, sending to a <see cref="StubGateway"/>; and the
    /// message most tests send.
    /// </summary>
    public static class StubbedAlphaSmsClients
    {
        /// <summary>The fake API key; no rendering may contain it.</summary>
        public const string Key = "test-api-key";

        /// <summary>The transport and, for HTTP, where the parameters travel: the query of a GET or a form POST.</summary>
        public enum Variant
        {
            Json,
            Xml,
            HttpPost,
            HttpGet,
        }

        /// <summary>The options of <paramref name="variant"/> with <paramref name="key"/> (none: authenticate otherwise).</summary>
        internal static AlphaSmsOptions Options(Variant variant, string? key = Key) => new()
        {
            ApiKey = key,
            Transport = variant switch
            {
                Variant.Json => AlphaSmsTransport.Json,
                Variant.Xml => AlphaSmsTransport.Xml,
                _ => AlphaSmsTransport.Http,
            },
            UseHttpGet = variant == Variant.HttpGet,
        };

        internal static IAlphaSmsClient Client(Variant variant, StubGateway gateway, string key = Key, string baseAddress = "https://alphasms.test/") =>
            Client(Options(variant, key), gateway, baseAddress);

        internal static IAlphaSmsClient Client(AlphaSmsOptions options, StubGateway gateway, string baseAddress = "https://alphasms.test/") =>
            AlphaSmsClientFactory.Create(options, gateway.CreateClient(baseAddress));

        /// <summary>
        /// The one request <paramref name="act"/> made through a client with <paramref name="options"/>, answered with
        /// <paramref name="reply"/> (in the content type of the options' transport).
        /// </summary>
        internal static async Task<RecordedRequest> SentAsync(AlphaSmsOptions options, string reply, Func<IAlphaSmsClient, Task> act, string baseAddress = "https://alphasms.test/")
        {
            var gateway = new StubGateway().Reply(reply, options.Transport switch
            {
                AlphaSmsTransport.Json => "application/json",
                AlphaSmsTransport.Xml => "text/xml",
                _ => "text/plain",
            });

            await act(Client(options, gateway, baseAddress));

            return gateway.Requests.ShouldHaveSingleItem();
        }

        /// <summary>A message with a fixed client id wherever the transport carries one (not over HTTP).</summary>
        internal static AlphaSmsMessage Message(IAlphaSmsClient client, string? text, string? imageUrl = null, AlphaSmsButton? button = null, string recipient = "+380971234567", long clientId = 1001) => new()
        {
            Recipient = recipient,
            Sender = "ShopViber",
            Text = text,
            ImageUrl = imageUrl,
            Button = button,
            ClientId = client.Transport == AlphaSmsTransport.Http ? null : clientId,
        };
    }
}
