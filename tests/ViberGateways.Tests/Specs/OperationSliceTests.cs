using System.Linq;
using Newtonsoft.Json.Linq;

namespace ViberGateways.Tests.Specs
{
    /// <summary>
    /// Every operation of the LiveAll and SMS.by specs has its slice in this project, named after its operationId:
    /// <c>&lt;Gateway&gt;/&lt;Operation&gt;/</c> with the approved wire renderings (<c>&lt;Operation&gt;WireTests</c>) and the
    /// comparison with the gateway's documentation (<c>&lt;Operation&gt;DocumentedExampleTests</c>); and no slice outlives
    /// its operation.
    /// </summary>
    public class OperationSliceTests
    {
        [Theory]
        [InlineData("liveall.yaml", "ViberGateways.Tests.LiveAll")]
        [InlineData("smsby.yaml", "ViberGateways.Tests.SmsBy")]
        public void Every_operation_has_wire_and_documented_example_tests(string spec, string slices)
        {
            var operations = ((JObject)OpenApiSpec.Load(spec).Document["paths"]!).Properties()
                .SelectMany(path => ((JObject)path.Value).Properties())
                .Select(operation => (string)operation.Value["operationId"]!)
                .Select(id => char.ToUpperInvariant(id[0]) + id.Substring(1))
                .ToList();
            var tests = typeof(OperationSliceTests).Assembly.GetTypes().Where(t => t.IsPublic && t.Namespace?.StartsWith(slices + ".", System.StringComparison.Ordinal) == true).ToList();

            foreach (var operation in operations)
            {
                tests.ShouldContain(t => t.FullName == $"{slices}.{operation}.{operation}WireTests", $"{operation} has no wire tests");
                tests.ShouldContain(t => t.FullName == $"{slices}.{operation}.{operation}DocumentedExampleTests", $"{operation} has no documented-example tests");
            }

            tests.Select(t => t.Namespace!.Substring(slices.Length + 1)).Distinct().ShouldBe(operations, ignoreOrder: true);
        }
    }
}
