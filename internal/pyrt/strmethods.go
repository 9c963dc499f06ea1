package pyrt

// Methods of str, bytes, list and tuple. gpython's str has eight methods and list three;
// pyrt installs the full set metadata uses, with CPython's semantics, in their type dicts.

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

func strArg(fn string, o py.Object, i int) (string, error) {
	s, ok := o.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "%s() argument %d must be str, not %s", fn, i, o.Type().Name)
	}
	return string(s), nil
}

func optStr(fn string, args py.Tuple, i int) (string, bool, error) {
	if len(args) <= i || args[i] == py.None {
		return "", false, nil
	}
	s, err := strArg(fn, args[i], i+1)
	return s, true, err
}

func optInt(args py.Tuple, i int, def int) (int, error) {
	if len(args) <= i || args[i] == py.None {
		return def, nil
	}
	return py.MakeGoInt(args[i])
}

// runeSlice returns s[start:end] in code points with Python's index clamping.
func clampRange(n, start, end int) (int, int) {
	if start < 0 {
		start += n
		if start < 0 {
			start = 0
		}
	}
	if end < 0 {
		end += n
		if end < 0 {
			end = 0
		}
	}
	if end > n {
		end = n
	}
	if start > n {
		start = n
	}
	return start, end
}

func strMethod(name string, fn func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error)) {
	py.StringType.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		s, ok := self.(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' requires a 'str' object but received a '%s'", name, self.Type().Name)
		}
		return fn(string(s), args, kwargs)
	}, 0, name)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// findSub finds sub in s[start:end] (code point indexes); it returns a code point index.
func findSub(s, sub string, args py.Tuple, last bool) (int, error) {
	ascii := isASCII(s)
	n := len(s)
	if !ascii {
		n = utf8.RuneCountInString(s)
	}
	start, err := optInt(args, 1, 0)
	if err != nil {
		return 0, err
	}
	end, err := optInt(args, 2, n)
	if err != nil {
		return 0, err
	}
	start, end = clampRange(n, start, end)
	if start > end || end-start < utf8.RuneCountInString(sub) {
		return -1, nil
	}
	var hay string
	if ascii {
		hay = s[start:end]
	} else {
		hay = string([]rune(s)[start:end])
	}
	var i int
	if last {
		i = strings.LastIndex(hay, sub)
	} else {
		i = strings.Index(hay, sub)
	}
	if i < 0 {
		return -1, nil
	}
	if !ascii {
		i = utf8.RuneCountInString(hay[:i])
	}
	return start + i, nil
}

func splitWhitespace(s string, maxsplit int, right bool) []py.Object {
	var out []py.Object
	if !right {
		for maxsplit != 0 {
			s = strings.TrimLeftFunc(s, unicode.IsSpace)
			if s == "" {
				return out
			}
			i := strings.IndexFunc(s, unicode.IsSpace)
			if i < 0 {
				return append(out, py.String(s))
			}
			out = append(out, py.String(s[:i]))
			s = s[i:]
			maxsplit--
		}
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s != "" {
			out = append(out, py.String(s))
		}
		return out
	}
	var rev []py.Object
	for maxsplit != 0 {
		s = strings.TrimRightFunc(s, unicode.IsSpace)
		if s == "" {
			break
		}
		i := strings.LastIndexFunc(s, unicode.IsSpace)
		if i < 0 {
			rev = append(rev, py.String(s))
			s = ""
			break
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		rev = append(rev, py.String(s[i+w:]))
		s = s[:i]
		maxsplit--
	}
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	if s != "" {
		rev = append(rev, py.String(s))
	}
	for i := len(rev) - 1; i >= 0; i-- {
		out = append(out, rev[i])
	}
	return out
}

func splitArgs(args py.Tuple, kwargs py.StringDict) (string, bool, int, error) {
	var sepObj py.Object = py.None
	var maxObj py.Object = py.Int(-1)
	if len(args) > 0 {
		sepObj = args[0]
	}
	if len(args) > 1 {
		maxObj = args[1]
	}
	if v, ok := kwargs["sep"]; ok {
		sepObj = v
	}
	if v, ok := kwargs["maxsplit"]; ok {
		maxObj = v
	}
	maxsplit, err := py.MakeGoInt(maxObj)
	if err != nil {
		return "", false, 0, err
	}
	if sepObj == py.None {
		return "", false, maxsplit, nil
	}
	sep, err := strArg("split", sepObj, 1)
	if err == nil && sep == "" {
		err = py.ExceptionNewf(py.ValueError, "empty separator")
	}
	return sep, true, maxsplit, err
}

func toList(ss []string) *py.List {
	return py.NewListFromStrings(ss)
}

func stripChars(args py.Tuple) (string, bool, error) {
	return optStr("strip", args, 0)
}

func pyBool(b bool) py.Object { return py.NewBool(b) }

func allRunes(s string, f func(rune) bool) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !f(r) {
			return false
		}
	}
	return true
}

