using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// AlphaSMS clients as an application makes them (<see cref="ViberClientFactory.Create(AlphaSmsOptions, System.Net.Http.HttpClient)"/>), one per way the
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

        internal static IViberClient Client(Variant variant, StubGateway gateway, string key = Key, string baseAddress = "https://alphasms.test/") =>
            Client(Options(variant, key), gateway, baseAddress);

        internal static IViberClient Client(AlphaSmsOptions options, StubGateway gateway, string baseAddress = "https://alphasms.test/") =>
            ViberClientFactory.Create(options, gateway.CreateClient(baseAddress));

        /// <summary>
        /// The one request <paramref name="act"/> made through a client with <paramref name="options"/>, answered with
        /// <paramref name="reply"/> (in the content type of the options' transport).
        /// </summary>
        internal static async Task<RecordedRequest> SentAsync(AlphaSmsOptions options, string reply, Func<IViberClient, Task> act, string baseAddress = "https://alphasms.test/")
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
        internal static ViberMessage Message(IViberClient client, string? text, string? imageUrl = null, ViberButton? button = null, string recipient = "+380971234567", long clientId = 1001) => new()
        {
            Recipients = { recipient },
            Sender = "ShopViber",
            Text = text,
            ImageUrl = imageUrl,
            Button = button,
            ClientId = TransportOf(client) == AlphaSmsTransport.Http ? null : clientId,
        };

        /// <summary>The transport an AlphaSMS client speaks.</summary>
        internal static AlphaSmsTransport TransportOf(IViberClient client) => ((AlphaSmsClientBase)client).Transport;

        /// <summary>The one recipient's result of a send, or the failure behind it: what a test of the one request expects to have succeeded.</summary>
        internal static async Task<SendResult> AcceptedAsync(Task<IReadOnlyList<SendResult>> send)
        {
            var result = (await send).ShouldHaveSingleItem();
            if (result.Failure is { } failure)
            {
                throw failure;
            }

            result.Outcome.ShouldBe(SendOutcome.Accepted, result.Error);
            return result;
        }
    }
}
