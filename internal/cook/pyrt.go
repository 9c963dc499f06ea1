package cook

import (
	"errors"
	"fmt"
	"strings"

	"github.com/go-python/gpython/py"
	"github.com/gobake/gobake/internal/data"
	"github.com/gobake/gobake/internal/pyrt"
	_ "github.com/gobake/gobake/internal/pyrt/stdlib" // os, re, subprocess, ... for metadata Python
)

// storeAdapter is data.Store seen through pyrt.DataStore (the `d` object of metadata Python).
type storeAdapter struct{ d *data.Store }

var _ pyrt.DataStore = storeAdapter{}

func textOK(v any, err error) (string, bool, error) {
	if err != nil || v == nil {
		return "", false, err
	}
	return data.Text(v), true, nil
}

func (a storeAdapter) GetVar(name string, expand bool) (string, bool, error) {
	v, err := a.d.GetVar(name, expand)
	if l, ok := v.(strList); ok && err == nil {
		// Lists (__inherit_cache, __BBTASKS, ...) reach Python as space-separated strings.
		return strings.Join(l, " "), true, nil
	}
	return textOK(v, err)
}
func (a storeAdapter) SetVar(name, value string) error { return a.d.SetVar(name, value, data.Info{}) }

// SetVarNone is d.setVar(name, None): the variable exists but has no value, so that -e does
// not print it. pyrt can use it through an interface check; its DataStore is string-valued.
func (a storeAdapter) SetVarNone(name string) error { return a.d.SetVar(name, nil, data.Info{}) }

// SetVarFlagNone is d.setVarFlag(name, flag, None).
func (a storeAdapter) SetVarFlagNone(name, flag string) error {
	return a.d.SetVarFlag(name, flag, nil, data.Info{})
}
func (a storeAdapter) DelVar(name string) error { a.d.DelVar(name, data.Info{}); return nil }
func (a storeAdapter) AppendVar(name, value string) error {
	return a.d.AppendVar(name, value, data.Info{})
}
func (a storeAdapter) PrependVar(name, value string) error {
	return a.d.PrependVar(name, value, data.Info{})
}
func (a storeAdapter) RenameVar(oldName, newName string) error {
	return a.d.RenameVar(oldName, newName, data.Info{})
}
func (a storeAdapter) GetVarFlag(name, flag string, expand bool) (string, bool, error) {
	v, err := a.d.GetVarFlag(name, flag, expand)
	if l, ok := v.(strList); ok && err == nil {
		return strings.Join(l, " "), true, nil
	}
	return textOK(v, err)
}
func (a storeAdapter) SetVarFlag(name, flag, value string) error {
	return a.d.SetVarFlag(name, flag, value, data.Info{})
}
func (a storeAdapter) DelVarFlag(name, flag string) error {
	a.d.DelVarFlag(name, flag, data.Info{})
	return nil
}
func (a storeAdapter) AppendVarFlag(name, flag, value string) error {
	return a.d.AppendVarFlag(name, flag, value, data.Info{})
}
func (a storeAdapter) PrependVarFlag(name, flag, value string) error {
	return a.d.PrependVarFlag(name, flag, value, data.Info{})
}
func (a storeAdapter) GetVarFlags(name string, expand bool) ([]pyrt.Flag, error) {
	flags, err := a.d.GetVarFlags(name, nil, false)
	if err != nil || len(flags) == 0 {
		return nil, err
	}
	if expand {
		names := make([]string, len(flags))
		for i, f := range flags {
			names[i] = f.Name
		}
		if flags, err = a.d.GetVarFlags(name, names, false); err != nil {
			return nil, err
		}
	}
	out := make([]pyrt.Flag, len(flags))
	for i, f := range flags {
		out[i] = pyrt.Flag{Name: f.Name, Value: data.Text(f.Value)}
	}
	return out, nil
}

