package pyrt

import "github.com/go-python/gpython/py"

// propertyObj is the property builtin (gpython has none): a data descriptor calling Python
// getter, setter and deleter functions.
type propertyObj struct {
	fget, fset, fdel, doc py.Object
}

var propertyType = py.NewType("property", "property(fget=None, fset=None, fdel=None, doc=None)")

func (p *propertyObj) Type() *py.Type { return propertyType }

func propertyNew(_ *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	p := &propertyObj{fget: py.None, fset: py.None, fdel: py.None, doc: py.None}
	slots := []*py.Object{&p.fget, &p.fset, &p.fdel, &p.doc}
	for i, a := range args {
		if i < len(slots) {
			*slots[i] = a
		}
	}
	for k, v := range kwargs {
		switch k {
		case "fget":
			p.fget = v
		case "fset":
			p.fset = v
		case "fdel":
			p.fdel = v
		case "doc":
			p.doc = v
		}
	}
	return p, nil
}

func (p *propertyObj) M__get__(instance, owner py.Object) (py.Object, error) {
	if instance == nil || instance == py.None {
		return p, nil
	}
	if p.fget == py.None {
		return nil, py.ExceptionNewf(py.AttributeError, "property has no getter")
	}
	return py.Call(p.fget, py.Tuple{instance}, nil)
}

func (p *propertyObj) M__set__(instance, value py.Object) (py.Object, error) {
	if p.fset == py.None {
		return nil, py.ExceptionNewf(py.AttributeError, "can't set attribute")
	}
	return py.Call(p.fset, py.Tuple{instance, value}, nil)
}

func (p *propertyObj) M__delete__(instance py.Object) (py.Object, error) {
	if p.fdel == py.None {
		return nil, py.ExceptionNewf(py.AttributeError, "can't delete attribute")
	}
	return py.Call(p.fdel, py.Tuple{instance}, nil)
}

func init() {
	propertyType.New = propertyNew
	with := func(name string, set func(n *propertyObj, f py.Object)) {
		propertyType.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple) (py.Object, error) {
			if err := nargs(name, args, 1, 1); err != nil {
				return nil, err
			}
			n := *self.(*propertyObj)
			set(&n, args[0])
			return &n, nil
		}, 0, name)
	}
	with("getter", func(n *propertyObj, f py.Object) { n.fget = f })
	with("setter", func(n *propertyObj, f py.Object) { n.fset = f })
	with("deleter", func(n *propertyObj, f py.Object) { n.fdel = f })
	propertyType.Dict["fget"] = &py.Property{Fget: func(self py.Object) (py.Object, error) { return self.(*propertyObj).fget, nil }}
}
