using System.Globalization;
using System.Linq;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// LiveAll and SMS.by clients configured as an application configures them, with fake credentials, sending to a
    /// <see cref="StubGateway"/>.
    /// </summary>
    internal static class StubbedClients
    {
        /// <summary>The fake LiveAll <c>apitoken</c>; no rendering may contain it.</summary>
        public const string LiveAllApiToken = "liveall-apitoken-4f7c2a91";

        /// <summary>The fake SMS.by <c>token</c>; no rendering may contain it.</summary>
        public const string SmsByToken = "smsby-token-9d3e5b27";

        public static LiveAllClient LiveAll(StubGateway gateway, string apiToken = LiveAllApiToken) =>
            new LiveAllClient(new LiveAllOptions { ApiKey = apiToken }, gateway.CreateClient("https://liveall.test/"));

        /// <summary>The LiveAll client through the gateway-neutral API.</summary>
        public static IViberClient LiveAllViber(StubGateway gateway, string apiToken = LiveAllApiToken) => LiveAll(gateway, apiToken);

        /// <summary>References of accepted LiveAll sends with these smsids, for status queries.</summary>
        public static MessageReference[] LiveAllReferences(params long[] smsIds) =>
            smsIds.Select(id => new MessageReference(Gateway.LiveAll, "306912345678", gatewayId: id.ToString(CultureInfo.InvariantCulture))).ToArray();

        public static ISmsByClient SmsBy(StubGateway gateway, string token = SmsByToken) =>
            new SmsByClient(new SmsByOptions { ApiKey = token }, gateway.CreateClient("https://smsby.test/"));

        /// <summary>The SMS.by client through the gateway-neutral API.</summary>
        public static IViberClient SmsByNeutral(StubGateway gateway, string token = SmsByToken) => (IViberClient)SmsBy(gateway, token);
    }
}
