using System;
using System.Security.Cryptography;
using System.Threading;

namespace ViberGateways
{
    /// <summary>
    /// Client message ids for messages that set none (AlphaSMS JSON and XML, where an id must be unique within the
    /// account): consecutive from a random start in [2^52, 2^53 − 2^40) drawn once per process. Processes sending for
    /// the same account at the same moment, or one restarted, draw different starts, so their ids do not meet (a clock
    /// would give two processes the same ids); they stay below 2^53 (safe as a JSON number) and above the ids people
    /// and clocks usually pick.
    /// </summary>
    internal static class ClientMessageIds
    {
        private const long Lowest = 1L << 52;
        private const long Span = (1L << 52) - (1L << 40);

        private static long _last = RandomStart() - 1;

        public static long Next() => Interlocked.Increment(ref _last);

        internal static long RandomStart()
        {
            var bytes = new byte[8];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            return Lowest + (long)(BitConverter.ToUInt64(bytes, 0) % Span);
        }
    }
}
