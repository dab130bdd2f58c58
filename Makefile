# ViberGateways — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := build

DOTNET        ?= dotnet
CONFIGURATION ?= Debug
TOOLS         := src/build
TOOLS_STAMP   := $(TOOLS)/node_modules/.package-lock.json
RESULTS       := artifacts/test-results
REDOCLY       := cd $(TOOLS) && npx --no-install redocly

.PHONY: build tools lint test contract run approve clean

## tools: install the pinned generator and spec tools (NSwag, Redocly, Prism) from src/build/package-lock.json
tools: $(TOOLS_STAMP)
$(TOOLS_STAMP): $(TOOLS)/package.json $(TOOLS)/package-lock.json
	cd $(TOOLS) && npm ci --no-audit --no-fund
	touch $@

## build: generate the clients from specs/ and compile everything
build: tools
	$(DOTNET) build Generated.sln -c $(CONFIGURATION) -nologo

## lint: check every spec with Redocly
lint: tools
	$(REDOCLY) lint --config redocly.yaml --format=summary $(abspath $(wildcard specs/*.yaml))

## test: lint, build and run every test; ends with "N passed, N failed"
test: lint build
	rm -rf $(RESULTS)
	$(DOTNET) test Generated.sln -c $(CONFIGURATION) --no-build -nologo --logger trx --results-directory $(RESULTS); \
	  status=$$?; $(TOOLS)/test-summary.sh $(RESULTS); exit $$status

## contract: Stoplight Prism serves specs/ and validates every request the SDK's JSON, form and query operations send
##           (also part of `make test`, as tests/ViberGateways.ContractTests)
contract: tools
	$(DOTNET) test tests/ViberGateways.ContractTests -c $(CONFIGURATION) -nologo

## run: the main job
run: build
	$(DOTNET) run --project src/ViberGateways.Cli -c $(CONFIGURATION) --no-build -- demo

## approve: accept the snapshots a failing test wrote as *.received.* (review `git diff` afterwards)
approve:
	@found=0; while IFS= read -r -d '' received; do \
	  approved="$${received/.received./.approved.}"; mv "$$received" "$$approved"; echo "approved $$approved"; found=1; \
	done < <(find tests -name '*.received.*' -print0); \
	[ $$found = 1 ] || echo "nothing to approve"

clean:
	$(DOTNET) clean Generated.sln -nologo -v q
	rm -rf artifacts