func prefixes(fn string, o py.Object) ([]string, error) {
	switch x := o.(type) {
	case py.String:
		return []string{string(x)}, nil
	case py.Tuple:
		var out []string
		for _, e := range x {
			s, ok := e.(py.String)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "tuple for %s must only contain str, not %s", fn, e.Type().Name)
			}
			out = append(out, string(s))
		}
		return out, nil
	}
	return nil, py.ExceptionNewf(py.TypeError, "%s first arg must be str or a tuple of str, not %s", fn, o.Type().Name)
}

func pad(s string, width int, fill rune, align byte) string {
	n := utf8.RuneCountInString(s)
	if n >= width {
		return s
	}
	f := width - n
	switch align {
	case '<':
		return s + strings.Repeat(string(fill), f)
	case '>':
		return strings.Repeat(string(fill), f) + s
	}
	left := f / 2
	if f%2 == 1 && width%2 == 1 {
		left++
	}
	return strings.Repeat(string(fill), left) + s + strings.Repeat(string(fill), f-left)
}

func fillArg(args py.Tuple) (int, rune, error) {
	if len(args) < 1 {
		return 0, 0, py.ExceptionNewf(py.TypeError, "expected at least 1 argument, got 0")
	}
	w, err := py.MakeGoInt(args[0])
	if err != nil {
		return 0, 0, err
	}
	fill := ' '
	if len(args) > 1 {
		f, ok := args[1].(py.String)
		if !ok || utf8.RuneCountInString(string(f)) != 1 {
			return 0, 0, py.ExceptionNewf(py.TypeError, "The fill character must be exactly one character long")
		}
		fill, _ = utf8.DecodeRuneInString(string(f))
	}
	return w, fill, nil
}

