package pyrt

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-python/gpython/py"
)

// patchOnce patches gpython's shared type tables (object, exceptions, builtin types) once
// per process; the patches are fixed at that point and shared by every Runtime.
var patchOnce sync.Once

func patchTypes() {
	// gpython makes Go subtypes (ValueError, bool, ...) instances of their base type instead
	// of instances of type; make every builtin class an instance of type again.
	if impl := py.GetModuleImpl("builtins"); impl != nil {
		for _, v := range impl.Globals {
			for t, ok := v.(*py.Type); ok && t != nil && t != py.TypeType; t = t.Base {
				t.ObjectType = py.TypeType
			}
		}
	}
	installObjectModel()
	installExceptions()
	installStrMethods()
	installListMethods()
	py.StringType.New = strNew
	floatNew := py.FloatType.New
	py.FloatType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		r, err := floatNew(t, args, kwargs)
		if err != nil && len(args) == 1 && py.IsException(py.ValueError, err) {
			if s, ok := args[0].(py.String); ok {
				return nil, py.ExceptionNewf(py.ValueError, "could not convert string to float: %s", ReprString(string(s)))
			}
		}
		return r, err
	}
	typeNew := py.TypeType.New
	py.TypeType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) == 3 {
			if d, ok := args[2].(*Dict); ok {
				ns := py.StringDict{}
				for _, k := range d.Keys() {
					ns[Str(k)], _, _ = d.Get(k)
				}
				args = py.Tuple{args[0], args[1], ns}
			}
			if ns, ok := args[2].(py.StringDict); ok {
				if _, has := ns["__module__"]; !has {
					ns["__module__"] = py.String("__main__")
				}
			}
			if b, ok := args[1].(py.Tuple); ok && len(b) == 0 {
				args = py.Tuple{args[0], py.Tuple{py.ObjectType}, args[2]}
			}
			res, err := typeNew(t, args, kwargs)
			if err != nil {
				return nil, err
			}
			if cls, ok := res.(*py.Type); ok {
				finishClass(cls)
			}
			return res, nil
		}
		return typeNew(t, args, kwargs)
	}
	py.FunctionType.Dict["__doc__"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
		f := self.(*py.Function)
		if f.Doc == nil {
			return py.None, nil
		}
		return f.Doc, nil
	}, Fset: func(self, v py.Object) error {
		self.(*py.Function).Doc = v
		return nil
	}}
	// Subtypes made with NewType copy their base's READY flag and so are never readied.
	ModuleNotFoundError.ObjectType = py.TypeType
	ModuleNotFoundError.Flags &^= py.TPFLAGS_READY
	if err := ModuleNotFoundError.Ready(); err != nil {
		panic(err)
	}
	intNew := py.IntType.New
	py.IntType.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) == 1 {
			if b, ok := args[0].(py.Bool); ok {
				if b {
					return py.Int(1), nil
				}
				return py.Int(0), nil
			}
		}
		return intNew(t, args, kwargs)
	}
	if err := py.TypeMakeReady(); err != nil {
		panic(err)
	}
	py.BoolType.New = func(_ *py.Type, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if len(args) == 0 {
			return py.False, nil
		}
		return truth(args[0])
	}
}

// truth is bool(o), honouring __bool__ and __len__ of user classes.
func truth(o py.Object) (py.Object, error) {
	if t, ok := o.(*py.Type); ok {
		if _, cls := isClass(t); !cls {
			if f := userMethod(t.Type(), "__bool__"); f != nil {
				return py.Call(f, py.Tuple{t}, nil)
			}
			if f := userMethod(t.Type(), "__len__"); f != nil {
				n, err := py.Call(f, py.Tuple{t}, nil)
				if err != nil {
					return nil, err
				}
				return py.NewBool(n != py.Int(0)), nil
			}
			return py.True, nil
		}
	}
	return py.MakeBool(o)
}

// star marks a starred element in the arguments of the lowered display builders.
type star struct{}

var starType = py.NewType("__pyrt_star__", "starred element marker")

func (star) Type() *py.Type { return starType }

