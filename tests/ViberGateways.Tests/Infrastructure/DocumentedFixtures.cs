using System;
using System.IO;

namespace ViberGateways.Tests.Infrastructure
{
    /// <summary>
    /// The documented examples a test is compared with, kept as copied from the gateway's documentation beside the
    /// test: <c>&lt;slice&gt;/Data/&lt;Test&gt;.&lt;what&gt;</c>, the slice folder following the test's namespace.
    /// </summary>
    internal static class DocumentedFixtures
    {
        private const string RootNamespace = "ViberGateways.Tests.";

        public static string Read<TTest>(string what)
        {
            var test = typeof(TTest);
            test.Namespace!.ShouldStartWith(RootNamespace);
            var folder = test.Namespace!.Substring(RootNamespace.Length).Replace('.', Path.DirectorySeparatorChar);
            var path = Path.Combine(AppContext.BaseDirectory, folder, "Data", $"{test.Name}.{what}");
            File.Exists(path).ShouldBeTrue($"{path} is missing: fixtures are copied beside the test assembly (ViberGateways.Tests.csproj)");
            return File.ReadAllText(path);
        }
    }
}
