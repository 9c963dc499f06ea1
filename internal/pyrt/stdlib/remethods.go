package stdlib

import (
	_ "embed"
	"strings"

	"github.com/go-python/gpython/py"
)

//go:embed re_module.py
var reSource string

func reModule() *py.ModuleImpl {
	return withSource(&py.ModuleImpl{
		Info: py.ModuleInfo{Name: "re", Doc: "Regular expressions on Go's regexp (gobake)."},
		Methods: []*py.Method{
			method("compile", reCompile),
			method("escape", reEscape),
		},
		Globals: py.StringDict{"Pattern": patternType, "Match": matchType},
	}, "<gobake-stdlib>/re.py", reSource)
}

func reCompile(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("compile", args, kwargs, []string{"pattern", "flags"}, 1)
	if err != nil {
		return nil, err
	}
	flags, err := intArg(a[1], 0)
	if err != nil {
		return nil, err
	}
	p, err := compilePattern(a[0], flags)
	if err != nil {
		if se, ok := err.(*reSyntaxError); ok {
			return nil, reError(self, se.msg, a[0], se.pos)
		}
		return nil, err
	}
	if ctx := ctxOf(self); ctx != nil && p.ctx != ctx {
		c := *p
		c.ctx = ctx
		p = &c
	}
	return p, nil
}

// reError raises the module's error class: error(msg, pattern, pos).
func reError(self py.Object, msg string, pattern py.Object, pos int) error {
	mod, _ := self.(*py.Module)
	if mod != nil {
		if cls, ok := mod.Globals["error"]; ok {
			e, err := py.Call(cls, py.Tuple{py.String(msg), pattern, py.Int(pos)}, nil)
			if err != nil {
				return err
			}
			if ee, ok := e.(error); ok {
				return ee
			}
		}
	}
	return py.ExceptionNewf(py.ValueError, "%s at position %d", msg, pos)
}

const reSpecial = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"

func reEscape(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("escape", args, kwargs, []string{"pattern"}, 1)
	if err != nil {
		return nil, err
	}
	var s string
	switch v := a[0].(type) {
	case py.String:
		s = string(v)
	case py.Bytes:
		s = string(v)
	default:
		return nil, py.ExceptionNewf(py.TypeError, "escape() argument must be str or bytes")
	}
	var b strings.Builder
	for _, r := range s {
		if r < 0x80 && strings.ContainsRune(reSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	if _, ok := a[0].(py.Bytes); ok {
		return py.Bytes(b.String()), nil
	}
	return py.String(b.String()), nil
}

func patMethod(name string, fn func(p *rePattern, args py.Tuple, kwargs py.StringDict) (py.Object, error)) {
	patternType.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return fn(self.(*rePattern), args, kwargs)
	}, 0, "")
}

func matchMethod(name string, fn func(m *reMatch, args py.Tuple, kwargs py.StringDict) (py.Object, error)) {
	matchType.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return fn(self.(*reMatch), args, kwargs)
	}, 0, "")
}

