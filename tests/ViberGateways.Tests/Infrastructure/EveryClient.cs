using ViberGateways.AlphaSms;
using ViberGateways.LiveAll;
using ViberGateways.SmsBy;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// The five gateway-neutral clients (AlphaSMS over each transport, LiveAll, SMS.by) made as an application makes
    /// them, sending to a <see cref="StubGateway"/>: for tests that the same input gets the same answer on every one.
    /// </summary>
    internal static class EveryClient
    {
        public const string AlphaSmsJson = "AlphaSms Json";
        public const string AlphaSmsXml = "AlphaSms Xml";
        public const string AlphaSmsHttp = "AlphaSms Http";
        public const string LiveAll = "LiveAll";
        public const string SmsBy = "SmsBy";

        public static TheoryData<string> Names => new() { AlphaSmsJson, AlphaSmsXml, AlphaSmsHttp, LiveAll, SmsBy };

        /// <summary>The clients that keep client ids (AlphaSMS HTTP cannot carry one).</summary>
        public static TheoryData<string> KeepingClientIds => new() { AlphaSmsJson, AlphaSmsXml, LiveAll, SmsBy };

        /// <summary>The AlphaSMS transport a name stands for; null for LiveAll and SMS.by.</summary>
        public static AlphaSmsTransport? Transport(string name) => name switch
        {
            AlphaSmsJson => AlphaSmsTransport.Json,
            AlphaSmsXml => AlphaSmsTransport.Xml,
            AlphaSmsHttp => AlphaSmsTransport.Http,
            _ => null,
        };

        /// <summary>A client with a default sender ("Shop"; SMS.by sender ids 7 for quick messages and 444 for mailings) and quick retries.</summary>
        public static IViberClient Create(string name, StubGateway stub) => Transport(name) is { } transport
            ? ViberClientFactory.Create(new AlphaSmsOptions { ApiKey = "k", Sender = "Shop", Transport = transport, Resilience = QuickRetries.Policy() }, stub.CreateClient())
            : name == LiveAll
                ? ViberClientFactory.Create(new LiveAllOptions { ApiKey = "k", Sender = "Shop", Resilience = QuickRetries.Policy() }, stub.CreateClient())
                : ViberClientFactory.Create(new SmsByOptions { ApiKey = "k", QuickMessageSenderId = 7, MailingSenderId = 444, Resilience = QuickRetries.Policy() }, stub.CreateClient());
    }
}
