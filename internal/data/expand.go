package data

import (
	"errors"
	"slices"
	"strings"
)

// Refs is the result of expanding one value (BitBake's VariableParse): the value before
// and after expansion, and what the expansion referenced.
type Refs struct {
	Var        string
	Unexpanded any
	Value      any
	// References are the variables read through ${VAR} and, as reported by the
	// PythonExpander, by ${@...} code; Execs the functions that code calls; Contains
	// the bb.utils.contains-style checks (variable -> items).
	References []string
	Execs      []string
	Contains   map[string][]string

	removes    []string
	removesSet bool
}

// AddReference records a variable read.
func (r *Refs) AddReference(name string) {
	if !slices.Contains(r.References, name) {
		r.References = append(r.References, name)
	}
}

// AddExec records a function call.
func (r *Refs) AddExec(name string) {
	if !slices.Contains(r.Execs, name) {
		r.Execs = append(r.Execs, name)
	}
}

// AddContains records that the code checks name for the given items.
func (r *Refs) AddContains(name string, items ...string) {
	if r.Contains == nil {
		r.Contains = map[string][]string{}
	}
	l := r.Contains[name]
	for _, it := range items {
		if !slices.Contains(l, it) {
			l = append(l, it)
		}
	}
	r.Contains[name] = l
}

// names is references plus contains keys.
func (r *Refs) names() []string {
	out := slices.Clone(r.References)
	for _, k := range sortedKeys(r.Contains) {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// nextPythonRef finds the next match of BitBake's __expand_python_regexp__,
// \$\{@(?:\{.*?\}|.)+?\}, at or after from, and returns its bounds (-1, -1 when there is
// none). It makes the choices Python's backtracking engine makes:
//   - a match never spans a newline, which neither "." matches;
//   - the lazy +? ends at the first "}" after at least one item;
//   - an item starting with "{" spans to the next "}" when another "}" follows before the
//     newline (so that the match can still end); otherwise it is the "{" alone.
func nextPythonRef(s string, from int) (int, int) {
	for {
		i := strings.Index(s[from:], "${@")
		if i < 0 {
			return -1, -1
		}
		i += from
		p := i + 3
		f := len(s)
		if nl := strings.IndexByte(s[p:], '\n'); nl >= 0 {
			f = p + nl
		}
		last := strings.LastIndexByte(s[p:f], '}') + p // the last "}" a match can end with
		for j := p; j < f && j <= last; j++ {
			if j > p && s[j] == '}' {
				return i, j + 1
			}
			if s[j] == '{' {
				if q := strings.IndexByte(s[j+1:f], '}'); q >= 0 && j+1+q < last {
					j += 1 + q // the item "{...}"; the loop moves past its "}"
				}
			}
		}
		from = i + 1
	}
}

func isVarRefChar(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		strings.IndexByte("-_+./~:", c) >= 0
}

// nextVarRef finds the next match of __expand_var_regexp__ (\${[a-zA-Z0-9\-_+./~:]+?})
// at or after from, returning its bounds.
func nextVarRef(s string, from int) (int, int) {
	for {
		i := strings.Index(s[from:], "${")
		if i < 0 {
			return -1, -1
		}
		i += from
		j := i + 2
		for j < len(s) && isVarRefChar(s[j]) {
			j++
		}
		if j > i+2 && j < len(s) && s[j] == '}' {
			return i, j + 1
		}
		from = i + 1
	}
}

func hasVarRef(s string) bool {
	i, _ := nextVarRef(s, 0)
	return i >= 0
}

// Expand expands ${VAR} and ${@...} references in s (expand); varname names the
// variable s belongs to, for self-reference checks and error messages.
func (d *Store) Expand(s string, varname string) (string, error) {
	if !strings.Contains(s, "${") {
		return s, nil
	}
	p, err := d.expandWithRefs(s, varname)
	if err != nil {
		return "", err
	}
	return Text(p.Value), nil
}

// ExpandWithRefs expands v and reports what it referenced (expandWithRefs). Values that
// are not strings are returned unchanged.
func (d *Store) ExpandWithRefs(v any, varname string) (*Refs, error) {
	return d.expandWithRefs(v, varname)
}

func (d *Store) expandWithRefs(v any, varname string) (*Refs, error) {
	p := &Refs{Var: varname, Unexpanded: v, Value: v}
	s, ok := v.(string)
	if !ok {
		return p, nil
	}
	if !strings.Contains(s, "${") {
		return p, nil
	}
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > MaxDepth {
		return nil, &ExpansionError{Var: varname, Expression: s, Err: recursionError{}, Chain: []string{chainName(varname, s)}}
	}
	for strings.Contains(s, "${") {
		old := s
		ns, err := d.subVars(s, p)
		if err == nil {
			s = ns
			ns, err = d.subPython(s, p)
			if errors.Is(err, ErrKeepLiteral) {
				err = nil
			} else if err == nil {
				s = ns
			}
		}
		if err != nil {
			var ee *ExpansionError
			if errors.As(err, &ee) {
				if varname != "" {
					ee.Chain = append(ee.Chain, varname)
				}
				return nil, err
			}
			var fe *FatalError
			if errors.As(err, &fe) {
				return nil, err
			}
			return nil, &ExpansionError{Var: varname, Expression: s, Err: err, Chain: []string{chainName(varname, s)}}
		}
		if s == old {
			break
		}
	}
	p.Value = s
	return p, nil
}

func chainName(varname, expr string) string {
	if varname != "" {
		return varname
	}
	return expr
}

func (d *Store) subVars(s string, p *Refs) (string, error) {
	i, j := nextVarRef(s, 0)
	if i < 0 {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s) + 32)
	last := 0
	for i >= 0 {
		key := s[i+2 : j-1]
		if p.Var != "" && p.Var == key {
			return "", &selfRefError{key}
		}
		v, err := d.getVarFlag(key, "_content", getOpts{expand: true})
		if err != nil {
			return "", err
		}
		p.AddReference(key)
		b.WriteString(s[last:i])
		if v == nil {
			b.WriteString(s[i:j])
		} else if vs, ok := v.(string); ok {
			b.WriteString(vs)
		} else {
			return "", &pyException{"TypeError", "expected str instance, " + pyTypeName(v) + " found"}
		}
		last = j
		i, j = nextVarRef(s, j)
	}
	b.WriteString(s[last:])
	return b.String(), nil
}

func pyTypeName(v any) string {
	switch v.(type) {
	case bool:
		return "bool"
	case int:
		return "int"
	case []OverrideOp, []string:
		return "list"
	case map[string]bool:
		return "set"
	}
	return "object"
}

func (d *Store) subPython(s string, p *Refs) (string, error) {
	i, j := nextPythonRef(s, 0)
	if i < 0 {
		return s, nil
	}
	var b strings.Builder
	last := 0
	for ; i >= 0; i, j = nextPythonRef(s, j) {
		m := s[i:j]
		code := m[3 : len(m)-1]
		if hasVarRef(code) || d.Python == nil {
			continue
		}
		v, err := d.Python.EvalInline(d, p.Var, code, p)
		if err != nil {
			return "", err
		}
		b.WriteString(s[last:i])
		b.WriteString(v)
		last = j
	}
	if last == 0 {
		return s, nil
	}
	b.WriteString(s[last:])
	return b.String(), nil
}
