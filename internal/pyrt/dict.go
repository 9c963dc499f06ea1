package pyrt

import (
	"strings"

	"github.com/go-python/gpython/py"
)

// Dict is CPython's dict: any hashable key, insertion order. It replaces gpython's
// string-keyed map for every dict a program makes (displays via Lower, dict(), comprehensions).
type Dict struct {
	cls    *py.Type // DictType or a subclass
	keys   []py.Object
	vals   []py.Object
	hashes []string
	index  keyIndex
	dead   int
	attrs  py.StringDict // instance attributes of subclass instances
	// lazy holds the entries of a getVarFlags dict that are not made yet: get, `in` and
	// len read it, everything else calls load first (the only code that touches keys,
	// vals and hashes is in this file).
	lazy FlagView
}

// DictType is the type of Dict ("dict" in builtins).
var DictType = py.NewType("dict", "dict() -> new empty dictionary")

// NewDict returns an empty dict.
func NewDict() *Dict { return &Dict{cls: DictType, index: newKeyIndex(0)} }

// NewDictSize returns an empty dict with room for n entries.
func NewDictSize(n int) *Dict {
	// Up to a dozen entries, one allocation for the dict and the arrays of its entries.
	switch {
	case n <= 4:
		s := &smallDictStorage{}
		s.d = Dict{cls: DictType, keys: s.keys[:0], vals: s.vals[:0], hashes: s.hashes[:0]}
		return &s.d
	case n <= 8:
		s := &dict8Storage{}
		s.d = Dict{cls: DictType, keys: s.keys[:0], vals: s.vals[:0], hashes: s.hashes[:0]}
		return &s.d
	case n <= 12:
		s := &mediumDictStorage{}
		s.d = Dict{cls: DictType, keys: s.keys[:0], vals: s.vals[:0], hashes: s.hashes[:0]}
		return &s.d
	}
	return &Dict{
		cls:    DictType,
		keys:   make([]py.Object, 0, n),
		vals:   make([]py.Object, 0, n),
		hashes: make([]string, 0, n),
		index:  newKeyIndex(n),
	}
}

type smallDictStorage struct {
	d      Dict
	keys   [4]py.Object
	vals   [4]py.Object
	hashes [4]string
}

type dict8Storage struct {
	d      Dict
	keys   [8]py.Object
	vals   [8]py.Object
	hashes [8]string
}

type mediumDictStorage struct {
	d      Dict
	keys   [12]py.Object
	vals   [12]py.Object
	hashes [12]string
}

// Type implements py.Object.
func (d *Dict) Type() *py.Type { return d.cls }

// M__getattribute__ resolves a plain dict's methods without gpython's generic lookup;
// subclass instances, whose classes may override them, take the generic path.
func (d *Dict) M__getattribute__(key string) (py.Object, error) {
	if d.cls == DictType && !strings.HasPrefix(key, "__") {
		if fn, ok := dictMethods[key]; ok && DictType.Dict[key] != nil {
			return &boundDictMethod{d: d, name: key, fn: fn}, nil
		}
	}
	return getattrRest(d, key)
}

// dictMethods are the Go functions of dict's methods by name; init fills it, nothing
// changes it afterwards.
var dictMethods = map[string]func(d *Dict, args py.Tuple, kwargs py.StringDict) (py.Object, error){}

// boundDictMethod is a method of a plain dict bound to it (what d.get evaluates to): calling
// it calls the Go function directly, without the empty keyword map gpython's Method makes.
type boundDictMethod struct {
	d    *Dict
	name string
	fn   func(d *Dict, args py.Tuple, kwargs py.StringDict) (py.Object, error)
}

var boundDictMethodType = py.NewType("builtin_function_or_method", "a method of a dict")

// Type implements py.Object.
func (m *boundDictMethod) Type() *py.Type { return boundDictMethodType }

// M__call__ calls the method.
func (m *boundDictMethod) M__call__(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return m.fn(m.d, args, kwargs)
}

// M__repr__ is CPython's repr of a bound builtin method.
func (m *boundDictMethod) M__repr__() (py.Object, error) {
	return py.String("<built-in method " + m.name + " of dict object>"), nil
}

// GetDict gives subclass instances attributes.
func (d *Dict) GetDict() py.StringDict { return d.attrs }

func (d *Dict) live(i int) bool { return d.keys[i] != nil }

