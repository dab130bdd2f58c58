using System;
using System.IO;

namespace ViberGateways.Benchmarks
{
    /// <summary>
    /// The repository's root folder, the one holding Generated.sln. BenchmarkDotNet runs each benchmark from a
    /// project it generates under the artifacts folder, so the root is found by walking up, not from the working directory.
    /// </summary>
    public static class RepositoryRoot
    {
        private static readonly Lazy<string> Root = new(Find);

        /// <summary>The absolute path of the root folder.</summary>
        public static string Path => Root.Value;

        private static string Find()
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder != null; folder = folder.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(folder.FullName, "Generated.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds Generated.sln; run the benchmarks from inside the repository.");
        }
    }
}