// installBuiltins replaces and adds builtins in r's builtins module.
func installBuiltins(r *Runtime) {
	g := r.store.Builtins.Globals
	def := func(name string, fn func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error)) {
		g[name] = &builtinFunc{
			name: name,
			call: func(args py.Tuple, kwargs py.StringDict) (py.Object, error) { return fn(nil, args, kwargs) },
			dict: py.StringDict{"__name__": py.String(name), "__qualname__": py.String(name), "__module__": py.String("builtins"), "__doc__": py.String(name)},
		}
	}
	g["__pyrt_star__"] = star{}
	g["ModuleNotFoundError"] = ModuleNotFoundError
	g["dict"] = DictType
	g["set"] = SetType
	g["frozenset"] = FrozenSetType
	g["super"] = superType
	g["property"] = propertyType
	g["__build_class__"] = py.MustNewMethod("__build_class__", buildClass(g["__build_class__"]), 0, "internal helper for class statements")
	g["__import__"] = py.MustNewMethod("__import__", r.importHook, 0, "__import__(name, globals, locals, fromlist, level)")
	def("__pyrt_dict__", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		d := NewDict()
		for i := 0; i+1 < len(args); i += 2 {
			if _, ok := args[i].(star); ok {
				if err := d.update(args[i+1]); err != nil {
					return nil, err
				}
				continue
			}
			if err := d.Set(args[i], args[i+1]); err != nil {
				return nil, err
			}
		}
		return d, nil
	})
	def("__pyrt_dictcomp__", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		d := NewDict()
		var ierr error
		err := py.Iterate(args[0], func(kv py.Object) bool {
			t := kv.(py.Tuple)
			ierr = d.Set(t[0], t[1])
			return ierr != nil
		})
		if err == nil {
			err = ierr
		}
		return d, err
	})
	collect := func(args py.Tuple) ([]py.Object, error) {
		var out []py.Object
		for i := 0; i < len(args); i++ {
			if _, ok := args[i].(star); ok && i+1 < len(args) {
				i++
				if err := py.Iterate(args[i], func(x py.Object) bool { out = append(out, x); return false }); err != nil {
					return nil, err
				}
				continue
			}
			out = append(out, args[i])
		}
		return out, nil
	}
	def("__pyrt_set__", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		items, err := collect(args)
		if err != nil {
			return nil, err
		}
		s := NewSet()
		for _, it := range items {
			if err := s.Add(it); err != nil {
				return nil, err
			}
		}
		return s, nil
	})
	def("__pyrt_setcomp__", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		s := NewSet()
		return s, s.addAll(args[0])
	})
	def("__pyrt_list__", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		items, err := collect(args)
		return py.NewListFromItems(items), err
	})
	def("__pyrt_tuple__", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		items, err := collect(args)
		return py.Tuple(items), err
	})
	def("__pyrt_mod__", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if s, ok := args[0].(py.String); ok {
			return PercentFormat(string(s), args[1])
		}
		return py.Mod(args[0], args[1])
	})
	for name, op := range map[string]string{"__pyrt_lt__": "<", "__pyrt_le__": "<=", "__pyrt_gt__": ">", "__pyrt_ge__": ">="} {
		op := op
		def(name, func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
			r, err := Compare(args[0], args[1], op)
			return py.NewBool(r), err
		})
	}
	def("__pyrt_eq__", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		r, err := Equal(args[0], args[1])
		return py.NewBool(r), err
	})
	def("__pyrt_ne__", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if t, ok := args[0].(*py.Type); ok {
			if f := userMethod(t.Type(), "__ne__"); f != nil {
				return py.Call(f, py.Tuple{args[0], args[1]}, nil)
			}
		}
		r, err := Equal(args[0], args[1])
		return py.NewBool(!r), err
	})
	def(defaultsBuiltin, defaultsDecorator)
	def("__pyrt_id__", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		return args[0], nil
	})
	def("__pyrt_kw__", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		switch m := args[0].(type) {
		case py.StringDict:
			return m, nil
		case *Dict:
			out := py.NewStringDictSized(m.Len())
			for _, k := range m.Keys() {
				ks, ok := k.(py.String)
				if !ok {
					return nil, py.ExceptionNewf(py.TypeError, "keywords must be strings")
				}
				out[string(ks)], _, _ = m.Get(k)
			}
			return out, nil
		}
		d := NewDict()
		if err := d.update(args[0]); err != nil {
			return nil, py.ExceptionNewf(py.TypeError, "argument after ** must be a mapping, not %s", args[0].Type().Name)
		}
		out := py.StringDict{}
		for _, k := range d.Keys() {
			out[Str(k)], _, _ = d.Get(k)
		}
		return out, nil
	})
	def("__pyrt_fjoin__", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		var b strings.Builder
		for _, a := range args {
			b.WriteString(string(a.(py.String)))
		}
		return py.String(b.String()), nil
	})
	def("__pyrt_fmt__", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		v := args[0]
		switch args[1].(py.String) {
		case "r", "a":
			s, err := Repr(v)
			if err != nil {
				return nil, err
			}
			v = py.String(s)
		case "s":
			s, err := StrErr(v)
			if err != nil {
				return nil, err
			}
			v = py.String(s)
		}
		s, err := Format(v, string(args[2].(py.String)))
		return py.String(s), err
	})
	def("print", func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		sep, end := " ", "\n"
		var file py.Object = py.None
		for k, v := range kwargs {
			switch k {
			case "sep":
				if v != py.None {
					sep = Str(v)
				}
			case "end":
				if v != py.None {
					end = Str(v)
				}
			case "file":
				file = v
			case "flush":
			default:
				return nil, py.ExceptionNewf(py.TypeError, "'%s' is an invalid keyword argument for print()", k)
			}
		}
		if file == py.None {
			file = r.sys.Globals["stdout"]
		}
		var b strings.Builder
		for i, a := range args {
			if i > 0 {
				b.WriteString(sep)
			}
			s, err := StrErr(a)
			if err != nil {
				return nil, err
			}
			b.WriteString(s)
		}
		b.WriteString(end)
		w, err := py.GetAttrString(file, "write")
		if err != nil {
			return nil, err
		}
		_, err = py.Call(w, py.Tuple{py.String(b.String())}, nil)
		return py.None, err
	})
	def("enumerate", func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		a, err := bind("enumerate", args, kwargs, []string{"iterable", "start"}, 1)
		if err != nil {
			return nil, err
		}
		it, err := py.Iter(a[0])
		if err != nil {
			return nil, err
		}
		start := 0
		if a[1] != nil {
			if start, err = py.MakeGoInt(a[1]); err != nil {
				return nil, err
			}
		}
		return &enumIter{it: it, i: start}, nil
	})
	def("zip", func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		z := &zipIter{}
		for _, a := range args {
			it, err := py.Iter(a)
			if err != nil {
				return nil, err
			}
			z.its = append(z.its, it)
		}
		return z, nil
	})
	def("len", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("len", args, 1, 1); err != nil {
			return nil, err
		}
		switch x := args[0].(type) {
		case py.Bytes:
			return py.Int(len(x)), nil
		case py.String:
			return py.Int(utf8.RuneCountInString(string(x))), nil
		case *py.Type:
			if _, cls := isClass(x); !cls {
				if f := userMethod(x.Type(), "__len__"); f != nil {
					return py.Call(f, py.Tuple{x}, nil)
				}
			}
		}
		if l, ok := args[0].(py.I__len__); ok {
			return l.M__len__()
		}
		return nil, py.ExceptionNewf(py.TypeError, "object of type '%s' has no len()", args[0].Type().Name)
	})
	def("repr", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("repr", args, 1, 1); err != nil {
			return nil, err
		}
		s, err := Repr(args[0])
		return py.String(s), err
	})
	def("ascii", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("ascii", args, 1, 1); err != nil {
			return nil, err
		}
		s, err := Repr(args[0])
		var b strings.Builder
		for _, c := range s {
			switch {
			case c < 0x80:
				b.WriteRune(c)
			case c <= 0xff:
				fmt.Fprintf(&b, `\x%02x`, c)
			case c <= 0xffff:
				fmt.Fprintf(&b, `\u%04x`, c)
			default:
				fmt.Fprintf(&b, `\U%08x`, c)
			}
		}
		return py.String(b.String()), err
	})
	def("format", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("format", args, 1, 2); err != nil {
			return nil, err
		}
		spec := ""
		if len(args) == 2 {
			spec = Str(args[1])
		}
		s, err := Format(args[0], spec)
		return py.String(s), err
	})
	def("hash", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("hash", args, 1, 1); err != nil {
			return nil, err
		}
		return Hash(args[0])
	})
	def("id", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("id", args, 1, 1); err != nil {
			return nil, err
		}
		var p uintptr
		fmt.Sscanf(fmt.Sprintf("%p", args[0]), "0x%x", &p)
		return py.Int(p), nil
	})
	def("callable", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("callable", args, 1, 1); err != nil {
			return nil, err
		}
		return py.NewBool(isCallable(args[0])), nil
	})
	def("isinstance", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("isinstance", args, 2, 2); err != nil {
			return nil, err
		}
		ok, err := IsInstance(args[0], args[1])
		return py.NewBool(ok), err
	})
	def("issubclass", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("issubclass", args, 2, 2); err != nil {
			return nil, err
		}
		t, ok := args[0].(*py.Type)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "issubclass() arg 1 must be a class")
		}
		ok, err := isSubclass(t, args[1])
		return py.NewBool(ok), err
	})
	def("sorted", func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := nargs("sorted", args, 1, 1); err != nil {
			return nil, err
		}
		items, err := iterList(args[0])
		if err != nil {
			return nil, err
		}
		l := py.NewListFromItems(items)
		return l, sortList(l, kwargs)
	})
	def("min", func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return minMax("min", args, kwargs, lessThan)
	})
	def("max", func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return minMax("max", args, kwargs, greaterThan)
	})
	def("reversed", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("reversed", args, 1, 1); err != nil {
			return nil, err
		}
		if t, ok := args[0].(*py.Type); ok {
			if f := lookup(t.Type(), "__reversed__"); f != nil {
				return py.Call(f, py.Tuple{t}, nil)
			}
		}
		items, err := iterList(args[0])
		if err != nil {
			return nil, err
		}
		rev := make([]py.Object, len(items))
		for i, x := range items {
			rev[len(items)-1-i] = x
		}
		return newSliceIter(rev), nil
	})
	def("vars", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("vars", args, 1, 1); err != nil {
			return nil, err
		}
		return py.GetAttrString(args[0], "__dict__")
	})
	def("dir", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("dir", args, 1, 1); err != nil {
			return nil, err
		}
		return dir(args[0]), nil
	})
	def("sum", func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := nargs("sum", args, 1, 2); err != nil {
			return nil, err
		}
		var acc py.Object = py.Int(0)
		if len(args) == 2 {
			acc = args[1]
		} else if s, ok := kwargs["start"]; ok {
			acc = s
		}
		var ierr error
		err := py.Iterate(args[0], func(x py.Object) bool {
			acc, ierr = py.Add(acc, x)
			return ierr != nil
		})
		if err == nil {
			err = ierr
		}
		return acc, err
	})
	def("round", func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := nargs("round", args, 1, 2); err != nil {
			return nil, err
		}
		return round(args)
	})
	def("getattr", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("getattr", args, 2, 3); err != nil {
			return nil, err
		}
		name, ok := args[1].(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "attribute name must be string, not '%s'", args[1].Type().Name)
		}
		v, err := getAttr(args[0], string(name))
		if err != nil && len(args) == 3 && py.IsException(py.AttributeError, err) {
			return args[2], nil
		}
		return v, err
	})
	def("hasattr", func(_ py.Object, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("hasattr", args, 2, 2); err != nil {
			return nil, err
		}
		name, ok := args[1].(py.String)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "hasattr(): attribute name must be string")
		}
		_, err := getAttr(args[0], string(name))
		if err != nil {
			if py.IsException(py.AttributeError, err) {
				return py.False, nil
			}
			return nil, err
		}
		return py.True, nil
	})
	gpOpen := g["open"]
	def("open", func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) > 0 {
			if p, ok := args[0].(py.String); ok {
				mode := "r"
				if len(args) > 1 {
					mode = Str(args[1])
				}
				if m, ok := kwargs["mode"]; ok {
					mode = Str(m)
				}
				if err := checkOpen(string(p), mode); err != nil {
					return nil, err
				}
			}
		}
		delete(kwargs, "encoding")
		delete(kwargs, "errors")
		res, err := py.Call(gpOpen, args, kwargs)
		return wrapFile(res, err, args, kwargs)
	})
	def("exec", r.builtinExec(py.ExecMode))
	def("eval", r.builtinExec(py.EvalMode))
	def("__pyrt_exec__", r.builtinScopedExec(py.ExecMode))
	def("__pyrt_eval__", r.builtinScopedExec(py.EvalMode))
	def("compile", func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := nargs("compile", args, 3, 6); err != nil {
			return nil, err
		}
		src, fn, mode := Str(args[0]), Str(args[1]), Str(args[2])
		return r.Compile(src, fn, py.CompileMode(mode))
	})
	wrapBuiltins(g)
}

