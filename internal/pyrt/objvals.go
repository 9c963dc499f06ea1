package pyrt

import (
	"reflect"

	"github.com/go-python/gpython/py"
)

// Non-string variable values. BitBake's datastore keeps whatever Python object setVar is
// given and getVar returns that object (OE's oe.reproducible caches a tuple in
// __CACHED_SOURCE_DATE_EPOCH and unpacks it on the next call). gobake's DataStore holds
// strings, so the runtime remembers the object next to the string it stored: getVar returns
// the object as long as the variable still holds that string. The table lives in the
// runtime's sys module (not a package global) and is keyed by datastore, because each
// ${@...} evaluation gets a fresh `d` wrapper over the same store.

const objTableName = "_pyrt_datastore_objects"

type objVal struct {
	obj py.Object
	str string
}

type objTable struct {
	m map[DataStore]map[string]objVal
}

var objTableType = py.NewType("_pyrt_objtable", "non-string datastore values")

func (t *objTable) Type() *py.Type { return objTableType }

func (o *dataObj) objects(create bool) map[string]objVal {
	if o.rt == nil || o.rt.sys == nil || o.ds == nil || !reflect.TypeOf(o.ds).Comparable() {
		return nil
	}
	t, ok := o.rt.sys.Globals[objTableName].(*objTable)
	if !ok {
		if !create {
			return nil
		}
		t = &objTable{m: map[DataStore]map[string]objVal{}}
		o.rt.sys.Globals[objTableName] = t
	}
	vals := t.m[o.ds]
	if vals == nil && create {
		vals = map[string]objVal{}
		t.m[o.ds] = vals
	}
	return vals
}

// rememberObject records value for name when it is not a string; a string forgets it.
func (o *dataObj) rememberObject(name string, value py.Object, stored string) {
	switch value.(type) {
	case py.String, py.NoneType:
		if vals := o.objects(false); vals != nil {
			delete(vals, name)
		}
		return
	}
	if vals := o.objects(true); vals != nil {
		vals[name] = objVal{obj: value, str: stored}
	}
}

// storedObject returns the object setVar stored for name when the datastore still holds
// its string s.
//
// A copy of a datastore (createCopy, or the cooker's per-recipe and per-expansion copies) is
// a different DataStore that BitBake would have share the object with its parent: when this
// store has no entry, an entry that another store made for the same name and the same string
// stands for it.
func (o *dataObj) storedObject(name, s string) (py.Object, bool) {
	if vals := o.objects(false); vals != nil {
		if v, ok := vals[name]; ok {
			if v.str != s {
				return nil, false
			}
			return v.obj, true
		}
	}
	if o.rt == nil || o.rt.sys == nil {
		return nil, false
	}
	t, ok := o.rt.sys.Globals[objTableName].(*objTable)
	if !ok {
		return nil, false
	}
	for _, vals := range t.m {
		if v, ok := vals[name]; ok && v.str == s {
			return v.obj, true
		}
	}
	return nil, false
}

// noneStore is a DataStore that can hold None values (the cooker's datastore can).
type noneStore interface {
	SetVarNone(name string) error
	SetVarFlagNone(name, flag string) error
}

// setNone is d.setVar(name, None). BitBake keeps the variable with the value None: getVar
// returns None and `bitbake -e` omits it (Isar's compat.bbclass sets ISAR_ENABLE_COMPAT_ARCH
// that way when no configuration sets it). A store that can hold None (noneStore) does so;
// in one that cannot, a variable without flags is deleted, which reads back the same, and
// one with flags keeps them and an empty value that getVar reports as None.
func (o *dataObj) setNone(name string) error {
	if vals := o.objects(false); vals != nil {
		delete(vals, name)
	}
	if n, ok := o.ds.(noneStore); ok {
		return n.SetVarNone(name)
	}
	flags, err := o.ds.GetVarFlags(name, false)
	if err != nil {
		return err
	}
	if len(flags) == 0 {
		return o.ds.DelVar(name)
	}
	if err := o.ds.SetVar(name, ""); err != nil {
		return err
	}
	if vals := o.objects(true); vals != nil {
		vals[name] = objVal{obj: py.None, str: ""}
	}
	return nil
}
