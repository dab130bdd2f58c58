using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace ViberGateways.Http
{
    /// <summary>
    /// The handlers every generated operation's request goes through, in front of the caller's
    /// <see cref="HttpClient"/>: telemetry, then the retry policy, then the reply guard, then the client itself.
    /// Built by each gateway client for the <see cref="HttpClient"/> it was given, so a client made by dependency
    /// injection, a factory or <c>new</c> classifies failures, retries and bounds replies alike.
    /// </summary>
    internal static class GatewayPipeline
    {
        public static HttpMessageInvoker Create(HttpClient client, GatewayOptions options, ILogger logger) =>
            new HttpMessageInvoker(
                new GatewayTelemetryHandler(logger)
                {
                    InnerHandler = new GatewayResilienceHandler(options.Resilience, logger)
                    {
                        InnerHandler = new ReplyGuardHandler(options.Resilience.MaxReplyBytes)
                        {
                            InnerHandler = new HttpClientSender(client),
                        },
                    },
                },
                disposeHandler: false);
    }
}
