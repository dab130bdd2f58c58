using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace ViberGateways.ContractTests.Infrastructure
{
    /// <summary>
    /// The pinned Prism CLI of <c>src/build/node_modules</c> (installed by <c>make tools</c>), run with Node.js:
    /// <c>node …/@stoplight/prism-cli/dist/index.js</c>. <c>CONTRACT_TESTS_NODE</c> names another node executable.
    /// </summary>
    public sealed class PrismTool
    {
        private PrismTool(string node, string cli)
        {
            Node = node;
            Cli = cli;
        }

        public string Node { get; }

        /// <summary>Prism's entry script.</summary>
        public string Cli { get; }

        public static PrismTool Locate(string repositoryRoot)
        {
            var cli = Path.Combine(repositoryRoot, "src", "build", "node_modules", "@stoplight", "prism-cli", "dist", "index.js");
            if (!File.Exists(cli))
            {
                throw new InvalidOperationException($"Prism is not installed ({cli} is missing); run `make tools` (npm ci in src/build) first.");
            }

            var node = Environment.GetEnvironmentVariable("CONTRACT_TESTS_NODE");
            return new PrismTool(string.IsNullOrWhiteSpace(node) ? "node" : node!, cli);
        }

        /// <summary>Runs Prism's CLI with <paramref name="arguments"/>.</summary>
        public ProcessStartInfo StartInfo(IEnumerable<string> arguments) => NodeStartInfo(new[] { Cli }.Concat(arguments).ToArray());

        /// <summary>Runs node with <paramref name="arguments"/>, output redirected.</summary>
        public ProcessStartInfo NodeStartInfo(params string[] arguments)
        {
            var startInfo = new ProcessStartInfo(Node)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = false,
                CreateNoWindow = true,
                WorkingDirectory = Path.GetDirectoryName(Cli)!,
            };
            foreach (var argument in arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            // Plain log lines: no colours, no spinner.
            startInfo.Environment["NO_COLOR"] = "1";
            startInfo.Environment["FORCE_COLOR"] = "0";
            return startInfo;
        }

        public string Describe(IEnumerable<string> arguments) =>
            string.Join(" ", new[] { Node, Cli }.Concat(arguments).Select(a => a.IndexOf(' ') >= 0 ? "\"" + a + "\"" : a));
    }
}
