package data

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

// mustSet assigns with "=", name may be VAR[flag].
func mustSet(t *testing.T, d *Store, name, value string) {
	t.Helper()
	a := Assignment{Var: name, Value: value, File: "t.conf", Line: 1}
	if i := strings.IndexByte(name, '['); i > 0 && strings.HasSuffix(name, "]") {
		a.Var, a.Flag = name[:i], name[i+1:len(name)-1]
	}
	if err := d.Assign(a); err != nil {
		t.Fatal(err)
	}
}

func mustGet(t *testing.T, d *Store, name string) string {
	t.Helper()
	v, _, err := d.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestConcurrentCopies checks that copies of a frozen store can be made and used in
// parallel (run with -race) and never see each other's writes.
func TestConcurrentCopies(t *testing.T) {
	base := New()
	base.EnableTracking()
	mustSet(t, base, "OVERRIDES", "${MACHINE}:pn-${PN}")
	mustSet(t, base, "MACHINE", "qemu")
	mustSet(t, base, "WORKDIR", "/work/${PN}/${PV}")
	mustSet(t, base, "PV", "1.0")
	mustSet(t, base, "PV:pn-r3", "3.0")
	mustSet(t, base, "DEPENDS:append:qemu", " qemu-dep")
	mustSet(t, base, "do_x[dirs]", "${WORKDIR}")
	// A flattened configuration: the copies list its names from the cache of its layer.
	base = base.CreateCopy()
	for i := range 300 {
		mustSet(t, base, fmt.Sprintf("V%d", i), "v")
	}
	base.Flatten()
	if _, err := base.Overrides(); err != nil {
		t.Fatal(err)
	}
	base.Freeze()
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := base.CreateCopy()
			pn := fmt.Sprintf("r%d", i)
			if err := d.SetVar("PN", pn, Info{File: pn + ".bb", Line: 1}); err != nil {
				errs[i] = err
				return
			}
			if err := d.AppendVar("DEPENDS", " own-"+pn, Info{}); err != nil {
				errs[i] = err
				return
			}
			task := d.CreateCopy()
			w, _, err := task.Get("WORKDIR")
			if err != nil {
				errs[i] = err
				return
			}
			want := "/work/" + pn + "/1.0"
			if i == 3 {
				want = "/work/r3/3.0"
			}
			if w != want {
				errs[i] = fmt.Errorf("%s: WORKDIR = %q, want %q", pn, w, want)
			}
			dep, _, _ := task.Get("DEPENDS")
			if dep != " qemu-dep own-"+pn {
				errs[i] = fmt.Errorf("%s: DEPENDS = %q", pn, dep)
			}
			if _, err := task.Keys(); err != nil {
				errs[i] = err
			}
			// Views of the base's flags are taken concurrently; the copy's own write
			// leaves the view it took before alone.
			view, ok := d.ViewVarFlags("do_x")
			if err := d.SetVarFlag("do_x", "dirs", pn, Info{}); err != nil {
				errs[i] = err
			}
			if v, _ := view.Get("dirs"); !ok || v != "${WORKDIR}" {
				errs[i] = fmt.Errorf("%s: view of do_x[dirs] = %v", pn, v)
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	if v, ok, _ := base.Get("PN"); ok {
		t.Errorf("copy wrote PN = %q into the base", v)
	}
}

func TestExpansionErrors(t *testing.T) {
	d := New()
	mustSet(t, d, "A", "${B}")
	mustSet(t, d, "B", "${A}")
	_, err := d.GetVar("A", true)
	var ee *ExpansionError
	if !errors.As(err, &ee) || !errors.Is(err, ErrRecursion) {
		t.Fatalf("cycle: got %v, want ExpansionError wrapping ErrRecursion", err)
	}
	mustSet(t, d, "S", "x ${S}")
	_, err = d.GetVar("S", true)
	if !errors.Is(err, ErrSelfReference) || !strings.Contains(err.Error(), "variable S references itself!") {
		t.Fatalf("self reference: got %v", err)
	}
	// Assign errors carry the statement's location.
	err = d.Assign(Assignment{Var: "I", Op: OpImmediate, Value: "${S}", File: "x.conf", Line: 7})
	if !errors.As(err, &ee) || !strings.HasPrefix(err.Error(), "x.conf:7: ") {
		t.Fatalf(":= error: got %v", err)
	}
	err = d.SetVar("FOO_append", "x", Info{File: "y.conf", Line: 3})
	var fe *FatalError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "file: y.conf line: 3") {
		t.Fatalf("old syntax: got %v", err)
	}
}

type countingPython struct{ calls int }

func (c *countingPython) EvalInline(d *Store, varname, code string, refs *Refs) (string, error) {
	c.calls++
	refs.AddReference("X")
	return "<" + code + ">", nil
}

func TestPythonHookAndRefs(t *testing.T) {
	d := New()
	mustSet(t, d, "A", "${@foo()} ${B} ${@bar(${UNSET})}")
	if got := mustGet(t, d, "A"); got != "${@foo()} ${B} ${@bar(${UNSET})}" {
		t.Fatalf("without hook: %q", got)
	}
	py := &countingPython{}
	d.Python = py
	mustSet(t, d, "B", "b")
	p, err := d.ExpandWithRefs("${@foo()} ${B} ${@bar(${UNSET})}", "A")
	if err != nil {
		t.Fatal(err)
	}
	if p.Value != "<foo()> b ${@bar(${UNSET})}" || py.calls != 1 {
		t.Fatalf("got %q after %d calls", p.Value, py.calls)
	}
	if strings.Join(p.References, ",") != "B,UNSET,X" {
		t.Fatalf("references %v", p.References)
	}
}

func TestCopyCost(t *testing.T) {
	base, names := realisticStore(t, 2000, 20)
	d := base
	for range 50 {
		d = d.CreateCopy()
		if err := d.SetVar("OVERRIDES:append", ":x", Info{}); err != nil {
			t.Fatal(err)
		}
	}
	if depth := d.ovdata.base.depth; depth > maxFrozenDepth+1 {
		t.Fatalf("override index chain depth %d after 50 copies", depth)
	}
	if _, err := d.GetVar(names[7], true); err != nil {
		t.Fatal(err)
	}
}

func ExampleStore() {
	d := New()
	d.EnableTracking()
	for _, a := range []Assignment{
		{Var: "OVERRIDES", Value: "${MACHINE}:local"},
		{Var: "MACHINE", Value: "qemuarm"},
		{Var: "CFLAGS", Value: "-O2"},
		{Var: "CFLAGS:append:qemuarm", Value: " -march=armv7"},
		{Var: "CFLAGS", Op: OpAppend, Value: "-g"},
		{Var: "CFLAGS", Flag: "export", Value: "1"},
	} {
		a.File, a.Line = "local.conf", 1
		if err := d.Assign(a); err != nil {
			panic(err)
		}
	}
	v, _, _ := d.Get("CFLAGS")
	fmt.Println(v)
	d.EmitVar(os.Stdout, "CFLAGS", false)
	// Output:
	// -O2 -g -march=armv7
	// export CFLAGS="-O2 -g -march=armv7"
}

func TestExportedVars(t *testing.T) {
	d := New()
	mustSet(t, d, "A", "a ${B}")
	mustSet(t, d, "B", "b")
	mustSet(t, d, "A[export]", "1")
	mustSet(t, d, "C[export]", "1")
	mustSet(t, d, "U", "u")
	mustSet(t, d, "U[export]", "1")
	mustSet(t, d, "U[unexport]", "1")
	mustSet(t, d, "__P", "p")
	mustSet(t, d, "__P[export]", "1")
	if err := d.Export("B"); err != nil {
		t.Fatal(err)
	}
	got, err := d.ExportedVars()
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(got) != "[[A a b] [B b]]" {
		t.Fatalf("exported %v", got)
	}
}

func TestText(t *testing.T) {
	for _, c := range []struct {
		v    any
		want string
	}{
		{nil, "None"}, {true, "True"}, {0, "0"},
		{[]string{"a", "it's", "q\"'", "t\tn\n\x01é"}, `['a', "it's", 'q"\'', 't\tn\n\x01é']`},
		{map[string]bool{"b": true, "a": true}, "{'a', 'b'}"},
	} {
		if got := Text(c.v); got != c.want {
			t.Errorf("Text(%#v) = %s, want %s", c.v, got, c.want)
		}
	}
}

// A FlagView keeps showing the public flags the variable had when it was taken, in order,
// whatever is written to the variable afterwards.
func TestFlagViewKeepsItsFlags(t *testing.T) {
	d := New()
	mustSet(t, d, "X", "v")
	mustSet(t, d, "X[a]", "1")
	mustSet(t, d, "X[b]", "2")
	if _, ok := d.ViewVarFlags("NONE"); ok {
		t.Error("view of an unset variable")
	}
	mustSet(t, d, "PLAIN", "v")
	if _, ok := d.ViewVarFlags("PLAIN"); ok {
		t.Error("view of a variable without public flags")
	}
	show := func(v FlagView) string {
		var b strings.Builder
		v.Each(func(f Flag) { fmt.Fprintf(&b, "%s=%v ", f.Name, f.Value) })
		return fmt.Sprintf("%d: %s", v.Len(), b.String())
	}
	view, ok := d.ViewVarFlags("X")
	if !ok {
		t.Fatal("no view of X")
	}
	mustSet(t, d, "X[a]", "changed")
	d.DelVarFlag("X", "b", Info{})
	mustSet(t, d, "X[c]", "3")
	mustSet(t, d, "X", "w")
	if got, want := show(view), "2: a=1 b=2 "; got != want {
		t.Errorf("old view: %q, want %q", got, want)
	}
	if v, ok := view.Get("a"); !ok || v != "1" {
		t.Errorf("old view a = %v, %v", v, ok)
	}
	if _, ok := view.Get("_content"); ok {
		t.Error("view shows the value")
	}
	now, _ := d.ViewVarFlags("X")
	if got, want := show(now), "2: a=changed c=3 "; got != want {
		t.Errorf("new view: %q, want %q", got, want)
	}
	if got := mustGet(t, d, "X"); got != "w" {
		t.Errorf("X = %q", got)
	}
}