// builtinFunc is a builtin function (len, isinstance, the lowering's __pyrt_* helpers...).
// gpython's Method allocates an empty keyword map on every call of a function that accepts
// keywords, and the lowering turns displays, comparisons and f-strings into builtin calls:
// builtinFunc calls its Go function directly.
type builtinFunc struct {
	name string
	call func(args py.Tuple, kwargs py.StringDict) (py.Object, error)
	dict py.StringDict
}

var builtinFuncType = py.NewType("builtin_function_or_method", "a builtin function")

// Type implements py.Object.
func (b *builtinFunc) Type() *py.Type { return builtinFuncType }

// M__call__ calls the function.
func (b *builtinFunc) M__call__(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return b.call(args, kwargs)
}

// M__repr__ is CPython's repr of a builtin.
func (b *builtinFunc) M__repr__() (py.Object, error) {
	return py.String("<built-in function " + b.name + ">"), nil
}

// GetDict gives __name__, __qualname__, __module__ and __doc__.
func (b *builtinFunc) GetDict() py.StringDict { return b.dict }

// wrapBuiltins turns the Go functions of the builtins namespace g into builtinFuncs, except
// the ones the VM handles itself (globals(), locals(), __build_class__, __import__...).
func wrapBuiltins(g py.StringDict) {
	for name, v := range g {
		m, ok := v.(*py.Method)
		if !ok || m.Internal() != py.InternalMethodNone || name == "__build_class__" || name == "__import__" {
			continue
		}
		doc := py.Object(py.None)
		if m.Doc != "" {
			doc = py.String(m.Doc)
		}
		g[name] = &builtinFunc{
			name: name,
			call: m.M__call__,
			dict: py.StringDict{"__name__": py.String(name), "__qualname__": py.String(name), "__module__": py.String("builtins"), "__doc__": doc},
		}
	}
}