func installStrMethods() {
	strMethod("format", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		r, err := StrFormat(s, args, kwargs)
		return py.String(r), err
	})
	strMethod("format_map", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := nargs("format_map", args, 1, 1); err != nil {
			return nil, err
		}
		kw := py.StringDict{}
		if d, ok := args[0].(*Dict); ok {
			for _, k := range d.Keys() {
				v, _, _ := d.Get(k)
				kw[Str(k)] = v
			}
		}
		r, err := StrFormat(s, nil, kw)
		return py.String(r), err
	})
	strMethod("join", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("join", args, 1, 1); err != nil {
			return nil, err
		}
		items, err := iterList(args[0])
		if err != nil {
			return nil, err
		}
		parts := make([]string, len(items))
		for i, it := range items {
			p, ok := it.(py.String)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "sequence item %d: expected str instance, %s found", i, it.Type().Name)
			}
			parts[i] = string(p)
		}
		return py.String(strings.Join(parts, s)), nil
	})
	strMethod("split", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		sep, has, maxsplit, err := splitArgs(args, kwargs)
		if err != nil {
			return nil, err
		}
		if !has {
			return py.NewListFromItems(splitWhitespace(s, maxsplit, false)), nil
		}
		n := -1
		if maxsplit >= 0 {
			n = maxsplit + 1
		}
		return toList(strings.SplitN(s, sep, n)), nil
	})
	strMethod("rsplit", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		sep, has, maxsplit, err := splitArgs(args, kwargs)
		if err != nil {
			return nil, err
		}
		if !has {
			return py.NewListFromItems(splitWhitespace(s, maxsplit, true)), nil
		}
		if maxsplit < 0 {
			return toList(strings.Split(s, sep)), nil
		}
		var rev []string
		for maxsplit > 0 {
			i := strings.LastIndex(s, sep)
			if i < 0 {
				break
			}
			rev = append(rev, s[i+len(sep):])
			s = s[:i]
			maxsplit--
		}
		out := []string{s}
		for i := len(rev) - 1; i >= 0; i-- {
			out = append(out, rev[i])
		}
		return toList(out), nil
	})
	strMethod("splitlines", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		keep := false
		if len(args) > 0 {
			keep = args[0] == py.True || args[0] == py.Int(1)
		}
		if v, ok := kwargs["keepends"]; ok {
			keep = v == py.True
		}
		var out []string
		for len(s) > 0 {
			i := strings.IndexAny(s, "\n\r\v\f\x1c\x1d\x1e\u0085\u2028\u2029")
			if i < 0 {
				out = append(out, s)
				break
			}
			_, w := utf8.DecodeRuneInString(s[i:])
			if s[i] == '\r' && i+1 < len(s) && s[i+1] == '\n' {
				w = 2
			}
			if keep {
				out = append(out, s[:i+w])
			} else {
				out = append(out, s[:i])
			}
			s = s[i+w:]
		}
		return toList(out), nil
	})
	for _, m := range []struct {
		name string
		f    func(string, string) string
		ws   func(string) string
	}{
		{"strip", strings.Trim, strings.TrimSpace},
		{"lstrip", strings.TrimLeft, func(s string) string { return strings.TrimLeftFunc(s, unicode.IsSpace) }},
		{"rstrip", strings.TrimRight, func(s string) string { return strings.TrimRightFunc(s, unicode.IsSpace) }},
	} {
		m := m
		strMethod(m.name, func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
			chars, has, err := stripChars(args)
			if err != nil {
				return nil, err
			}
			if !has {
				return py.String(m.ws(s)), nil
			}
			return py.String(m.f(s, chars)), nil
		})
	}
	strMethod("startswith", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		return startsEnds(s, args, "startswith", strings.HasPrefix)
	})
	strMethod("endswith", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		return startsEnds(s, args, "endswith", strings.HasSuffix)
	})
	strMethod("replace", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("replace", args, 2, 3); err != nil {
			return nil, err
		}
		old, err := strArg("replace", args[0], 1)
		if err != nil {
			return nil, err
		}
		nw, err := strArg("replace", args[1], 2)
		if err != nil {
			return nil, err
		}
		n, err := optInt(args, 2, -1)
		if err != nil {
			return nil, err
		}
		return py.String(strings.Replace(s, old, nw, n)), nil
	})
	for _, m := range []struct {
		name  string
		last  bool
		raise bool
	}{{"find", false, false}, {"rfind", true, false}, {"index", false, true}, {"rindex", true, true}} {
		m := m
		strMethod(m.name, func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
			if err := nargs(m.name, args, 1, 3); err != nil {
				return nil, err
			}
			sub, err := strArg(m.name, args[0], 1)
			if err != nil {
				return nil, err
			}
			i, err := findSub(s, sub, args, m.last)
			if err != nil {
				return nil, err
			}
			if i < 0 && m.raise {
				return nil, py.ExceptionNewf(py.ValueError, "substring not found")
			}
			return py.Int(i), nil
		})
	}
	strMethod("count", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("count", args, 1, 3); err != nil {
			return nil, err
		}
		sub, err := strArg("count", args[0], 1)
		if err != nil {
			return nil, err
		}
		r := []rune(s)
		start, _ := optInt(args, 1, 0)
		end, _ := optInt(args, 2, len(r))
		start, end = clampRange(len(r), start, end)
		if start > end {
			return py.Int(0), nil
		}
		return py.Int(strings.Count(string(r[start:end]), sub)), nil
	})
	simple := map[string]func(string) string{
		"upper":      strings.ToUpper,
		"lower":      strings.ToLower,
		"casefold":   strings.ToLower,
		"swapcase":   swapcase,
		"title":      title,
		"capitalize": capitalize,
	}
	for name, f := range simple {
		f := f
		strMethod(name, func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
			return py.String(f(s)), nil
		})
	}
	preds := map[string]func(string) bool{
		"isdigit":   func(s string) bool { return allRunes(s, unicode.IsDigit) },
		"isdecimal": func(s string) bool { return allRunes(s, unicode.IsDigit) },
		"isnumeric": func(s string) bool { return allRunes(s, unicode.IsNumber) },
		"isalpha":   func(s string) bool { return allRunes(s, unicode.IsLetter) },
		"isalnum": func(s string) bool {
			return allRunes(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) })
		},
		"isspace": func(s string) bool { return allRunes(s, unicode.IsSpace) },
		"isascii": isASCII,
		"isupper": func(s string) bool { return hasCased(s) && strings.ToUpper(s) == s },
		"islower": func(s string) bool { return hasCased(s) && strings.ToLower(s) == s },
		"istitle": func(s string) bool { return hasCased(s) && title(s) == s },
		"isidentifier": func(s string) bool {
			if s == "" {
				return false
			}
			for i, r := range s {
				if !(r == '_' || unicode.IsLetter(r) || i > 0 && unicode.IsDigit(r)) {
					return false
				}
			}
			return true
		},
		"isprintable": func(s string) bool {
			for _, r := range s {
				if r != ' ' && !unicode.IsPrint(r) {
					return false
				}
			}
			return true
		},
	}
	for name, f := range preds {
		f := f
		strMethod(name, func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
			return pyBool(f(s)), nil
		})
	}
	strMethod("partition", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("partition", args, 1, 1); err != nil {
			return nil, err
		}
		sep, err := strArg("partition", args[0], 1)
		if err != nil {
			return nil, err
		}
		if sep == "" {
			return nil, py.ExceptionNewf(py.ValueError, "empty separator")
		}
		if a, b, ok := strings.Cut(s, sep); ok {
			return py.Tuple{py.String(a), py.String(sep), py.String(b)}, nil
		}
		return py.Tuple{py.String(s), py.String(""), py.String("")}, nil
	})
	strMethod("rpartition", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("rpartition", args, 1, 1); err != nil {
			return nil, err
		}
		sep, err := strArg("rpartition", args[0], 1)
		if err != nil {
			return nil, err
		}
		if sep == "" {
			return nil, py.ExceptionNewf(py.ValueError, "empty separator")
		}
		if i := strings.LastIndex(s, sep); i >= 0 {
			return py.Tuple{py.String(s[:i]), py.String(sep), py.String(s[i+len(sep):])}, nil
		}
		return py.Tuple{py.String(""), py.String(""), py.String(s)}, nil
	})
	strMethod("zfill", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("zfill", args, 1, 1); err != nil {
			return nil, err
		}
		w, err := py.MakeGoInt(args[0])
		if err != nil {
			return nil, err
		}
		sign := ""
		if s != "" && (s[0] == '-' || s[0] == '+') {
			sign, s = s[:1], s[1:]
		}
		n := utf8.RuneCountInString(s) + len(sign)
		if n >= w {
			return py.String(sign + s), nil
		}
		return py.String(sign + strings.Repeat("0", w-n) + s), nil
	})
	for name, align := range map[string]byte{"ljust": '<', "rjust": '>', "center": '^'} {
		name, align := name, align
		strMethod(name, func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
			w, fill, err := fillArg(args)
			if err != nil {
				return nil, err
			}
			return py.String(pad(s, w, fill, align)), nil
		})
	}
	strMethod("expandtabs", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		ts, err := optInt(args, 0, 8)
		if err != nil {
			return nil, err
		}
		var b strings.Builder
		col := 0
		for _, r := range s {
			switch r {
			case '\t':
				if ts > 0 {
					n := ts - col%ts
					b.WriteString(strings.Repeat(" ", n))
					col += n
				}
			case '\n', '\r':
				b.WriteRune(r)
				col = 0
			default:
				b.WriteRune(r)
				col++
			}
		}
		return py.String(b.String()), nil
	})
	strMethod("encode", func(s string, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		enc := "utf-8"
		if e, ok, _ := optStr("encode", args, 0); ok {
			enc = e
		}
		if e, ok := kwargs["encoding"].(py.String); ok {
			enc = string(e)
		}
		switch strings.ToLower(strings.ReplaceAll(enc, "_", "-")) {
		case "utf-8", "utf8":
			return py.Bytes(s), nil
		case "ascii", "us-ascii", "latin-1", "latin1", "iso-8859-1":
			out := make([]byte, 0, len(s))
			lim := rune(0x7f)
			if !strings.Contains(enc, "ascii") {
				lim = 0xff
			}
			for i, r := range s {
				if r > lim {
					strict := true
					if e, ok, _ := optStr("encode", args, 1); ok && e != "strict" {
						strict = false
					}
					if kwargs["errors"] != nil && Str(kwargs["errors"]) != "strict" {
						strict = false
					}
					if strict {
						return nil, py.ExceptionNewf(py.UnicodeEncodeError, "'%s' codec can't encode character '\\u%04x' in position %d: ordinal not in range(%d)", enc, r, utf8.RuneCountInString(s[:i]), lim+1)
					}
					out = append(out, '?')
					continue
				}
				out = append(out, byte(r))
			}
			return py.Bytes(out), nil
		}
		return nil, py.ExceptionNewf(py.LookupError, "unknown encoding: %s", enc)
	})
	strMethod("removeprefix", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("removeprefix", args, 1, 1); err != nil {
			return nil, err
		}
		p, err := strArg("removeprefix", args[0], 1)
		return py.String(strings.TrimPrefix(s, p)), err
	})
	strMethod("removesuffix", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("removesuffix", args, 1, 1); err != nil {
			return nil, err
		}
		p, err := strArg("removesuffix", args[0], 1)
		return py.String(strings.TrimSuffix(s, p)), err
	})
	strMethod("translate", func(s string, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("translate", args, 1, 1); err != nil {
			return nil, err
		}
		var b strings.Builder
		for _, r := range s {
			v, err := py.GetItem(args[0], py.Int(r))
			if err != nil {
				if py.IsException(py.LookupError, err) {
					b.WriteRune(r)
					continue
				}
				return nil, err
			}
			switch x := v.(type) {
			case py.NoneType:
			case py.Int:
				b.WriteRune(rune(x))
			case py.String:
				b.WriteString(string(x))
			default:
				return nil, py.ExceptionNewf(py.TypeError, "character mapping must return integer, None or str")
			}
		}
		return py.String(b.String()), nil
	})
	py.StringType.Dict["maketrans"] = &py.StaticMethod{Callable: py.MustNewMethod("maketrans", func(_ py.Object, args py.Tuple) (py.Object, error) {
		if err := nargs("maketrans", args, 1, 3); err != nil {
			return nil, err
		}
		d := NewDict()
		if len(args) == 1 {
			src, ok := args[0].(*Dict)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "if you give only one argument to maketrans it must be a dict")
			}
			for _, k := range src.Keys() {
				v, _, _ := src.Get(k)
				if ks, ok := k.(py.String); ok {
					r, _ := utf8.DecodeRuneInString(string(ks))
					k = py.Int(r)
				}
				_ = d.Set(k, v)
			}
			return d, nil
		}
		from, to := []rune(Str(args[0])), []rune(Str(args[1]))
		if len(from) != len(to) {
			return nil, py.ExceptionNewf(py.ValueError, "the first two maketrans arguments must have equal length")
		}
		for i := range from {
			_ = d.Set(py.Int(from[i]), py.Int(to[i]))
		}
		if len(args) == 3 {
			for _, r := range Str(args[2]) {
				_ = d.Set(py.Int(r), py.None)
			}
		}
		return d, nil
	}, 0, "maketrans")}
	py.TupleType.Dict["count"] = py.MustNewMethod("count", func(self py.Object, args py.Tuple) (py.Object, error) {
		return seqCount(self.(py.Tuple), args)
	}, 0, "count")
	py.TupleType.Dict["index"] = py.MustNewMethod("index", func(self py.Object, args py.Tuple) (py.Object, error) {
		return seqIndex(self.(py.Tuple), args, "tuple.index(x): x not in tuple")
	}, 0, "index")
	installBytesMethods()
}

