package pyrt

import (
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
)

// TestRunDef checks that defining the same plain function again keeps the bound function,
// and that everything else (defaults, decorators, a rebound name, attributes, other
// statements) runs again as Python would.
func TestRunDef(t *testing.T) {
	r := newTestRuntime(t)
	g := r.NewMain("")
	run := func(src string) {
		t.Helper()
		code, err := r.CompileAt(src, "x.bbclass", 3, py.ExecMode)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.RunDef(code, g); err != nil {
			t.Fatal(err)
		}
	}
	same := func(src string, want bool) {
		t.Helper()
		run(src)
		before := g["f"]
		run(src)
		if got := g["f"] == before; got != want {
			t.Errorf("%q defined twice: kept the first function = %v, want %v", src, got, want)
		}
	}
	same("def f(d):\n    return d\n", true)
	same("def f(d=1):\n    return d\n", false)
	same("def f(*, d=1):\n    return d\n", false)
	same("def f(d: int):\n    return d\n", false)
	same("@staticmethod\ndef f(d):\n    return d\n", false)
	same("def f(d):\n    return d\nx = 1\n", false)

	// A rebound name and a function with attributes are defined again.
	run("def f(d):\n    return d\n")
	first := g["f"]
	g["f"] = py.None
	run("def f(d):\n    return d\n")
	if g["f"] == first || g["f"] == py.None {
		t.Error("a rebound name was not defined again")
	}
	fn := g["f"].(*py.Function)
	fn.Dict = py.StringDict{"tag": py.True}
	run("def f(d):\n    return d\n")
	if g["f"] == fn {
		t.Error("a function with attributes was kept")
	}
	// The kept function still runs, with tracebacks on the file's lines.
	run("def h(d):\n    return 1 / d\n")
	_, err := py.Call(g["h"], py.Tuple{py.Int(0)}, nil)
	if tb := r.Traceback(err); err == nil || !strings.Contains(tb, `"x.bbclass", line 4`) {
		t.Errorf("traceback %q does not name x.bbclass line 4", tb)
	}
}
