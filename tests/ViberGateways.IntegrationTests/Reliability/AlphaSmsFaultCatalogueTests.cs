using System.Threading.Tasks;
using ViberGateways.AlphaSms;

namespace ViberGateways.IntegrationTests.Reliability
{
    /// <summary>
    /// The fault catalogue (<see cref="FaultCatalogue"/>) over AlphaSMS, on every way it is reached: JSON and XML
    /// (de-duplicated by client id, so repeated), HTTP as a form POST and as a GET with the key in the URL (never repeated).
    /// </summary>
    public class AlphaSmsFaultCatalogueTests : FaultCatalogue
    {
        public AlphaSmsFaultCatalogueTests(CanarySandbox fixture)
            : base(fixture)
        {
        }

        public enum Way
        {
            Json,
            Xml,
            HttpPost,
            HttpGet,
        }

        public static TheoryData<Way, Fault, SendOutcome, int, int> Faults() =>
            Rows(way => way is Way.Xml, Way.Json, Way.Xml, Way.HttpPost, Way.HttpGet);

        [Theory]
        [MemberData(nameof(Faults))]
        public Task A_send_under_a_fault_is_accounted_for_exactly_once(Way way, Fault fault, SendOutcome outcome, int stored, int requests)
        {
            var (transport, path) = way switch
            {
                Way.Json => (AlphaSmsTransport.Json, "json.php"),
                Way.Xml => (AlphaSmsTransport.Xml, "xml.php"),
                _ => (AlphaSmsTransport.Http, "http.php"),
            };
            return PlayAsync(fault, outcome, stored, requests, path, "+380971234567", gateways => (IViberClient)gateways.AlphaSms, transport, useHttpGet: way == Way.HttpGet);
        }
    }
}