// InheritsClass implements pyrt.ClassChecker from the cooker's list, unless Python stored
// an object of its own there.
func (a storeAdapter) InheritsClass(klass string) (bool, bool) {
	if a.Object("__inherit_cache") != nil {
		return false, false
	}
	needle := "/" + klass + ".bbclass"
	for _, f := range getList(a.d, "__inherit_cache") {
		if strings.HasSuffix(f, needle) {
			return true, true
		}
	}
	return false, true
}

// ViewVarFlags implements pyrt.FlagViewer.
func (a storeAdapter) ViewVarFlags(name string) pyrt.FlagView {
	v, ok := a.d.ViewVarFlags(name)
	if !ok {
		return nil
	}
	return flagView(v)
}

// flagView is a data.FlagView as pyrt wants it: values as text.
type flagView data.FlagView

func (v flagView) Len() int { return data.FlagView(v).Len() }

func (v flagView) Get(flag string) (string, bool) {
	x, ok := data.FlagView(v).Get(flag)
	return data.Text(x), ok
}

func (v flagView) Append(buf []pyrt.Flag) []pyrt.Flag {
	data.FlagView(v).Each(func(f data.Flag) { buf = append(buf, pyrt.Flag{Name: f.Name, Value: data.Text(f.Value)}) })
	return buf
}

func (a storeAdapter) Keys() []string {
	k, _ := a.d.KeysInOrder()
	return k
}
func (a storeAdapter) Expand(s string) (string, error) { return a.d.Expand(s, "") }

// pyObjectFlag is the internal flag that holds the Python object setVar stored in a
// variable (pyrt.ObjectStore); like every "_" flag, getVarFlags and bitbake -e skip it.
const pyObjectFlag = "_pyobject"

// SetObject implements pyrt.ObjectStore.
func (a storeAdapter) SetObject(name string, v any) error {
	if v == nil {
		a.d.DelVarFlag(name, pyObjectFlag, data.Info{Ignore: true})
		return nil
	}
	return a.d.SetVarFlag(name, pyObjectFlag, v, data.Info{Ignore: true})
}

// Object implements pyrt.ObjectStore.
func (a storeAdapter) Object(name string) any {
	v, _ := a.d.GetVarFlag(name, pyObjectFlag, false)
	return v
}

func (a storeAdapter) CreateCopy() pyrt.DataStore { return storeAdapter{a.d.CreateCopy()} }

// PyrtPython is the cooker's Python on a pyrt Runtime: one global namespace (BitBake's
// bb.utils._context plus the methodpool) shared by def blocks, anonymous functions and event
// handlers. It is not safe for concurrent use (calls re-enter it: Python expands variables
// whose ${@...} run Python): parse with Options.Jobs = 1.
type PyrtPython struct {
	rt   *pyrt.Runtime
	g    pyrt.Namespace // the metadata namespace (bb.utils._context)
	exec func(src, file string, line int, locals map[string]any) (map[string]string, error)
	eval func(src string, d *data.Store) (string, error)
	// last is the Python d of the store used last: recipes evaluate hundreds of inline
	// expressions over one store, and d keeps the methods it bound.
	last struct {
		d   *data.Store
		obj py.Object
	}
}

// dataObject returns the Python d of store d: the same object while d is the store used
// last, as BitBake's d is one object.
func (p *PyrtPython) dataObject(d *data.Store) py.Object {
	if p.last.d != d {
		p.last.d, p.last.obj = d, p.rt.NewDataObject(storeAdapter{d})
	}
	return p.last.obj
}

