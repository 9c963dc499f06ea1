package cook

import (
	"io"
	"testing"

	"github.com/gobake/gobake/internal/data"
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

// A Python object stored with setVar lives in the datastore: a copy made afterwards reads
// the same object, a string the copy stores hides it from the copy only, and the original
// keeps it.
func TestPythonObjectsLiveInTheStore(t *testing.T) {
	py := testPython(t)
	d := data.New()
	d.Python = py
	eval := func(d *data.Store, expr string) string {
		t.Helper()
		got, err := py.EvalInline(d, "X", expr, nil)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return got
	}
	eval(d, "d.setVar('C', ('1', '/f')) or ''")
	c := d.CreateCopy()
	if got := eval(c, "type(d.getVar('C')).__name__ + ' %s %s' % d.getVar('C')"); got != "tuple 1 /f" {
		t.Errorf("copy reads %q", got)
	}
	eval(c, "d.setVar('C', 'plain') or ''")
	if got := eval(c, "type(d.getVar('C')).__name__"); got != "str" {
		t.Errorf("copy after a string setVar reads a %s", got)
	}
	if got := eval(d, "type(d.getVar('C')).__name__"); got != "tuple" {
		t.Errorf("original after the copy's setVar reads a %s", got)
	}
	if v, _ := d.GetVarFlags("C", nil, false); len(v) != 0 {
		t.Errorf("getVarFlags shows the object: %v", v)
	}
}
