using System;
using System.Diagnostics;
using System.IO;
using ViberGateways.Benchmarks;
using Xunit;

namespace ViberGateways.Tests.Build
{
    /// <summary>
    /// src/build/test-summary.sh decides whether `make test` (and so CI) is green: fed .trx files shaped like the ones
    /// `dotnet test --logger trx` writes, it must count every test that did not pass and fail on a run that proves nothing.
    /// (The script is bash, as `make test` is.)
    /// </summary>
    public sealed class TestSummaryScriptTests : IDisposable
    {
        private static readonly string Script = Path.Combine(RepositoryRoot.Path, "src", "build", "test-summary.sh");

        private readonly string _results = Directory.CreateTempSubdirectory("test-summary-").FullName;

        public void Dispose() => Directory.Delete(_results, recursive: true);

        [Fact]
        public void Passing_projects_each_get_a_line_naming_their_framework_then_the_total()
        {
            Trx("a.trx", "Consumer", "net8.0", total: 11, passed: 11);
            Trx("b.trx", "Consumer", "net10.0", total: 11, passed: 11);

            var (exitCode, lines) = Run();

            Assert.Equal(0, exitCode);
            Assert.Contains("Consumer (net8.0): 11 tests, 11 passed, 0 failed", lines);
            Assert.Contains("Consumer (net10.0): 11 tests, 11 passed, 0 failed", lines);
            Assert.Equal("22 passed, 0 failed", lines[^1]);
        }

        [Fact]
        public void A_project_that_discovered_no_tests_fails_the_run()
        {
            Trx("a.trx", "Unit", "net10.0", total: 5, passed: 5);
            Trx("b.trx", "Empty", "net10.0", total: 0, passed: 0);

            var (exitCode, lines) = Run();

            Assert.NotEqual(0, exitCode);
            Assert.Contains(lines, line => line.Contains("no tests discovered", StringComparison.Ordinal));
            Assert.Equal("5 passed, 1 failed", lines[^1]);
        }

        [Theory]
        [InlineData("aborted")]
        [InlineData("timeout")]
        [InlineData("notExecuted")]
        [InlineData("failed")]
        public void Tests_that_did_not_pass_count_as_failed(string counter)
        {
            Trx("a.trx", "Unit", "net10.0", total: 10, passed: 8, extra: $"{counter}=\"2\"");

            var (exitCode, lines) = Run();

            Assert.NotEqual(0, exitCode);
            Assert.Equal("8 passed, 2 failed", lines[^1]);
        }

        [Fact]
        public void Tests_with_no_outcome_at_all_count_as_failed()
        {
            Trx("a.trx", "Unit", "net10.0", total: 10, passed: 7);

            var (exitCode, lines) = Run();

            Assert.NotEqual(0, exitCode);
            Assert.Equal("7 passed, 3 failed", lines[^1]);
        }

        [Fact]
        public void A_cut_off_trx_fails_the_run()
        {
            Trx("a.trx", "Unit", "net10.0", total: 4, passed: 4);
            var whole = File.ReadAllText(Path.Combine(_results, "a.trx"));
            File.WriteAllText(Path.Combine(_results, "a.trx"), whole.Substring(0, whole.IndexOf("</TestRun>", StringComparison.Ordinal)));

            var (exitCode, lines) = Run();

            Assert.NotEqual(0, exitCode);
            Assert.Equal("0 passed, 1 failed", lines[^1]);
        }

        [Fact]
        public void A_folder_without_results_fails_the_run()
        {
            var (exitCode, lines) = Run();

            Assert.NotEqual(0, exitCode);
            Assert.Equal("0 passed, 1 failed", lines[^1]);
        }

        private void Trx(string file, string project, string framework, int total, int passed, string extra = "")
        {
            var dll = $"/repo/tests/{project}/bin/Debug/{framework}/{project}.dll";
            var method = total == 0 ? "" : $"<TestDefinitions><UnitTest name=\"t\" id=\"1\"><TestMethod codeBase=\"{dll}\" adapterTypeName=\"x\" className=\"C\" name=\"t\" /></UnitTest></TestDefinitions>";
            File.WriteAllText(Path.Combine(_results, file), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <TestRun id="1" name="run" xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010">
                  {method}
                  <ResultSummary outcome="Completed">
                    <Counters total="{total}" executed="{total}" passed="{passed}" {extra} />
                  </ResultSummary>
                </TestRun>
                """);
        }

        private (int ExitCode, string[] Lines) Run()
        {
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Script);
            start.ArgumentList.Add(_results);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
