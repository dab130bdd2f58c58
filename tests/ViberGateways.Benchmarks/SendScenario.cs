using System;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using ViberGateways.AlphaSms;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// The one text message every contender sends, and the gateway's documented success reply to it on each AlphaSMS
    /// transport. The client id is fixed so that JSON and XML bodies are the same on every call.
    /// </summary>
    internal static class SendScenario
    {
        /// <summary>The API key the requests carry.</summary>
        public const string ApiKey = "benchmark-api-key";

        /// <summary>The recipient, in the digits-only international form the gateway documents.</summary>
        public const string Recipient = "380971234567";

        /// <summary>The Viber sender name.</summary>
        public const string Sender = "MyShop";

        /// <summary>The message text.</summary>
        public const string Text = "Your order #1042 has shipped.";

        /// <summary>The client id the JSON and XML requests carry (the HTTP transport has none).</summary>
        public const long ClientId = 1042001;

        /// <summary>The gateway's id for the message, in every canned reply.</summary>
        public const long GatewayId = 84523377;

        /// <summary>The JSON API's reply: the request succeeded, and so did its one item.</summary>
        public static readonly byte[] JsonReply = Encoding.UTF8.GetBytes(
            "{\"success\":true,\"data\":[{\"success\":true,\"data\":{\"id\":1042001,\"msg_id\":84523377,\"data\":1,\"parts\":1}}]}");

        /// <summary>The XML API's reply: code 1, accepted.</summary>
        public static readonly byte[] XmlReply = Encoding.UTF8.GetBytes(
            "<?xml version=\"1.0\" encoding=\"utf-8\" ?><package><message-viber><msg id=\"1042001\" msg_id=\"84523377\">1</msg></message-viber></package>");

        /// <summary>The HTTP API's plain-text reply.</summary>
        public static readonly byte[] HttpReply = Encoding.ASCII.GetBytes("id:84523377 sms_count:1");

        /// <summary>Where the requests go: the production address, though nothing leaves the process.</summary>
        public static Uri BaseAddress => AlphaSmsOptions.ProductionAddress;

        /// <summary>The message as the SDK takes it, with the client id wherever the transport carries one.</summary>
        /// <param name="transport">The transport that will carry it.</param>
        /// <returns>A new message.</returns>
        public static ViberMessage Message(AlphaSmsTransport transport) => new()
        {
            Recipients = { Recipient },
            Sender = Sender,
            Text = Text,
            ClientId = transport == AlphaSmsTransport.Http ? null : ClientId,
        };

        /// <summary>The SDK's options for a transport.</summary>
        /// <param name="transport">The transport.</param>
        /// <returns>New options.</returns>
        public static AlphaSmsOptions Options(AlphaSmsTransport transport) => new()
        {
            ApiKey = ApiKey,
            BaseAddress = BaseAddress,
            Transport = transport,
        };

        /// <summary>An HTTP client over an in-memory gateway, with the base address a registered client gets.</summary>
        /// <param name="gateway">The handler that answers.</param>
        /// <returns>A new client; it does not dispose <paramref name="gateway"/>.</returns>
        public static HttpClient HttpClient(HttpMessageHandler gateway) =>
            new(gateway, disposeHandler: false) { BaseAddress = BaseAddress };

        /// <summary>Sends the message; fails the benchmark unless it was accepted: a fast wrong answer is no result.</summary>
        /// <param name="client">The client that sends.</param>
        /// <param name="message">The message.</param>
        /// <returns>The send.</returns>
        public static async Task SendAcceptedAsync(this IViberClient client, ViberMessage message)
        {
            var result = (await client.SendAsync(message))[0];
            if (result.Outcome != SendOutcome.Accepted)
            {
                throw new InvalidOperationException($"The send was {result.Outcome}: {result.Error}");
            }
        }
    }
}
