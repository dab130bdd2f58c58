using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ViberGateways.ContractTests.Infrastructure
{
    /// <summary>
    /// One Prism mock server per spec with JSON, form or query operations, started once for all contract tests
    /// (in parallel, each bounded by <see cref="StartTimeout"/>) and killed with their process trees at the end.
    /// </summary>
    public sealed class PrismFixture : IAsyncLifetime
    {
        public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

        private readonly Dictionary<ContractSpec, PrismServer> _servers = new Dictionary<ContractSpec, PrismServer>();
        private readonly Dictionary<ContractSpec, (string Path, string Served)> _served = new Dictionary<ContractSpec, (string Path, string Served)>();
        private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
        private string _root = "";
        private PrismTool? _tool;

        public async Task InitializeAsync()
        {
            _root = RepositoryRoot.Find();
            _tool = PrismTool.Locate(_root);
            if (Directory.Exists(PrismServer.LogDirectory))
            {
                // Only this run's logs.
                Directory.Delete(PrismServer.LogDirectory, recursive: true);
            }

            var outputDirectory = Path.Combine(AppContext.BaseDirectory, "prism-specs");
            var prepared = await Task.WhenAll(ContractSpecs.All.Select(async spec =>
                (spec, result: await DiscriminatorExpansion.PrepareAsync(_tool, SpecPath(spec), outputDirectory).ConfigureAwait(false)))).ConfigureAwait(false);
            foreach (var (spec, (path, expanded)) in prepared)
            {
                _served[spec] = (path, expanded.Count == 0
                    ? $"specs/{spec.FileName()}"
                    : $"specs/{spec.FileName()} with the discriminator of {string.Join(", ", expanded)} expanded for Prism ({path})");
            }

            var starts = ContractSpecs.All.Select(spec => (spec, start: StartAsync(spec))).ToList();
            try
            {
                await Task.WhenAll(starts.Select(s => s.start)).ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Every start has finished (each is bounded); stop the servers that did start and report every failure.
                foreach (var (_, start) in starts.Where(s => s.start.Status == TaskStatus.RanToCompletion))
                {
                    await start.Result.DisposeAsync().ConfigureAwait(false);
                }

                var failures = starts.Where(s => s.start.IsFaulted).Select(s => s.start.Exception!.GetBaseException().Message);
                throw new InvalidOperationException("Prism could not be started:\n" + string.Join("\n\n", failures));
            }

            foreach (var (spec, start) in starts)
            {
                _servers[spec] = start.Result;
            }

            AppDomain.CurrentDomain.ProcessExit += KillOnExit;
        }

        /// <summary>
        /// A new client to the spec's server for one test. <paramref name="example"/> names the spec example Prism
        /// replies with (<c>Prefer: example=NAME</c>); without it Prism replies with the first example. Should an
        /// earlier request have crashed Prism, a new one is started first (that test has reported the crash).
        /// </summary>
        public async Task<PrismConnection> ConnectAsync(ContractSpec spec, string? example = null)
        {
            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                var server = _servers[spec];
                if (server.HasExited)
                {
                    await server.DisposeAsync().ConfigureAwait(false);
                    server = _servers[spec] = await StartAsync(spec).ConfigureAwait(false);
                }

                return new PrismConnection(server, example);
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task DisposeAsync()
        {
            AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
            await Task.WhenAll(_servers.Values.Select(server => server.DisposeAsync().AsTask())).ConfigureAwait(false);
        }

        /// <summary>
        /// A separate Prism serving the spec exactly as written (no discriminator expansion); the caller disposes it.
        /// Only for showing what Prism itself checks.
        /// </summary>
        public Task<PrismServer> StartAsWrittenAsync(ContractSpec spec) =>
            PrismServer.StartAsync(_tool!, spec.FileName(), SpecPath(spec), $"specs/{spec.FileName()} as written", StartTimeout);

        private Task<PrismServer> StartAsync(ContractSpec spec) =>
            PrismServer.StartAsync(_tool!, spec.FileName(), _served[spec].Path, _served[spec].Served, StartTimeout);

        private string SpecPath(ContractSpec spec) => Path.Combine(_root, "specs", spec.FileName());

        /// <summary>Should the test host end without disposing the fixture, no Prism is left running.</summary>
        private void KillOnExit(object? sender, EventArgs e)
        {
            foreach (var server in _servers.Values)
            {
                server.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
            }
        }
    }

    /// <summary>The contract tests share one set of Prism servers.</summary>
    [CollectionDefinition(Name)]
    public sealed class PrismCollection : ICollectionFixture<PrismFixture>
    {
        public const string Name = "Prism mock servers";
    }
}
