package cook

import (
	"io"
	"testing"

	"github.com/gobake/gobake/internal/pyrt"
)

// testPython is the Python runtime the cooker tests use (one per cooker).
func testPython(t testing.TB) Python {
	t.Helper()
	rt, err := pyrt.New(pyrt.Options{Stdout: io.Discard, Stderr: io.Discard, Hooks: CookerHooks()})
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPyrtPython(rt)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