// load makes the entries of a dict that is still a view; it inlines to a nil check, since
// every lookup and insertion calls it.
func (d *Dict) load() {
	if d.lazy != nil {
		d.fill()
	}
}

func (d *Dict) fill() {
	flags := d.lazy.Append(nil)
	d.lazy = nil
	for _, f := range flags {
		k := py.Object(py.String(f.Name))
		hk, _ := hashKey(k)
		d.appendNew(k, hk, py.String(f.Value))
	}
}

// find returns the entry index of key, or -1.
func (d *Dict) find(key py.Object) (int, string, error) {
	d.load()
	// A str looked up in a small dict: compare with the stored hash keys ("s" + text)
	// without building its own.
	if s, ok := key.(py.String); ok && d.index.exact == nil {
		for i, h := range d.hashes {
			if len(h) == len(s)+1 && h[0] == 's' && h[1:] == string(s) && d.keys[i] != nil {
				return i, h, nil
			}
		}
	}
	hk, err := hashKey(key)
	if err != nil {
		return -1, "", err
	}
	i, err := d.index.find(hk, d.hashes, d.keys, key)
	return i, hk, err
}

// Get returns d[key].
func (d *Dict) Get(key py.Object) (py.Object, bool, error) {
	if s, ok := key.(py.String); ok && d.lazy != nil {
		if v, ok := d.lazy.Get(string(s)); ok {
			return py.String(v), true, nil
		}
		return nil, false, nil
	}
	i, _, err := d.find(key)
	if err != nil || i < 0 {
		return nil, false, err
	}
	return d.vals[i], true, nil
}

// Set stores d[key] = value.
func (d *Dict) Set(key, value py.Object) error {
	i, hk, err := d.find(key)
	if err != nil {
		return err
	}
	if i >= 0 {
		d.vals[i] = value
		return nil
	}
	d.appendNew(key, hk, value)
	return nil
}

// appendNew adds key (hash key hk), which the caller knows is not in d yet.
func (d *Dict) appendNew(key py.Object, hk string, value py.Object) {
	d.load()
	d.keys = append(d.keys, key)
	d.vals = append(d.vals, value)
	d.hashes = append(d.hashes, hk)
	d.index.add(hk, len(d.keys)-1, d.hashes, d.keys)
}

// Delete removes key; it reports whether key was present.
func (d *Dict) Delete(key py.Object) (bool, error) {
	i, hk, err := d.find(key)
	if err != nil || i < 0 {
		return false, err
	}
	d.index.remove(hk, i)
	d.keys[i], d.vals[i] = nil, nil
	d.dead++
	if d.dead > 16 && d.dead > len(d.keys)/2 {
		d.compact()
	}
	return true, nil
}

func (d *Dict) compact() {
	keys, vals, hashes := d.Keys(), d.Values(), make([]string, 0, d.Len())
	for i := range d.keys {
		if d.live(i) {
			hashes = append(hashes, d.hashes[i])
		}
	}
	d.keys, d.vals, d.hashes, d.dead = keys, vals, hashes, 0
	d.index = newKeyIndex(len(keys))
	for i, h := range hashes {
		d.index.add(h, i, hashes[:i+1], keys[:i+1])
	}
}

// Len is len(d).
func (d *Dict) Len() int {
	if d.lazy != nil {
		return d.lazy.Len()
	}
	return len(d.keys) - d.dead
}

// Keys returns the keys in insertion order.
func (d *Dict) Keys() []py.Object {
	d.load()
	out := make([]py.Object, 0, d.Len())
	for i, k := range d.keys {
		if d.live(i) {
			out = append(out, k)
		}
	}
	return out
}

// Values returns the values in insertion order.
func (d *Dict) Values() []py.Object {
	d.load()
	out := make([]py.Object, 0, d.Len())
	for i, v := range d.vals {
		if d.live(i) {
			out = append(out, v)
		}
	}
	return out
}

// Items returns (key, value) tuples in insertion order.
func (d *Dict) Items() []py.Object {
	d.load()
	out := make([]py.Object, 0, d.Len())
	for i, k := range d.keys {
		if d.live(i) {
			out = append(out, py.Tuple{k, d.vals[i]})
		}
	}
	return out
}

// Copy returns a shallow copy (of type dict).
func (d *Dict) Copy() *Dict {
	d.load()
	n := NewDict()
	for i, k := range d.keys {
		if d.live(i) {
			_ = n.Set(k, d.vals[i])
		}
	}
	return n
}