// builtinExec is exec or eval called through a reference (f = eval; f(s)): pyrt cannot see
// the caller's frame from Go, so without globals a fresh namespace with the builtins is
// used. Lowering turns direct calls into calls of builtinScopedExec (fixEvalScope).
func (r *Runtime) builtinExec(mode py.CompileMode) func(py.Object, py.Tuple, py.StringDict) (py.Object, error) {
	return func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return r.execIn(mode, args, kwargs, nil, nil)
	}
}

// builtinScopedExec is __pyrt_eval__/__pyrt_exec__(globals(), locals(), ARGS...): eval or
// exec of ARGS with the caller's namespaces where ARGS give none, as in CPython.
func (r *Runtime) builtinScopedExec(mode py.CompileMode) func(py.Object, py.Tuple, py.StringDict) (py.Object, error) {
	return func(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if len(args) < 2 {
			return nil, py.ExceptionNewf(py.TypeError, "%s: the caller's namespaces are missing", mode)
		}
		g, _ := args[0].(py.StringDict)
		l, _ := args[1].(py.StringDict)
		return r.execIn(mode, args[2:], kwargs, g, l)
	}
}

// execIn runs exec or eval of args (source, [globals, [locals]]). callerG and callerL are
// the caller's namespaces, used where globals is missing or None (nil: a fresh namespace).
func (r *Runtime) execIn(mode py.CompileMode, args py.Tuple, kwargs py.StringDict, callerG, callerL py.StringDict) (py.Object, error) {
	if len(kwargs) > 0 {
		return nil, py.ExceptionNewf(py.TypeError, "%s() takes no keyword arguments", mode)
	}
	if len(args) < 1 || len(args) > 3 {
		return nil, py.ExceptionNewf(py.TypeError, "%s expected 1 to 3 arguments, got %d", mode, len(args))
	}
	var code *py.Code
	switch s := args[0].(type) {
	case *py.Code:
		code = s
	case py.String:
		var err error
		src := string(s)
		if mode == py.EvalMode {
			src = strings.TrimSpace(src)
		}
		code, err = r.Compile(src, "<string>", mode)
		if err != nil {
			return nil, err
		}
	default:
		return nil, py.ExceptionNewf(py.TypeError, "%s() arg 1 must be a string or code object", mode)
	}
	// CPython: without globals, the caller's globals and locals; with globals only, locals
	// are the globals.
	globals, locals := callerG, callerL
	if globals == nil {
		globals, locals = py.StringDict{}, nil
	}
	if len(args) >= 2 && args[1] != py.None {
		g, sync, err := namespaceArg(args[1], "globals")
		if err != nil {
			return nil, err
		}
		defer sync()
		globals, locals = g, nil
	}
	if _, ok := globals["__builtins__"]; !ok {
		globals["__builtins__"] = r.store.Builtins
	}
	if len(args) == 3 && args[2] != py.None {
		l, sync, err := namespaceArg(args[2], "locals")
		if err != nil {
			return nil, err
		}
		defer sync()
		locals = l
	}
	if locals == nil {
		locals = globals
	}
	res, err := r.RunCode(code, globals, locals, nil)
	if mode == py.ExecMode {
		return py.None, err
	}
	return res, err
}

