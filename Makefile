# ViberGateways — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := build

DOTNET        ?= dotnet
CONFIGURATION ?= Debug
TOOLS         := src/build
TOOLS_STAMP   := $(TOOLS)/node_modules/.package-lock.json
RESULTS       := artifacts/test-results
REDOCLY       := cd $(TOOLS) && npx --no-install redocly
PACKAGES      := artifacts/packages
# SourceLink maps the sources to a hosted repository; a clone of a local folder has none to map to.
SOURCE_LINK   := $(shell git remote get-url origin 2>/dev/null | grep -qE '^(https?://|git@|ssh://)' && echo true || echo false)
PACKABLE      := src/ViberGateways src/ViberGateways.Sandbox src/ViberGateways.Cli
PACK_OPTIONS   = -c Release -o $(PACKAGES) -nologo -p:ContinuousIntegrationBuild=true -p:EnableSourceLink=$(SOURCE_LINK) -p:VersionSuffix=$(VERSION_SUFFIX)
CONSUMERS     := tests/Consumer/ViberGateways.ConsumerTests tests/Consumer/ViberGateways.ConsumerTests.NetStandard
BENCH_FILTER  ?= *

.PHONY: build tools redis lint test consumer-test pack contract run bench approve clean

## tools: install the pinned spec tools (Redocly, Prism) from src/build/package-lock.json; the build itself needs only
##        the .NET SDK (NSwag.MSBuild generates the clients)
tools: $(TOOLS_STAMP)
$(TOOLS_STAMP): $(TOOLS)/package.json $(TOOLS)/package-lock.json
	cd $(TOOLS) && npm ci --no-audit --no-fund
	touch $@

## redis: Debian's redis-server for the shared-pacing test (tests/ViberGateways.SharedPacingTests), installed as root
##        when it is not on PATH; where it cannot be, that test fails saying so (it is never skipped silently)
redis:
	@command -v redis-server >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update && apt-get install -y --no-install-recommends redis-server; } \
	  || echo "redis-server is missing and could not be installed: the shared-pacing test will fail naming it"

## build: generate the clients from specs/ and compile everything
build:
	$(DOTNET) build Generated.sln -c $(CONFIGURATION) -nologo

## lint: check every spec with Redocly
lint: tools
	$(REDOCLY) lint --config redocly.yaml --format=summary $(abspath $(wildcard specs/*.yaml))

## test: lint, build and run every test, then install the packed package and test it; ends with "N passed, N failed"
##       (src/build/test-summary.sh: one line per test project first; fails on any test not passed, a project with
##       no tests, an unreadable .trx or none at all)
test: tools redis lint build
	rm -rf $(RESULTS)
	status=0; \
	$(DOTNET) test Generated.sln -c $(CONFIGURATION) --no-build -nologo --logger trx --results-directory $(RESULTS) || status=1; \
	$(MAKE) --no-print-directory consumer-test || status=1; \
	$(TOOLS)/test-summary.sh $(RESULTS) || status=1; \
	exit $$status

## pack: ViberGateways (netstandard2.0, net8.0, net10.0), ViberGateways.Sandbox and the `viber` tool, with symbols,
##       into artifacts/packages, as the version in src/build/Common.props (VERSION_SUFFIX=… makes it a prerelease)
##       The tool is three packages: the one `dotnet tool install` reads, which points at the native (AOT) linux-x64
##       one and the framework-dependent `any` one; each RID is its own `dotnet pack -r` (AOT compiles for the host,
##       so this runs on linux-x64).
pack:
	rm -rf $(PACKAGES)
	for project in $(PACKABLE); do \
	  $(DOTNET) pack $$project $(PACK_OPTIONS) || exit 1; \
	done
	for rid in linux-x64 any; do \
	  $(DOTNET) pack src/ViberGateways.Cli -r $$rid $(PACK_OPTIONS) || exit 1; \
	done

## consumer-test: pack as a prerelease of this run's own (1.0.0-local.<UTC time>), a version no packages folder can
##                already hold, install those packages from artifacts/packages (not project references) and run an
##                application's tests against the sandbox on each framework (tests/Consumer)
consumer-test:
	suffix=local.$$(date -u +%Y%m%d%H%M%S); \
	$(MAKE) --no-print-directory pack VERSION_SUFFIX=$$suffix || exit 1; \
	rm -rf artifacts/consumer/packages/vibergateways*; \
	for project in $(CONSUMERS); do \
	  $(DOTNET) restore $$project --force -nologo -p:VersionSuffix=$$suffix && \
	  $(DOTNET) test $$project -c $(CONFIGURATION) --no-restore -nologo -p:VersionSuffix=$$suffix --logger "trx;LogFilePrefix=$$(basename $$project)" --results-directory $(RESULTS) || exit 1; \
	done

## contract: Stoplight Prism serves specs/ and validates every request the SDK's JSON, form and query operations send
##           (also part of `make test`, as tests/ViberGateways.ContractTests)
contract: tools
	$(DOTNET) test tests/ViberGateways.ContractTests -c $(CONFIGURATION) -nologo

## run: the main job
run: build
	$(DOTNET) run --project src/ViberGateways.Cli -c $(CONFIGURATION) --no-build -- demo

## bench: BenchmarkDotNet, Release: per-send cost of the SDK against a hand-written client on each AlphaSMS transport
##        (bare, and through IHttpClientFactory with the standard resilience handler); a million-recipient bulk send
##        to the sandbox (run as its own process) against building everything in memory first, against one request
##        per recipient and against serializing the same items with Newtonsoft alone; a no-op build with and without
##        client generation (BENCH_FILTER='*PerSend*' picks some). Reports land in tests/ViberGateways.Benchmarks/results; see
##        tests/ViberGateways.Benchmarks/docs/benchmarks.md. Takes about a quarter of an hour; not part of `make test`.
bench:
	$(DOTNET) build src/ViberGateways.Cli -c Release -nologo
	$(DOTNET) run -c Release --project tests/ViberGateways.Benchmarks -- --filter '$(BENCH_FILTER)'

## approve: accept the snapshots a failing test wrote as *.received.* (review `git diff` afterwards)
approve:
	@found=0; while IFS= read -r -d '' received; do \
	  approved="$${received/.received./.approved.}"; mv "$$received" "$$approved"; echo "approved $$approved"; found=1; \
	done < <(find tests -name '*.received.*' -print0); \
	[ $$found = 1 ] || echo "nothing to approve"

clean:
	$(DOTNET) clean Generated.sln -nologo -v q
	rm -rf artifacts