func hasCased(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) || unicode.IsLower(r) {
			return true
		}
	}
	return false
}

func swapcase(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsUpper(r) {
			return unicode.ToLower(r)
		}
		return unicode.ToUpper(r)
	}, s)
}

func title(s string) string {
	var b strings.Builder
	prevCased := false
	for _, r := range s {
		if prevCased {
			b.WriteRune(unicode.ToLower(r))
		} else {
			b.WriteRune(unicode.ToTitle(r))
		}
		prevCased = unicode.IsLetter(r)
	}
	return b.String()
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, w := utf8.DecodeRuneInString(s)
	return string(unicode.ToTitle(r)) + strings.ToLower(s[w:])
}

func startsEnds(s string, args py.Tuple, fn string, f func(string, string) bool) (py.Object, error) {
	if err := nargs(fn, args, 1, 3); err != nil {
		return nil, err
	}
	ps, err := prefixes(fn, args[0])
	if err != nil {
		return nil, err
	}
	if len(args) > 1 {
		r := []rune(s)
		start, err := optInt(args, 1, 0)
		if err != nil {
			return nil, err
		}
		end, err := optInt(args, 2, len(r))
		if err != nil {
			return nil, err
		}
		start, end = clampRange(len(r), start, end)
		if start > end {
			return py.False, nil
		}
		s = string(r[start:end])
	}
	for _, p := range ps {
		if f(s, p) {
			return py.True, nil
		}
	}
	return py.False, nil
}

