package pyrt

import "github.com/go-python/gpython/py"

// Compare orders a and b for op "<", "<=", ">" or ">=" with CPython's rules, including the
// lexicographic ordering of tuples and lists that gpython lacks.
func Compare(a, b py.Object, op string) (bool, error) {
	if x, ok := a.(py.Int); ok {
		if y, ok := b.(py.Int); ok {
			switch op {
			case "<":
				return x < y, nil
			case "<=":
				return x <= y, nil
			case ">":
				return x > y, nil
			}
			return x >= y, nil
		}
	}
	if r, done, err := userCompare(a, b, op); done {
		return r, err
	}
	var as, bs []py.Object
	switch x := a.(type) {
	case py.Tuple:
		y, ok := b.(py.Tuple)
		if !ok {
			return false, cmpTypeError(op, a, b)
		}
		as, bs = x, y
	case *py.List:
		y, ok := b.(*py.List)
		if !ok {
			return false, cmpTypeError(op, a, b)
		}
		as, bs = x.Items, y.Items
	default:
		var r py.Object
		var err error
		switch op {
		case "<":
			r, err = py.Lt(a, b)
		case "<=":
			r, err = py.Le(a, b)
		case ">":
			r, err = py.Gt(a, b)
		default:
			r, err = py.Ge(a, b)
		}
		if err != nil {
			if py.IsException(py.TypeError, err) {
				return false, cmpTypeError(op, a, b)
			}
			return false, err
		}
		t, err := py.MakeBool(r)
		return t == py.True, err
	}
	for i := 0; i < len(as) && i < len(bs); i++ {
		eq, err := Equal(as[i], bs[i])
		if err != nil {
			return false, err
		}
		if !eq {
			return Compare(as[i], bs[i], op)
		}
	}
	return Compare(py.Int(len(as)), py.Int(len(bs)), op)
}

func cmpTypeError(op string, a, b py.Object) error {
	return py.ExceptionNewf(py.TypeError, "'%s' not supported between instances of '%s' and '%s'", op, a.Type().Name, b.Type().Name)
}

func lessThan(a, b py.Object) (py.Object, error) {
	r, err := Compare(a, b, "<")
	return py.NewBool(r), err
}

func greaterThan(a, b py.Object) (py.Object, error) {
	r, err := Compare(a, b, ">")
	return py.NewBool(r), err
}

// Equal is a == b with user-defined __eq__ honoured (gpython compares class instances by
// identity before looking at __eq__).
func Equal(a, b py.Object) (bool, error) {
	if identical(a, b) {
		if f, ok := a.(py.Float); ok && f != f {
			return false, nil
		}
		return true, nil
	}
	for _, pair := range [2][2]py.Object{{a, b}, {b, a}} {
		if t, ok := pair[0].(*py.Type); ok {
			if _, cls := isClass(t); !cls {
				if f := userMethod(t.Type(), "__eq__"); f != nil {
					r, err := py.Call(f, py.Tuple{pair[0], pair[1]}, nil)
					if err != nil {
						return false, err
					}
					if r == py.NotImplemented {
						continue
					}
					bt, err := py.MakeBool(r)
					return bt == py.True, err
				}
			}
		}
	}
	switch x := a.(type) {
	case py.Tuple:
		if y, ok := b.(py.Tuple); ok {
			return seqEqual(x, y)
		}
	case *py.List:
		if y, ok := b.(*py.List); ok {
			return seqEqual(x.Items, y.Items)
		}
	}
	r, err := py.Eq(a, b)
	if err != nil {
		return false, err
	}
	return r == py.True, nil
}

func seqEqual(a, b []py.Object) (bool, error) {
	if len(a) != len(b) {
		return false, nil
	}
	for i := range a {
		eq, err := Equal(a[i], b[i])
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// identical is Python's "a is b" for the objects pyrt can compare by identity.
func identical(a, b py.Object) bool {
	switch a.(type) {
	case py.Tuple, py.Bytes, py.StringDict:
		return false
	}
	switch b.(type) {
	case py.Tuple, py.Bytes, py.StringDict:
		return false
	}
	return a == b
}

var reflected = map[string]string{"<": "__gt__", "<=": "__ge__", ">": "__lt__", ">=": "__le__"}
var forward = map[string]string{"<": "__lt__", "<=": "__le__", ">": "__gt__", ">=": "__ge__"}

// userCompare calls a user-defined rich comparison of a (or the reflected one of b).
func userCompare(a, b py.Object, op string) (bool, bool, error) {
	for i, pair := range [2][2]py.Object{{a, b}, {b, a}} {
		t, ok := pair[0].(*py.Type)
		if !ok {
			continue
		}
		if _, cls := isClass(t); cls {
			continue
		}
		name := forward[op]
		if i == 1 {
			name = reflected[op]
		}
		if f := userMethod(t.Type(), name); f != nil {
			r, err := py.Call(f, py.Tuple{pair[0], pair[1]}, nil)
			if err != nil {
				return false, true, err
			}
			if r == py.NotImplemented {
				continue
			}
			bt, err := truth(r)
			return bt == py.True, true, err
		}
	}
	return false, false, nil
}
