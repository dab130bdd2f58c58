using System;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways
{
    /// <summary>Waits on a <see cref="TimeProvider"/> (the system clock, or a test's fake one) on every target framework.</summary>
    internal static class TimeProviderDelays
    {
        public static Task DelayAsync(this TimeProvider clock, TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
            Task.Delay(delay, clock, cancellationToken);
#else
            clock.Delay(delay, cancellationToken);
#endif
    }
}
