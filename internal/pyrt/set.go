package pyrt

import (
	"sort"

	"github.com/go-python/gpython/py"
)

// Set is CPython's set and frozenset over any hashable elements (tuples included). It
// iterates in insertion order; CPython iterates in hash order, so programs that print a set
// of several elements directly can differ (sorted(s) does not).
type Set struct {
	cls    *py.Type
	frozen bool
	keys   []py.Object
	hashes []string
	index  keyIndex
	dead   int
}

// SetType and FrozenSetType replace gpython's set types in builtins.
var (
	SetType       = py.NewType("set", "set() -> new empty set object")
	FrozenSetType = py.NewType("frozenset", "frozenset() -> empty frozenset object")
)

// NewSet returns an empty set.
func NewSet() *Set { return &Set{cls: SetType, index: newKeyIndex(0)} }

// NewSetFrom returns a set of items; it panics on unhashable items, so callers pass
// items that came out of a dict or set.
func NewSetFrom(items []py.Object) *Set {
	s := NewSet()
	for _, it := range items {
		if err := s.Add(it); err != nil {
			panic(err)
		}
	}
	return s
}

func (s *Set) Type() *py.Type { return s.cls }

func (s *Set) live(i int) bool { return s.keys[i] != nil }

func (s *Set) find(k py.Object) (int, string, error) {
	hk, err := hashKey(k)
	if err != nil {
		return -1, "", err
	}
	i, err := s.index.find(hk, s.hashes, s.keys, k)
	return i, hk, err
}

// Add adds k.
func (s *Set) Add(k py.Object) error {
	i, hk, err := s.find(k)
	if err != nil || i >= 0 {
		return err
	}
	s.keys = append(s.keys, k)
	s.hashes = append(s.hashes, hk)
	s.index.add(hk, len(s.keys)-1, s.hashes, s.keys)
	return nil
}

// Contains reports whether k is in s.
func (s *Set) Contains(k py.Object) (bool, error) {
	i, _, err := s.find(k)
	return i >= 0, err
}

// Remove removes k and reports whether it was present.
func (s *Set) Remove(k py.Object) (bool, error) {
	i, hk, err := s.find(k)
	if err != nil || i < 0 {
		return false, err
	}
	s.index.remove(hk, i)
	s.keys[i] = nil
	s.dead++
	if s.dead > 16 && s.dead > len(s.keys)/2 {
		items := s.Items()
		*s = Set{cls: s.cls, frozen: s.frozen, index: newKeyIndex(0)}
		for _, it := range items {
			_ = s.Add(it)
		}
	}
	return true, nil
}

// Items returns the elements in iteration order.
func (s *Set) Items() []py.Object {
	out := make([]py.Object, 0, len(s.keys)-s.dead)
	for i, k := range s.keys {
		if s.live(i) {
			out = append(out, k)
		}
	}
	return out
}

// Len is len(s).
func (s *Set) Len() int { return len(s.keys) - s.dead }

func (s *Set) empty() *Set {
	return &Set{cls: baseSetType(s), frozen: s.frozen, index: newKeyIndex(0)}
}

func baseSetType(s *Set) *py.Type {
	if s.frozen {
		return FrozenSetType
	}
	return SetType
}

func (s *Set) copy() *Set {
	n := s.empty()
	for _, k := range s.Items() {
		_ = n.Add(k)
	}
	return n
}

func setNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	s := &Set{cls: t, frozen: t == FrozenSetType || t.IsSubtype(FrozenSetType), index: newKeyIndex(0)}
	if len(args) > 1 {
		return nil, py.ExceptionNewf(py.TypeError, "%s expected at most 1 argument, got %d", t.Name, len(args))
	}
	if len(args) == 1 {
		if err := s.addAll(args[0]); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *Set) addAll(it py.Object) error {
	var ierr error
	err := py.Iterate(it, func(x py.Object) bool {
		ierr = s.Add(x)
		return ierr != nil
	})
	if err != nil {
		return err
	}
	return ierr
}