func seqCount(items []py.Object, args py.Tuple) (py.Object, error) {
	if err := nargs("count", args, 1, 1); err != nil {
		return nil, err
	}
	n := 0
	for _, x := range items {
		eq, err := Equal(x, args[0])
		if err != nil {
			return nil, err
		}
		if eq {
			n++
		}
	}
	return py.Int(n), nil
}

func seqIndex(items []py.Object, args py.Tuple, msg string) (py.Object, error) {
	if err := nargs("index", args, 1, 3); err != nil {
		return nil, err
	}
	start, err := optInt(args, 1, 0)
	if err != nil {
		return nil, err
	}
	end, err := optInt(args, 2, len(items))
	if err != nil {
		return nil, err
	}
	start, end = clampRange(len(items), start, end)
	for i := start; i < end; i++ {
		eq, err := Equal(items[i], args[0])
		if err != nil {
			return nil, err
		}
		if eq {
			return py.Int(i), nil
		}
	}
	if msg == "" {
		r, _ := Repr(args[0])
		msg = r + " is not in list"
	}
	return nil, py.ExceptionNewf(py.ValueError, "%s", msg)
}

func listMethod(name string, fn func(l *py.List, args py.Tuple, kwargs py.StringDict) (py.Object, error)) {
	py.ListType.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		l, ok := self.(*py.List)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' requires a 'list' object", name)
		}
		return fn(l, args, kwargs)
	}, 0, name)
}