// NewPyrtPython makes the cooker's Python on rt; hooks for bb.build.addtask/deltask are the
// cooker's. rt must have been made with Hooks from CookerHooks.
func NewPyrtPython(rt *pyrt.Runtime) (*PyrtPython, error) {
	p := &PyrtPython{rt: rt}
	g := rt.NewMain("")
	delete(g, "__file__")
	p.g = g
	// exec runs src (its first line being line of file) in the global namespace with the
	// given extra locals, and returns the string values of the locals whose names start with
	// "_gobake_" afterwards.
	p.exec = func(src, file string, line int, locals map[string]any) (out map[string]string, err error) {
		defer recoverPanic(&err)
		code, err := rt.CompileAt(src, file, line, "exec")
		if err != nil {
			return nil, err
		}
		l := g
		if locals != nil {
			l = rt.NewMain("")
			for k, v := range locals {
				switch v := v.(type) {
				case *data.Store:
					l[k] = p.dataObject(v)
				case string, []string:
					l[k] = pyrt.FromGo(v)
				default:
					l[k] = rt.NewDataObject(pyrt.NewMemStore())
				}
			}
		}
		if locals == nil {
			return nil, rt.RunDef(code, g)
		}
		if _, err := rt.RunCode(code, g, l, nil); err != nil {
			return nil, err
		}
		out = map[string]string{}
		for k, v := range l {
			if strings.HasPrefix(k, "_gobake_") {
				out[k] = pyrt.Str(v)
			}
		}
		return out, nil
	}
	p.eval = func(src string, d *data.Store) (_ string, err error) {
		defer recoverPanic(&err)
		code, err := rt.Compile(src, "<inline>", "eval")
		if err != nil {
			return "", err
		}
		// BitBake evaluates with d among the globals (better_eval's extraglobals), so that
		// generator expressions see it; nested evaluations restore the outer d. An
		// expression stores no names, so the globals serve as its locals too.
		obj := p.dataObject(d)
		old, had := g["d"]
		g["d"] = obj
		defer func() {
			if had {
				g["d"] = old
			} else {
				delete(g, "d")
			}
		}()
		v, err := rt.RunCode(code, g, g, nil)
		if err != nil {
			return "", err
		}
		return pyrt.Str(v), nil
	}
	// BitBake's bb.utils._context: the modules metadata Python sees without importing them.
	setup := "import os, time, re, sys\n"
	for _, m := range []string{"bb", "bb.parse", "bb.event", "bb.utils", "bb.data", "bb.build", "bb.fetch2"} {
		setup += "try:\n    import " + m + "\nexcept ImportError:\n    pass\n"
	}
	// BitBake's bb.build puts bb and os among the builtins: layer lib/ modules (oe.utils)
	// use bb without importing it.
	setup += "import builtins\nbuiltins.bb = bb\nbuiltins.os = os\n"
	if _, err := p.exec(setup, "<gobake>", 1, nil); err != nil {
		return nil, fmt.Errorf("setting up the metadata namespace: %w", err)
	}
	// Metadata injects names with bb.utils._context[name] = value (oe_import): make that
	// the namespace itself.
	if m, err := rt.GetModule("bb.utils"); err == nil {
		m.Globals["_context"] = g
	}
	return p, nil
}

// EvalInline implements data.PythonExpander.
func (p *PyrtPython) EvalInline(d *data.Store, varname, code string, refs *data.Refs) (string, error) {
	return p.eval(strings.TrimSpace(code), d)
}

// Define implements Python.
// A text whose def names another function than name (an event handler, which BitBake
// registers with the multiconfig's prefix) is compiled once and bound as name.
func (p *PyrtPython) Define(name, text, file string, line int) error {
	if own, ok := defName(text); ok && own != name {
		code, err := p.rt.CompileAt(text, file, line, "exec")
		if err != nil {
			return err
		}
		return p.rt.DefineAs(code, p.g, name)
	}
	_, err := p.exec(text, file, line, nil)
	return err
}

// defName is the name a text starting with "def NAME(" defines.
func defName(text string) (string, bool) {
	rest, ok := strings.CutPrefix(text, "def ")
	if !ok {
		return "", false
	}
	name, _, ok := strings.Cut(rest, "(")
	return strings.TrimSpace(name), ok
}