func (d *Dict) clear() {
	d.keys, d.vals, d.hashes, d.dead, d.lazy = nil, nil, nil, 0, nil
	d.index = newKeyIndex(0)
}

func dictNew(t *py.Type, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	d := NewDict()
	d.cls = t
	if t != DictType {
		d.attrs = py.StringDict{}
	}
	return d, nil
}

func dictInit(self py.Object, args py.Tuple, kwargs py.StringDict) error {
	d := self.(*Dict)
	if len(args) > 1 {
		return py.ExceptionNewf(py.TypeError, "dict expected at most 1 argument, got %d", len(args))
	}
	if len(args) == 1 {
		if err := d.update(args[0]); err != nil {
			return err
		}
	}
	return d.updateKw(kwargs)
}

func (d *Dict) updateKw(kwargs py.StringDict) error {
	for _, k := range sortedKeys(kwargs) {
		if err := d.Set(py.String(k), kwargs[k]); err != nil {
			return err
		}
	}
	return nil
}

// update merges a mapping or an iterable of pairs into d.
func (d *Dict) update(src py.Object) error {
	switch m := src.(type) {
	case *Dict:
		m.load()
		for i, k := range m.keys {
			if m.live(i) {
				if err := d.Set(k, m.vals[i]); err != nil {
					return err
				}
			}
		}
		return nil
	case py.StringDict:
		for _, k := range sortedKeys(m) {
			if err := d.Set(py.String(k), m[k]); err != nil {
				return err
			}
		}
		return nil
	}
	if keys, err := py.GetAttrString(src, "keys"); err == nil {
		ks, err := py.Call(keys, nil, nil)
		if err != nil {
			return err
		}
		return py.Iterate(ks, func(k py.Object) bool {
			var v py.Object
			v, err = py.GetItem(src, k)
			if err == nil {
				err = d.Set(k, v)
			}
			return err != nil
		})
	}
	var ierr error
	n := 0
	err := py.Iterate(src, func(item py.Object) bool {
		pair, err := py.SequenceTuple(item)
		if err != nil {
			ierr = py.ExceptionNewf(py.TypeError, "cannot convert dictionary update sequence element #%d to a sequence", n)
			return true
		}
		if len(pair) != 2 {
			ierr = py.ExceptionNewf(py.ValueError, "dictionary update sequence element #%d has length %d; 2 is required", n, len(pair))
			return true
		}
		n++
		ierr = d.Set(pair[0], pair[1])
		return ierr != nil
	})
	if err != nil {
		return err
	}
	return ierr
}

func (d *Dict) M__len__() (py.Object, error) { return py.Int(d.Len()), nil }

func (d *Dict) M__bool__() (py.Object, error) { return py.NewBool(d.Len() > 0), nil }

func (d *Dict) M__getitem__(key py.Object) (py.Object, error) {
	v, ok, err := d.Get(key)
	if err != nil {
		return nil, err
	}
	if !ok {
		if d.cls != DictType {
			if m := lookup(d.cls, "__missing__"); m != nil {
				return py.Call(m, py.Tuple{d, key}, nil)
			}
		}
		return nil, keyError(key)
	}
	return v, nil
}

func keyError(key py.Object) error {
	return &py.Exception{Base: py.KeyError, Args: py.Tuple{key}, Dict: py.StringDict{}}
}

func (d *Dict) M__setitem__(key, value py.Object) (py.Object, error) {
	return py.None, d.Set(key, value)
}

func (d *Dict) M__delitem__(key py.Object) (py.Object, error) {
	ok, err := d.Delete(key)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, keyError(key)
	}
	return py.None, nil
}

func (d *Dict) M__contains__(key py.Object) (py.Object, error) {
	_, ok, err := d.Get(key)
	if err != nil {
		return nil, err
	}
	return py.NewBool(ok), nil
}

func (d *Dict) M__iter__() (py.Object, error) { return newSliceIter(d.Keys()), nil }

func (d *Dict) M__eq__(other py.Object) (py.Object, error) {
	o, ok := asDict(other)
	if !ok {
		return py.NotImplemented, nil
	}
	if o.Len() != d.Len() {
		return py.False, nil
	}
	d.load()
	for i, k := range d.keys {
		if !d.live(i) {
			continue
		}
		v, ok, err := o.Get(k)
		if err != nil {
			return nil, err
		}
		if !ok {
			return py.False, nil
		}
		eq, err := py.Eq(d.vals[i], v)
		if err != nil {
			return nil, err
		}
		if eq != py.True {
			return py.False, nil
		}
	}
	return py.True, nil
}

