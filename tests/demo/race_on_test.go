//go:build race

package demo

// raceEnabled builds the gobake under test with the race detector when the tests run with it.
const raceEnabled = true
