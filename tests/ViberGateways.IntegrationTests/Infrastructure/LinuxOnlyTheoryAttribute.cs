using System;

namespace ViberGateways.IntegrationTests.Infrastructure
{
    /// <summary>
    /// A theory that runs only on Linux and is reported as skipped elsewhere, with the reason, rather than passing
    /// without checking anything.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class LinuxOnlyTheoryAttribute : TheoryAttribute
    {
        /// <param name="reason">Why the theory needs Linux, shown as the skip reason on other systems.</param>
        public LinuxOnlyTheoryAttribute(string reason)
            : this(reason, OperatingSystem.IsLinux())
        {
        }

        /// <summary>The attribute as it is on a system that is Linux or not, so both cases can be checked on one.</summary>
        internal LinuxOnlyTheoryAttribute(string reason, bool onLinux)
        {
            if (!onLinux)
            {
                Skip = "Linux only: " + reason;
            }
        }
    }
}
