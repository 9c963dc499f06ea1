package pyrt

import "github.com/go-python/gpython/py"

// gpython's code objects expose no attributes. inspect.signature (used by
// OE's oe.maketype to find a type factory's flags) and tracebacks read the
// co_* attributes CPython gives every code object, so they are added here as
// read-only properties over the Go fields.

func strTuple(ss []string) py.Tuple {
	t := make(py.Tuple, len(ss))
	for i, s := range ss {
		t[i] = py.String(s)
	}
	return t
}

func init() {
	code := func(name string, get func(c *py.Code) py.Object) {
		py.CodeType.Dict[name] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
			c, ok := self.(*py.Code)
			if !ok {
				return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' for 'code' objects doesn't apply to a '%s' object", name, self.Type().Name)
			}
			return get(c), nil
		}}
	}
	code("co_argcount", func(c *py.Code) py.Object { return py.Int(c.Argcount) })
	code("co_posonlyargcount", func(c *py.Code) py.Object { return py.Int(0) })
	code("co_kwonlyargcount", func(c *py.Code) py.Object { return py.Int(c.Kwonlyargcount) })
	code("co_nlocals", func(c *py.Code) py.Object { return py.Int(c.Nlocals) })
	code("co_stacksize", func(c *py.Code) py.Object { return py.Int(c.Stacksize) })
	code("co_flags", func(c *py.Code) py.Object { return py.Int(c.Flags) })
	code("co_varnames", func(c *py.Code) py.Object { return strTuple(c.Varnames) })
	code("co_names", func(c *py.Code) py.Object { return strTuple(c.Names) })
	code("co_freevars", func(c *py.Code) py.Object { return strTuple(c.Freevars) })
	code("co_cellvars", func(c *py.Code) py.Object { return strTuple(c.Cellvars) })
	code("co_consts", func(c *py.Code) py.Object { return append(py.Tuple(nil), c.Consts...) })
	code("co_filename", func(c *py.Code) py.Object { return py.String(c.Filename) })
	code("co_name", func(c *py.Code) py.Object { return py.String(c.Name) })
	code("co_qualname", func(c *py.Code) py.Object { return py.String(c.Name) })
	code("co_firstlineno", func(c *py.Code) py.Object { return py.Int(c.Firstlineno) })
}

// Bound methods expose the function and instance they bind, as CPython's do.
func init() {
	py.BoundMethodType.Dict["__func__"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
		return self.(*py.BoundMethod).Method, nil
	}}
	py.BoundMethodType.Dict["__self__"] = &py.Property{Fget: func(self py.Object) (py.Object, error) {
		return self.(*py.BoundMethod).Self, nil
	}}
}