func init() {
	patMethod("search", func(p *rePattern, a py.Tuple, k py.StringDict) (py.Object, error) {
		return p.do(modeSearch, a, k, "search")
	})
	patMethod("match", func(p *rePattern, a py.Tuple, k py.StringDict) (py.Object, error) {
		return p.do(modeMatch, a, k, "match")
	})
	patMethod("fullmatch", func(p *rePattern, a py.Tuple, k py.StringDict) (py.Object, error) {
		return p.do(modeFull, a, k, "fullmatch")
	})
	patMethod("finditer", func(p *rePattern, a py.Tuple, k py.StringDict) (py.Object, error) {
		ms, err := p.iterArgs(a, k, "finditer")
		if err != nil {
			return nil, err
		}
		l := py.NewListWithCapacity(len(ms))
		for _, m := range ms {
			l.Append(m)
		}
		return py.NewIterator(py.Tuple(l.Items)), nil
	})
	patMethod("findall", func(p *rePattern, a py.Tuple, k py.StringDict) (py.Object, error) {
		ms, err := p.iterArgs(a, k, "findall")
		if err != nil {
			return nil, err
		}
		l := py.NewListWithCapacity(len(ms))
		empty := p.text("")
		for _, m := range ms {
			switch len(p.groups) {
			case 0:
				l.Append(m.group(0, empty))
			case 1:
				l.Append(m.group(1, empty))
			default:
				t := make(py.Tuple, len(p.groups))
				for i := range t {
					t[i] = m.group(i+1, empty)
				}
				l.Append(t)
			}
		}
		return l, nil
	})
	patMethod("sub", func(p *rePattern, a py.Tuple, k py.StringDict) (py.Object, error) {
		r, _, err := p.sub(a, k, "sub")
		return r, err
	})
	patMethod("subn", func(p *rePattern, a py.Tuple, k py.StringDict) (py.Object, error) {
		r, n, err := p.sub(a, k, "subn")
		if err != nil {
			return nil, err
		}
		return py.Tuple{r, py.Int(n)}, nil
	})
	patMethod("split", func(p *rePattern, a py.Tuple, k py.StringDict) (py.Object, error) { return p.split(a, k) })

	matchMethod("group", func(m *reMatch, a py.Tuple, k py.StringDict) (py.Object, error) {
		if len(a) == 0 {
			return m.group(0, py.None), nil
		}
		if len(a) == 1 {
			return m.M__getitem__(a[0])
		}
		t := make(py.Tuple, len(a))
		for i, g := range a {
			v, err := m.M__getitem__(g)
			if err != nil {
				return nil, err
			}
			t[i] = v
		}
		return t, nil
	})
	matchMethod("groups", func(m *reMatch, a py.Tuple, k py.StringDict) (py.Object, error) {
		v, err := params("groups", a, k, []string{"default"}, 0)
		if err != nil {
			return nil, err
		}
		def := v[0]
		if def == nil {
			def = py.None
		}
		t := make(py.Tuple, len(m.pat.groups))
		for i := range t {
			t[i] = m.group(i+1, def)
		}
		return t, nil
	})
	matchMethod("groupdict", func(m *reMatch, a py.Tuple, k py.StringDict) (py.Object, error) {
		v, err := params("groupdict", a, k, []string{"default"}, 0)
		if err != nil {
			return nil, err
		}
		def := v[0]
		if def == nil {
			def = py.None
		}
		d, err := newDict(ctxOfMatch(m))
		if err != nil {
			return nil, err
		}
		for i, n := range m.pat.names {
			if n != "" {
				if _, err := py.SetItem(d, py.String(n), m.group(i+1, def)); err != nil {
					return nil, err
				}
			}
		}
		return d, nil
	})
	spanOf := func(m *reMatch, a py.Tuple) (int, int, error) {
		n := 0
		if len(a) > 0 {
			var err error
			if n, err = m.groupIndex(a[0]); err != nil {
				return 0, 0, err
			}
		}
		return m.spans[2*n], m.spans[2*n+1], nil
	}
	matchMethod("start", func(m *reMatch, a py.Tuple, k py.StringDict) (py.Object, error) {
		s, _, err := spanOf(m, a)
		return py.Int(s), err
	})
	matchMethod("end", func(m *reMatch, a py.Tuple, k py.StringDict) (py.Object, error) {
		_, e, err := spanOf(m, a)
		return py.Int(e), err
	})
	matchMethod("span", func(m *reMatch, a py.Tuple, k py.StringDict) (py.Object, error) {
		s, e, err := spanOf(m, a)
		return py.Tuple{py.Int(s), py.Int(e)}, err
	})
	matchMethod("expand", func(m *reMatch, a py.Tuple, k py.StringDict) (py.Object, error) {
		v, err := params("expand", a, k, []string{"template"}, 1)
		if err != nil {
			return nil, err
		}
		tmpl, err := parseTemplate(m.pat, v[0])
		if err != nil {
			return nil, err
		}
		return m.pat.text(tmpl.expand(m)), nil
	})
}

// ctxOfMatch is the context whose re.compile made the match's pattern.
func ctxOfMatch(m *reMatch) py.Context { return m.pat.ctx }

// template is a parsed replacement string: literal pieces and group refs.
type template struct {
	parts []tmplPart
}

type tmplPart struct {
	lit   string
	group int // -1 for a literal
}

