package pyrt

import (
	"testing"

	"github.com/go-python/gpython/py"
)

const benchExpr = "bb.utils.contains('DISTRO_FEATURES', 'x', 'a', 'b', d)"

func benchStore() *MemStore {
	d := NewMemStore()
	_ = d.SetVar("DISTRO_FEATURES", "acl ipv4 ipv6 x systemd")
	return d
}

// BenchmarkInlineCompileRun lowers, compiles and evaluates a typical ${@...} expression
// every iteration (no compile cache).
func BenchmarkInlineCompileRun(b *testing.B) {
	r := newTestRuntime(b)
	d := benchStore()
	g, err := r.Context()
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		low, err := Lower(benchExpr, "bench.conf")
		if err != nil {
			b.Fatal(err)
		}
		code, err := py.Compile(low, "bench.conf", py.EvalMode, 0, true)
		if err != nil {
			b.Fatal(err)
		}
		v, err := r.RunCode(code, g, py.StringDict{"d": r.NewDataObject(d)}, nil)
		if err != nil || v != py.String("a") {
			b.Fatal(v, err)
		}
	}
}

// BenchmarkInlineCached evaluates the same expression through the cooker API, whose
// compiled code is cached by source and origin.
func BenchmarkInlineCached(b *testing.B) {
	r := newTestRuntime(b)
	d := benchStore()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s, err := r.CompileInline(benchExpr, "bench.conf", 1)
		if err != nil {
			b.Fatal(err)
		}
		v, err := r.EvalInline(s, d)
		if err != nil || v != "a" {
			b.Fatal(v, err)
		}
	}
}