func (d *Dict) M__ne__(other py.Object) (py.Object, error) {
	r, err := d.M__eq__(other)
	if err != nil || r == py.NotImplemented {
		return r, err
	}
	return py.NewBool(r != py.True), nil
}

func (d *Dict) M__repr__() (py.Object, error) {
	s, err := Repr(d)
	return py.String(s), err
}

func (d *Dict) M__or__(other py.Object) (py.Object, error) {
	o, ok := asDict(other)
	if !ok {
		return py.NotImplemented, nil
	}
	n := d.Copy()
	return n, n.update(o)
}

// asDict views a dict-like builtin (Dict or gpython's StringDict) as a Dict.
func asDict(o py.Object) (*Dict, bool) {
	switch x := o.(type) {
	case *Dict:
		return x, true
	case py.StringDict:
		d := NewDict()
		_ = d.update(x)
		return d, true
	}
	return nil, false
}

// sliceIter iterates over a snapshot.
type sliceIter struct {
	items []py.Object
	i     int
}

var sliceIterType = py.NewType("iterator", "iterator")

func newSliceIter(items []py.Object) *sliceIter { return &sliceIter{items: items} }

func (it *sliceIter) Type() *py.Type                { return sliceIterType }
func (it *sliceIter) M__iter__() (py.Object, error) { return it, nil }
func (it *sliceIter) M__next__() (py.Object, error) {
	if it.i >= len(it.items) {
		return nil, py.StopIteration
	}
	it.i++
	return it.items[it.i-1], nil
}

// dictView is dict.keys(), dict.values() or dict.items().
type dictView struct {
	d    *Dict
	kind string // "keys", "values", "items"
}

var dictViewTypes = map[string]*py.Type{
	"keys":   py.NewType("dict_keys", "dict keys view"),
	"values": py.NewType("dict_values", "dict values view"),
	"items":  py.NewType("dict_items", "dict items view"),
}

func (v *dictView) Type() *py.Type { return dictViewTypes[v.kind] }

func (v *dictView) list() []py.Object {
	switch v.kind {
	case "keys":
		return v.d.Keys()
	case "values":
		return v.d.Values()
	}
	return v.d.Items()
}

func (v *dictView) M__iter__() (py.Object, error) { return newSliceIter(v.list()), nil }
func (v *dictView) M__len__() (py.Object, error)  { return py.Int(v.d.Len()), nil }
func (v *dictView) M__contains__(x py.Object) (py.Object, error) {
	if v.kind == "keys" {
		return v.d.M__contains__(x)
	}
	for _, e := range v.list() {
		eq, err := py.Eq(e, x)
		if err != nil {
			return nil, err
		}
		if eq == py.True {
			return py.True, nil
		}
	}
	return py.False, nil
}

func (v *dictView) M__repr__() (py.Object, error) {
	s, err := Repr(py.NewListFromItems(v.list()))
	return py.String(v.Type().Name + "(" + s + ")"), err
}

func (v *dictView) M__eq__(other py.Object) (py.Object, error) {
	if o, ok := other.(*dictView); ok && v.kind != "values" {
		a, b := NewSetFrom(v.list()), NewSetFrom(o.list())
		return a.M__eq__(b)
	}
	if s, ok := other.(*Set); ok && v.kind != "values" {
		return NewSetFrom(v.list()).M__eq__(s)
	}
	return py.False, nil
}

func (v *dictView) setOp(other py.Object, op string) (py.Object, error) {
	s := NewSetFrom(v.list())
	return s.binop(other, op)
}

func (v *dictView) M__and__(o py.Object) (py.Object, error) { return v.setOp(o, "&") }
func (v *dictView) M__or__(o py.Object) (py.Object, error)  { return v.setOp(o, "|") }
func (v *dictView) M__sub__(o py.Object) (py.Object, error) { return v.setOp(o, "-") }
func (v *dictView) M__xor__(o py.Object) (py.Object, error) { return v.setOp(o, "^") }

