package data

import (
	"fmt"
	"slices"
	"strings"
)

// Keys returns the names of all variables, sorted (DataSmart.__iter__ yields a set):
// deleted and empty ones are skipped, override variables active now are included.
func (d *Store) Keys() ([]string, error) {
	out, err := d.keysMatching(false)
	slices.Sort(out)
	return out, err
}

// KeysInOrder returns the names Keys returns, unsorted but in a stable order: each layer's
// names in the order they were first set, newest copy first (the order in which
// DataSmart.__iter__ visits its chain of dicts), then the active override variables.
// Metadata Python's d.keys() gets this order: BitBake's is a set's, which no metadata can
// rely on, and sorting hundreds of names for every recipe is measurable.
func (d *Store) KeysInOrder() ([]string, error) { return d.keysMatching(false) }

// ExpandableKeys returns the names that hold "${", sorted: the ones bb.data.expandKeys
// renames. Each layer keeps them apart, so this costs nothing when there are none.
func (d *Store) ExpandableKeys() ([]string, error) {
	out, err := d.keysMatching(true)
	slices.Sort(out)
	return out, err
}

// IterKeys returns the names in BitBake's iteration order (DataSmart.__iter__): plain
// variables first (sorted here; a Python set there), then the variables that have an
// active override variable. The order matters to callers that write while iterating
// (expandVarref).
func (d *Store) IterKeys() ([]string, error) {
	out, err := d.keysMatching(false)
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

// keysMatching is DataSmart.__iter__, restricted to the names that hold "${" when dollar is
// set, in the order KeysInOrder describes.
func (d *Store) keysMatching(dollar bool) ([]string, error) {
	if err := d.needOverrides(); err != nil {
		return nil, err
	}
	var keep func(string) bool
	if dollar {
		keep = func(k string) bool { return strings.Contains(k, "${") }
	}
	overrides := map[string]bool{}
	var overOrder []string
	d.ovdata.each(keep, func(v string, refs []ovRef) {
		for _, r := range refs {
			if d.overrideActive(r.override) {
				overrides[v] = true
				overOrder = append(overOrder, v)
				return
			}
		}
	})
	slices.Sort(overOrder)
	n := 0
	for l := d.vars; l != nil && !dollar; l = l.parent {
		n += len(l.m)
	}
	out := make([]string, 0, n)
	var skip []bool
	for l := d.vars; l != nil; l = l.parent {
		if !dollar && l != d.vars && l.flat {
			out, skip = d.appendLiveKeys(out, l, overrides, skip)
			continue
		}
		names := l.order
		if dollar {
			names = l.dollar
		}
	next:
		for _, k := range names {
			e := l.m[k]
			if e == nil || overrides[k] || len(e.flags) == 0 {
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
	return append(out, overOrder...), nil
}

// liveNames are a layer's names that hold a variable rather than a deletion marker, in
// order, and their positions.
type liveNames struct {
	version uint64
	names   []string
	pos     map[string]int32
}

// liveNames returns the layer's live names, computed once per version of the layer. Copies
// read their parents concurrently: the result is published atomically (two readers may
// both compute it).
func (l *varLayer) liveNames() *liveNames {
	if c := l.live.Load(); c != nil && c.version == l.version {
		return c
	}
	c := &liveNames{version: l.version, pos: make(map[string]int32, len(l.order))}
	for _, k := range l.order {
		if e := l.m[k]; e != nil && len(e.flags) > 0 {
			c.pos[k] = int32(len(c.names))
			c.names = append(c.names, k)
		}
	}
	l.live.Store(c)
	return c
}

// appendLiveKeys appends the live names of parent layer l that no layer above it holds
// and that are not in overrides. It marks the hidden ones by looking the few names of the
// layers above up in l's positions, instead of looking each of l's names up above.
func (d *Store) appendLiveKeys(out []string, l *varLayer, overrides map[string]bool, skip []bool) ([]string, []bool) {
	c := l.liveNames()
	skip = slices.Grow(skip[:0], len(c.names))[:len(c.names)]
	clear(skip)
	for u := d.vars; u != l; u = u.parent {
		for _, k := range u.order {
			if p, ok := c.pos[k]; ok {
				skip[p] = true
			}
		}
	}
	for k := range overrides {
		if p, ok := c.pos[k]; ok {
			skip[p] = true
		}
	}
	for p, k := range c.names {
		if !skip[p] {
			out = append(out, k)
		}
	}
	return out, skip
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
	keys, err := d.keysMatching(true)
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
