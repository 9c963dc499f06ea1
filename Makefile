# gobake Makefile. `make demo` builds gobake and runs its main job on the embedded default layer;
# `make test` runs the whole test suite (what CI runs).
GO      ?= go
BIN     := bin/gobake
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)
# Upstream Isar checkout (extracted ilbers/isar) for conformance targets; optional.
ISAR    ?=

.PHONY: all build demo test race vet bench fuzz golden conformance clean golden-env conformance-env

all: build

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/gobake

# The embedded demo layer, built in build/demo (no network, no root needed).
demo: build
	./$(BIN) demo -dir build/demo

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }

test: vet
	$(GO) test -count=1 ./...

race:
	$(GO) test -race -count=1 ./...

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

# Regenerate tests/conformance/testdata/golden: upstream BitBake's statements for our own
# parser fixtures (needs an Isar checkout: make golden-parser ISAR=/path/to/isar).
.PHONY: golden-parser
golden-parser:
	@test -n "$(ISAR)" || { echo "usage: make golden-parser ISAR=/path/to/isar"; exit 2; }
	GOBAKE_ISAR=$(abspath $(ISAR)) $(GO) test -count=1 -run '^TestGoldens$$' ./tests/conformance -update
	GOBAKE_ISAR=$(abspath $(ISAR)) $(GO) test -count=1 -run '^TestGoldens$$' ./tests/conformance

clean:
	rm -rf bin

# Regenerate the cooker's `bitbake -e` goldens (internal/cook/testdata/golden) with upstream BitBake.
golden-env:
	@test -n "$(ISAR)" || { echo "usage: make golden-env ISAR=/path/to/isar"; exit 2; }
	internal/cook/testdata/gen-golden.sh $(ISAR)

# Regenerate internal/data/testdata/golden: upstream DataSmart's results for our datastore
# scenarios (needs an Isar checkout: make golden-data ISAR=/path/to/isar).
.PHONY: golden-data
golden-data:
	@test -n "$(ISAR)" || { echo "usage: make golden-data ISAR=/path/to/isar"; exit 2; }
	/usr/bin/python3 internal/data/testdata/gen_random.py internal/data/testdata/scenarios/random.json
	/usr/bin/python3 internal/data/testdata/oracle.py $(ISAR)/bitbake/lib internal/data/testdata/scenarios internal/data/testdata/golden

# Migration check: `-e` of upstream BitBake and gobake on one build directory, per target
# (tests/conformance/envcompare.sh). TARGETS: "-" is the global environment.
conformance-env: build
	@test -n "$(ISAR)" -a -n "$(BUILDDIR)" || { echo "usage: make conformance-env ISAR=/path/to/isar BUILDDIR=/path/to/build [TARGETS='- mc:NAME:recipe']"; exit 2; }
	GOBAKE=$(CURDIR)/$(BIN) tests/conformance/envcompare.sh $(ISAR)/bitbake $(BUILDDIR) $(TARGETS)

# Regenerate runqueue/testdata/oracle: the fixture layer and upstream BitBake's `bitbake -g`
# output for it (needs an Isar checkout: make golden-runqueue ISAR=/path/to/isar).
.PHONY: golden-runqueue
golden-runqueue:
	@test -n "$(ISAR)" || { echo "usage: make golden-runqueue ISAR=/path/to/isar"; exit 2; }
	GOBAKE_ISAR=$(abspath $(ISAR)) $(GO) test -count=1 -run '^TestOracleGraphs$$' ./runqueue -update
	$(GO) test -count=1 -run '^TestOracleGraphs$$' ./runqueue

# Fuzz the metadata parser: parse -> print -> parse round trip (FUZZTIME=10m by default).
.PHONY: fuzz-parser
fuzz-parser:
	$(GO) test -run='^$$' -fuzz=FuzzParse -fuzztime=$(or $(FUZZTIME),10m) -fuzzminimizetime=200x ./parser

# Regenerate tests/graph/testdata/*/golden: upstream BitBake's `bitbake -g` on our graph
# fixture layers (needs an Isar checkout: make golden-graph ISAR=/path/to/isar).
.PHONY: golden-graph
golden-graph:
	@test -n "$(ISAR)" || { echo "usage: make golden-graph ISAR=/path/to/isar"; exit 2; }
	GOBAKE_ISAR=$(abspath $(ISAR)) $(GO) test -count=1 -run '^TestGraphs$$' ./tests/graph -update
	$(GO) test -count=1 -run '^TestGraphs$$' ./tests/graph

# `gobake -g mc:qemu{amd64,arm64}-bookworm:isar-image-base` in a real Isar build directory,
# compared with BitBake's graphs (GRAPHS holds graph-amd64/ and graph-arm64/).
.PHONY: oracle-graph
oracle-graph:
	@test -n "$(ISAR)" -a -n "$(BUILDDIR)" || { echo "usage: make oracle-graph ISAR=/path/to/isar BUILDDIR=/path/to/build [GRAPHS=dir]"; exit 2; }
	GOBAKE_ORACLE_ISAR=$(abspath $(ISAR)) GOBAKE_ORACLE_BUILD=$(abspath $(BUILDDIR)) GOBAKE_ORACLE_GRAPHS=$(GRAPHS) \
		$(GO) test -count=1 -v -run '^TestOracleBuild$$' ./tests/graph

# End-to-end scheduler overhead per task of `gobake top` (and of upstream `bitbake top` with
# ISAR=/path/to/isar) on synthetic layers: 20,000 noexec tasks, a 10,000-task chain, empty
# shell tasks (tests/bench/e2e.sh; sizes via SPECS).
.PHONY: bench-e2e
bench-e2e:
	tests/bench/e2e.sh $(ISAR)

# Parse speed, gobake and upstream BitBake side by side, on an Isar build directory
# (tests/bench/parse.sh; results in tests/bench/parse-results.md): -p, and -e for TARGETS.
.PHONY: bench-parse
bench-parse:
	@test -n "$(ISAR)" -a -n "$(BUILDDIR)" || { echo "usage: make bench-parse ISAR=/path/to/isar BUILDDIR=/path/to/build [TARGETS='mc:NAME:recipe ...'] [RUNS=3] [BITBAKE=0]"; exit 2; }
	tests/bench/parse.sh $(ISAR) $(BUILDDIR) $(TARGETS)
