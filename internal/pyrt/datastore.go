package pyrt

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-python/gpython/py"
)

// DataStore is what metadata Python sees as `d`: BitBake's DataSmart methods over string
// values. pyrt defines the interface so that it does not depend on internal/data; the cooker
// adapts its datastore to it. ok=false means "unset" (Python None).
type DataStore interface {
	GetVar(name string, expand bool) (value string, ok bool, err error)
	SetVar(name, value string) error
	DelVar(name string) error
	AppendVar(name, value string) error
	PrependVar(name, value string) error
	RenameVar(oldName, newName string) error
	GetVarFlag(name, flag string, expand bool) (value string, ok bool, err error)
	SetVarFlag(name, flag, value string) error
	DelVarFlag(name, flag string) error
	AppendVarFlag(name, flag, value string) error
	PrependVarFlag(name, flag, value string) error
	// GetVarFlags returns the flags of name in the order they were first set (nil if it
	// has none).
	GetVarFlags(name string, expand bool) ([]Flag, error)
	// Keys lists the variable names.
	Keys() []string
	// Expand expands ${VAR} and ${@python} references in s.
	Expand(s string) (string, error)
	// CreateCopy returns an independent copy (copy-on-write in the real datastore).
	CreateCopy() DataStore
}

// FlagViewer is a DataStore that hands out views of a variable's flags. getVarFlags then
// returns a dict that reads the view and makes its entries only when the program does more
// with it than get, `in` and len: base.bbclass asks for the flags of every variable of
// every recipe, and looks at one of them.
type FlagViewer interface {
	// ViewVarFlags returns the flags of name, unexpanded, as they are now; nil when it has
	// none.
	ViewVarFlags(name string) FlagView
}

// ClassChecker is a DataStore that answers bb.data.inherits_class itself: the cooker keeps
// __inherit_cache as a list, which getVar would hand to Python joined into one string.
type ClassChecker interface {
	// InheritsClass reports whether an entry of __inherit_cache ends with /klass.bbclass;
	// ok is false when the store leaves the question to d.getVar's value.
	InheritsClass(klass string) (inherits, ok bool)
}

// FlagView is a read-only list of flags that does not change with the store.
type FlagView interface {
	Len() int
	Get(flag string) (value string, ok bool)
	// Append appends the flags in order to buf.
	Append(buf []Flag) []Flag
}

// flagName returns the str object of a flag name and its dict hash key, made once per
// runtime for the usual few dozen names.
func (r *Runtime) flagName(name string) (py.Object, string) {
	if n, ok := r.flagNames[name]; ok {
		return n.obj, n.hk
	}
	obj := py.Object(py.String(name))
	hk, _ := hashKey(obj)
	if len(r.flagNames) < maxFlagNames {
		r.flagNames[name] = internedName{obj, hk}
	}
	return obj, hk
}

type internedName struct {
	obj py.Object
	hk  string
}

// maxFlagNames bounds flagName's table: metadata uses a few dozen flag names.
const maxFlagNames = 4096

// Flag is one variable flag and its value.
type Flag struct{ Name, Value string }