// namespaceArg is exec's or eval's globals or locals argument as the namespace gpython
// runs code in. A pyrt dict is copied in, and sync copies the names back into it afterwards.
func namespaceArg(o py.Object, what string) (ns py.StringDict, sync func(), err error) {
	switch d := o.(type) {
	case py.StringDict:
		return d, func() {}, nil
	case *Dict:
		ns = py.StringDict{}
		for _, k := range d.Keys() {
			v, _, _ := d.Get(k)
			ns[Str(k)] = v
		}
		return ns, func() {
			for k, v := range ns {
				_ = d.Set(py.String(k), v)
			}
		}, nil
	}
	if what == "globals" {
		return nil, nil, py.ExceptionNewf(py.TypeError, "globals must be a dict")
	}
	return nil, nil, py.ExceptionNewf(py.TypeError, "locals must be a mapping")
}

func isCallable(o py.Object) bool {
	switch x := o.(type) {
	case *py.Type:
		if _, cls := isClass(x); cls {
			return true
		}
		return lookup(x.Type(), "__call__") != nil
	}
	_, ok := o.(py.I__call__)
	return ok
}

// typeOf is type(o), mapping gpython's own dict and set objects to pyrt's types.
func typeOf(o py.Object) *py.Type {
	switch o.(type) {
	case py.StringDict:
		return DictType
	case *py.Set:
		return SetType
	}
	return o.Type()
}

