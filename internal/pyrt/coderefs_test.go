package pyrt

import (
	"reflect"
	"testing"
)

// The expected values are what BitBake 2.8's PythonParser reports for the same code.
func TestParseCodeRefs(t *testing.T) {
	code := `    import os
    workdir = d.getVar('WORKDIR')
    flags = d.getVarFlag("do_fetch", "dirs")
    d.appendVar('EXTRA', ' x')
    if bb.utils.contains('DISTRO_FEATURES', 'x11 wayland', True, False, d):
        bb.build.exec_func('do_helper', d)
    feats = bb.utils.filter('MACHINE_FEATURES', 'a b', d)
    name = d.getVar(varname)
    path = os.path.join(workdir, f"{name}.txt")
    my_helper(d)
    s = d.expand("${S}/x")
`
	got, err := ParseCodeRefs("do_test", code)
	if err != nil {
		t.Fatal(err)
	}
	wantRefs := []string{"EXTRA", "WORKDIR", "do_fetch[dirs]"}
	if !reflect.DeepEqual(got.References, wantRefs) {
		t.Errorf("references: got %v want %v", got.References, wantRefs)
	}
	wantExecs := []string{"do_helper", "my_helper", "os.path.join"}
	if !reflect.DeepEqual(got.Execs, wantExecs) {
		t.Errorf("execs: got %v want %v", got.Execs, wantExecs)
	}
	wantContains := map[string][]string{"DISTRO_FEATURES": {"x11 wayland"}, "MACHINE_FEATURES": {"a", "b"}}
	if !reflect.DeepEqual(got.Contains, wantContains) {
		t.Errorf("contains: got %v want %v", got.Contains, wantContains)
	}
	if !reflect.DeepEqual(got.Expands, []string{"${S}/x"}) {
		t.Errorf("expands: %v", got.Expands)
	}
}

func TestParseCodeRefsSyntaxError(t *testing.T) {
	if _, err := ParseCodeRefs("do_bad", "if x\n  pass\n"); err == nil {
		t.Fatal("want a syntax error")
	}
}
