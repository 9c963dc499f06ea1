package pyrt

import "github.com/go-python/gpython/py"

// Subclasses of list (OE's oe.types.OEList, collections.UserList): gpython makes their
// instances plain *py.Type objects with no list storage, so len(), iteration and the list
// methods failed on them. pyrt keeps each instance's items in a *py.List stored in the
// instance dict under listSlot, fills it from list.__init__, and gives list subclasses
// method descriptors that run list's own methods on that storage.

const listSlot = "__pyrt_list__"

// listMethodNames are the list operations a subclass delegates to its storage.
var listMethodNames = []string{
	"__len__", "__iter__", "__getitem__", "__setitem__", "__delitem__", "__contains__",
	"__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "__add__", "__mul__",
	"__iadd__", "__imul__", "__repr__",
	"append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse",
	"clear", "copy",
}

// listStorage returns the list holding self's items, making an empty one for an instance
// of a list subclass that has none yet.
func listStorage(self py.Object) (*py.List, error) {
	switch x := self.(type) {
	case *py.List:
		return x, nil
	case *py.Type:
		if l, ok := x.Dict[listSlot].(*py.List); ok {
			return l, nil
		}
		if x.Type() != nil && x.Type().IsSubtype(py.ListType) {
			l := py.NewList()
			x.Dict[listSlot] = l
			return l, nil
		}
	}
	return nil, py.ExceptionNewf(py.TypeError, "descriptor requires a 'list' object but received a '%s'", self.Type().Name)
}

// listDelegate is list.NAME as a method of a list subclass: called with the instance first.
type listDelegate struct{ name string }

var listDelegateType = py.NewType("method_descriptor", "list method of a list subclass")

func (d *listDelegate) Type() *py.Type { return listDelegateType }

func (d *listDelegate) M__get__(instance, owner py.Object) (py.Object, error) {
	if instance == nil || instance == py.None {
		return d, nil
	}
	return py.NewBoundMethod(instance, d), nil
}

func (d *listDelegate) M__call__(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) == 0 {
		return nil, py.ExceptionNewf(py.TypeError, "unbound method list.%s() needs an argument", d.name)
	}
	l, err := listStorage(args[0])
	if err != nil {
		return nil, err
	}
	if d.name == "__repr__" {
		s, err := Repr(l)
		return py.String(s), err
	}
	rest := args[1:]
	if other, ok := unwrapListArg(rest); ok {
		rest = py.Tuple{other}
	}
	if op, ok := listOps[d.name]; ok {
		if len(rest) != op.nargs || len(kwargs) != 0 {
			return nil, py.ExceptionNewf(py.TypeError, "list.%s() takes exactly %d arguments (%d given)", d.name, op.nargs, len(rest))
		}
		res, err := op.fn(l, rest)
		if err != nil {
			return nil, err
		}
		if d.name == "__iadd__" || d.name == "__imul__" {
			l.Items = res.(*py.List).Items
			return args[0], nil
		}
		return res, nil
	}
	m, err := py.GetAttrString(l, d.name)
	if err != nil {
		return nil, err
	}
	return py.Call(m, rest, kwargs)
}

// listOps are the special methods, run through gpython's protocol functions (a *py.List
// implements most of them in Go, without a method of that name).
var listOps = map[string]struct {
	nargs int
	fn    func(l *py.List, a py.Tuple) (py.Object, error)
}{
	"__len__":     {0, func(l *py.List, a py.Tuple) (py.Object, error) { return py.Len(l) }},
	"__iter__":    {0, func(l *py.List, a py.Tuple) (py.Object, error) { return py.Iter(l) }},
	"__getitem__": {1, func(l *py.List, a py.Tuple) (py.Object, error) { return py.GetItem(l, a[0]) }},
	"__setitem__": {2, func(l *py.List, a py.Tuple) (py.Object, error) { return py.SetItem(l, a[0], a[1]) }},
	"__delitem__": {1, func(l *py.List, a py.Tuple) (py.Object, error) { return py.DelItem(l, a[0]) }},
	"__contains__": {1, func(l *py.List, a py.Tuple) (py.Object, error) {
		ok, err := py.SequenceContains(l, a[0])
		return py.NewBool(ok), err
	}},
	"__eq__":  {1, func(l *py.List, a py.Tuple) (py.Object, error) { return py.Eq(l, a[0]) }},
	"__ne__":  {1, func(l *py.List, a py.Tuple) (py.Object, error) { return py.Ne(l, a[0]) }},
	"__lt__":  {1, func(l *py.List, a py.Tuple) (py.Object, error) { return py.Lt(l, a[0]) }},
	"__le__":  {1, func(l *py.List, a py.Tuple) (py.Object, error) { return py.Le(l, a[0]) }},
	"__gt__":  {1, func(l *py.List, a py.Tuple) (py.Object, error) { return py.Gt(l, a[0]) }},
	"__ge__":  {1, func(l *py.List, a py.Tuple) (py.Object, error) { return py.Ge(l, a[0]) }},
	"__add__": {1, func(l *py.List, a py.Tuple) (py.Object, error) { return py.Add(l, a[0]) }},
	"__iadd__": {1, func(l *py.List, a py.Tuple) (py.Object, error) {
		items, err := iterList(a[0])
		return py.NewListFromItems(append(append([]py.Object(nil), l.Items...), items...)), err
	}},
	"__mul__":  {1, func(l *py.List, a py.Tuple) (py.Object, error) { return py.Mul(l, a[0]) }},
	"__imul__": {1, func(l *py.List, a py.Tuple) (py.Object, error) { return py.Mul(l, a[0]) }},
}

// unwrapListArg lets comparisons and concatenation see another list subclass instance's
// items.
func unwrapListArg(args py.Tuple) (py.Object, bool) {
	if len(args) != 1 {
		return nil, false
	}
	if t, ok := args[0].(*py.Type); ok {
		if l, ok := t.Dict[listSlot].(*py.List); ok {
			return l, true
		}
	}
	return nil, false
}

// fixListSubclass installs the list delegates on cls when it derives from list and neither
// it nor a base between it and list defines the method.
func fixListSubclass(cls *py.Type) {
	if cls == py.ListType || !cls.IsSubtype(py.ListType) {
		return
	}
	for _, name := range listMethodNames {
		if owner := definingClass(cls, name); owner != nil && owner != py.ListType && owner != py.ObjectType {
			continue
		}
		cls.Dict[name] = &listDelegate{name: name}
	}
}

// definingClass returns the class of cls's MRO whose dict holds name, or nil.
func definingClass(cls *py.Type, name string) *py.Type {
	for _, b := range cls.Mro {
		if bt, ok := b.(*py.Type); ok {
			if _, ok := bt.Dict[name]; ok {
				return bt
			}
		}
	}
	return nil
}

func init() {
	// list.__init__(self, iterable=()), as subclasses' __init__ call it.
	py.ListType.Dict["__init__"] = &methodDescriptor{owner: py.ListType, m: py.MustNewMethod("__init__", func(self py.Object, args py.Tuple) (py.Object, error) {
		if err := nargs("list", args, 0, 1); err != nil {
			return nil, err
		}
		l, err := listStorage(self)
		if err != nil {
			return nil, err
		}
		var items []py.Object
		if len(args) == 1 {
			if items, err = iterList(args[0]); err != nil {
				return nil, err
			}
		}
		l.Items = items
		return py.None, nil
	}, 0, "Initialize self.  See help(type(self)) for accurate signature.")}
}
