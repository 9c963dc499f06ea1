package pyrt

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// Decorated functions with default values. gpython compiles the defaults of a def before
// its decorators, so MAKE_FUNCTION takes the decorators as defaults and the first call
// fails ("'NoneType' object is not callable" for @staticmethod def f(a, b=None)). Its
// keyword-only defaults are also paired with the wrong names when a keyword-only argument
// without a default comes first. fixDecoratedDefaults therefore moves the defaults of a
// decorated def into its innermost decorator:
//
//	@deco                  @__pyrt_defaults__(deco, (None,), {'k': 1})
//	def f(a, b=None, *,    def f(a, b, *,
//	      k=1):                  k):
//
// __pyrt_defaults__ sets __defaults__ and __kwdefaults__ and then applies deco. Decorator
// expressions are still evaluated before the defaults, as in CPython, and every line keeps
// its number.

const defaultsBuiltin = "__pyrt_defaults__"

func fixDecoratedDefaults(toks []token) {
	for i := 1; i+2 < len(toks); i++ {
		if toks[i].kind != tName || toks[i].text != "def" || toks[i-1].kind != tNewline ||
			toks[i+1].kind != tName || toks[i+2].text != "(" {
			continue
		}
		at := decoratorStart(toks, i-1)
		if at < 0 {
			continue
		}
		pos, kw, ok := takeDefaults(toks, i+2)
		if !ok || (len(pos) == 0 && len(kw) == 0) {
			continue
		}
		tuple := "(" + strings.Join(pos, ", ")
		if len(pos) == 1 {
			tuple += ","
		}
		tuple += ")"
		toks[at+1].text = defaultsBuiltin + "(" + toks[at+1].text
		suffix := ", " + tuple + ", {" + strings.Join(kw, ", ") + "})"
		if toks[i-2].kind == tOp {
			// Brackets must keep their text for the tree builder.
			toks[i-1].pre = suffix + toks[i-1].pre
		} else {
			toks[i-2].text += suffix
		}
	}
}

// decoratorStart returns the index of the "@" of the decorator line ending at the newline
// token nl, or -1 when that line is not a decorator.
func decoratorStart(toks []token, nl int) int {
	j := nl - 1
	for j >= 0 && toks[j].kind != tNewline {
		j--
	}
	at := j + 1
	if at >= nl || toks[at].kind != tOp || toks[at].text != "@" {
		return -1
	}
	return at
}

// takeDefaults removes the default values from the parameter list opening at toks[open]
// (keeping the newlines inside them) and returns them as source: positional defaults in
// order and keyword-only ones as 'name': value entries.
func takeDefaults(toks []token, open int) (pos, kw []string, ok bool) {
	depth, kwonly, name := 0, false, ""
	for k := open; k < len(toks); k++ {
		t := toks[k]
		if t.kind == tNewline || t.kind == tEOF {
			return nil, nil, false
		}
		switch {
		case t.kind == tOp && (t.text == "(" || t.text == "[" || t.text == "{"):
			depth++
			continue
		case t.kind == tOp && (t.text == ")" || t.text == "]" || t.text == "}"):
			depth--
			if depth == 0 {
				return pos, kw, true
			}
			continue
		}
		if depth != 1 {
			continue
		}
		switch {
		case t.kind == tOp && (t.text == "*" || t.text == "**"):
			kwonly = true
		case t.kind == tOp && t.text == ",":
			name = ""
		case t.kind == tName && name == "":
			name = t.text
		case t.kind == tOp && t.text == "=":
			end := k + 1
			d := 0
			for ; end < len(toks); end++ {
				e := toks[end]
				if e.kind == tNewline || e.kind == tEOF {
					return nil, nil, false
				}
				if e.kind == tOp && (e.text == "(" || e.text == "[" || e.text == "{") {
					d++
				} else if e.kind == tOp && (e.text == ")" || e.text == "]" || e.text == "}") {
					if d == 0 {
						break
					}
					d--
				} else if d == 0 && e.kind == tOp && e.text == "," {
					break
				}
			}
			var b strings.Builder
			for x := k + 1; x < end; x++ {
				if x > k+1 {
					b.WriteString(oneLine(toks[x].pre))
				}
				b.WriteString(oneLine(toks[x].text))
				blank(&toks[x])
			}
			blank(&toks[k])
			if kwonly {
				kw = append(kw, "'"+name+"': "+b.String())
			} else {
				pos = append(pos, b.String())
			}
			k = end - 1
		}
	}
	return nil, nil, false
}

// oneLine joins a token's text or whitespace onto one line (comments dropped), for moving
// it into a decorator call.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n#\\") {
		return s
	}
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if i := strings.IndexByte(l, '#'); i >= 0 && !strings.ContainsAny(l[:i], "'\"") {
			l = l[:i]
		}
		l = strings.TrimSuffix(l, "\\")
		b.WriteString(l)
		b.WriteByte(' ')
	}
	return strings.TrimRight(b.String(), " ")
}

// defaultsDecorator is __pyrt_defaults__(deco, defaults, kwdefaults): the decorator that
// gives a function its defaults and then applies deco.
func defaultsDecorator(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
	if len(args) != 3 {
		return nil, py.ExceptionNewf(py.TypeError, "%s() takes 3 arguments", defaultsBuiltin)
	}
	deco, defs, kwdefs := args[0], args[1], args[2]
	return py.MustNewMethod("decorator", func(_ py.Object, a py.Tuple) (py.Object, error) {
		if len(a) != 1 {
			return nil, py.ExceptionNewf(py.TypeError, "decorator takes 1 argument")
		}
		if f, ok := a[0].(*py.Function); ok {
			if t, ok := defs.(py.Tuple); ok && len(t) > 0 {
				f.Defaults = t
			}
			if items, err := dictItems(kwdefs); err == nil && len(items) > 0 {
				f.KwDefaults = py.StringDict{}
				for _, kv := range items {
					f.KwDefaults[Str(kv[0])] = kv[1]
				}
			}
		}
		return py.Call(deco, py.Tuple{a[0]}, nil)
	}, 0, "decorator"), nil
}

// dictItems returns the (key, value) pairs of a dict display's value.
func dictItems(o py.Object) ([][2]py.Object, error) {
	items, err := py.GetAttrString(o, "items")
	if err != nil {
		return nil, err
	}
	it, err := py.Call(items, nil, nil)
	if err != nil {
		return nil, err
	}
	pairs, err := iterList(it)
	if err != nil {
		return nil, err
	}
	out := make([][2]py.Object, 0, len(pairs))
	for _, p := range pairs {
		kv, err := iterList(p)
		if err != nil || len(kv) != 2 {
			return nil, py.ExceptionNewf(py.TypeError, "bad defaults item")
		}
		out = append(out, [2]py.Object{kv[0], kv[1]})
	}
	return out, nil
}
