package data

import (
	"slices"
	"strings"
)

// SetVarFlag sets one flag (setVarFlag). Flag "_defaultval" is the ??= weak default.
func (d *Store) SetVarFlag(name, flag string, value any, in Info) error {
	d.touch()
	if name == "BB_RENAMED_VARIABLES" {
		if d.renamesShare {
			m := make(map[string]string, len(d.renames)+1)
			for k, v := range d.renames {
				m[k] = v
			}
			d.renames, d.renamesShare = m, false
		}
		d.renames[flag] = Text(value)
	}
	if _, ok := d.renames[name]; ok {
		d.renameError(name, in, "")
		if err := d.SetVar("_FAILPARSINGERRORHANDLED", true, Info{Ignore: true}); err != nil {
			return err
		}
	}
	d.record(in, name, opOr(in.Op, "set"), detailOf(in, value), flag)
	d.shadow(name).set(flag, value)
	if flag == "_defaultval" && strings.Contains(name, ":") {
		d.updateOverrides(name)
	}
	if flag == "_defaultval" && d.ovvars[name] {
		if err := d.updateOverrideVars(name, value); err != nil {
			return err
		}
	}
	if flag == "export" || flag == "unexport" {
		e := d.shadow("__exportlist")
		old, _ := e.get("_content")
		set, _ := old.(map[string]bool)
		if !set[name] {
			n := make(map[string]bool, len(set)+1)
			for k := range set {
				n[k] = true
			}
			n[name] = true
			e.set("_content", n)
		}
	}
	return nil
}

// DelVarFlag deletes one flag (delVarFlag).
func (d *Store) DelVarFlag(name, flag string, in Info) {
	d.touch()
	if e := d.findVar(name); e == nil || len(e.flags) == 0 {
		return
	}
	e := d.shadow(name)
	if _, ok := e.get(flag); ok {
		in.Detail = ""
		d.record(in, name, "delFlag", "", flag)
		e.del(flag)
	}
}

// AppendVarFlag appends to a flag's unexpanded value now (appendVarFlag).
func (d *Store) AppendVarFlag(name, flag, value string, in Info) error {
	d.record(in, name, "append", detailOf(in, value), flag)
	old, _ := d.getVarFlag(name, flag, getOpts{})
	return d.SetVarFlag(name, flag, textOrEmpty(old)+value, Info{Ignore: true})
}

// PrependVarFlag prepends to a flag's unexpanded value now (prependVarFlag).
func (d *Store) PrependVarFlag(name, flag, value string, in Info) error {
	d.record(in, name, "prepend", detailOf(in, value), flag)
	old, _ := d.getVarFlag(name, flag, getOpts{})
	return d.SetVarFlag(name, flag, value+textOrEmpty(old), Info{Ignore: true})
}

func textOrEmpty(v any) string {
	if !Truthy(v) {
		return ""
	}
	return Text(v)
}

// SetVarFlags sets several flags, never "_content" (setVarFlags).
func (d *Store) SetVarFlags(name string, flags []Flag, in Info) {
	d.touch()
	e := d.shadow(name)
	for _, f := range flags {
		if f.Name == "_content" {
			continue
		}
		d.record(in, name, opOr(in.Op, "set"), f.Value, f.Name)
		e.set(f.Name, f.Value)
	}
}

// FlagView is a read-only view of a variable's public flags (not "_"- or ":"-prefixed),
// in order and unexpanded: what getVarFlags shows. Later writes to the store do not change
// it.
type FlagView struct{ flags []Flag }

// ViewVarFlags returns a view of the variable's public flags, and false when it has none.
// It copies nothing: the variable copies its flags before it next changes one.
func (d *Store) ViewVarFlags(name string) (FlagView, bool) {
	e := d.findVar(name)
	if e == nil {
		return FlagView{}, false
	}
	for _, f := range e.flags {
		if publicFlag(f.Name) {
			if !e.lent.Load() {
				e.lent.Store(true)
			}
			return FlagView{e.flags}, true
		}
	}
	return FlagView{}, false
}

// Get returns a public flag's value.
func (v FlagView) Get(flag string) (any, bool) {
	if !publicFlag(flag) {
		return nil, false
	}
	for _, f := range v.flags {
		if f.Name == flag {
			return f.Value, true
		}
	}
	return nil, false
}

// Len is the number of public flags.
func (v FlagView) Len() int {
	n := 0
	for _, f := range v.flags {
		if publicFlag(f.Name) {
			n++
		}
	}
	return n
}

// Each calls fn for each public flag in order.
func (v FlagView) Each(fn func(Flag)) {
	for _, f := range v.flags {
		if publicFlag(f.Name) {
			fn(f)
		}
	}
}

// publicFlag reports whether getVarFlags shows flag without internalflags: "_" and ":"
// flags hold the value, weak default and queued operations.
func publicFlag(flag string) bool {
	return !strings.HasPrefix(flag, "_") && !strings.HasPrefix(flag, ":")
}

// GetVarFlags returns the variable's flags in order, nil when it has none (getVarFlags).
// Flags named in expand are expanded; internal includes "_"- and ":"-prefixed flags.
func (d *Store) GetVarFlags(name string, expand []string, internal bool) ([]Flag, error) {
	e := d.findVar(name)
	if e == nil {
		return nil, nil
	}
	public := func(f Flag) bool { return internal || publicFlag(f.Name) }
	n := 0
	for _, f := range e.flags {
		if public(f) {
			n++
		}
	}
	if n == 0 {
		return nil, nil
	}
	out := make([]Flag, 0, n)
	for _, f := range e.flags {
		if !public(f) {
			continue
		}
		if slices.Contains(expand, f.Name) {
			p, err := d.expandWithRefs(f.Value, name+"["+f.Name+"]")
			if err != nil {
				return nil, err
			}
			f.Value = p.Value
		}
		out = append(out, f)
	}
	return out, nil
}

// DelVarFlags deletes all flags but keeps the value (delVarFlags).
func (d *Store) DelVarFlags(name string, in Info) {
	d.touch()
	e := d.shadow(name)
	d.record(in, name, opOr(in.Op, "delete flags"), "", "")
	if c, ok := e.get("_content"); ok {
		e.flags = []Flag{{"_content", c}}
	} else {
		d.vars.remove(name)
	}
}