func parseTemplate(p *rePattern, o py.Object) (*template, error) {
	var s string
	switch v := o.(type) {
	case py.String:
		s = string(v)
	case py.Bytes:
		s = string(v)
	default:
		return nil, py.ExceptionNewf(py.TypeError, "expected str instance, %s found", o.Type().Name)
	}
	t := &template{}
	var lit strings.Builder
	flush := func() {
		if lit.Len() > 0 {
			t.parts = append(t.parts, tmplPart{lit: lit.String(), group: -1})
			lit.Reset()
		}
	}
	bad := func(msg string, pos int) error {
		return reError(nil, msg, o, pos)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			if c == '\\' {
				return nil, bad("bad escape (end of pattern)", i)
			}
			lit.WriteByte(c)
			continue
		}
		i++
		c = s[i]
		switch {
		case c == 'g':
			if i+1 >= len(s) || s[i+1] != '<' {
				return nil, bad("missing <", i+1)
			}
			end := strings.IndexByte(s[i+2:], '>')
			if end < 0 {
				return nil, bad("missing >, unterminated name", i+2)
			}
			name := s[i+2 : i+2+end]
			g := -1
			if n, ok := atoiOK(name); ok {
				if n > len(p.groups) {
					return nil, bad("invalid group reference "+name, i+2)
				}
				g = n
			} else {
				for k, nm := range p.names {
					if nm == name {
						g = k + 1
					}
				}
				if g < 0 {
					return nil, py.ExceptionNewf(py.IndexError, "unknown group name '%s'", name)
				}
			}
			flush()
			t.parts = append(t.parts, tmplPart{group: g})
			i += 2 + end
		case c >= '0' && c <= '9':
			// \0, \0oo or three octal digits: octal escape; else group 1-99
			if c == '0' || (i+2 < len(s) && isOct(c) && isOct(s[i+1]) && isOct(s[i+2])) {
				n, k := 0, 0
				for k < 3 && i+k < len(s) && isOct(s[i+k]) {
					n = n*8 + int(s[i+k]-'0')
					k++
				}
				lit.WriteRune(rune(n))
				i += k - 1
				continue
			}
			n := int(c - '0')
			if i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' {
				n = n*10 + int(s[i+1]-'0')
				i++
			}
			if n > len(p.groups) {
				return nil, bad("invalid group reference "+itoa(n), i-1)
			}
			flush()
			t.parts = append(t.parts, tmplPart{group: n})
		default:
			if r, ok := map[byte]byte{'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a', 'b': '\b', '\\': '\\'}[c]; ok {
				lit.WriteByte(r)
			} else if isAlnum(c) {
				return nil, bad("bad escape \\"+string(c), i-1)
			} else {
				lit.WriteByte('\\')
				lit.WriteByte(c)
			}
		}
	}
	flush()
	return t, nil
}

func atoiOK(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func (t *template) expand(m *reMatch) string {
	var b strings.Builder
	ri := newRuneIndex(m.s)
	for _, p := range t.parts {
		if p.group < 0 {
			b.WriteString(p.lit)
			continue
		}
		if s := m.spans[2*p.group]; s >= 0 {
			b.WriteString(m.s[ri.byteOff(s):ri.byteOff(m.spans[2*p.group+1])])
		}
	}
	return b.String()
}

func (p *rePattern) sub(args py.Tuple, kwargs py.StringDict, name string) (py.Object, int, error) {
	a, err := params(name, args, kwargs, []string{"repl", "string", "count"}, 2)
	if err != nil {
		return nil, 0, err
	}
	s, err := p.subject(a[1])
	if err != nil {
		return nil, 0, err
	}
	count, err := intArg(a[2], 0)
	if err != nil {
		return nil, 0, err
	}
	var tmpl *template
	var fn py.Object
	switch a[0].(type) {
	case py.String, py.Bytes:
		tmpl, err = parseTemplate(p, a[0])
		if err != nil {
			return nil, 0, err
		}
	default:
		fn = a[0]
	}
	ri := newRuneIndex(s)
	ms := p.all(a[1], s, ri, 0, 0, 0, len(s))
	var b strings.Builder
	last, n := 0, 0
	for _, m := range ms {
		if count > 0 && n >= count {
			break
		}
		st, en := ri.byteOff(m.spans[0]), ri.byteOff(m.spans[1])
		b.WriteString(s[last:st])
		if tmpl != nil {
			b.WriteString(tmpl.expand(m))
		} else {
			r, err := py.Call(fn, py.Tuple{m}, nil)
			if err != nil {
				return nil, 0, err
			}
			switch v := r.(type) {
			case py.String:
				b.WriteString(string(v))
			case py.Bytes:
				b.WriteString(string(v))
			default:
				return nil, 0, py.ExceptionNewf(py.TypeError, "expected str instance, %s found", r.Type().Name)
			}
		}
		last = en
		n++
	}
	b.WriteString(s[last:])
	return p.text(b.String()), n, nil
}

func (p *rePattern) split(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	a, err := params("split", args, kwargs, []string{"string", "maxsplit"}, 1)
	if err != nil {
		return nil, err
	}
	s, err := p.subject(a[0])
	if err != nil {
		return nil, err
	}
	maxsplit, err := intArg(a[1], 0)
	if err != nil {
		return nil, err
	}
	ri := newRuneIndex(s)
	l := py.NewList()
	last, n := 0, 0
	for _, m := range p.all(a[0], s, ri, 0, 0, 0, len(s)) {
		if maxsplit > 0 && n >= maxsplit {
			break
		}
		st, en := ri.byteOff(m.spans[0]), ri.byteOff(m.spans[1])
		l.Append(p.text(s[last:st]))
		for g := 1; g <= len(p.groups); g++ {
			l.Append(m.group(g, py.None))
		}
		last = en
		n++
	}
	l.Append(p.text(s[last:]))
	return l, nil
}
