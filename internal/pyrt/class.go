package pyrt

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// slot is an instance attribute of an exception class. *py.Exception keeps attributes in its
// Dict but gpython offers no generic way to reach it, so pyrt installs one slot per
// attribute name the class's methods use. A slot read on the class gives the class-level
// default (a plain class attribute the slot replaced), if any.
type slot struct {
	name string
	def  py.Object // class attribute value, or nil
}

var slotType = py.NewType("member_descriptor", "exception attribute slot")

func (s *slot) Type() *py.Type { return slotType }

func (s *slot) M__get__(instance, owner py.Object) (py.Object, error) {
	e, ok := instance.(*py.Exception)
	if !ok {
		if s.def != nil {
			return s.def, nil
		}
		return s, nil
	}
	if v, ok := e.Dict[s.name]; ok {
		return v, nil
	}
	if s.def != nil {
		return s.def, nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'", e.Type().Name, s.name)
}

func (s *slot) M__set__(instance, value py.Object) (py.Object, error) {
	e, ok := instance.(*py.Exception)
	if !ok {
		return nil, py.ExceptionNewf(py.AttributeError, "'%s' object attribute '%s' is read-only", instance.Type().Name, s.name)
	}
	e.Dict[s.name] = value
	return py.None, nil
}

func (s *slot) M__delete__(instance py.Object) (py.Object, error) {
	if e, ok := instance.(*py.Exception); ok {
		if _, ok := e.Dict[s.name]; ok {
			delete(e.Dict, s.name)
			return py.None, nil
		}
	}
	return nil, py.ExceptionNewf(py.AttributeError, "%s", s.name)
}

// codeNames collects the attribute and variable names the code objects of fn use.
func codeNames(c *py.Code, into map[string]bool) {
	for _, n := range c.Names {
		into[n] = true
	}
	for _, k := range c.Consts {
		if cc, ok := k.(*py.Code); ok {
			codeNames(cc, into)
		}
	}
}

// buildClass wraps gpython's __build_class__.
func buildClass(orig py.Object) func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		res, ok, err := buildWithMetaclass(args, kwargs)
		if !ok {
			res, err = py.Call(orig, args, kwargs)
		}
		if err != nil {
			return nil, err
		}
		cls, ok := res.(*py.Type)
		if !ok {
			return res, nil
		}
		finishClass(cls)
		return cls, nil
	}
}

// finishClass applies pyrt's fixes to a class made by a class statement or type().
func finishClass(cls *py.Type) {
	fixMetaclass(cls)
	fixListSubclass(cls)
	inheritProtocol(cls)
	{
		if cls.Mro != nil {
			for _, b := range cls.Mro[1:] {
				if bt, ok := b.(*py.Type); ok && bt.Flags&py.TPFLAGS_BASE_EXC_SUBCLASS != 0 {
					cls.Flags |= py.TPFLAGS_BASE_EXC_SUBCLASS
				}
			}
		}
		if cls.Flags&py.TPFLAGS_BASE_EXC_SUBCLASS != 0 {
			prepareExceptionClass(cls)
			return
		}
		// gpython's ObjectInit finds __init__ in the metaclass's dict before the class's MRO;
		// run the __init__ of the instance's class instead.
		if !cls.IsSubtype(py.TypeType) {
			cls.Init = exceptionInit
		}
		// gpython looks __getattribute__ up in an instance's own class dict only.
		if _, ok := cls.Dict["__getattribute__"]; !ok {
			cls.Dict["__getattribute__"] = objectGetattributeMethod
		}
		if _, isFn := lookup(cls, "__call__").(*py.Function); isFn && cls.New != nil {
			// Calling an instance runs *py.Type.M__call__, which "instantiates" it with its
			// New; give instances of classes with __call__ a New that calls __call__.
			newFn := cls.New
			cls.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
				obj, err := newFn(t, args, kwargs)
				if inst, ok := obj.(*py.Type); ok && err == nil {
					inst.New = callInstance
				}
				return obj, err
			}
		}
	}
}

// prepareExceptionClass gives exception class cls slots for the names its methods use and
// an Init that runs the __init__ found through its MRO.
func prepareExceptionClass(cls *py.Type) {
	names := map[string]bool{}
	for _, v := range cls.Dict {
		switch f := v.(type) {
		case *py.Function:
			codeNames(f.Code, names)
		case *py.StaticMethod:
			if fn, ok := f.Callable.(*py.Function); ok {
				codeNames(fn.Code, names)
			}
		case *py.ClassMethod:
			if fn, ok := f.Callable.(*py.Function); ok {
				codeNames(fn.Code, names)
			}
		}
	}
	for k, v := range cls.Dict {
		if strings.HasPrefix(k, "__") {
			continue
		}
		switch v.(type) {
		case *py.Function, *py.StaticMethod, *py.ClassMethod, *py.Property, *slot:
			continue
		}
		names[k] = true
	}
	for n := range names {
		if strings.HasPrefix(n, "__") && strings.HasSuffix(n, "__") {
			continue
		}
		cur := lookup(cls, n)
		switch cur.(type) {
		case nil:
			cls.Dict[n] = &slot{name: n}
		case *py.Function, *py.StaticMethod, *py.ClassMethod, *py.Property, *slot, *py.Method:
		default:
			cls.Dict[n] = &slot{name: n, def: cur}
		}
	}
	cls.Init = exceptionInit
	cls.New = exceptionNew
}

