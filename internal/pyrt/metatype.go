package pyrt

import "github.com/go-python/gpython/py"

// Metaclasses: CPython lets classes derive from type (class Meta(type): ...) and name one
// with class C(metaclass=Meta), which OE's oe.classutils and collections.abc rely on.
// gpython's type lacks the base-type flag, and its __build_class__ drops an explicit
// metaclass (the keyword is read into a shadowed variable), so class statements that name
// one are built here.
func init() {
	py.TypeType.Flags |= py.TPFLAGS_BASETYPE
	// type.__init__(cls, name, bases, ns), called by metaclasses' __init__; the class is
	// already complete, so there is nothing left to do.
	py.TypeType.Dict["__init__"] = py.MustNewMethod("__init__", func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return py.None, nil
	}, 0, "Initialize self.  See help(type(self)) for accurate signature.")
}

// buildWithMetaclass runs a class statement whose keywords name a metaclass, as CPython's
// __build_class__ does: the most derived metaclass of the given one and the bases' types is
// called with (name, bases, namespace) and the remaining keywords. ok is false when no
// metaclass keyword is given.
func buildWithMetaclass(args py.Tuple, kwargs py.StringDict) (res py.Object, ok bool, err error) {
	metaObj, given := kwargs["metaclass"]
	if !given {
		return nil, false, nil
	}
	if len(args) < 2 {
		return nil, true, py.ExceptionNewf(py.TypeError, "__build_class__: not enough arguments")
	}
	fn, isFn := args[0].(*py.Function)
	if !isFn {
		return nil, true, py.ExceptionNewf(py.TypeError, "__build_class__: func must be a function")
	}
	name, bases := args[1], args[2:]
	mkw := kwargs.Copy()
	delete(mkw, "metaclass")
	if meta, isType := metaObj.(*py.Type); isType {
		winner, err := meta.CalculateMetaclass(bases)
		if err != nil {
			return nil, true, err
		}
		metaObj = winner
	}
	ns := py.NewStringDict()
	if prep := lookupAttr(metaObj, "__prepare__"); prep != nil {
		nsObj, err := py.Call(prep, py.Tuple{name, bases}, mkw)
		if err != nil {
			return nil, true, err
		}
		if d, isDict := nsObj.(py.StringDict); isDict {
			ns = d
		}
	}
	cell, err := fn.Context.RunCode(fn.Code, fn.Globals, ns, fn.Closure)
	if err != nil {
		return nil, true, err
	}
	if len(mkw) == 0 {
		mkw = nil
	}
	cls, err := py.Call(metaObj, py.Tuple{name, bases, ns}, mkw)
	if err != nil {
		return nil, true, err
	}
	if c, isCell := cell.(*py.Cell); isCell {
		c.Set(cls)
	}
	return cls, true, nil
}

// lookupAttr returns o's attribute name, or nil when it has none.
func lookupAttr(o py.Object, name string) py.Object {
	v, err := py.GetAttrString(o, name)
	if err != nil {
		return nil
	}
	return v
}

// fixMetaclass gives a class deriving from type a constructor that makes classes: gpython
// gives every class made by a class statement object's constructor, so calling a metaclass
// made an instance instead of a class.
func fixMetaclass(cls *py.Type) {
	if cls == py.TypeType || !cls.IsSubtype(py.TypeType) {
		return
	}
	cls.New = func(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		return py.TypeType.New(t, args, kwargs)
	}
}

// metaCheck runs a metaclass's __instancecheck__ or __subclasscheck__ (hook) for
// isinstance(arg, cls) or issubclass(arg, cls); ok is false when cls's metaclass has none.
func metaCheck(cls py.Object, hook string, arg py.Object) (res, ok bool, err error) {
	c, isType := cls.(*py.Type)
	if !isType || c.Type() == py.TypeType || c.Type() == nil {
		return false, false, nil
	}
	fn, isFn := lookup(c.Type(), hook).(*py.Function)
	if !isFn {
		return false, false, nil
	}
	r, err := py.Call(fn, py.Tuple{c, arg}, nil)
	if err != nil {
		return false, true, err
	}
	b, err := py.MakeBool(r)
	if err != nil {
		return false, true, err
	}
	return b == py.True, true, nil
}
