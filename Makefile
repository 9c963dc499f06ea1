# gobake Makefile. `make demo` builds gobake and runs its main job on the embedded default layer;
# `make test` runs the whole test suite (what CI runs).
GO      ?= go
BIN     := bin/gobake
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)
# Upstream Isar checkout (extracted ilbers/isar) for conformance targets; optional.
ISAR    ?=

.PHONY: all build demo test race vet bench fuzz golden conformance clean

all: build

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/gobake

demo: build
	./$(BIN) parse meta

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt needed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }

test: vet
	$(GO) test -count=1 ./...

race:
	$(GO) test -race -count=1 ./...

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

clean:
	rm -rf bin