func installListMethods() {
	listMethod("sort", func(l *py.List, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) > 0 {
			return nil, py.ExceptionNewf(py.TypeError, "sort() takes no positional arguments")
		}
		return py.None, sortList(l, kwargs)
	})
	listMethod("append", func(l *py.List, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("append", args, 1, 1); err != nil {
			return nil, err
		}
		l.Items = append(l.Items, args[0])
		return py.None, nil
	})
	listMethod("extend", func(l *py.List, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("extend", args, 1, 1); err != nil {
			return nil, err
		}
		items, err := iterList(args[0])
		l.Items = append(l.Items, items...)
		return py.None, err
	})
	listMethod("insert", func(l *py.List, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("insert", args, 2, 2); err != nil {
			return nil, err
		}
		i, err := py.MakeGoInt(args[0])
		if err != nil {
			return nil, err
		}
		n := len(l.Items)
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		if i > n {
			i = n
		}
		l.Items = append(l.Items, nil)
		copy(l.Items[i+1:], l.Items[i:])
		l.Items[i] = args[1]
		return py.None, nil
	})
	listMethod("pop", func(l *py.List, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("pop", args, 0, 1); err != nil {
			return nil, err
		}
		if len(l.Items) == 0 {
			return nil, py.ExceptionNewf(py.IndexError, "pop from empty list")
		}
		i, err := optInt(args, 0, -1)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			i += len(l.Items)
		}
		if i < 0 || i >= len(l.Items) {
			return nil, py.ExceptionNewf(py.IndexError, "pop index out of range")
		}
		v := l.Items[i]
		l.Items = append(l.Items[:i], l.Items[i+1:]...)
		return v, nil
	})
	listMethod("remove", func(l *py.List, args py.Tuple, _ py.StringDict) (py.Object, error) {
		i, err := seqIndex(l.Items, args, "list.remove(x): x not in list")
		if err != nil {
			return nil, err
		}
		k := int(i.(py.Int))
		l.Items = append(l.Items[:k], l.Items[k+1:]...)
		return py.None, nil
	})
	listMethod("index", func(l *py.List, args py.Tuple, _ py.StringDict) (py.Object, error) {
		return seqIndex(l.Items, args, "")
	})
	listMethod("count", func(l *py.List, args py.Tuple, _ py.StringDict) (py.Object, error) {
		return seqCount(l.Items, args)
	})
	listMethod("reverse", func(l *py.List, args py.Tuple, _ py.StringDict) (py.Object, error) {
		for i, j := 0, len(l.Items)-1; i < j; i, j = i+1, j-1 {
			l.Items[i], l.Items[j] = l.Items[j], l.Items[i]
		}
		return py.None, nil
	})
	listMethod("copy", func(l *py.List, args py.Tuple, _ py.StringDict) (py.Object, error) {
		return py.NewListFromItems(append([]py.Object(nil), l.Items...)), nil
	})
	listMethod("clear", func(l *py.List, args py.Tuple, _ py.StringDict) (py.Object, error) {
		l.Items = l.Items[:0]
		return py.None, nil
	})
}