// IsInstance is isinstance(o, cls) with cls a class or a tuple of classes.
func IsInstance(o py.Object, cls py.Object) (bool, error) {
	if res, ok, err := metaCheck(cls, "__instancecheck__", o); ok {
		return res, err
	}
	return isSubclass(typeOf(o), cls)
}

func isSubclass(t *py.Type, cls py.Object) (bool, error) {
	switch c := cls.(type) {
	case py.Tuple:
		for _, x := range c {
			if ok, err := isSubclass(t, x); ok || err != nil {
				return ok, err
			}
		}
		return false, nil
	case *py.Type:
		if c == py.ObjectType || t == c {
			return true, nil
		}
		if res, ok, err := metaCheck(c, "__subclasscheck__", t); ok {
			return res, err
		}
		if c == py.IntType && t == py.BoolType {
			return true, nil
		}
		return t.IsSubtype(c), nil
	}
	return false, py.ExceptionNewf(py.TypeError, "isinstance() arg 2 must be a type or tuple of types")
}

func iterList(o py.Object) ([]py.Object, error) {
	switch x := o.(type) {
	case *py.List:
		return append([]py.Object(nil), x.Items...), nil
	case py.Tuple:
		return append([]py.Object(nil), x...), nil
	}
	var out []py.Object
	err := py.Iterate(o, func(x py.Object) bool { out = append(out, x); return false })
	return out, err
}

