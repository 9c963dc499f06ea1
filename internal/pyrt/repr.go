package pyrt

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/go-python/gpython/py"

	"github.com/gobake/gobake/internal/pystr"
)

// Repr is repr(o) as CPython prints it. Errors raised by user __repr__ methods are returned.
func Repr(o py.Object) (string, error) {
	return reprDepth(o, 0)
}

// Str is str(o) as CPython prints it; errors print as an empty string (use StrErr).
func Str(o py.Object) string {
	s, _ := StrErr(o)
	return s
}

// StrErr is str(o) with the error of a failing user __str__.
func StrErr(o py.Object) (string, error) {
	switch x := o.(type) {
	case py.String:
		return string(x), nil
	case *py.Exception:
		if f := userMethod(x.Type(), "__str__"); f != nil {
			return callStr(f, x)
		}
		args := excArgs(x)
		switch {
		case len(args) == 0:
			return "", nil
		case len(args) == 1 && x.Type().IsSubtype(py.KeyError):
			return Repr(args[0])
		case len(args) == 1:
			if m, ok := args[0].(py.String); ok && x.Type() == py.AttributeError {
				return fixAttrMessage(string(m)), nil
			}
			if m, ok := args[0].(py.String); ok && x.Type() == py.IndexError && m == "index out of range" {
				return "list index out of range", nil
			}
			return StrErr(args[0])
		case x.Type().IsSubtype(py.OSError) && len(args) >= 2:
			s := "[Errno " + Str(args[0]) + "] " + Str(args[1])
			if fn, ok := x.Dict["filename"]; ok && fn != py.None {
				r, _ := Repr(fn)
				s += ": " + r
			} else if len(args) >= 3 && args[2] != py.None {
				r, _ := Repr(args[2])
				s += ": " + r
			}
			return s, nil
		}
		return Repr(args)
	case *py.Type:
		if _, cls := isClass(x); !cls {
			if f := userMethod(x.Type(), "__str__"); f != nil {
				return callStr(f, x)
			}
		}
	case py.Float, py.Int, py.Bool, *py.BigInt, py.NoneType, py.Tuple, *py.List, *Dict, *Set:
	default:
		if s, ok := o.(py.I__str__); ok {
			r, err := s.M__str__()
			if err != nil {
				return "", err
			}
			if rs, ok := r.(py.String); ok {
				return string(rs), nil
			}
		}
	}
	return Repr(o)
}

func callStr(f py.Object, self py.Object) (string, error) {
	r, err := py.Call(f, py.Tuple{self}, nil)
	if err != nil {
		return "", err
	}
	s, ok := r.(py.String)
	if !ok {
		return "", py.ExceptionNewf(py.TypeError, "__str__ returned non-string (type %s)", r.Type().Name)
	}
	return string(s), nil
}

// userMethod finds a method defined in Python (not a Go builtin) on t's MRO.
func userMethod(t *py.Type, name string) py.Object {
	v := lookup(t, name)
	switch v.(type) {
	case *py.Function, *py.BoundMethod, *py.StaticMethod, *py.ClassMethod, *listDelegate:
		return v
	}
	return nil
}

