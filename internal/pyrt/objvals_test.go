package pyrt

import "testing"

// A non-string value stored with setVar comes back from getVar in a later evaluation over
// the same store (oe.reproducible's __CACHED_SOURCE_DATE_EPOCH tuple), until a string
// replaces it.
func TestNonStringVarValues(t *testing.T) {
	r := newTestRuntime(t)
	d := NewMemStore()
	eval := func(expr string) string {
		t.Helper()
		got, err := evalInline(t, r, d, expr)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return got
	}
	if got := eval("d.setVar('C', ('1', '/f')) or ''"); got != "" {
		t.Fatalf("setVar returned %q", got)
	}
	if got := eval("'%s %s' % d.getVar('C')"); got != "1 /f" {
		t.Errorf("tuple value: got %q", got)
	}
	if got := eval("type(d.getVar('C')).__name__"); got != "tuple" {
		t.Errorf("type: got %q", got)
	}
	eval("d.setVar('C', 'plain') or ''")
	if got := eval("type(d.getVar('C')).__name__ + d.getVar('C')"); got != "strplain" {
		t.Errorf("after string setVar: got %q", got)
	}
	eval("d.setVar('N', 5) or ''")
	if err := d.SetVar("N", "6"); err != nil {
		t.Fatal(err)
	}
	if got := eval("repr(d.getVar('N'))"); got != "'6'" {
		t.Errorf("store changed behind the object: got %s", got)
	}
}

// setVar(name, None) reads back as None, with or without flags.
func TestSetVarNone(t *testing.T) {
	r := newTestRuntime(t)
	d := NewMemStore()
	eval := func(expr string) string {
		t.Helper()
		got, err := evalInline(t, r, d, expr)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		return got
	}
	eval("d.setVar('A', 'x') or d.setVar('A', None) or ''")
	eval("d.setVar('F', 'y') or d.setVarFlag('F', 'doc', 'z') or d.setVar('F', None) or ''")
	if got := eval("repr((d.getVar('A'), d.getVar('F'), d.getVarFlag('F', 'doc')))"); got != "(None, None, 'z')" {
		t.Errorf("got %s", got)
	}
	if _, ok, _ := d.GetVar("A", false); ok {
		t.Errorf("A without flags should be gone from the store")
	}
}

// evalInline evaluates expr as a ${@...} expression of conf/x.conf over d.
func evalInline(t *testing.T, r *Runtime, d DataStore, expr string) (string, error) {
	t.Helper()
	s, err := r.CompileInline(expr, "conf/x.conf", 1)
	if err != nil {
		t.Fatal(err)
	}
	return r.EvalInline(s, d)
}