// sortList sorts l in place with CPython's semantics: stable, key, reverse, and comparison
// errors raised.
func sortList(l *py.List, kwargs py.StringDict) error {
	var key py.Object
	reverse := false
	for k, v := range kwargs {
		switch k {
		case "key":
			if v != py.None {
				key = v
			}
		case "reverse":
			b, err := py.MakeBool(v)
			if err != nil {
				return err
			}
			reverse = b == py.True
		default:
			return py.ExceptionNewf(py.TypeError, "'%s' is an invalid keyword argument for sort()", k)
		}
	}
	keys := l.Items
	if key != nil {
		keys = make([]py.Object, len(l.Items))
		for i, x := range l.Items {
			k, err := py.Call(key, py.Tuple{x}, nil)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	var cerr error
	less := func(a, b py.Object) bool {
		if cerr != nil {
			return false
		}
		r, err := Compare(a, b, "<")
		if err != nil {
			cerr = err
			return false
		}
		return r
	}
	sort.SliceStable(idx, func(i, j int) bool {
		if reverse {
			return less(keys[idx[j]], keys[idx[i]])
		}
		return less(keys[idx[i]], keys[idx[j]])
	})
	if cerr != nil {
		return cerr
	}
	items := make([]py.Object, len(idx))
	for i, j := range idx {
		items[i] = l.Items[j]
	}
	copy(l.Items, items)
	return nil
}

func minMax(name string, args py.Tuple, kwargs py.StringDict, better func(a, b py.Object) (py.Object, error)) (py.Object, error) {
	var key, def py.Object
	for k, v := range kwargs {
		switch k {
		case "key":
			if v != py.None {
				key = v
			}
		case "default":
			def = v
		default:
			return nil, py.ExceptionNewf(py.TypeError, "'%s' is an invalid keyword argument for %s()", k, name)
		}
	}
	var items []py.Object
	switch len(args) {
	case 0:
		return nil, py.ExceptionNewf(py.TypeError, "%s expected at least 1 argument, got 0", name)
	case 1:
		var err error
		if items, err = iterList(args[0]); err != nil {
			return nil, err
		}
	default:
		items = args
	}
	if len(items) == 0 {
		if def != nil {
			return def, nil
		}
		return nil, py.ExceptionNewf(py.ValueError, "%s() arg is an empty sequence", name)
	}
	best, bestKey := items[0], items[0]
	if key != nil {
		k, err := py.Call(key, py.Tuple{best}, nil)
		if err != nil {
			return nil, err
		}
		bestKey = k
	}
	for _, x := range items[1:] {
		kx := x
		if key != nil {
			k, err := py.Call(key, py.Tuple{x}, nil)
			if err != nil {
				return nil, err
			}
			kx = k
		}
		r, err := better(kx, bestKey)
		if err != nil {
			return nil, err
		}
		if r == py.True {
			best, bestKey = x, kx
		}
	}
	return best, nil
}

func round(args py.Tuple) (py.Object, error) {
	ndigits := py.Object(py.None)
	if len(args) == 2 {
		ndigits = args[1]
	}
	switch x := args[0].(type) {
	case py.Int, py.Bool, *py.BigInt:
		if ndigits == py.None {
			return x, nil
		}
		n, err := py.MakeGoInt(ndigits)
		if err != nil {
			return nil, err
		}
		if n >= 0 {
			return x, nil
		}
		p := int64(math.Pow10(-n))
		v, _ := py.MakeGoInt64(x)
		q := float64(v) / float64(p)
		return py.Int(int64(math.RoundToEven(q)) * p), nil
	case py.Float:
		f := float64(x)
		if ndigits == py.None {
			if math.IsInf(f, 0) || math.IsNaN(f) {
				return nil, py.ExceptionNewf(py.OverflowError, "cannot convert float infinity to integer")
			}
			return py.Int(int64(math.RoundToEven(f))), nil
		}
		n, err := py.MakeGoInt(ndigits)
		if err != nil {
			return nil, err
		}
		// Round through the shortest decimal representation like CPython's dtoa.
		s := fmt.Sprintf("%.*f", max(n, 0), f)
		var r float64
		fmt.Sscan(s, &r)
		if n < 0 {
			p := math.Pow10(-n)
			r = math.RoundToEven(f/p) * p
		}
		return py.Float(r), nil
	}
	if t, ok := args[0].(*py.Type); ok {
		if f := lookup(t.Type(), "__round__"); f != nil {
			return py.Call(f, append(py.Tuple{t}, args[1:]...), nil)
		}
	}
	return nil, py.ExceptionNewf(py.TypeError, "type %s doesn't define __round__ method", args[0].Type().Name)
}

func dir(o py.Object) *py.List {
	names := map[string]bool{}
	add := func(d py.StringDict) {
		for k := range d {
			names[k] = true
		}
	}
	switch x := o.(type) {
	case *py.Module:
		add(x.Globals)
	case *py.Type:
		if _, cls := isClass(x); cls {
			for _, b := range x.Mro {
				add(b.(*py.Type).Dict)
			}
		} else {
			add(x.Dict)
			for _, b := range x.Type().Mro {
				add(b.(*py.Type).Dict)
			}
		}
	default:
		if t := o.Type(); t != nil {
			for _, b := range t.Mro {
				add(b.(*py.Type).Dict)
			}
		}
	}
	keys := make([]string, 0, len(names))
	for k := range names {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return py.NewListFromStrings(keys)
}

func strNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) == 0 {
		if o, ok := kwargs["object"]; ok {
			args = py.Tuple{o}
		} else {
			return py.String(""), nil
		}
	}
	if len(args) >= 2 || kwargs["encoding"] != nil {
		if b, ok := args[0].(py.Bytes); ok {
			return decodeBytes(b, args[1:], kwargs)
		}
	}
	s, err := StrErr(args[0])
	return py.String(s), err
}

// getAttr is getattr(o, name); for exceptions it raises AttributeError for names that are
// neither set on the instance nor defined by the class (gpython returns args for those).
func getAttr(o py.Object, name string) (py.Object, error) {
	if e, ok := o.(*py.Exception); ok {
		if _, set := e.Dict[name]; !set && lookup(e.Type(), name) == nil {
			switch name {
			case "args", "__class__", "__dict__", "__traceback__", "__cause__", "__context__":
			default:
				return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'", e.Type().Name, name)
			}
		}
	}
	return py.GetAttrString(o, name)
}

// enumIter is enumerate(iterable, start).
type enumIter struct {
	it py.Object
	i  int
}

var enumIterType = py.NewType("enumerate", "enumerate(iterable, start=0)")

func (e *enumIter) Type() *py.Type                { return enumIterType }
func (e *enumIter) M__iter__() (py.Object, error) { return e, nil }
func (e *enumIter) M__next__() (py.Object, error) {
	v, err := py.Next(e.it)
	if err != nil {
		return nil, err
	}
	e.i++
	return py.Tuple{py.Int(e.i - 1), v}, nil
}

// zipIter is zip(*iterables).
type zipIter struct{ its []py.Object }

var zipIterType = py.NewType("zip", "zip(*iterables)")

func (z *zipIter) Type() *py.Type                { return zipIterType }
func (z *zipIter) M__iter__() (py.Object, error) { return z, nil }
func (z *zipIter) M__next__() (py.Object, error) {
	if len(z.its) == 0 {
		return nil, py.StopIteration
	}
	t := make(py.Tuple, len(z.its))
	for i, it := range z.its {
		v, err := py.Next(it)
		if err != nil {
			return nil, err
		}
		t[i] = v
	}
	return t, nil
}
