package pyrt

import (
	"fmt"

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
