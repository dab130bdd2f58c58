using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// Runs the benchmarks the arguments select (<c>--filter '*'</c> for all; see <c>make bench</c>). BenchmarkDotNet's
    /// working files go to artifacts/benchmarks, which is not committed; the GitHub-flavoured markdown reports of the
    /// run are copied to tests/ViberGateways.Benchmarks/results, which is.
    /// </summary>
    public static class Program
    {
        /// <summary>Runs the selected benchmarks and keeps their reports.</summary>
        /// <param name="args">BenchmarkDotNet's command line.</param>
        public static void Main(string[] args)
        {
            var artifacts = Path.Combine(RepositoryRoot.Path, "artifacts", "benchmarks");
            // The default exporters include MarkdownExporter.GitHub, the report kept in results/. The first build of
            // the benchmark project on a fresh clone also generates the clients for three frameworks: allow for it.
            var config = DefaultConfig.Instance.WithArtifactsPath(artifacts).WithBuildTimeout(TimeSpan.FromMinutes(10));
            var started = DateTime.UtcNow;

            var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config).ToList();

            // A report (named after its benchmark class) is kept only when every benchmark in it ran: a failed build
            // or run must not replace the committed figures with an empty table.
            var complete = summaries
                .Where(summary => summary.Reports.Length > 0 && summary.Reports.All(report => report.Success))
                .SelectMany(summary => summary.BenchmarksCases.Select(benchmark => benchmark.Descriptor.Type.FullName + "-report-github.md"))
                .ToHashSet(StringComparer.Ordinal);

            var reports = Path.Combine(artifacts, "results");
            var kept = Path.Combine(RepositoryRoot.Path, "tests", "ViberGateways.Benchmarks", "results");
            if (!Directory.Exists(reports))
            {
                return;
            }

            Directory.CreateDirectory(kept);
            foreach (var report in Directory.GetFiles(reports, "*-report-github.md"))
            {
                // Only this run's complete reports: the folder also holds those of earlier runs.
                if (File.GetLastWriteTimeUtc(report) >= started && complete.Contains(Path.GetFileName(report)))
                {
                    File.Copy(report, Path.Combine(kept, Path.GetFileName(report)), overwrite: true);
                    Console.WriteLine("Kept " + Path.GetRelativePath(RepositoryRoot.Path, Path.Combine(kept, Path.GetFileName(report))));
                }
            }
        }
    }
}
