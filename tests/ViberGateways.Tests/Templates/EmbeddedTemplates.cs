using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using ViberGateways.Benchmarks;

namespace ViberGateways.Tests.Templates
{
    /// <summary>
    /// The stock Liquid templates embedded in the generator the build used, read from the DLLs' metadata without
    /// loading them into the test process (they belong to the generator's own runtime, not to the tests').
    /// </summary>
    internal static class EmbeddedTemplates
    {
        /// <summary>The two template assemblies of NSwag.MSBuild, in the order NSwag looks a template up: its own, then NJsonSchema's.</summary>
        private static readonly string[] Assemblies = { "NSwag.CodeGeneration.CSharp", "NJsonSchema.CodeGeneration.CSharp" };

        private static readonly Lazy<IReadOnlyDictionary<string, string>> ByFileName = new(Read);

        /// <summary>The folder of the generator the last build ran, from the stamp the build writes beside each generated client.</summary>
        public static string GeneratorFolder
        {
            get
            {
                var stamps = Path.Combine(RepositoryRoot.Path, "src", "ViberGateways", "obj", "Generated");
                var generators = Directory.Exists(stamps)
                    ? Directory.GetFiles(stamps, "*.generator.txt")
                        .SelectMany(File.ReadLines)
                        .Where(line => line.StartsWith("generator=", StringComparison.Ordinal))
                        .Select(line => Path.GetDirectoryName(line.Substring("generator=".Length))!)
                        .Distinct()
                        .ToList()
                    : new List<string>();
                generators.Count.ShouldBe(1, $"{stamps}/*.generator.txt should name the one generator the build used; build the solution first");
                return generators[0];
            }
        }

        /// <summary>Every embedded template by its file name (<c>Client.Class.liquid</c>), normalised as the stock copies are stored.</summary>
        public static IReadOnlyDictionary<string, string> All => ByFileName.Value;

        /// <summary>The text as src/build/nswag-templates/stock/ stores it: without a UTF-8 byte order mark, with LF line ends.</summary>
        public static string Normalise(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n");

        private static IReadOnlyDictionary<string, string> Read()
        {
            var templates = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var assembly in Assemblies)
            {
                var prefix = assembly + ".Templates.";
                foreach (var (name, bytes) in Resources(Path.Combine(GeneratorFolder, assembly + ".dll")))
                {
                    if (name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".liquid", StringComparison.Ordinal))
                    {
                        templates.TryAdd(name.Substring(prefix.Length), Normalise(Encoding.UTF8.GetString(bytes)));
                    }
                }
            }

            return templates;
        }

        /// <summary>The resources embedded in an assembly file: each one is a 4-byte length, then its bytes, in the CLI header's resources directory.</summary>
        private static IEnumerable<(string Name, byte[] Bytes)> Resources(string assemblyFile)
        {
            using var pe = new PEReader(File.OpenRead(assemblyFile));
            var metadata = pe.GetMetadataReader();
            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var section = pe.GetSectionData(directory.RelativeVirtualAddress);
            var resources = new List<(string, byte[])>();
            foreach (var handle in metadata.ManifestResources)
            {
                var resource = metadata.GetManifestResource(handle);
                if (!resource.Implementation.IsNil)
                {
                    continue; // linked from another file, not embedded
                }

                var reader = section.GetReader((int)resource.Offset, directory.Size - (int)resource.Offset);
                var length = reader.ReadInt32();
                resources.Add((metadata.GetString(resource.Name), reader.ReadBytes(length)));
            }

            return resources;
        }
    }
}