func decodeBytes(b py.Bytes, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	enc := "utf-8"
	if len(args) > 0 {
		enc = Str(args[0])
	}
	if e, ok := kwargs["encoding"]; ok {
		enc = Str(e)
	}
	errs := "strict"
	if len(args) > 1 {
		errs = Str(args[1])
	}
	if e, ok := kwargs["errors"]; ok {
		errs = Str(e)
	}
	switch strings.ToLower(strings.ReplaceAll(enc, "_", "-")) {
	case "utf-8", "utf8", "ascii", "us-ascii":
		if utf8.Valid(b) {
			return py.String(b), nil
		}
		if errs == "strict" {
			for i := 0; i < len(b); {
				r, w := utf8.DecodeRune(b[i:])
				if r == utf8.RuneError && w <= 1 {
					return nil, py.ExceptionNewf(py.UnicodeDecodeError, "'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", b[i], i)
				}
				i += w
			}
		}
		var sb strings.Builder
		for i := 0; i < len(b); {
			r, w := utf8.DecodeRune(b[i:])
			if r == utf8.RuneError && w <= 1 {
				if errs == "replace" {
					sb.WriteRune('\ufffd')
				} else if errs == "surrogateescape" || errs == "backslashreplace" {
					sb.WriteString(`\x` + strings.ToLower(string("0123456789abcdef"[b[i]>>4])+string("0123456789abcdef"[b[i]&15])))
				}
				i++
				continue
			}
			sb.WriteRune(r)
			i += w
		}
		return py.String(sb.String()), nil
	case "latin-1", "latin1", "iso-8859-1":
		r := make([]rune, len(b))
		for i, c := range b {
			r[i] = rune(c)
		}
		return py.String(string(r)), nil
	}
	return nil, py.ExceptionNewf(py.LookupError, "unknown encoding: %s", enc)
}

