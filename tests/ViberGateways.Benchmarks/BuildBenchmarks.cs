using System;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// What the client generation step adds to a no-op build of src/ViberGateways (all three target frameworks,
    /// Release): <c>dotnet build</c> as a child process, with the NSwag targets as usual versus with
    /// <c>-p:GenerateOpenApiClients=false</c>, which compiles the clients already generated. Each benchmark first
    /// builds once its own way, so every measured build has nothing to do. What generation adds to a no-op build is
    /// small (tens of milliseconds of MSBuild work against a build of about a second), so read the Error column
    /// before the Ratio: on a busy machine the run-to-run spread can be larger than the difference.
    /// </summary>
    [SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 15)]
    public class BuildBenchmarks
    {
        private const string Project = "src/ViberGateways/ViberGateways.csproj";

        /// <summary>Brings the build up to date with generation on.</summary>
        [GlobalSetup(Target = nameof(WithGeneration))]
        public void BuildOnceWithGeneration() => Build(generateClients: true);

        /// <summary>Brings the build up to date with generation off.</summary>
        [GlobalSetup(Target = nameof(WithoutGeneration))]
        public void BuildOnceWithoutGeneration() => Build(generateClients: false);

        /// <summary>A no-op build as every build runs it: NSwag's targets check that the clients are up to date.</summary>
        [Benchmark(Baseline = true)]
        public void WithGeneration() => Build(generateClients: true);

        /// <summary>A no-op build without the generation step.</summary>
        [Benchmark]
        public void WithoutGeneration() => Build(generateClients: false);

        private static void Build(bool generateClients)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
            {
                WorkingDirectory = RepositoryRoot.Path,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var argument in new[] { "build", Project, "--no-restore", "-c", "Release", "-nologo", "-v", "q" })
            {
                start.ArgumentList.Add(argument);
            }

            if (!generateClients)
            {
                start.ArgumentList.Add("-p:GenerateOpenApiClients=false");
            }

            using var build = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet build.");
            // Both streams are drained while the build runs, so a full pipe never blocks it.
            var output = build.StandardOutput.ReadToEndAsync();
            var errors = build.StandardError.ReadToEndAsync();
            build.WaitForExit();
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet build {Project} exited with {build.ExitCode}:\n{output.Result}{errors.Result}");
            }
        }
    }
}