// exceptionNew makes the *py.Exception instance of an exception class (gpython's raise
// accepts nothing else).
func exceptionNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return &py.Exception{Base: t, Args: args.Copy(), Dict: py.StringDict{}}, nil
}

// exceptionInit runs the __init__ of an exception instance's class.
func exceptionInit(self py.Object, args py.Tuple, kwargs py.StringDict) error {
	init := lookup(self.Type(), "__init__")
	if init == nil {
		return nil
	}
	if m, ok := init.(*py.Method); ok {
		_, err := m.CallWithKeywords(self, args, kwargs)
		return err
	}
	_, err := py.Call(init, append(py.Tuple{self}, args...), kwargs)
	return err
}

func baseExceptionInit(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	e, ok := self.(*py.Exception)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "descriptor '__init__' requires a 'BaseException' object")
	}
	e.Args = args.Copy()
	return py.None, nil
}

func excAttr(name string, def func(e *py.Exception) py.Object) *py.Property {
	return &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			e, ok := self.(*py.Exception)
			if !ok {
				return nil, py.ExceptionNewf(py.AttributeError, "%s", name)
			}
			if v, ok := e.Dict[name]; ok {
				return v, nil
			}
			return def(e), nil
		},
		Fset: func(self, value py.Object) error {
			if e, ok := self.(*py.Exception); ok {
				e.Dict[name] = value
				return nil
			}
			return py.ExceptionNewf(py.AttributeError, "%s", name)
		},
	}
}

func osErrorArg(i int) func(e *py.Exception) py.Object {
	return func(e *py.Exception) py.Object {
		args, _ := e.Args.(py.Tuple)
		if len(args) >= 2 && len(args) <= 5 && i < len(args) {
			return args[i]
		}
		return py.None
	}
}

func installExceptions() {
	py.BaseException.Dict["__init__"] = py.MustNewMethod("__init__", baseExceptionInit, 0, "initialise args")
	py.BaseException.Dict["args"] = &py.Property{
		Fget: func(self py.Object) (py.Object, error) {
			if e, ok := self.(*py.Exception); ok {
				if t, ok := e.Args.(py.Tuple); ok {
					return t, nil
				}
			}
			return py.Tuple{}, nil
		},
		Fset: func(self, value py.Object) error {
			t, err := py.SequenceTuple(value)
			if err != nil {
				return err
			}
			self.(*py.Exception).Args = t
			return nil
		},
	}
	none := func(*py.Exception) py.Object { return py.None }
	py.BaseException.Dict["__cause__"] = excAttr("__cause__", func(e *py.Exception) py.Object {
		if e.Cause != nil {
			return e.Cause
		}
		return py.None
	})
	py.BaseException.Dict["__context__"] = excAttr("__context__", func(e *py.Exception) py.Object {
		if e.Context != nil {
			return e.Context
		}
		return py.None
	})
	py.BaseException.Dict["__traceback__"] = excAttr("__traceback__", none)
	py.BaseException.Dict["with_traceback"] = py.MustNewMethod("with_traceback", func(self py.Object, args py.Tuple) (py.Object, error) {
		return self, nil
	}, 0, "with_traceback(tb)")
	py.OSError.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if t == py.OSError && len(args) >= 2 {
			if n, ok := args[0].(py.Int); ok {
				e := NewOSError(int(n), nil)
				e.Args = args.Copy()
				e.Dict = py.StringDict{}
				return e, nil
			}
		}
		return exceptionNew(t, args, kwargs)
	}
	py.OSError.Dict["errno"] = excAttr("errno", osErrorArg(0))
	py.OSError.Dict["strerror"] = excAttr("strerror", osErrorArg(1))
	py.OSError.Dict["filename"] = excAttr("filename", osErrorArg(2))
	py.OSError.Dict["filename2"] = excAttr("filename2", osErrorArg(4))
	py.SystemExit.Dict["code"] = excAttr("code", func(e *py.Exception) py.Object {
		args, _ := e.Args.(py.Tuple)
		switch len(args) {
		case 0:
			return py.None
		case 1:
			return args[0]
		}
		return args
	})
	py.StopIteration.Dict["value"] = excAttr("value", osErrorArg(0))
	for _, k := range []string{"filename", "lineno", "offset", "text", "msg"} {
		py.SyntaxError.Dict[k] = excAttr(k, none)
	}
	for _, k := range []string{"name", "path", "msg"} {
		py.ImportError.Dict[k] = excAttr(k, none)
	}
}

// callInstance implements inst(*args) for instances of classes defining __call__.
func callInstance(inst *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	f := lookup(inst.Type(), "__call__")
	if f == nil {
		return nil, py.ExceptionNewf(py.TypeError, "'%s' object is not callable", inst.Type().Name)
	}
	return py.Call(f, append(py.Tuple{inst}, args...), kwargs)
}
