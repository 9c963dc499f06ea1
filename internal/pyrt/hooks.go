package pyrt

import (
	"fmt"
	"strings"

	"github.com/go-python/gpython/py"
)

// Hooks connect the bb API to the cooker. A nil member makes the matching bb function raise
// NotImplementedError, except Log, which defaults to BitBake's console format on stderr.
type Hooks struct {
	// Log receives bb.note/warn/error/fatal/plain/debug/verbnote messages; level is
	// "NOTE", "WARNING", "ERROR", "FATAL", "PLAIN", "DEBUG" or "VERBNOTE".
	Log func(level, msg string)
	// ExecFunc runs a metadata function for bb.build.exec_func.
	ExecFunc func(name string, d DataStore) error
	// FireEvent receives bb.event.fire(event, d) with the event's class name.
	FireEvent func(name string, d DataStore) error
	// AddTask and DelTask implement bb.build.addtask and bb.build.deltask.
	AddTask func(task, before, after string, d DataStore) error
	DelTask func(task string, d DataStore) error
}

// hooksModule makes the per-runtime _pyrt_bb module through which lib/bb reaches Hooks.
func (r *Runtime) hooksModule() error {
	m, err := r.store.NewModule(r, &py.ModuleImpl{Info: py.ModuleInfo{Name: "_pyrt_bb"}})
	if err != nil {
		return err
	}
	h := r.opts.Hooks
	bbFileFuncs(m.Globals)
	ds := func(o py.Object) (DataStore, error) {
		if d, ok := DataStoreOf(o); ok {
			return d, nil
		}
		return nil, py.ExceptionNewf(py.TypeError, "expected a datastore, got %s", o.Type().Name)
	}
	def := func(name string, fn func(args py.Tuple) (py.Object, error)) {
		m.Globals[name] = py.MustNewMethod(name, func(_ py.Object, args py.Tuple) (py.Object, error) {
			return fn(args)
		}, 0, name)
	}
	// bb.data.inherits_class: BitBake looks for an entry of __inherit_cache ending with
	// /klass.bbclass. A store that keeps the list answers itself; otherwise the value comes
	// from d.getVar (a list stored as a Python object, or a string of words).
	def("inherits_class", func(args py.Tuple) (py.Object, error) {
		if len(args) != 2 {
			return nil, py.ExceptionNewf(py.TypeError, "inherits_class() takes exactly 2 arguments (%d given)", len(args))
		}
		klass := Str(args[0])
		if d, ok := DataStoreOf(args[1]); ok {
			if c, ok := d.(ClassChecker); ok {
				if inherits, ok := c.InheritsClass(klass); ok {
					return py.NewBool(inherits), nil
				}
			}
		}
		getVar, err := py.GetAttrString(args[1], "getVar")
		if err != nil {
			return nil, err
		}
		val, err := py.Call(getVar, py.Tuple{py.String("__inherit_cache"), py.False}, nil)
		if err != nil {
			return nil, err
		}
		needle := "/" + klass + ".bbclass"
		found := false
		check := func(v string) bool {
			found = strings.HasSuffix(v, needle)
			return found
		}
		switch v := val.(type) {
		case py.NoneType:
		case py.String:
			for _, w := range strings.Fields(string(v)) {
				if check(w) {
					break
				}
			}
		default:
			if err := py.Iterate(v, func(item py.Object) bool { return check(Str(item)) }); err != nil {
				return nil, err
			}
		}
		return py.NewBool(found), nil
	})
	def("log", func(args py.Tuple) (py.Object, error) {
		level, msg := Str(args[0]), Str(args[1])
		if h.Log != nil {
			h.Log(level, msg)
			return py.None, nil
		}
		switch level {
		case "PLAIN":
			fmt.Fprintln(r.opts.Stderr, msg)
		case "DEBUG":
		default:
			if level == "FATAL" {
				level = "ERROR"
			}
			fmt.Fprintf(r.opts.Stderr, "%s: %s\n", level, msg)
		}
		return py.None, nil
	})
	def("exec_func", func(args py.Tuple) (py.Object, error) {
		if h.ExecFunc == nil {
			return nil, py.ExceptionNewf(py.NotImplementedError, "bb.build.exec_func(%s): no task runner in this context", Str(args[0]))
		}
		d, err := ds(args[1])
		if err != nil {
			return nil, err
		}
		if err := h.ExecFunc(Str(args[0]), d); err != nil {
			return nil, hookError(err)
		}
		return py.None, nil
	})
	def("fire", func(args py.Tuple) (py.Object, error) {
		if h.FireEvent == nil {
			return py.None, nil
		}
		d, err := ds(args[1])
		if err != nil {
			return nil, err
		}
		return py.None, hookError(h.FireEvent(Str(args[0]), d))
	})
	def("addtask", func(args py.Tuple) (py.Object, error) {
		if h.AddTask == nil {
			return nil, py.ExceptionNewf(py.NotImplementedError, "bb.build.addtask: no cooker in this context")
		}
		d, err := ds(args[3])
		if err != nil {
			return nil, err
		}
		return py.None, hookError(h.AddTask(Str(args[0]), Str(args[1]), Str(args[2]), d))
	})
	def("deltask", func(args py.Tuple) (py.Object, error) {
		if h.DelTask == nil {
			return nil, py.ExceptionNewf(py.NotImplementedError, "bb.build.deltask: no cooker in this context")
		}
		d, err := ds(args[1])
		if err != nil {
			return nil, err
		}
		return py.None, hookError(h.DelTask(Str(args[0]), d))
	})
	def("new_datastore", func(args py.Tuple) (py.Object, error) {
		m := NewMemStore()
		m.Python = r.ExpandPython
		return r.NewDataObject(m), nil
	})
	return nil
}

// hookError passes Python exceptions through and wraps Go errors as RuntimeError.
func hookError(err error) error {
	if err == nil {
		return nil
	}
	if exc, _ := excValue(err); exc != nil {
		return err
	}
	return py.ExceptionNewf(py.RuntimeError, "%v", err)
}
