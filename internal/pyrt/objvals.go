package pyrt

import (
	"github.com/go-python/gpython/py"
)

// Non-string variable values. BitBake's datastore keeps whatever Python object setVar is
// given and getVar returns that object (OE's oe.reproducible caches a tuple in
// __CACHED_SOURCE_DATE_EPOCH and unpacks it on the next call). gobake's DataStore holds
// strings, so a store that implements ObjectStore also keeps the object next to the string
// it stored: getVar returns the object as long as the variable still holds that string.
// The object lives in the store, so copies of the store see it (as BitBake's copies see
// their parent's values) and it goes away with the store.

// ObjectStore is a DataStore that can keep an opaque value per variable for the runtime.
type ObjectStore interface {
	// SetObject records v for name; nil forgets what was recorded.
	SetObject(name string, v any) error
	// Object returns what was recorded for name, as this store sees it: a copy sees what
	// was recorded in its original before the copy was made.
	Object(name string) any
}

type objVal struct {
	obj py.Object
	str string
}

// String shows the object (bitbake -e never prints it: it is the store's business).
func (v objVal) String() string { return "<python object for " + v.str + ">" }

// rememberObject records value for name when it is not a string; a string forgets it.
func (o *dataObj) rememberObject(name string, value py.Object, stored string) error {
	os, ok := o.ds.(ObjectStore)
	if !ok {
		return nil
	}
	switch value.(type) {
	case py.String, py.NoneType:
		if os.Object(name) == nil {
			return nil
		}
		return os.SetObject(name, nil)
	}
	return os.SetObject(name, objVal{obj: value, str: stored})
}

// storedObject returns the object setVar stored for name when the datastore still holds
// its string s.
func (o *dataObj) storedObject(name, s string) (py.Object, bool) {
	os, ok := o.ds.(ObjectStore)
	if !ok {
		return nil, false
	}
	if v, ok := os.Object(name).(objVal); ok && v.str == s {
		return v.obj, true
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
	if err := o.rememberObject(name, py.None, ""); err != nil {
		return err
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
	if os, ok := o.ds.(ObjectStore); ok {
		return os.SetObject(name, objVal{obj: py.None, str: ""})
	}
	return nil
}