// skipWrap runs call catching bb.parse.SkipRecipe in Python, so that it comes back as
// *SkipRecipe.
func (p *PyrtPython) skipWrap(call string, locals map[string]any) error {
	src := "try:\n    " + strings.ReplaceAll(call, "\n", "\n    ") + "\nexcept bb.parse.SkipRecipe as _s:\n    _gobake_skip = str(_s)\n"
	out, err := p.exec(src, "<gobake>", 1, locals)
	if err != nil {
		return err
	}
	if reason, ok := out["_gobake_skip"]; ok {
		return &SkipRecipe{Reason: reason}
	}
	return nil
}

// RunAnon implements Python.
func (p *PyrtPython) RunAnon(d *data.Store, names []string) error {
	for _, n := range names {
		if err := p.pythonError(n, p.skipWrap(n+"(d)", map[string]any{"d": d})); err != nil {
			return err
		}
	}
	return nil
}

// PythonError is an exception raised by a metadata Python function, with its traceback
// (frames name the metadata files and lines).
type PythonError struct {
	Func      string
	Traceback string
	Err       error
}

func (e *PythonError) Error() string {
	return fmt.Sprintf("python function %s failed:\n%s", e.Func, strings.TrimRight(e.Traceback, "\n"))
}

func (e *PythonError) Unwrap() error { return e.Err }

// Fire implements Python: handler(e, d) with e an instance of ev.Class whose data is d.
func (p *PyrtPython) Fire(d *data.Store, handler string, ev Event) error {
	// The arguments come as locals: the code stays the same for every recipe, and is
	// compiled once.
	args := ""
	locals := map[string]any{"d": d}
	switch ev.Class {
	case RecipePreFinalise, RecipePostKeyExp, RecipeParsed:
		args = "_ev_file"
		locals["_ev_file"] = ev.File
	case RecipeTaskPreProcess:
		args = "_ev_file, _ev_tasks"
		locals["_ev_file"], locals["_ev_tasks"] = ev.File, ev.Tasks
	case MultiConfigParsed:
		args = "{}"
	}
	locals["_ev_handler"] = handler
	call := "_e = " + ev.Class + "(" + args + ")\n_e.data = d\nglobals()[_ev_handler](_e, d)"
	return p.pythonError(handler, p.skipWrap(call, locals))
}

// pythonError gives an exception raised in the metadata function fn its traceback (frames
// name the metadata files and lines); SkipRecipe and nil pass through.
func (p *PyrtPython) pythonError(fn string, err error) error {
	var skip *SkipRecipe
	if err == nil || errors.As(err, &skip) {
		return err
	}
	if tb := p.rt.Traceback(err); tb != "" {
		return &PythonError{Func: fn, Traceback: tb, Err: err}
	}
	return fmt.Errorf("python function %s: %w", fn, err)
}

// AddPyLib implements Python.
func (p *PyrtPython) AddPyLib(d *data.Store, libdir, namespace string) error {
	return fmt.Errorf("addpylib %s %s: not supported yet", libdir, namespace)
}

// CookerHooks returns the pyrt hooks through which metadata Python reaches the cooker
// (bb.build.addtask/deltask).
func CookerHooks() pyrt.Hooks {
	store := func(d pyrt.DataStore) (*data.Store, error) {
		a, ok := d.(storeAdapter)
		if !ok {
			return nil, fmt.Errorf("not a cooker datastore")
		}
		return a.d, nil
	}
	return pyrt.Hooks{
		AddTask: func(task, before, after string, d pyrt.DataStore) error {
			s, err := store(d)
			if err != nil {
				return err
			}
			return addTask(s, task, &before, &after)
		},
		DelTask: func(task string, d pyrt.DataStore) error {
			s, err := store(d)
			if err != nil {
				return err
			}
			return delTask(s, task)
		},
	}
}

// recoverPanic turns a panic of the Python runtime into an error, so that one bad recipe
// does not take gobake down.
func recoverPanic(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("internal error in the Python runtime: %v", r)
	}
}