func dictMethod(name string, fn func(d *Dict, args py.Tuple, kwargs py.StringDict) (py.Object, error)) {
	dictMethods[name] = fn
	DictType.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		d, ok := self.(*Dict)
		if !ok {
			return nil, py.ExceptionNewf(py.TypeError, "descriptor '%s' requires a 'dict' object but received a '%s'", name, self.Type().Name)
		}
		return fn(d, args, kwargs)
	}, 0, name)
}

func nargs(name string, args py.Tuple, min, max int) error {
	if len(args) < min || len(args) > max {
		if min == max {
			return py.ExceptionNewf(py.TypeError, "%s() takes exactly %d argument (%d given)", name, min, len(args))
		}
		if len(args) < min {
			return py.ExceptionNewf(py.TypeError, "%s expected at least %d argument, got %d", name, min, len(args))
		}
		return py.ExceptionNewf(py.TypeError, "%s expected at most %d arguments, got %d", name, max, len(args))
	}
	return nil
}

func init() {
	DictType.New, DictType.Init = dictNew, dictInit
	dictMethod("keys", func(d *Dict, args py.Tuple, _ py.StringDict) (py.Object, error) {
		return &dictView{d, "keys"}, nargs("keys", args, 0, 0)
	})
	dictMethod("values", func(d *Dict, args py.Tuple, _ py.StringDict) (py.Object, error) {
		return &dictView{d, "values"}, nargs("values", args, 0, 0)
	})
	dictMethod("items", func(d *Dict, args py.Tuple, _ py.StringDict) (py.Object, error) {
		return &dictView{d, "items"}, nargs("items", args, 0, 0)
	})
	dictMethod("get", func(d *Dict, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("get", args, 1, 2); err != nil {
			return nil, err
		}
		v, ok, err := d.Get(args[0])
		if err != nil || ok {
			return v, err
		}
		if len(args) == 2 {
			return args[1], nil
		}
		return py.None, nil
	})
	dictMethod("setdefault", func(d *Dict, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("setdefault", args, 1, 2); err != nil {
			return nil, err
		}
		v, ok, err := d.Get(args[0])
		if err != nil || ok {
			return v, err
		}
		var def py.Object = py.None
		if len(args) == 2 {
			def = args[1]
		}
		return def, d.Set(args[0], def)
	})
	dictMethod("pop", func(d *Dict, args py.Tuple, _ py.StringDict) (py.Object, error) {
		if err := nargs("pop", args, 1, 2); err != nil {
			return nil, err
		}
		v, ok, err := d.Get(args[0])
		if err != nil {
			return nil, err
		}
		if !ok {
			if len(args) == 2 {
				return args[1], nil
			}
			return nil, keyError(args[0])
		}
		_, err = d.Delete(args[0])
		return v, err
	})
	dictMethod("popitem", func(d *Dict, args py.Tuple, _ py.StringDict) (py.Object, error) {
		d.load()
		for i := len(d.keys) - 1; i >= 0; i-- {
			if d.live(i) {
				k, v := d.keys[i], d.vals[i]
				_, err := d.Delete(k)
				return py.Tuple{k, v}, err
			}
		}
		return nil, py.ExceptionNewf(py.KeyError, "popitem(): dictionary is empty")
	})
	dictMethod("update", func(d *Dict, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
		if err := nargs("update", args, 0, 1); err != nil {
			return nil, err
		}
		if len(args) == 1 {
			if err := d.update(args[0]); err != nil {
				return nil, err
			}
		}
		return py.None, d.updateKw(kwargs)
	})
	dictMethod("copy", func(d *Dict, args py.Tuple, _ py.StringDict) (py.Object, error) {
		return d.Copy(), nil
	})
	dictMethod("clear", func(d *Dict, args py.Tuple, _ py.StringDict) (py.Object, error) {
		d.clear()
		return py.None, nil
	})
	DictType.Dict["fromkeys"] = &py.ClassMethod{Callable: py.MustNewMethod("fromkeys", func(self py.Object, args py.Tuple) (py.Object, error) {
		if err := nargs("fromkeys", args, 1, 2); err != nil {
			return nil, err
		}
		o, err := py.Call(self, nil, nil)
		if err != nil {
			return nil, err
		}
		var v py.Object = py.None
		if len(args) == 2 {
			v = args[1]
		}
		err = py.Iterate(args[0], func(k py.Object) bool {
			_, err = py.SetItem(o, k, v)
			return err != nil
		})
		return o, err
	}, 0, "fromkeys(iterable, value=None)")}
}
