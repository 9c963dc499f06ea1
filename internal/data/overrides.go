package data

import (
	"slices"
	"strings"
)

func (d *Store) addOverrideVars(names ...string) {
	if d.ovvarsShared {
		m := make(map[string]bool, len(d.ovvars)+len(names))
		for k := range d.ovvars {
			m[k] = true
		}
		d.ovvars = m
		d.ovvarsShared = false
	}
	for _, n := range names {
		d.ovvars[n] = true
	}
}

// isOverrideName is __override_regexp__.match: the text starts with [a-z0-9].
func isOverrideName(s string) bool {
	return s != "" && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= '0' && s[0] <= '9')
}

// overrideSplits yields BitBake's (shortvar, override) pairs for a variable name, as
// _setvar_update_overrides and delVar walk them.
func overrideSplits(name string, fn func(short, override string)) {
	i := strings.LastIndexByte(name, ':')
	override, short := name[i+1:], name[:max(i, 0)]
	if i < 0 {
		// name[:rfind(':')] with rfind == -1 drops the last character in Python.
		short = name[:max(len(name)-1, 0)]
	}
	for override != "" && isOverrideName(override) {
		fn(short, override)
		override = ""
		if j := strings.LastIndexByte(short, ':'); j >= 0 {
			override, short = name[j+1:], name[:j]
			if short == "" {
				override = ""
			}
		}
	}
}

func (d *Store) updateOverrides(name string) {
	overrideSplits(name, func(short, override string) {
		refs, _ := d.ovdata.get(short)
		for _, r := range refs {
			if r.name == name && r.override == override {
				return
			}
		}
		d.ovdata.set(short, append(slices.Clip(refs), ovRef{name, override}))
	})
}

func (d *Store) overrideActive(o string) bool {
	if d.overridesSet[o] {
		return true
	}
	if !strings.Contains(o, ":") {
		return false
	}
	for _, p := range strings.Split(o, ":") {
		if !d.overridesSet[p] {
			return false
		}
	}
	return true
}

// updateOverrideVars is _setvar_update_overridevars: the variables OVERRIDES depends on
// are tracked so that setting one of them recomputes the active overrides.
func (d *Store) updateOverrideVars(name string, value any) error {
	p, err := d.expandWithRefs(value, name)
	if err != nil {
		return err
	}
	next := p.names()
	for {
		var missing []string
		for _, n := range next {
			if !d.ovvars[n] {
				missing = append(missing, n)
			}
		}
		if len(missing) == 0 {
			break
		}
		d.addOverrideVars(next...)
		var nn []string
		for _, n := range next {
			v, err := d.GetVar(n, true)
			if err != nil {
				return err
			}
			p, err := d.expandWithRefs(v, n)
			if err != nil {
				return err
			}
			nn = append(nn, p.names()...)
		}
		next = nn
	}
	d.haveOverrides = false
	return nil
}

// needOverrides computes the active overrides from OVERRIDES (need_overrides): the value
// is expanded with no overrides, then again with the result until it is stable (at most
// five rounds).
func (d *Store) needOverrides() error {
	if d.haveOverrides || d.inOverride {
		return nil
	}
	var stack [][]string
	for range 5 {
		d.inOverride = true
		d.overrides, d.overridesSet, d.haveOverrides = nil, nil, true
		v, err := d.GetVar("OVERRIDES", true)
		if err != nil {
			return err
		}
		d.setOverrides(splitOverrides(v))
		stack = append(stack, d.overrides)
		d.inOverride = false
		d.clearCache()
		v, err = d.GetVar("OVERRIDES", true)
		if err != nil {
			return err
		}
		n := splitOverrides(v)
		if slices.Equal(n, d.overrides) {
			d.ovFresh = true
			return nil
		}
		d.setOverrides(n)
	}
	var lines []string
	for _, s := range stack {
		lines = append(lines, pyList(s))
	}
	return &FatalError{Msg: "Overrides could not be expanded into a stable state after 5 iterations, overrides must be being referenced by other overridden variables in some recursive fashion. Please provide your configuration to bitbake-devel so we can laugh, er, I mean try and understand how to make it work. The list of failing override expansions: " + strings.Join(lines, "\n")}
}

func pyList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = "'" + x + "'"
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func splitOverrides(v any) []string {
	s := ""
	if Truthy(v) {
		s = Text(v)
	}
	return strings.Split(s, ":")
}

func (d *Store) setOverrides(o []string) {
	d.overrides = o
	d.overridesSet = make(map[string]bool, len(o))
	for _, x := range o {
		d.overridesSet[x] = true
	}
}

// Overrides returns the active overrides in OVERRIDES order, computing them if needed.
func (d *Store) Overrides() ([]string, error) {
	if err := d.needOverrides(); err != nil {
		return nil, err
	}
	return slices.Clone(d.overrides), nil
}

// HasOverrides reports whether name has override variables (hasOverrides).
func (d *Store) HasOverrides(name string) bool {
	_, ok := d.ovdata.get(name)
	return ok
}

func (d *Store) opMatches(o string) (bool, error) {
	if o == "" {
		return true, nil
	}
	if !d.haveOverrides {
		return false, errNoOverrides("argument of type 'NoneType' is not iterable")
	}
	for _, p := range strings.Split(o, ":") {
		if !slices.Contains(d.overrides, p) {
			return false, nil
		}
	}
	return true, nil
}

// errNoOverrides is the TypeError BitBake raises when OVERRIDES failed to expand earlier
// (need_overrides then stays disabled and later reads find no overrides).
func errNoOverrides(msg string) error { return &pyException{"TypeError", msg} }

// selectOverride picks the override variable that supplies the value: among the active
// ones, multi-part overrides collapse one OVERRIDES element at a time, and the match
// found for the last applicable element of OVERRIDES wins.
func (d *Store) selectOverride(refs []ovRef) (string, error) {
	type kv struct{ k, v string }
	var active []kv
	put := func(k, v string) {
		for i := range active {
			if active[i].k == k {
				active[i].v = v
				return
			}
		}
		active = append(active, kv{k, v})
	}
	lookup := func(k string) (int, bool) {
		for i := range active {
			if active[i].k == k {
				return i, true
			}
		}
		return -1, false
	}
	for _, r := range refs {
		if d.overrideActive(r.override) {
			put(r.override, r.name)
		}
	}
	if !d.haveOverrides {
		return "", errNoOverrides("'NoneType' object is not iterable")
	}
	if len(active) == 0 {
		return "", nil
	}
	match := ""
	for mod := true; mod; {
		mod = false
		var snap []string
		for _, o := range d.overrides {
			if len(active) == 0 {
				break
			}
			snap = snap[:0]
			for i := range active {
				snap = append(snap, active[i].k)
			}
			for _, a := range snap {
				i, ok := lookup(a)
				if !ok {
					continue
				}
				if strings.HasSuffix(a, ":"+o) {
					t := active[i].v
					active = slices.Delete(active, i, i+1)
					put(strings.ReplaceAll(a, ":"+o, ""), t)
					mod = true
				} else if a == o {
					match = active[i].v
					active = slices.Delete(active, i, i+1)
				}
			}
		}
	}
	return match, nil
}