// toSet converts an iterable to a *Set (for the methods that take any iterable).
func toSet(o py.Object) (*Set, error) {
	if s, ok := o.(*Set); ok {
		return s, nil
	}
	if v, ok := o.(*dictView); ok && v.kind != "values" {
		return NewSetFrom(v.list()), nil
	}
	s := NewSet()
	return s, s.addAll(o)
}

func (s *Set) binop(other py.Object, op string) (py.Object, error) {
	o, ok := other.(*Set)
	if !ok {
		v, isView := other.(*dictView)
		if !isView {
			return py.NotImplemented, nil
		}
		o = NewSetFrom(v.list())
	}
	n := s.empty()
	switch op {
	case "|":
		n = s.copy()
		for _, k := range o.Items() {
			_ = n.Add(k)
		}
	case "&":
		for _, k := range s.Items() {
			if in, _ := o.Contains(k); in {
				_ = n.Add(k)
			}
		}
	case "-":
		for _, k := range s.Items() {
			if in, _ := o.Contains(k); !in {
				_ = n.Add(k)
			}
		}
	case "^":
		for _, k := range s.Items() {
			if in, _ := o.Contains(k); !in {
				_ = n.Add(k)
			}
		}
		for _, k := range o.Items() {
			if in, _ := s.Contains(k); !in {
				_ = n.Add(k)
			}
		}
	}
	return n, nil
}

func (s *Set) M__or__(o py.Object) (py.Object, error)  { return s.binop(o, "|") }
func (s *Set) M__and__(o py.Object) (py.Object, error) { return s.binop(o, "&") }
func (s *Set) M__sub__(o py.Object) (py.Object, error) { return s.binop(o, "-") }
func (s *Set) M__xor__(o py.Object) (py.Object, error) { return s.binop(o, "^") }
func (s *Set) M__len__() (py.Object, error)            { return py.Int(s.Len()), nil }
func (s *Set) M__bool__() (py.Object, error)           { return py.NewBool(s.Len() > 0), nil }
func (s *Set) M__iter__() (py.Object, error)           { return newSliceIter(s.Items()), nil }

func (s *Set) M__contains__(k py.Object) (py.Object, error) {
	if ks, ok := k.(*Set); ok && !ks.frozen {
		k = &Set{cls: FrozenSetType, frozen: true, keys: ks.keys, hashes: ks.hashes, index: ks.index, dead: ks.dead}
	}
	in, err := s.Contains(k)
	return py.NewBool(in), err
}

func (s *Set) subset(o *Set) bool {
	for _, k := range s.Items() {
		if in, _ := o.Contains(k); !in {
			return false
		}
	}
	return true
}

func (s *Set) M__eq__(other py.Object) (py.Object, error) {
	o, ok := other.(*Set)
	if !ok {
		return py.NotImplemented, nil
	}
	return py.NewBool(s.Len() == o.Len() && s.subset(o)), nil
}

func (s *Set) M__ne__(other py.Object) (py.Object, error) {
	o, ok := other.(*Set)
	if !ok {
		return py.NotImplemented, nil
	}
	return py.NewBool(!(s.Len() == o.Len() && s.subset(o))), nil
}

func (s *Set) M__le__(other py.Object) (py.Object, error) {
	o, ok := other.(*Set)
	if !ok {
		return py.NotImplemented, nil
	}
	return py.NewBool(s.subset(o)), nil
}

func (s *Set) M__lt__(other py.Object) (py.Object, error) {
	o, ok := other.(*Set)
	if !ok {
		return py.NotImplemented, nil
	}
	return py.NewBool(s.Len() < o.Len() && s.subset(o)), nil
}

func (s *Set) M__ge__(other py.Object) (py.Object, error) {
	o, ok := other.(*Set)
	if !ok {
		return py.NotImplemented, nil
	}
	return py.NewBool(o.subset(s)), nil
}

func (s *Set) M__gt__(other py.Object) (py.Object, error) {
	o, ok := other.(*Set)
	if !ok {
		return py.NotImplemented, nil
	}
	return py.NewBool(o.Len() < s.Len() && o.subset(s)), nil
}