// MemStore is a small in-memory DataStore for tests and `gobake python`: no overrides, no
// :append/:remove syntax, ${VAR} and ${@...} expansion through the Python hook it is given.
type MemStore struct {
	vars  map[string]string
	flags map[string]map[string]string
	objs  map[string]any // see ObjectStore
	// Python evaluates ${@...} expressions; nil leaves them unexpanded.
	Python func(expr string, d DataStore) (string, error)
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore {
	return &MemStore{vars: map[string]string{}, flags: map[string]map[string]string{}}
}

func (m *MemStore) GetVar(name string, expand bool) (string, bool, error) {
	v, ok := m.vars[name]
	if !ok || !expand {
		return v, ok, nil
	}
	e, err := m.Expand(v)
	return e, true, err
}

func (m *MemStore) SetVar(name, value string) error { m.vars[name] = value; return nil }
func (m *MemStore) DelVar(name string) error {
	delete(m.vars, name)
	delete(m.flags, name)
	return nil
}
func (m *MemStore) AppendVar(name, value string) error { m.vars[name] += value; return nil }
func (m *MemStore) PrependVar(name, value string) error {
	m.vars[name] = value + m.vars[name]
	return nil
}

func (m *MemStore) RenameVar(oldName, newName string) error {
	if v, ok := m.vars[oldName]; ok {
		m.vars[newName] = v
	}
	if f, ok := m.flags[oldName]; ok {
		m.flags[newName] = f
	}
	delete(m.vars, oldName)
	delete(m.flags, oldName)
	return nil
}

func (m *MemStore) GetVarFlag(name, flag string, expand bool) (string, bool, error) {
	v, ok := m.flags[name][flag]
	if !ok || !expand {
		return v, ok, nil
	}
	e, err := m.Expand(v)
	return e, true, err
}

func (m *MemStore) SetVarFlag(name, flag, value string) error {
	if m.flags[name] == nil {
		m.flags[name] = map[string]string{}
	}
	m.flags[name][flag] = value
	return nil
}

func (m *MemStore) DelVarFlag(name, flag string) error { delete(m.flags[name], flag); return nil }

func (m *MemStore) AppendVarFlag(name, flag, value string) error {
	v := m.flags[name][flag]
	return m.SetVarFlag(name, flag, v+value)
}

func (m *MemStore) PrependVarFlag(name, flag, value string) error {
	v := m.flags[name][flag]
	return m.SetVarFlag(name, flag, value+v)
}

// SetObject implements ObjectStore.
func (m *MemStore) SetObject(name string, v any) error {
	if v == nil {
		delete(m.objs, name)
		return nil
	}
	if m.objs == nil {
		m.objs = map[string]any{}
	}
	m.objs[name] = v
	return nil
}

// Object implements ObjectStore.
func (m *MemStore) Object(name string) any { return m.objs[name] }

// GetVarFlags implements DataStore; MemStore keeps no insertion order, so the flags come
// sorted by name.
func (m *MemStore) GetVarFlags(name string, expand bool) ([]Flag, error) {
	f := m.flags[name]
	if len(f) == 0 {
		return nil, nil
	}
	out := make([]Flag, 0, len(f))
	for _, k := range sortedStrKeys(f) {
		v := f[k]
		if expand {
			e, err := m.Expand(v)
			if err != nil {
				return nil, err
			}
			v = e
		}
		out = append(out, Flag{k, v})
	}
	return out, nil
}

// ViewVarFlags implements FlagViewer with a copy of the flags.
func (m *MemStore) ViewVarFlags(name string) FlagView {
	f, _ := m.GetVarFlags(name, false)
	if len(f) == 0 {
		return nil
	}
	return flagList(f)
}

// flagList is a FlagView over a list of its own.
type flagList []Flag

func (l flagList) Len() int                 { return len(l) }
func (l flagList) Append(buf []Flag) []Flag { return append(buf, l...) }
func (l flagList) Get(flag string) (string, bool) {
	for _, f := range l {
		if f.Name == flag {
			return f.Value, true
		}
	}
	return "", false
}

func (m *MemStore) Keys() []string {
	keys := make([]string, 0, len(m.vars))
	for k := range m.vars {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (m *MemStore) CreateCopy() DataStore {
	n := NewMemStore()
	n.Python = m.Python
	for k, v := range m.vars {
		n.vars[k] = v
	}
	for k, v := range m.objs {
		_ = n.SetObject(k, v)
	}
	for k, f := range m.flags {
		for fk, fv := range f {
			_ = n.SetVarFlag(k, fk, fv)
		}
	}
	return n
}

// Expand replaces ${VAR} (left alone when VAR is unset, as BitBake does) and ${@expr}.
func (m *MemStore) Expand(s string) (string, error) {
	for depth := 0; depth < 100 && strings.Contains(s, "${"); depth++ {
		out, changed, err := m.expandOnce(s)
		if err != nil {
			return "", err
		}
		if !changed {
			break
		}
		s = out
	}
	return s, nil
}

func (m *MemStore) expandOnce(s string) (string, bool, error) {
	var b strings.Builder
	changed := false
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "${")
		if j < 0 {
			b.WriteString(s[i:])
			break
		}
		b.WriteString(s[i : i+j])
		i += j
		end := matchBrace(s, i+1)
		if end < 0 {
			b.WriteString(s[i:])
			break
		}
		ref := s[i+2 : end]
		switch {
		case strings.HasPrefix(ref, "@"):
			if m.Python == nil || strings.Contains(ref, "${") {
				if strings.Contains(ref, "${") {
					inner, ch, err := m.expandOnce(ref)
					if err != nil {
						return "", false, err
					}
					if ch {
						b.WriteString("${" + inner + "}")
						changed = true
						i = end + 1
						continue
					}
				}
				b.WriteString(s[i : end+1])
			} else {
				v, err := m.Python(ref[1:], m)
				if err != nil {
					return "", false, err
				}
				b.WriteString(v)
				changed = true
			}
		case isVarName(ref):
			if v, ok := m.vars[ref]; ok {
				b.WriteString(v)
				changed = true
			} else {
				b.WriteString(s[i : end+1])
			}
		default:
			b.WriteString(s[i : end+1])
		}
		i = end + 1
	}
	return b.String(), changed, nil
}

func isVarName(s string) bool {
	return s != "" && !strings.ContainsAny(s, "{}$ \t\n")
}

// matchBrace returns the index of the '}' closing the '{' at i.
func matchBrace(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// dataObj is the Python `d` object over a DataStore.
type dataObj struct {
	ds DataStore
	rt *Runtime
	// bound caches the bound methods handed out: metadata calls d.getVar and friends in
	// loops, and each attribute read would otherwise make a new one.
	bound map[string]py.Object
	// scratch holds the arguments of the running method call (see dataMethodSpec.call).
	scratch [4]py.Object
	busy    bool
}

// M__getattribute__ resolves d's methods without gpython's generic lookup.
func (o *dataObj) M__getattribute__(key string) (py.Object, error) {
	if m, ok := o.bound[key]; ok {
		return m, nil
	}
	if spec, ok := dataMethods[key]; ok {
		bm := &dataMethod{o: o, spec: spec}
		if o.bound == nil {
			o.bound = make(map[string]py.Object, 4)
		}
		o.bound[key] = bm
		return bm, nil
	}
	return getattrRest(o, key)
}

// dataMethods are d's methods by name; init fills it, nothing changes it afterwards.
var dataMethods = map[string]*dataMethodSpec{}

// dataMethodSpec is one method of d: its parameter names, how many are required, and the
// Go function that takes them (missing optional ones as nil).
type dataMethodSpec struct {
	name     string
	names    []string
	required int
	fn       func(d *dataObj, a []py.Object) (py.Object, error)
}

// call binds args and kwargs to the parameters. Without keywords it binds into the
// object's scratch array, unless a call on the same object is already running.
func (s *dataMethodSpec) call(o *dataObj, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(kwargs) == 0 && len(args) >= s.required && len(args) <= len(s.names) && len(s.names) <= len(o.scratch) && !o.busy {
		a := o.scratch[:len(s.names)]
		n := copy(a, args)
		clear(a[n:])
		o.busy = true
		defer func() { o.busy = false; clear(a) }()
		return s.fn(o, a)
	}
	a, err := bind(s.name, args, kwargs, s.names, s.required)
	if err != nil {
		return nil, err
	}
	return s.fn(o, a)
}

// dataMethod is a method of d bound to one d object (what d.getVar evaluates to).
type dataMethod struct {
	o    *dataObj
	spec *dataMethodSpec
}

var dataMethodType = py.NewType("builtin_function_or_method", "a method of the datastore")

// Type implements py.Object.
func (m *dataMethod) Type() *py.Type { return dataMethodType }

// M__call__ calls the method.
func (m *dataMethod) M__call__(args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	return m.spec.call(m.o, args, kwargs)
}

// M__repr__ is CPython's repr of a bound method.
func (m *dataMethod) M__repr__() (py.Object, error) {
	return py.String("<bound method DataSmart." + m.spec.name + " of <bb.data_smart.DataSmart object>>"), nil
}

var dataType = py.NewType("DataSmart", "BitBake datastore (gobake)")

func (o *dataObj) Type() *py.Type { return dataType }

// NewDataObject wraps ds as a Python `d` object.
func (r *Runtime) NewDataObject(ds DataStore) py.Object { return &dataObj{ds: ds, rt: r} }

// DataStoreOf returns the DataStore behind a Python `d` object.
func DataStoreOf(o py.Object) (DataStore, bool) {
	d, ok := o.(*dataObj)
	if !ok {
		return nil, false
	}
	return d.ds, true
}

func optValue(s string, ok bool, err error) (py.Object, error) {
	if err != nil {
		return nil, err
	}
	if !ok {
		return py.None, nil
	}
	return py.String(s), nil
}

// valueString converts a Python value stored with setVar to the datastore's string.
func valueString(o py.Object) (string, error) {
	switch x := o.(type) {
	case py.String:
		return string(x), nil
	case py.NoneType:
		return "", nil
	}
	return StrErr(o)
}

// params binds positional and keyword arguments to names; missing optional ones are nil.
func bind(fn string, args py.Tuple, kwargs py.StringDict, names []string, required int) ([]py.Object, error) {
	out := make([]py.Object, len(names))
	if len(args) > len(names) {
		return nil, py.ExceptionNewf(py.TypeError, "%s() takes at most %d arguments (%d given)", fn, len(names), len(args))
	}
	copy(out, args)
	for k, v := range kwargs {
		found := false
		for i, n := range names {
			if n == k {
				out[i], found = v, true
			}
		}
		if !found {
			return nil, py.ExceptionNewf(py.TypeError, "%s() got an unexpected keyword argument '%s'", fn, k)
		}
	}
	for i := 0; i < required; i++ {
		if out[i] == nil {
			return nil, py.ExceptionNewf(py.TypeError, "%s() missing required argument '%s'", fn, names[i])
		}
	}
	return out, nil
}

func boolArg(o py.Object, def bool) bool {
	if o == nil {
		return def
	}
	b, err := truth(o)
	return err == nil && b == py.True
}

func init() {
	m := func(name string, names []string, required int, fn func(d *dataObj, a []py.Object) (py.Object, error)) {
		spec := &dataMethodSpec{name: name, names: names, required: required, fn: fn}
		dataMethods[name] = spec
		dataType.Dict[name] = py.MustNewMethod(name, func(self py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
			return spec.call(self.(*dataObj), args, kwargs)
		}, 0, name)
	}
	str := func(o py.Object) string { s, _ := valueString(o); return s }
	m("getVar", []string{"var", "expand", "noweakdefault", "parsing"}, 1, func(d *dataObj, a []py.Object) (py.Object, error) {
		s, ok, err := d.ds.GetVar(str(a[0]), boolArg(a[1], true))
		if ok && err == nil {
			if obj, isObj := d.storedObject(str(a[0]), s); isObj {
				return obj, nil
			}
		}
		return optValue(s, ok, err)
	})
	m("setVar", []string{"var", "value", "parsing"}, 2, func(d *dataObj, a []py.Object) (py.Object, error) {
		if a[1] == py.None {
			return py.None, d.setNone(str(a[0]))
		}
		v, err := valueString(a[1])
		if err != nil {
			return nil, err
		}
		if err := d.ds.SetVar(str(a[0]), v); err != nil {
			return nil, err
		}
		return py.None, d.rememberObject(str(a[0]), a[1], v)
	})
	m("delVar", []string{"var"}, 1, func(d *dataObj, a []py.Object) (py.Object, error) {
		return py.None, d.ds.DelVar(str(a[0]))
	})
	m("appendVar", []string{"var", "value", "parsing"}, 2, func(d *dataObj, a []py.Object) (py.Object, error) {
		return py.None, d.ds.AppendVar(str(a[0]), str(a[1]))
	})
	m("prependVar", []string{"var", "value", "parsing"}, 2, func(d *dataObj, a []py.Object) (py.Object, error) {
		return py.None, d.ds.PrependVar(str(a[0]), str(a[1]))
	})
	m("renameVar", []string{"key", "newkey"}, 2, func(d *dataObj, a []py.Object) (py.Object, error) {
		return py.None, d.ds.RenameVar(str(a[0]), str(a[1]))
	})
	m("getVarFlag", []string{"var", "flag", "expand", "noweakdefault"}, 2, func(d *dataObj, a []py.Object) (py.Object, error) {
		return optValue(d.ds.GetVarFlag(str(a[0]), str(a[1]), boolArg(a[2], true)))
	})
	m("setVarFlag", []string{"var", "flag", "value"}, 3, func(d *dataObj, a []py.Object) (py.Object, error) {
		if n, ok := d.ds.(noneStore); ok && a[2] == py.None {
			return py.None, n.SetVarFlagNone(str(a[0]), str(a[1]))
		}
		v, err := valueString(a[2])
		if err != nil {
			return nil, err
		}
		return py.None, d.ds.SetVarFlag(str(a[0]), str(a[1]), v)
	})
	m("delVarFlag", []string{"var", "flag"}, 2, func(d *dataObj, a []py.Object) (py.Object, error) {
		return py.None, d.ds.DelVarFlag(str(a[0]), str(a[1]))
	})
	m("appendVarFlag", []string{"var", "flag", "value"}, 3, func(d *dataObj, a []py.Object) (py.Object, error) {
		return py.None, d.ds.AppendVarFlag(str(a[0]), str(a[1]), str(a[2]))
	})
	m("prependVarFlag", []string{"var", "flag", "value"}, 3, func(d *dataObj, a []py.Object) (py.Object, error) {
		return py.None, d.ds.PrependVarFlag(str(a[0]), str(a[1]), str(a[2]))
	})
	m("getVarFlags", []string{"var", "expand", "internalflags"}, 1, func(d *dataObj, a []py.Object) (py.Object, error) {
		expand := boolArg(a[1], false)
		if v, ok := d.ds.(FlagViewer); ok && !expand {
			view := v.ViewVarFlags(str(a[0]))
			if view == nil {
				return py.None, nil
			}
			return &Dict{cls: DictType, lazy: view}, nil
		}
		flags, err := d.ds.GetVarFlags(str(a[0]), expand)
		if err != nil {
			return nil, err
		}
		if len(flags) == 0 {
			return py.None, nil
		}
		out := NewDictSize(len(flags))
		for _, f := range flags {
			k, hk := d.rt.flagName(f.Name) // flag names are distinct
			out.appendNew(k, hk, py.String(f.Value))
		}
		return out, nil
	})
	m("setVarFlags", []string{"var", "flags"}, 2, func(d *dataObj, a []py.Object) (py.Object, error) {
		items, err := iterList(a[1])
		if err != nil {
			return nil, err
		}
		for _, k := range items {
			v, err := py.GetItem(a[1], k)
			if err != nil {
				return nil, err
			}
			if err := d.ds.SetVarFlag(str(a[0]), str(k), str(v)); err != nil {
				return nil, err
			}
		}
		return py.None, nil
	})
	m("keys", nil, 0, func(d *dataObj, a []py.Object) (py.Object, error) {
		keys := d.ds.Keys()
		items := make([]py.Object, len(keys))
		for i, k := range keys {
			items[i] = py.String(k)
		}
		return newSliceIter(items), nil
	})
	m("expand", []string{"s", "varname"}, 1, func(d *dataObj, a []py.Object) (py.Object, error) {
		if a[0] == py.None {
			return py.None, nil
		}
		s, err := d.ds.Expand(str(a[0]))
		return py.String(s), err
	})
	m("createCopy", nil, 0, func(d *dataObj, a []py.Object) (py.Object, error) {
		return &dataObj{ds: d.ds.CreateCopy(), rt: d.rt}, nil
	})
	m("hasOverrides", []string{"var"}, 1, func(d *dataObj, a []py.Object) (py.Object, error) {
		return py.False, nil
	})
	m("getVarFlagsNames", []string{"var"}, 1, func(d *dataObj, a []py.Object) (py.Object, error) {
		flags, err := d.ds.GetVarFlags(str(a[0]), false)
		if err != nil {
			return nil, err
		}
		names := make([]string, len(flags))
		for i, f := range flags {
			names[i] = f.Name
		}
		sort.Strings(names)
		return py.NewListFromStrings(names), nil
	})
}

func sortedStrKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func (o *dataObj) M__repr__() (py.Object, error) {
	return py.String(fmt.Sprintf("<bb.data_smart.DataSmart object at %p>", o)), nil
}

func (o *dataObj) M__iter__() (py.Object, error) {
	keys := o.ds.Keys()
	items := make([]py.Object, len(keys))
	for i, k := range keys {
		items[i] = py.String(k)
	}
	return newSliceIter(items), nil
}

func (o *dataObj) M__contains__(k py.Object) (py.Object, error) {
	_, ok, err := o.ds.GetVar(Str(k), false)
	return py.NewBool(ok), err
}
