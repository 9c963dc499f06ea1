package data

import (
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