func reprDepth(o py.Object, depth int) (string, error) {
	if depth > 200 {
		return "", py.ExceptionNewf(py.RuntimeError, "maximum recursion depth exceeded while getting the repr of an object")
	}
	switch x := o.(type) {
	case py.String:
		return ReprString(string(x)), nil
	case py.Bytes:
		return reprBytes([]byte(x)), nil
	case py.Int:
		return strconv.FormatInt(int64(x), 10), nil
	case *py.BigInt:
		return (*big.Int)(x).String(), nil
	case py.Bool:
		if x {
			return "True", nil
		}
		return "False", nil
	case py.Float:
		return FloatRepr(float64(x)), nil
	case py.NoneType:
		return "None", nil
	case py.Tuple:
		if len(x) == 1 {
			s, err := reprDepth(x[0], depth+1)
			return "(" + s + ",)", err
		}
		s, err := reprSeq(x, depth)
		return "(" + s + ")", err
	case *py.List:
		s, err := reprSeq(x.Items, depth)
		return "[" + s + "]", err
	case *Dict:
		if x.cls != DictType {
			if f := userMethod(x.cls, "__repr__"); f != nil {
				return callStr(f, x)
			}
		}
		var b strings.Builder
		b.WriteString("{")
		for i, k := range x.Keys() {
			if i > 0 {
				b.WriteString(", ")
			}
			ks, err := reprDepth(k, depth+1)
			if err != nil {
				return "", err
			}
			v, _, _ := x.Get(k)
			vs, err := reprDepth(v, depth+1)
			if err != nil {
				return "", err
			}
			b.WriteString(ks + ": " + vs)
		}
		b.WriteString("}")
		return b.String(), nil
	case py.StringDict:
		d := NewDict()
		_ = d.update(x)
		return reprDepth(d, depth)
	case *Set:
		items := x.Items()
		name := x.cls.Name
		if len(items) == 0 {
			return name + "()", nil
		}
		s, err := reprSeq(items, depth)
		if x.cls == SetType {
			return "{" + s + "}", err
		}
		return name + "({" + s + "})", err
	case *py.Exception:
		if f := userMethod(x.Type(), "__repr__"); f != nil {
			return callStr(f, x)
		}
		args := excArgs(x)
		if len(args) == 1 {
			s, err := reprDepth(args[0], depth+1)
			return x.Type().Name + "(" + s + ")", err
		}
		s, err := reprSeq(args, depth)
		return x.Type().Name + "(" + s + ")", err
	case *py.Type:
		if _, cls := isClass(x); cls {
			return "<class '" + className(x) + "'>", nil
		}
		if f := userMethod(x.Type(), "__repr__"); f != nil {
			return callStr(f, x)
		}
		return fmt.Sprintf("<%s object at %p>", className(x.Type()), x), nil
	case *py.Function:
		return fmt.Sprintf("<function %s at %p>", x.Qualname, x), nil
	case *py.BoundMethod:
		sr, _ := reprDepth(x.Self, depth+1)
		name := "?"
		switch f := x.Method.(type) {
		case *py.Function:
			name = f.Qualname
		case *py.Method:
			return fmt.Sprintf("<built-in method %s of %s object at %p>", f.Name, x.Self.Type().Name, x.Self), nil
		}
		return "<bound method " + name + " of " + sr + ">", nil
	case *py.Method:
		return "<built-in function " + x.Name + ">", nil
	case *py.Module:
		return reprModule(x), nil
	case *py.Range:
		r, _ := py.Repr(x)
		return string(r.(py.String)), nil
	}
	if o == py.Ellipsis {
		return "Ellipsis", nil
	}
	if r, ok := o.(py.I__repr__); ok {
		s, err := r.M__repr__()
		if err != nil {
			return "", err
		}
		if str, ok := s.(py.String); ok {
			return string(str), nil
		}
	}
	s, err := py.Repr(o)
	if err != nil {
		return "", err
	}
	return string(s.(py.String)), nil
}

func reprModule(m *py.Module) string {
	name := "?"
	if n, ok := m.Globals["__name__"].(py.String); ok {
		name = string(n)
	}
	if f, ok := m.Globals["__file__"].(py.String); ok {
		return "<module '" + name + "' from '" + string(f) + "'>"
	}
	return "<module '" + name + "' (built-in)>"
}

// className is a class's name qualified with its module unless it is a builtin.
func className(t *py.Type) string {
	name := t.Name
	if t.Qualname != "" {
		name = t.Qualname
	}
	if m := typeModule(t); m != "" && m != "builtins" {
		return m + "." + name
	}
	return name
}

func reprSeq(items []py.Object, depth int) (string, error) {
	var b strings.Builder
	for i, it := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		s, err := reprDepth(it, depth+1)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return b.String(), nil
}

// ReprString quotes s the way CPython's str.__repr__ does.
func ReprString(s string) string {
	return pystr.Repr(s)
}

func reprBytes(s []byte) string {
	q := byte('\'')
	if strings.ContainsRune(string(s), '\'') && !strings.ContainsRune(string(s), '"') {
		q = '"'
	}
	var b strings.Builder
	b.WriteString("b")
	b.WriteByte(q)
	for _, c := range s {
		switch {
		case c == q || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(q)
	return b.String()
}

// FloatRepr is repr(float): the shortest string that round-trips, in fixed notation for
// exponents -4 <= e < 16, with ".0" for integral values.
func FloatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	e := strconv.FormatFloat(f, 'e', -1, 64) // -d.ddde±XX
	sign := ""
	if e[0] == '-' {
		sign, e = "-", e[1:]
	}
	mant, expS, _ := strings.Cut(e, "e")
	exp, _ := strconv.Atoi(expS)
	digits := strings.Replace(mant, ".", "", 1)
	if exp < -4 || exp >= 16 {
		m := digits[:1]
		if len(digits) > 1 {
			m += "." + digits[1:]
		}
		es := fmt.Sprintf("%+03d", exp)
		return sign + m + "e" + es
	}
	var s string
	if exp < 0 {
		s = "0." + strings.Repeat("0", -exp-1) + digits
	} else if len(digits) <= exp+1 {
		s = digits + strings.Repeat("0", exp+1-len(digits)) + ".0"
	} else {
		s = digits[:exp+1] + "." + digits[exp+1:]
	}
	return sign + s
}

// fixAttrMessage turns gpython's "'T' has no attribute 'x'" into CPython's
// "'T' object has no attribute 'x'".
func fixAttrMessage(m string) string {
	if strings.HasPrefix(m, "'") {
		if i := strings.Index(m, "' has no attribute '"); i > 0 && !strings.Contains(m[1:i], "'") {
			return m[:i+1] + " object" + m[i+1:]
		}
	}
	return m
}
