package pyrt

import (
	"reflect"
	"strings"

	"github.com/go-python/gpython/py"
)

// Attribute lookup for pyrt's Go-backed objects (d, dict). gpython's GetAttrString first
// tries a __getattribute__ method through TypeCall1, which allocates an argument tuple and
// a str for every attribute read, only to find that Go objects have none. Objects that
// implement M__getattribute__ skip that: they resolve their own methods directly (dunders
// excepted, which gpython prefers to take from M__name__ Go methods) and hand anything else
// to getattrRest, which is the rest of GetAttrString.

// getattrRest is py.GetAttrString after its __getattribute__ step.
func getattrRest(self py.Object, key string) (py.Object, error) {
	if len(key) >= 5 && strings.HasPrefix(key, "__") && strings.HasSuffix(key, "__") {
		if m := reflect.ValueOf(self).MethodByName("M" + key); m.IsValid() {
			if bm, ok := goSpecial(self, key, m.Interface()); ok {
				return bm, nil
			}
		}
	}
	if i, ok := self.(py.IGetDict); ok {
		if res, ok := i.GetDict()[key]; ok {
			return res, nil
		}
	}
	t := self.Type()
	if res := t.NativeGetAttrOrNil(key); res != nil {
		if g, ok := res.(py.I__get__); ok {
			return g.M__get__(self, t)
		}
		return res, nil
	}
	if g, ok := self.(py.I__getattr__); ok {
		return g.M__getattr__(key)
	}
	return nil, py.ExceptionNewf(py.AttributeError, "'%s' has no attribute '%s'", t.Name, key)
}

// goSpecial binds an M__name__ Go method of self as gpython does, for the method shapes
// pyrt's objects have.
func goSpecial(self py.Object, name string, fn any) (py.Object, bool) {
	argc := func(args py.Tuple, n int) error {
		if len(args) != n {
			return py.ExceptionNewf(py.TypeError, "%s() takes exactly %d argument(s) (%d given)", name, n, len(args))
		}
		return nil
	}
	var m func(py.Object, py.Tuple) (py.Object, error)
	switch f := fn.(type) {
	case func() (py.Object, error):
		m = func(_ py.Object, args py.Tuple) (py.Object, error) {
			if err := argc(args, 0); err != nil {
				return nil, err
			}
			return f()
		}
	case func(py.Object) (py.Object, error):
		m = func(_ py.Object, args py.Tuple) (py.Object, error) {
			if err := argc(args, 1); err != nil {
				return nil, err
			}
			return f(args[0])
		}
	case func(py.Object, py.Object) (py.Object, error):
		m = func(_ py.Object, args py.Tuple) (py.Object, error) {
			if err := argc(args, 2); err != nil {
				return nil, err
			}
			return f(args[0], args[1])
		}
	default:
		return nil, false
	}
	return py.NewBoundMethod(self, py.MustNewMethod(name, m, 0, "")), true
}
