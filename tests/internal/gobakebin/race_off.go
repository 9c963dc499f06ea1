//go:build !race

package gobakebin

// Race is true when the tests run with the race detector.
const Race = false
