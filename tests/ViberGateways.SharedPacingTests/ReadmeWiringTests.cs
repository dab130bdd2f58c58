using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace ViberGateways.SharedPacingTests
{
    /// <summary>
    /// The README's Redis wiring cannot rot: it is, line for line, what the sender these tests run compiles and sends
    /// with (the README's own snippet tests cannot run it: they have no Redis).
    /// </summary>
    public class ReadmeWiringTests
    {
        private const string Section = "#### Pacing shared by several processes";

        [Fact]
        public void The_readme_shows_the_senders_wiring_as_it_is()
        {
            var root = RepositoryRoot();
            var readme = File.ReadAllText(Path.Combine(root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
            var section = readme.Substring(readme.IndexOf(Section, StringComparison.Ordinal));
            var snippet = Regex.Match(section, "```cs\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
            var program = File.ReadAllText(Path.Combine(root, "tests", "ViberGateways.RateLimitedSender", "Program.cs")).Replace("\r\n", "\n", StringComparison.Ordinal);

            snippet.Trim().ShouldNotBeEmpty();
            program.ShouldContain(snippet, Case.Sensitive, "README.md's Redis wiring must be the sender's lines, word for word");
        }

        private static string RepositoryRoot()
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder != null && !File.Exists(Path.Combine(folder.FullName, "Generated.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException("Generated.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
