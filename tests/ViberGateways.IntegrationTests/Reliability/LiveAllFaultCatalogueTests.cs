using System.Threading.Tasks;

namespace ViberGateways.IntegrationTests.Reliability
{
    /// <summary>The fault catalogue (<see cref="FaultCatalogue"/>) over LiveAll <c>SendIM</c>, a send never repeated once it may have arrived.</summary>
    public class LiveAllFaultCatalogueTests : FaultCatalogue
    {
        public LiveAllFaultCatalogueTests(CanarySandbox fixture)
            : base(fixture)
        {
        }

        public static TheoryData<string, Fault, SendOutcome, int, int> Faults() => Rows(_ => false, "SendIM");

        [Theory]
        [MemberData(nameof(Faults))]
        public Task A_send_under_a_fault_is_accounted_for_exactly_once(string operation, Fault fault, SendOutcome outcome, int stored, int requests) =>
            PlayAsync(fault, outcome, stored, requests, operation, "+306912345678", gateways => (IViberClient)gateways.LiveAll);
    }
}
