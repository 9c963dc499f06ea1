// Package tests holds end-to-end scenarios, conformance checks against upstream BitBake and
// benchmarks.
package tests
