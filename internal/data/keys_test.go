package data

import (
	"fmt"
	"slices"
	"testing"
)

// KeysInOrder lists what Keys lists, newest copy first and each layer in first-set order;
// ExpandableKeys lists the names holding ${...} from every layer, as a full scan would.
func TestKeyOrders(t *testing.T) {
	d := New()
	set := func(d *Store, name, value string) {
		t.Helper()
		if err := d.SetVar(name, value, Info{}); err != nil {
			t.Fatal(err)
		}
	}
	set(d, "OVERRIDES", "arm")
	set(d, "B", "1")
	set(d, "A", "1")
	set(d, "X_${B}", "1")
	set(d, "GONE", "1")
	set(d, "V", "base")
	set(d, "V:arm", "arm")
	c := d.CreateCopy()
	set(c, "Z", "1")
	set(c, "B", "2") // shadows the parent's B: listed once, in the copy's layer
	c.DelVar("GONE", Info{})
	set(c, "Y_${A}", "1")

	got, err := c.KeysInOrder()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Z", "B", "Y_${A}", "OVERRIDES", "A", "X_${B}", "V:arm", "V"}
	if !slices.Equal(got, want) {
		t.Errorf("KeysInOrder = %q, want %q", got, want)
	}
	sorted, _ := c.Keys()
	if !slices.Equal(sorted, slices.Sorted(slices.Values(want))) {
		t.Errorf("Keys = %q, want the same names sorted", sorted)
	}
	exp, _ := c.ExpandableKeys()
	if want := []string{"X_${B}", "Y_${A}"}; !slices.Equal(exp, want) {
		t.Errorf("ExpandableKeys = %q, want %q", exp, want)
	}
	c.DelVar("X_${B}", Info{})
	if exp, _ := c.ExpandableKeys(); !slices.Equal(exp, []string{"Y_${A}"}) {
		t.Errorf("after deleting X_${B}: ExpandableKeys = %q", exp)
	}
	if exp, _ := d.ExpandableKeys(); !slices.Equal(exp, []string{"X_${B}"}) {
		t.Errorf("the original's ExpandableKeys = %q, want [X_${B}]", exp)
	}
}

func TestOldOverrideSyntax(t *testing.T) {
	for name, want := range map[string]bool{
		"SRC_URI": false, "DEPENDS_append": true, "A_prepend_x": true, "X__remove": true,
		"do_install_append": true, "_append": true, "APPEND": false, "A_appendix": true,
		"B_rem": false, "C_": false, "": false, "D:append": false,
	} {
		if got := oldOverrideSyntax(name); got != want {
			t.Errorf("oldOverrideSyntax(%q) = %v, want %v", name, got, want)
		}
	}
}

