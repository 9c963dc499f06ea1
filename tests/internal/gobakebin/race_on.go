//go:build race

package gobakebin

// Race is true when the tests run with the race detector: end-to-end tests then build
// gobake with it too.
const Race = true
