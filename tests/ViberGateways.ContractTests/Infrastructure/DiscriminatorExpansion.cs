using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ViberGateways.ContractTests.Infrastructure
{
    /// <summary>
    /// Prism 5 validates a property typed as a polymorphic base schema (one with a <c>discriminator</c> and a
    /// <c>mapping</c>, its subtypes extending it with <c>allOf</c>) against the base schema only: the discriminator is
    /// ignored, so none of the subtype's fields are checked (an AlphaSMS JSON item <c>{"type": "viber"}</c> with no
    /// phone, or with <c>viber_lifetime: 5</c>, passes). <see cref="PrismHarnessTests"/> shows it.
    /// <para>
    /// So that the contract tests check what the specs mean, Prism is served a copy of such a spec in which every use
    /// of the base schema (not the subtypes' own <c>allOf</c>) becomes: the base schema, the discriminator value
    /// restricted to the mapping's keys, and one <c>if {discriminator = key} then {mapped subtype}</c> per key. The
    /// specs in <c>specs/</c> are untouched; the copy is written beside the test assembly (<c>prism-specs/</c>).
    /// </para>
    /// </summary>
    public static class DiscriminatorExpansion
    {
        private const string SchemaPrefix = "#/components/schemas/";
        private static readonly TimeSpan ConversionTimeout = TimeSpan.FromSeconds(30);

        /// <summary>
        /// The file Prism should serve for a spec: the spec itself when it has no discriminator mapping, otherwise the
        /// expanded copy (JSON). <paramref name="expanded"/> names the base schemas that were expanded.
        /// </summary>
        public static async Task<(string Path, IReadOnlyList<string> Expanded)> PrepareAsync(PrismTool tool, string specPath, string outputDirectory)
        {
            var document = await ReadAsJsonAsync(tool, specPath).ConfigureAwait(false);
            var expanded = Apply(document);
            if (expanded.Count == 0)
            {
                return (specPath, expanded);
            }

            Directory.CreateDirectory(outputDirectory);
            var path = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(specPath) + ".json");
            await File.WriteAllTextAsync(path, document.ToString(Formatting.Indented)).ConfigureAwait(false);
            return (path, expanded);
        }

        /// <summary>Rewrites the uses of every base schema with a discriminator mapping; returns the names of those schemas.</summary>
        public static IReadOnlyList<string> Apply(JObject document)
        {
            if (document["components"]?["schemas"] is not JObject schemas)
            {
                return Array.Empty<string>();
            }

            var replacements = new Dictionary<string, JObject>(StringComparer.Ordinal);
            foreach (var schema in schemas.Properties())
            {
                if (schema.Value["discriminator"] is JObject discriminator
                    && discriminator["mapping"] is JObject mapping && mapping.Count > 0
                    && (string?)discriminator["propertyName"] is { } propertyName)
                {
                    replacements[SchemaPrefix + schema.Name] = Expansion(SchemaPrefix + schema.Name, propertyName, mapping);
                }
            }

            var uses = document.Descendants().OfType<JObject>()
                .Where(o => o.Count == 1 && o["$ref"] is JValue { Type: JTokenType.String } reference
                    && replacements.ContainsKey((string)reference!) && !IsSubtypeInheritance(o))
                .ToList();
            foreach (var use in uses)
            {
                use.Replace(replacements[(string)use["$ref"]!].DeepClone());
            }

            return replacements.Keys.Select(k => k.Substring(SchemaPrefix.Length)).ToList();
        }

        private static JObject Expansion(string baseReference, string propertyName, JObject mapping)
        {
            var allOf = new JArray
            {
                new JObject { ["$ref"] = baseReference },
                new JObject
                {
                    ["type"] = "object",
                    ["properties"] = new JObject { [propertyName] = new JObject { ["enum"] = new JArray(mapping.Properties().Select(m => m.Name)) } },
                },
            };
            foreach (var entry in mapping.Properties())
            {
                allOf.Add(new JObject
                {
                    ["if"] = new JObject
                    {
                        ["required"] = new JArray(propertyName),
                        ["properties"] = new JObject { [propertyName] = new JObject { ["enum"] = new JArray(entry.Name) } },
                    },
                    ["then"] = new JObject { ["$ref"] = (string?)entry.Value },
                });
            }

            return new JObject { ["allOf"] = allOf };
        }

        /// <summary><c>components.schemas.X.allOf[i]</c>: a subtype extending its base, which stays as it is.</summary>
        private static bool IsSubtypeInheritance(JObject reference) =>
            reference.Parent is JArray { Parent: JProperty { Name: "allOf", Parent: JObject { Parent: JProperty { Parent: JObject { Parent: JProperty { Name: "schemas" } schemasProperty } } } } }
            && schemasProperty.Parent?.Parent is JProperty { Name: "components" };

        /// <summary>The spec as JSON, read by Prism's own YAML parser (<c>@stoplight/yaml</c>, resolved from Prism's install).</summary>
        private static async Task<JObject> ReadAsJsonAsync(PrismTool tool, string specPath)
        {
            const string Script =
                "const path = require('path'); const fs = require('fs');" +
                "const yaml = require(require.resolve('@stoplight/yaml', { paths: [path.dirname(process.argv[1])] }));" +
                "process.stdout.write(JSON.stringify(yaml.parse(fs.readFileSync(process.argv[2], 'utf8'))));";
            var startInfo = tool.NodeStartInfo("-e", Script, tool.Cli, specPath);
            using var process = new Process { StartInfo = startInfo };
            process.Start();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(ConversionTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"Reading {specPath} with node took longer than {ConversionTimeout.TotalSeconds:0} s.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"Reading {specPath} with node failed ({process.ExitCode}): {await error.ConfigureAwait(false)}");
            }

            return JObject.Parse(await output.ConfigureAwait(false));
        }
    }
}
