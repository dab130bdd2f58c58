namespace ViberGateways.IntegrationTests.Infrastructure
{
    /// <summary>A Linux-only theory is skipped, with its reason, where it cannot run, and runs on Linux.</summary>
    public class LinuxOnlyTheoryAttributeTests
    {
        [Fact]
        public void Off_linux_the_theory_is_skipped_with_the_reason()
        {
            new LinuxOnlyTheoryAttribute("the signal is sent with kill(1)", onLinux: false).Skip
                .ShouldBe("Linux only: the signal is sent with kill(1)");
        }

        [Fact]
        public void On_linux_the_theory_runs()
        {
            new LinuxOnlyTheoryAttribute("the signal is sent with kill(1)", onLinux: true).Skip.ShouldBeNull();
        }
    }
}