func installBytesMethods() {
	py.BytesType.Dict["decode"] = py.MustNewMethod("decode", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return decodeBytes(self.(py.Bytes), args, kwargs)
	}, 0, "decode")
	bm := func(name string, f func(b []byte, args py.Tuple) (py.Object, error)) {
		py.BytesType.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple) (py.Object, error) {
			return f([]byte(self.(py.Bytes)), args)
		}, 0, name)
	}
	bytesArg := func(o py.Object) []byte {
		if b, ok := o.(py.Bytes); ok {
			return b
		}
		return nil
	}
	bm("strip", func(b []byte, args py.Tuple) (py.Object, error) {
		if len(args) > 0 && args[0] != py.None {
			return py.Bytes(trimBytes(b, bytesArg(args[0]))), nil
		}
		return py.Bytes(strings.TrimSpace(string(b))), nil
	})
	bm("split", func(b []byte, args py.Tuple) (py.Object, error) {
		var out []py.Object
		if len(args) > 0 && args[0] != py.None {
			for _, p := range strings.Split(string(b), string(bytesArg(args[0]))) {
				out = append(out, py.Bytes(p))
			}
		} else {
			for _, p := range strings.Fields(string(b)) {
				out = append(out, py.Bytes(p))
			}
		}
		return py.NewListFromItems(out), nil
	})
	bm("startswith", func(b []byte, args py.Tuple) (py.Object, error) {
		return py.NewBool(strings.HasPrefix(string(b), string(bytesArg(args[0])))), nil
	})
	bm("endswith", func(b []byte, args py.Tuple) (py.Object, error) {
		return py.NewBool(strings.HasSuffix(string(b), string(bytesArg(args[0])))), nil
	})
	bm("hex", func(b []byte, args py.Tuple) (py.Object, error) {
		const digits = "0123456789abcdef"
		out := make([]byte, 0, 2*len(b))
		for _, c := range b {
			out = append(out, digits[c>>4], digits[c&15])
		}
		return py.String(out), nil
	})
	bm("join", func(b []byte, args py.Tuple) (py.Object, error) {
		items, err := iterList(args[0])
		if err != nil {
			return nil, err
		}
		parts := make([]string, len(items))
		for i, it := range items {
			parts[i] = string(bytesArg(it))
		}
		return py.Bytes(strings.Join(parts, string(b))), nil
	})
	bm("replace", func(b []byte, args py.Tuple) (py.Object, error) {
		return py.Bytes(strings.ReplaceAll(string(b), string(bytesArg(args[0])), string(bytesArg(args[1])))), nil
	})
}

func trimBytes(b, chars []byte) []byte {
	return []byte(strings.Trim(string(b), string(chars)))
}
