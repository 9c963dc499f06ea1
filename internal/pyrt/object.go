package pyrt

// Attribute lookup and class creation.
//
// gpython represents classes and their instances as *py.Type. Its attribute lookup on a class
// never walks the class's MRO (B.x fails when x is defined in a base), and instances of
// exception classes (*py.Exception) have no settable attributes and never run a
// user-defined __init__. GetAttrString calls a "__getattribute__" found through the MRO of
// any *py.Type before doing anything else, so pyrt installs one on object that implements
// CPython's generic lookup for classes and instances, and wraps __build_class__ to give
// exception classes attribute slots and a working __init__.

import (
	"github.com/go-python/gpython/py"
)

// methodDescriptor is a Go-implemented method read from a builtin type: str.join,
// dict.get, ... Calling it passes the first argument as self, as CPython does.
type methodDescriptor struct {
	m     *py.Method
	owner *py.Type
}

var methodDescriptorType = py.NewType("method_descriptor", "unbound builtin method")

func (d *methodDescriptor) Type() *py.Type { return methodDescriptorType }

func (d *methodDescriptor) M__call__(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) == 0 {
		return nil, py.ExceptionNewf(py.TypeError, "unbound method %s.%s() needs an argument", d.owner.Name, d.m.Name)
	}
	if kwargs != nil {
		return d.m.CallWithKeywords(args[0], args[1:], kwargs)
	}
	return d.m.Call(args[0], args[1:])
}

func (d *methodDescriptor) M__get__(instance, owner py.Object) (py.Object, error) {
	if instance == nil || instance == py.None {
		return d, nil
	}
	return py.NewBoundMethod(instance, d.m), nil
}

func (d *methodDescriptor) M__repr__() (py.Object, error) {
	return py.String("<method '" + d.m.Name + "' of '" + d.owner.Name + "' objects>"), nil
}

// isClass reports whether o is a class (an instance of type or a metaclass).
func isClass(o py.Object) (*py.Type, bool) {
	t, ok := o.(*py.Type)
	if !ok {
		return nil, false
	}
	return t, t.Type() == py.TypeType || t.Type().IsSubtype(py.TypeType)
}

// lookup finds name in the dicts of t's MRO.
func lookup(t *py.Type, name string) py.Object {
	if t.Mro == nil {
		if v, ok := t.Dict[name]; ok {
			return v
		}
		if t.Base != nil {
			return lookup(t.Base, name)
		}
		return nil
	}
	for _, b := range t.Mro {
		if bt, ok := b.(*py.Type); ok {
			if v, ok := bt.Dict[name]; ok {
				return v
			}
		}
	}
	return nil
}

// isDataDescriptor reports whether d defines __set__ (property and friends).
func isDataDescriptor(d py.Object) bool {
	if _, ok := d.(py.I__set__); ok {
		return true
	}
	if t, ok := d.(*py.Type); ok {
		if _, isCls := isClass(t); !isCls && lookup(t.Type(), "__set__") != nil {
			return true
		}
	}
	return false
}

// descGet binds descriptor d read from owner's MRO for instance (nil for class access).
func descGet(d py.Object, instance py.Object, owner *py.Type) (py.Object, error) {
	inst := instance
	if inst == nil {
		inst = py.None
	}
	switch x := d.(type) {
	case *py.Function:
		if instance == nil {
			return x, nil
		}
		return py.NewBoundMethod(instance, x), nil
	case *py.Method:
		if instance == nil {
			return &methodDescriptor{m: x, owner: owner}, nil
		}
		return py.NewBoundMethod(instance, x), nil
	case *py.StaticMethod:
		return x.Callable, nil
	case *py.ClassMethod:
		return py.NewBoundMethod(owner, x.Callable), nil
	case *py.Property:
		if instance == nil {
			return x, nil
		}
		return x.M__get__(instance, owner)
	case py.I__get__:
		return x.M__get__(inst, owner)
	case *py.Type:
		if _, cls := isClass(x); !cls {
			if g := lookup(x.Type(), "__get__"); g != nil {
				return py.Call(g, py.Tuple{x, inst, owner}, nil)
			}
		}
	}
	return d, nil
}

// objectGetattribute is object.__getattribute__ for classes and instances represented as
// *py.Type.
func objectGetattribute(_ py.Object, args py.Tuple) (py.Object, error) {
	if len(args) != 2 {
		return nil, py.ExceptionNewf(py.TypeError, "__getattribute__ expected 2 arguments, got %d", len(args))
	}
	name, ok := args[1].(py.String)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "attribute name must be string, not '%s'", args[1].Type().Name)
	}
	obj, ok := args[0].(*py.Type)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "object.__getattribute__ on non-object")
	}
	if _, cls := isClass(obj); cls {
		return classGetattr(obj, string(name))
	}
	return instanceGetattr(obj, string(name))
}

func instanceGetattr(obj *py.Type, name string) (py.Object, error) {
	cls := obj.Type()
	switch name {
	case "__class__":
		return cls, nil
	case "__dict__":
		return obj.Dict, nil
	}
	d := lookup(cls, name)
	if d != nil && isDataDescriptor(d) {
		return descGet(d, obj, cls)
	}
	if v, ok := obj.Dict[name]; ok {
		return v, nil
	}
	if d != nil {
		return descGet(d, obj, cls)
	}
	if ga := lookup(cls, "__getattr__"); ga != nil {
		return py.Call(ga, py.Tuple{obj, py.String(name)}, nil)
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'%s' object has no attribute '%s'", cls.Name, name)
}

func classGetattr(cls *py.Type, name string) (py.Object, error) {
	switch name {
	case "__name__":
		return py.String(cls.Name), nil
	case "__qualname__":
		if cls.Qualname != "" {
			return py.String(cls.Qualname), nil
		}
		return py.String(cls.Name), nil
	case "__dict__":
		return cls.Dict, nil
	case "__class__":
		return cls.Type(), nil
	case "__bases__":
		if cls.Bases == nil {
			if cls.Base != nil {
				return py.Tuple{cls.Base}, nil
			}
			return py.Tuple{}, nil
		}
		return cls.Bases, nil
	case "__base__":
		if cls.Base == nil {
			return py.None, nil
		}
		return cls.Base, nil
	case "__mro__":
		return cls.Mro, nil
	case "__module__":
		if m, ok := cls.Dict["__module__"]; ok {
			return m, nil
		}
		return py.String("builtins"), nil
	case "__doc__":
		if d, ok := cls.Dict["__doc__"]; ok {
			return d, nil
		}
		return py.None, nil
	}
	meta := cls.Type()
	md := lookup(meta, name)
	if md != nil && isDataDescriptor(md) {
		return descGet(md, cls, meta)
	}
	if v := lookup(cls, name); v != nil {
		return descGet(v, nil, cls)
	}
	if md != nil {
		return descGet(md, cls, meta)
	}
	return nil, py.ExceptionNewf(py.AttributeError, "type object '%s' has no attribute '%s'", cls.Name, name)
}

// installObjectModel patches object and the exception types; see the file comment.
func installObjectModel() {
	py.ObjectType.Dict["__getattribute__"] = objectGetattributeMethod
}

var objectGetattributeMethod = py.MustNewMethod("__getattribute__", objectGetattribute, 0, "generic attribute lookup")
