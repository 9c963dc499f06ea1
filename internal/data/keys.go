package data

import (
	"fmt"
	"slices"
	"strings"
)

// Keys returns the names of all variables, sorted (DataSmart.__iter__ yields a set):
// deleted and empty ones are skipped, override variables active now are included.
func (d *Store) Keys() ([]string, error) {
	out, err := d.keysMatching(nil)
	slices.Sort(out)
	return out, err
}

// IterKeys returns the names in BitBake's iteration order (DataSmart.__iter__): plain
// variables first (sorted here; a Python set there), then the variables that have an
// active override variable. The order matters to callers that write while iterating
// (expandVarref).
func (d *Store) IterKeys() ([]string, error) {
	out, err := d.keysMatching(nil)
	if err != nil {
		return nil, err
	}
	plain, over := out[:0:0], []string(nil)
	for _, k := range out {
		if d.activeOverrideBase(k) {
			over = append(over, k)
		} else {
			plain = append(plain, k)
		}
	}
	slices.Sort(plain)
	slices.Sort(over)
	return append(plain, over...), nil
}

func (d *Store) activeOverrideBase(k string) bool {
	refs, _ := d.ovdata.get(k)
	for _, r := range refs {
		if d.overrideActive(r.override) {
			return true
		}
	}
	return false
}

// keysMatching is DataSmart.__iter__ restricted to names accepted by keep (all when nil),
// in no particular order.
func (d *Store) keysMatching(keep func(string) bool) ([]string, error) {
	if err := d.needOverrides(); err != nil {
		return nil, err
	}
	overrides := map[string]bool{}
	d.ovdata.each(keep, func(v string, refs []ovRef) {
		for _, r := range refs {
			if d.overrideActive(r.override) {
				overrides[v] = true
				return
			}
		}
	})
	out := []string{}
	var upper []map[string]*entry
	for l := d.vars; l != nil; l = l.parent {
	next:
		for k, e := range l.m {
			if keep != nil && !keep(k) || overrides[k] || len(e.flags) == 0 {
				continue
			}
			for _, u := range upper {
				if _, ok := u[k]; ok {
					continue next
				}
			}
			out = append(out, k)
		}
		upper = append(upper, l.m)
	}
	for k := range overrides {
		out = append(out, k)
	}
	return out, nil
}

// LocalKeys returns the variables of this store's own layer in the order they were first
// written (localkeys iterates a Python dict).
func (d *Store) LocalKeys() []string { return slices.Clone(d.vars.order) }

// ExpandKeys renames variables whose names contain ${...} to their expanded names
// (bb.data.expandKeys), reading expansions from read (d itself when nil).
func (d *Store) ExpandKeys(read *Store) error {
	if read == nil {
		read = d
	}
	keys, err := d.keysMatching(func(k string) bool { return strings.Contains(k, "${") })
	if err != nil {
		return err
	}
	todo := map[string]string{}
	for _, k := range keys {
		if !strings.Contains(k, "${") {
			continue
		}
		ek, err := read.Expand(k, "")
		if err != nil {
			return err
		}
		if ek != k {
			todo[k] = ek
		}
	}
	for _, k := range sortedKeys(todo) {
		ek := todo[k]
		if nv, _ := d.GetVar(ek, false); nv != nil {
			if v, _ := d.GetVar(k, false); v != nil {
				d.warn(fmt.Sprintf("Variable key %s (%s) replaces original key %s (%s).", k, Text(v), ek, Text(nv)))
			}
		}
		if err := d.RenameVar(k, ek, internalInfo("data.py", 97, "expandKeys")); err != nil {
			return err
		}
	}
	return nil
}

// ExpandVarref replaces ${variable} by variable's unexpanded value in every variable of
// this store's own layer (all layers with parents) that references it (expandVarref;
// the cooker uses it for LAYERDIR).
func (d *Store) ExpandVarref(variable string, parents bool) error {
	var keys []string
	if parents {
		k, err := d.IterKeys()
		if err != nil {
			return err
		}
		keys = k
	} else {
		keys = d.LocalKeys()
	}
	ref := "${" + variable + "}"
	value, err := d.GetVar(variable, false)
	if err != nil {
		return err
	}
	for _, k := range keys {
		rv, err := d.GetVar(k, false)
		if err != nil {
			return err
		}
		s, ok := rv.(string)
		if !ok || !strings.Contains(s, ref) {
			continue
		}
		if err := d.SetVar(k, strings.ReplaceAll(s, ref, Text(value)), internalInfo("data_smart.py", 1023, "expandVarref")); err != nil {
			return err
		}
	}
	return nil
}
