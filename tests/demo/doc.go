// Package demo holds end-to-end tests of gobake on the embedded demo layer (meta/): a full
// build from scratch, incremental rebuilds driven by task signatures, failures, a build
// killed with SIGKILL and resumed, and a concurrent second gobake refused. The tests run
// the real gobake binary, built once per test run.
package demo