// Flatten keeps what the store reads, drops deleted variables, keeps names in first-set
// order, and leaves the former parents and later copies independent of it.
func TestFlatten(t *testing.T) {
	base := New()
	for _, kv := range [][2]string{{"A", "1"}, {"B", "${A}2"}, {"GONE", "x"}, {"C", "base"}} {
		if err := base.SetVar(kv[0], kv[1], Info{}); err != nil {
			t.Fatal(err)
		}
	}
	if err := base.SetVarFlag("B", "doc", "b", Info{}); err != nil {
		t.Fatal(err)
	}
	d := base.CreateCopy()
	if err := d.SetVar("C", "mine", Info{}); err != nil {
		t.Fatal(err)
	}
	if err := d.SetVar("D", "${C}", Info{}); err != nil {
		t.Fatal(err)
	}
	d.DelVar("GONE", Info{})
	before, _ := d.KeysInOrder()
	d.Flatten()
	after, _ := d.KeysInOrder()
	if want := []string{"A", "B", "C", "D"}; !slices.Equal(after, want) {
		t.Errorf("keys after Flatten = %q (before %q), want %q", after, before, want)
	}
	for name, want := range map[string]string{"B": "12", "D": "mine", "C": "mine"} {
		if got, _, _ := d.Get(name); got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	if v, _ := d.GetVarFlag("B", "doc", false); v != "b" {
		t.Errorf("B[doc] = %v", v)
	}
	if _, ok, _ := d.Get("GONE"); ok {
		t.Error("GONE is back")
	}
	c := d.CreateCopy()
	if err := c.SetVarFlag("B", "doc", "changed", Info{}); err != nil {
		t.Fatal(err)
	}
	if v, _ := d.GetVarFlag("B", "doc", false); v != "b" {
		t.Errorf("a copy's write reached the flattened store: B[doc] = %v", v)
	}
	if err := d.SetVarFlag("B", "doc", "own", Info{}); err != nil {
		t.Fatal(err)
	}
	if v, _ := base.GetVarFlag("B", "doc", false); v != "b" {
		t.Errorf("a write to the flattened store reached its former parent: B[doc] = %v", v)
	}
}

// Parent layers large enough for their live names to be cached list the same keys as the
// plain walk, and writes to any layer, the parents' included, are seen by the next call.
func TestCachedLayerKeys(t *testing.T) {
	set := func(d *Store, name, value string) {
		t.Helper()
		if err := d.SetVar(name, value, Info{}); err != nil {
			t.Fatal(err)
		}
	}
	// walk is keysMatching without the cache: every name of every layer, looked up in the
	// layers above.
	walk := func(d *Store) []string {
		var out, over []string
		active := map[string]bool{}
		d.ovdata.each(nil, func(v string, refs []ovRef) {
			for _, r := range refs {
				if d.overrideActive(r.override) {
					active[v] = true
					over = append(over, v)
					return
				}
			}
		})
		for l := d.vars; l != nil; l = l.parent {
		next:
			for _, k := range l.order {
				if e := l.m[k]; e == nil || active[k] || len(e.flags) == 0 {
					continue
				}
				for u := d.vars; u != l; u = u.parent {
					if _, ok := u.m[k]; ok {
						continue next
					}
				}
				out = append(out, k)
			}
		}
		return append(out, slices.Sorted(slices.Values(over))...)
	}
	check := func(what string, d *Store) {
		t.Helper()
		got, err := d.KeysInOrder()
		if err != nil {
			t.Fatal(err)
		}
		if want := walk(d); !slices.Equal(got, want) {
			t.Errorf("%s: KeysInOrder lists %d names, the walk %d\n got %q\nwant %q", what, len(got), len(want), got, want)
		}
	}
	base := New()
	set(base, "OVERRIDES", "arm")
	set(base, "V0001", "base")
	conf := base.CreateCopy()
	for i := range 300 {
		set(conf, fmt.Sprintf("V%04d", i), "x")
	}
	set(conf, "P", "base")
	set(conf, "P:arm", "arm")
	conf.DelVar("V0007", Info{})
	conf.Flatten() // as a multiconfig's configuration: its layer's names are cached
	if !conf.vars.flat {
		t.Fatal("Flatten made no flat layer")
	}
	recipe := conf.CreateCopy()
	set(recipe, "V0003", "recipe")
	recipe.DelVar("V0005", Info{})
	set(recipe, "R", "1")
	task := recipe.CreateCopy()
	set(task, "V0004", "task")
	task.DelVar("V0006", Info{})
	check("task", task)
	check("recipe", recipe)
	check("conf", conf)

	// The configuration changes after the copies listed it.
	set(conf, "NEW", "1")
	check("task after a new variable in the configuration", task)
	conf.DelVar("V0009", Info{})
	check("task after a deletion in the configuration", task)
	if err := conf.SetVarFlag("V0007", "doc", "back", Info{}); err != nil {
		t.Fatal(err)
	}
	check("task after a deleted variable of the configuration got a flag", task)
	if err := conf.RenameVar("V0010", "RENAMED", Info{}); err != nil {
		t.Fatal(err)
	}
	check("task after a rename in the configuration", task)
	got, _ := task.KeysInOrder()
	for name, want := range map[string]bool{"NEW": true, "V0009": false, "V0007": true, "V0005": false, "V0004": true, "P:arm": true, "V0010": false, "RENAMED": true} {
		if slices.Contains(got, name) != want {
			t.Errorf("task lists %s = %v, want %v", name, !want, want)
		}
	}
}
