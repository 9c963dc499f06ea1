package data

import (
	"fmt"
	"slices"
	"strings"
)

type getOpts struct {
	expand, noWeakDefault, parsing, retParser bool
}

// GetVar returns a variable's value (getVar): nil when unset; expanded when expand.
func (d *Store) GetVar(name string, expand bool) (any, error) {
	return d.getVarFlag(name, "_content", getOpts{expand: expand})
}

// GetVarOpt is getVar with BitBake's noweakdefault and parsing arguments.
func (d *Store) GetVarOpt(name string, expand, noWeakDefault, parsing bool) (any, error) {
	return d.getVarFlag(name, "_content", getOpts{expand: expand, noWeakDefault: noWeakDefault, parsing: parsing})
}

// Get returns the expanded value as text and whether it is set.
func (d *Store) Get(name string) (string, bool, error) {
	v, err := d.GetVar(name, true)
	if err != nil || v == nil {
		return "", false, err
	}
	return Text(v), true, nil
}

// GetVarFlag returns a flag's value (getVarFlag): nil when unset.
func (d *Store) GetVarFlag(name, flag string, expand bool) (any, error) {
	return d.getVarFlag(name, flag, getOpts{expand: expand})
}

// GetVarFlagOpt is getVarFlag with BitBake's noweakdefault argument.
func (d *Store) GetVarFlagOpt(name, flag string, expand, noWeakDefault bool) (any, error) {
	return d.getVarFlag(name, flag, getOpts{expand: expand, noWeakDefault: noWeakDefault})
}

func concat(a, b any) (any, error) {
	as, ok1 := a.(string)
	bs, ok2 := b.(string)
	if !ok1 || !ok2 {
		return nil, &pyException{"TypeError", fmt.Sprintf("cannot concatenate %T and %T", a, b)}
	}
	return as + bs, nil
}

// getVarFlag is DataSmart.getVarFlag; with retParser the expansion record is returned
// too (its Unexpanded is the value before expansion and removal).
func (d *Store) getVarFlag(name, flag string, o getOpts) (any, error) {
	v, _, err := d.getVarFlagP(name, flag, o)
	return v, err
}

func (d *Store) getVarFlagP(name, flag string, o getOpts) (any, *Refs, error) {
	if flag == "" {
		d.warn("Calling getVarFlag with flag unset is invalid")
		return nil, nil, nil
	}
	// The cache holds expansions: a plain read of a flag needs neither it nor its key.
	cachename := name
	if flag != "_content" && (o.expand || o.retParser) {
		cachename = name + "[" + flag + "]"
	}
	if e, ok := d.cache[cachename]; ok && e.gen == d.cacheGen && (o.expand || o.retParser) {
		c := e.refs
		if o.expand {
			return c.Value, nil, nil
		}
		if o.retParser {
			return c.Unexpanded, c, nil
		}
	}
	content := flag == "_content"
	local := d.findVar(name)
	var value any
	var removes []string
	if content && !o.parsing {
		if refs, ok := d.ovdata.get(name); ok {
			if err := d.needOverrides(); err != nil {
				return nil, nil, err
			}
			match, err := d.selectOverride(refs)
			if err != nil {
				return nil, nil, err
			}
			if match != "" {
				v, sub, err := d.getVarFlagP(match, "_content", getOpts{retParser: true})
				if err != nil {
					return nil, nil, err
				}
				value = v
				if sub != nil && sub.removesSet {
					removes = sub.removes
				}
			}
		}
	}
	if local != nil && value == nil {
		if v, ok := local.get(flag); ok {
			value = v
		} else if content && !o.noWeakDefault {
			value, _ = local.get("_defaultval")
		}
	}
	if content && local != nil && !o.parsing {
		for _, kw := range [2]string{":append", ":prepend"} {
			l, ok := local.get(kw)
			if !ok {
				continue
			}
			if err := d.needOverrides(); err != nil {
				return nil, nil, err
			}
			ops, _ := l.([]OverrideOp)
			for _, op := range ops {
				m, err := d.opMatches(op.Override)
				if err != nil {
					return nil, nil, err
				}
				if !m {
					continue
				}
				if value == nil {
					value = ""
				}
				if kw == ":append" {
					value, err = concat(value, op.Value)
				} else {
					value, err = concat(op.Value, value)
				}
				if err != nil {
					return nil, nil, err
				}
			}
		}
	}
	var parser *Refs
	if o.expand || o.retParser {
		p, err := d.expandWithRefs(value, cachename)
		if err != nil {
			return nil, nil, err
		}
		parser = p
		if o.expand {
			value = p.Value
		}
	}
	if content && Truthy(value) && local != nil && !o.parsing {
		if l, ok := local.get(":remove"); ok {
			if err := d.needOverrides(); err != nil {
				return nil, nil, err
			}
			ops, _ := l.([]OverrideOp)
			for _, op := range ops {
				m, err := d.opMatches(op.Override)
				if err != nil {
					return nil, nil, err
				}
				if m {
					removes = addUnique(removes, Text(op.Value))
				}
			}
		}
	}
	if content && Truthy(value) && !o.parsing && len(removes) > 0 && parser != nil {
		if err := d.applyRemoves(parser, removes); err != nil {
			return nil, nil, err
		}
		if o.expand {
			value = parser.Value
		}
	}
	if parser != nil {
		if d.cache == nil {
			d.cache = make(map[string]cached, 64)
		}
		d.cache[cachename] = cached{d.cacheGen, parser}
	}
	return value, parser, nil
}

func addUnique(l []string, s string) []string {
	if slices.Contains(l, s) {
		return l
	}
	return append(slices.Clip(l), s)
}

func (d *Store) applyRemoves(p *Refs, removes []string) error {
	expanded := make([][]string, len(removes))
	for i, r := range removes {
		v, err := d.Expand(r, "")
		if err != nil {
			return err
		}
		expanded[i] = pyFields(v)
	}
	s, ok := p.Value.(string)
	if !ok {
		return &pyException{"TypeError", "expected string or bytes-like object"}
	}
	p.removes, p.removesSet = nil, true
	var b strings.Builder
	emit := func(tok string) {
		skip := false
		for i, r := range removes {
			if slices.Contains(expanded[i], tok) {
				p.removes = addUnique(p.removes, r)
				skip = true
			}
		}
		if !skip {
			b.WriteString(tok)
		}
	}
	start := 0
	for i, r := range s {
		if isSpace(r) {
			emit(s[start:i])
			b.WriteRune(r)
			start = i + len(string(r))
		}
	}
	emit(s[start:])
	p.Value = b.String()
	return nil
}
