using System;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// The SDK's retry policy with retry delays short enough for unit tests against a stub gateway. Its timeouts run on
    /// the system clock, so they are long enough never to fire on a loaded machine: a test that needs a timeout to fire
    /// sets a fake clock and advances it.
    /// </summary>
    internal static class QuickRetries
    {
        public static GatewayResilienceOptions Policy() => new()
        {
            BaseDelay = TimeSpan.FromMilliseconds(1),
            AttemptTimeout = TimeSpan.FromMinutes(5),
            TotalTimeout = TimeSpan.FromMinutes(10),
        };
    }
}
