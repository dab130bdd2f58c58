using System.Linq;
using Shouldly;
using Xunit;

namespace ViberGateways.Tests.AlphaSms
{
    /// <summary>The ids the SDK gives AlphaSMS messages that set none: unique within the account, whichever process sends.</summary>
    public class ClientMessageIdsTests
    {
        private const long Lowest = 1L << 52;
        private const long Highest = (1L << 53) - (1L << 40);

        [Fact]
        public void Processes_starting_at_the_same_moment_draw_different_starts_within_the_range()
        {
            // Each draw is what a process starts from; a clock would give two processes started together the same ids.
            var starts = Enumerable.Range(0, 64).Select(_ => ClientMessageIds.RandomStart()).ToList();

            starts.Distinct().Count().ShouldBe(starts.Count);
            starts.ShouldAllBe(start => start >= Lowest && start < Highest);
        }

        [Fact]
        public void A_process_gives_consecutive_ids_below_2_to_the_53()
        {
            var ids = Enumerable.Range(0, 1000).Select(_ => ClientMessageIds.Next()).ToList();

            ids.ShouldAllBe(id => id >= Lowest && id < (1L << 53));
            ids.Zip(ids.Skip(1), (earlier, later) => later > earlier).ShouldAllBe(increasing => increasing);
        }
    }
}
