package pyrt

import (
	"errors"
	"io"
	"strings"
	"testing"
)

func newTestRuntime(t testing.TB) *Runtime {
	t.Helper()
	r, err := New(Options{Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

func TestEvalInline(t *testing.T) {
	r := newTestRuntime(t)
	d := NewMemStore()
	d.Python = func(expr string, ds DataStore) (string, error) {
		s, err := r.CompileInline(expr, "<expand>", 1)
		if err != nil {
			return "", err
		}
		return r.EvalInline(s, ds)
	}
	_ = d.SetVar("DISTRO_FEATURES", "x y")
	_ = d.SetVar("A", "${@bb.utils.contains('DISTRO_FEATURES', 'x', 'yes', 'no', d)}-${DISTRO_FEATURES}")
	for _, c := range []struct{ expr, want string }{
		{"bb.utils.contains('DISTRO_FEATURES', 'x', 'a', 'b', d)", "a"},
		{"bb.utils.contains('DISTRO_FEATURES', 'x z', 'a', 'b', d)", "b"},
		{"d.getVar('A')", "yes-x y"},
		{"d.getVar('A', False)", "${@bb.utils.contains('DISTRO_FEATURES', 'x', 'yes', 'no', d)}-${DISTRO_FEATURES}"},
		{"'%s-%d' % ('v', 3)", "v-3"},
		{"f\"{d.getVar('DISTRO_FEATURES').split()[1]!r}\"", "'y'"},
		{"None", "None"},
	} {
		s, err := r.CompileInline(c.expr, "conf/x.conf", 7)
		if err != nil {
			t.Fatalf("%s: %v", c.expr, err)
		}
		got, err := r.EvalInline(s, d)
		if err != nil {
			t.Fatalf("%s: %v", c.expr, err)
		}
		if got != c.want {
			t.Errorf("%s = %q, want %q", c.expr, got, c.want)
		}
	}
}

func TestMetadataErrorPosition(t *testing.T) {
	r := newTestRuntime(t)
	d := NewMemStore()
	body := "    x = 1\n    y = d.getVar('NOPE')\n    y.split()\n"
	err := r.RunFunc("do_thing", body, "classes/foo.bbclass", 10, d)
	var pe *Error
	if !errors.As(err, &pe) {
		t.Fatalf("want *Error, got %v", err)
	}
	if pe.File != "classes/foo.bbclass" || pe.Line != 12 {
		t.Errorf("error at %s:%d, want classes/foo.bbclass:12 (%v)", pe.File, pe.Line, err)
	}
	if pe.Exc != "AttributeError: 'NoneType' object has no attribute 'split'" {
		t.Errorf("Exc = %q", pe.Exc)
	}
	if !strings.Contains(pe.Traceback, "File \"classes/foo.bbclass\", line 12, in do_thing\n    y.split()") {
		t.Errorf("traceback lacks the metadata line:\n%s", pe.Traceback)
	}
	_, err = r.CompileInline("1 +", "conf/y.conf", 4)
	if !errors.As(err, &pe) || pe.File != "conf/y.conf" || pe.Line != 4 {
		t.Errorf("syntax error = %v", err)
	}
}
