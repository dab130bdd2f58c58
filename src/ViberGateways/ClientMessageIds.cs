using System;
using System.Threading;

namespace ViberGateways
{
    /// <summary>
    /// Client message ids for gateways that require one (AlphaSMS JSON): the current Unix time in microseconds,
    /// strictly increasing within the process, so ids stay unique across restarts and below 2^53 (safe as a JSON number).
    /// </summary>
    internal static class ClientMessageIds
    {
        private static long _last;

        public static long Next()
        {
            var candidate = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
            while (true)
            {
                var last = Interlocked.Read(ref _last);
                var next = Math.Max(candidate, last + 1);
                if (Interlocked.CompareExchange(ref _last, next, last) == last)
                {
                    return next;
                }
            }
        }
    }
}
