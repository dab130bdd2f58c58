using System;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>The SDK's retry policy with delays and timeouts short enough for unit tests against a stub gateway.</summary>
    internal static class QuickRetries
    {
        public static GatewayResilienceOptions Policy() => new()
        {
            BaseDelay = TimeSpan.FromMilliseconds(1),
            AttemptTimeout = TimeSpan.FromMilliseconds(500),
            TotalTimeout = TimeSpan.FromSeconds(5),
        };
    }
}
