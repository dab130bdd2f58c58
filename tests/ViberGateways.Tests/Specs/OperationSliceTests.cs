using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ViberGateways.Tests.Specs
{
    /// <summary>
    /// Every operation of the specs has its slice in this project, named after its operationId:
    /// <c>&lt;Gateway&gt;/&lt;Operation&gt;/</c> with the approved wire renderings (<c>&lt;Operation&gt;WireTests</c>) and the
    /// comparison with the gateway's documentation (<c>&lt;Operation&gt;DocumentedExampleTests</c>); and no slice outlives
    /// its operation. A gateway's specs share its folder (AlphaSMS has one spec per API). The operations of a spec
    /// listed in <see cref="SharedSlices"/> share one slice: its wire tests are still one class per operation, its
    /// documented examples one class for them all.
    /// </summary>
    public class OperationSliceTests
    {
        /// <summary>
        /// The AlphaSMS HTTP API is one call at one path, its parameters in the query of a GET
        /// (<c>callHttpApiWithQuery</c>) or in a form POST (<c>callHttpApiWithForm</c>); the same documented examples
        /// hold for both.
        /// </summary>
        private static readonly Dictionary<string, string> SharedSlices = new()
        {
            ["alphasms-http.yaml"] = "CallHttpApi",
        };

        [Theory]
        [InlineData("ViberGateways.Tests.LiveAll", new[] { "liveall.yaml" })]
        [InlineData("ViberGateways.Tests.SmsBy", new[] { "smsby.yaml" })]
        [InlineData("ViberGateways.Tests.AlphaSms", new[] { "alphasms-json.yaml", "alphasms-xml.yaml", "alphasms-http.yaml" })]
        public void Every_operation_has_wire_and_documented_example_tests(string slices, string[] specs)
        {
            var tests = typeof(OperationSliceTests).Assembly.GetTypes().Where(t => t.IsPublic && t.Namespace?.StartsWith(slices + ".", System.StringComparison.Ordinal) == true).ToList();
            var sliceNames = new List<string>();

            foreach (var spec in specs)
            {
                var paths = ((JObject)OpenApiSpec.Load(spec).Document["paths"]!).Properties().ToList();
                var operations = paths
                    .SelectMany(path => ((JObject)path.Value).Properties())
                    .Select(operation => (string)operation.Value["operationId"]!)
                    .Select(id => char.ToUpperInvariant(id[0]) + id.Substring(1))
                    .ToList();
                if (SharedSlices.TryGetValue(spec, out var shared))
                {
                    paths.Count.ShouldBe(1, $"{spec}: its operations share the slice {shared} as the methods of one path");
                    operations.Count.ShouldBeGreaterThan(1, $"{spec}: one operation needs no shared slice");
                }

                foreach (var operation in operations)
                {
                    var slice = shared ?? operation;
                    tests.ShouldContain(t => t.FullName == $"{slices}.{slice}.{operation}WireTests", $"{operation} has no wire tests");
                    tests.ShouldContain(t => t.FullName == $"{slices}.{slice}.{slice}DocumentedExampleTests", $"{operation} has no documented-example tests");
                    sliceNames.Add(slice);
                }
            }

            // Besides its operations' slices, a gateway has one for the neutral API mapped onto them (IViberClient).
            tests.Select(t => t.Namespace!.Substring(slices.Length + 1)).Distinct().ShouldBe(sliceNames.Distinct().Concat(NeutralSlice(tests, slices)), ignoreOrder: true);
        }

        private static IEnumerable<string> NeutralSlice(IEnumerable<System.Type> tests, string slices) =>
            tests.Any(t => t.Namespace == slices + ".Neutral") ? new[] { "Neutral" } : Enumerable.Empty<string>();
    }
}
