package pyrt

import "github.com/go-python/gpython/py"

// superObj is super(type, obj): attribute lookup starting after type in obj's MRO. Lower
// turns a zero-argument super() inside a method into super(Class, firstarg).
type superObj struct {
	typ *py.Type
	obj py.Object // instance or class
}

var superType = py.NewTypeX("super", "super(type, obj) -> bound super object", superNew, nil)

func (s *superObj) Type() *py.Type { return superType }

func superNew(_ *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) != 2 {
		return nil, py.ExceptionNewf(py.RuntimeError, "super(): no arguments")
	}
	t, ok := args[0].(*py.Type)
	if !ok {
		return nil, py.ExceptionNewf(py.TypeError, "super() argument 1 must be a type, not %s", args[0].Type().Name)
	}
	return &superObj{typ: t, obj: args[1]}, nil
}

func (s *superObj) M__getattribute__(name string) (py.Object, error) {
	start := s.obj.Type()
	var inst py.Object = s.obj
	// CPython: an instance of typ looks in its type's MRO (a metaclass's method gets the
	// class as its instance); a subclass of typ in its own MRO.
	if c, isCls := isClass(s.obj); isCls && !start.IsSubtype(s.typ) {
		start, inst = c, nil
	}
	mro := start.Mro
	i := 0
	for ; i < len(mro); i++ {
		if mro[i] == s.typ {
			i++
			break
		}
	}
	for ; i < len(mro); i++ {
		bt, ok := mro[i].(*py.Type)
		if !ok {
			continue
		}
		if v, ok := bt.Dict[name]; ok {
			if cm, ok := v.(*py.ClassMethod); ok {
				return py.NewBoundMethod(start, cm.Callable), nil
			}
			return descGet(v, inst, start)
		}
	}
	if name == "__class__" {
		return superType, nil
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'super' object has no attribute '%s'", name)
}

func (s *superObj) M__repr__() (py.Object, error) {
	return py.String("<super: <class '" + s.typ.Name + "'>, <" + s.obj.Type().Name + " object>>"), nil
}