func (s *Set) M__repr__() (py.Object, error) {
	r, err := Repr(s)
	return py.String(r), err
}

func setMethod(name string, mutating bool, fn func(s *Set, args py.Tuple) (py.Object, error)) {
	m := py.MustNewMethod(name, func(self py.Object, args py.Tuple) (py.Object, error) {
		s, ok := self.(*Set)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' requires a 'set' object", name)
		}
		return fn(s, args)
	}, 0, name)
	SetType.Dict[name] = m
	if !mutating {
		FrozenSetType.Dict[name] = m
	}
}

func init() {
	SetType.New, FrozenSetType.New = setNew, setNew
	setMethod("add", true, func(s *Set, args py.Tuple) (py.Object, error) {
		if err := nargs("add", args, 1, 1); err != nil {
			return nil, err
		}
		return py.None, s.Add(args[0])
	})
	setMethod("remove", true, func(s *Set, args py.Tuple) (py.Object, error) {
		if err := nargs("remove", args, 1, 1); err != nil {
			return nil, err
		}
		ok, err := s.Remove(args[0])
		if err == nil && !ok {
			err = keyError(args[0])
		}
		return py.None, err
	})
	setMethod("discard", true, func(s *Set, args py.Tuple) (py.Object, error) {
		if err := nargs("discard", args, 1, 1); err != nil {
			return nil, err
		}
		_, err := s.Remove(args[0])
		return py.None, err
	})
	setMethod("pop", true, func(s *Set, args py.Tuple) (py.Object, error) {
		items := s.Items()
		if len(items) == 0 {
			return nil, py.ExceptionNewf(py.KeyError, "pop from an empty set")
		}
		_, err := s.Remove(items[0])
		return items[0], err
	})
	setMethod("clear", true, func(s *Set, args py.Tuple) (py.Object, error) {
		*s = Set{cls: s.cls, index: newKeyIndex(0)}
		return py.None, nil
	})
	setMethod("copy", false, func(s *Set, args py.Tuple) (py.Object, error) { return s.copy(), nil })
	for _, op := range []struct{ name, op string }{{"union", "|"}, {"intersection", "&"}, {"difference", "-"}, {"symmetric_difference", "^"}} {
		op := op
		setMethod(op.name, false, func(s *Set, args py.Tuple) (py.Object, error) {
			var acc py.Object = s.copy()
			if len(args) == 0 {
				return acc, nil
			}
			for _, a := range args {
				o, err := toSet(a)
				if err != nil {
					return nil, err
				}
				acc, err = acc.(*Set).binop(o, op.op)
				if err != nil {
					return nil, err
				}
			}
			return acc, nil
		})
		upd := map[string]string{"|": "update", "&": "intersection_update", "-": "difference_update", "^": "symmetric_difference_update"}[op.op]
		setMethod(upd, true, func(s *Set, args py.Tuple) (py.Object, error) {
			var acc py.Object = s
			for _, a := range args {
				o, err := toSet(a)
				if err != nil {
					return nil, err
				}
				acc, err = acc.(*Set).binop(o, op.op)
				if err != nil {
					return nil, err
				}
			}
			n := acc.(*Set)
			s.keys, s.hashes, s.index, s.dead = n.keys, n.hashes, n.index, n.dead
			return py.None, nil
		})
	}
	// Predicates between a set and any iterable.
	for name, pred := range map[string]func(s, o *Set) bool{
		"issubset":   func(s, o *Set) bool { return s.subset(o) },
		"issuperset": func(s, o *Set) bool { return o.subset(s) },
		"isdisjoint": func(s, o *Set) bool {
			r, _ := s.binop(o, "&")
			return r.(*Set).Len() == 0
		},
	} {
		setMethod(name, false, func(s *Set, args py.Tuple) (py.Object, error) {
			if err := nargs(name, args, 1, 1); err != nil {
				return nil, err
			}
			o, err := toSet(args[0])
			if err != nil {
				return nil, err
			}
			return py.NewBool(pred(s, o)), nil
		})
	}
}

func sortedKeys(m py.StringDict) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
