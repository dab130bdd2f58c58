using System;
using System.IO;

namespace ViberGateways.ContractTests.Infrastructure
{
    /// <summary>The repository the tests run from: the first directory above the test assembly that holds <c>Generated.sln</c>.</summary>
    internal static class RepositoryRoot
    {
        public static string Find()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Generated.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException($"No Generated.sln above {AppContext.BaseDirectory}; the contract tests run from a build inside the repository.");
        }
    }
}
