package pyrt

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-python/gpython/py"
)

// ModuleNotFoundError is raised when an import finds nothing (gpython lacks the type).
var ModuleNotFoundError = py.ImportError.NewType("ModuleNotFoundError", "Module not found.", nil, nil)

// importHook is builtins.__import__: registered Go modules, pyrt's embedded Python modules
// (bb), then packages, modules and namespace packages (directories without __init__.py, like
// layer lib/oe) along sys.path. Source modules are lowered before compiling.
func (r *Runtime) importHook(_ py.Object, args py.Tuple, kwargs py.StringDict) (py.Object, error) {
	if len(args) == 0 {
		return nil, py.ExceptionNewf(py.TypeError, "__import__() missing required argument 'name'")
	}
	name := Str(args[0])
	var globals py.StringDict
	if len(args) > 1 {
		globals, _ = args[1].(py.StringDict)
	}
	var fromlist py.Object = py.Tuple{}
	if len(args) > 3 {
		fromlist = args[3]
	}
	if v, ok := kwargs["fromlist"]; ok {
		fromlist = v
	}
	level := 0
	if len(args) > 4 {
		level, _ = py.MakeGoInt(args[4])
	}
	if v, ok := kwargs["level"]; ok {
		level, _ = py.MakeGoInt(v)
	}
	abs := name
	if level > 0 {
		pkg := ""
		if p, ok := globals["__package__"].(py.String); ok {
			pkg = string(p)
		} else if n, ok := globals["__name__"].(py.String); ok {
			pkg = string(n)
			if _, isPkg := globals["__path__"]; !isPkg {
				if i := strings.LastIndexByte(pkg, '.'); i >= 0 {
					pkg = pkg[:i]
				} else {
					pkg = ""
				}
			}
		}
		for i := 1; i < level; i++ {
			j := strings.LastIndexByte(pkg, '.')
			if j < 0 {
				return nil, py.ExceptionNewf(py.ImportError, "attempted relative import beyond top-level package")
			}
			pkg = pkg[:j]
		}
		if pkg == "" {
			return nil, py.ExceptionNewf(py.ImportError, "attempted relative import with no known parent package")
		}
		abs = pkg
		if name != "" {
			abs += "." + name
		}
	}
	m, err := r.Import(abs)
	if err != nil {
		return nil, err
	}
	fl, _ := iterList(fromlist)
	if len(fl) == 0 {
		if level == 0 {
			top := abs
			if i := strings.IndexByte(abs, '.'); i >= 0 {
				top = abs[:i]
			}
			return r.store.GetModule(top)
		}
		return m, nil
	}
	if _, isPkg := m.Globals["__path__"]; isPkg {
		for _, f := range fl {
			n := Str(f)
			if n == "*" {
				continue
			}
			if _, ok := m.Globals[n]; !ok {
				if _, err := r.Import(abs + "." + n); err != nil && !py.IsException(ModuleNotFoundError, err) {
					return nil, err
				}
			}
		}
	}
	return m, nil
}

// Import imports the module with the absolute dotted name (and its parents) and returns it.
func (r *Runtime) Import(name string) (*py.Module, error) {
	if m, err := r.store.GetModule(name); err == nil {
		return m, nil
	}
	var parent *py.Module
	searchPath := r.sysPath()
	last := name
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		var err error
		if parent, err = r.Import(name[:i]); err != nil {
			return nil, err
		}
		last = name[i+1:]
		p, ok := parent.Globals["__path__"]
		// A registered Go or stdlib module with a dotted name (collections.abc, os.path)
		// is importable under a parent that is a plain module, as CPython's are.
		if !ok && py.GetModuleImpl(name) == nil {
			return nil, moduleNotFound(name, "'"+name[:i]+"' is not a package")
		}
		searchPath = nil
		if ok {
			searchPath = listStrings(p)
		}
	}
	m, err := r.load(name, last, searchPath)
	if err != nil {
		return nil, err
	}
	if parent != nil {
		parent.Globals[last] = m
	}
	return m, nil
}

func moduleNotFound(name, why string) error {
	e := &py.Exception{Base: ModuleNotFoundError, Args: py.Tuple{py.String(why)}, Dict: py.StringDict{"name": py.String(name)}}
	return e
}

func listStrings(o py.Object) []string {
	items, _ := iterList(o)
	out := make([]string, 0, len(items))
	for _, it := range items {
		if s, ok := it.(py.String); ok {
			out = append(out, string(s))
		}
	}
	return out
}

func (r *Runtime) sysPath() []string {
	if p, ok := r.sys.Globals["path"]; ok {
		return listStrings(p)
	}
	return r.opts.Path
}

func (r *Runtime) load(name, last string, searchPath []string) (*py.Module, error) {
	if impl := py.GetModuleImpl(name); impl != nil {
		return r.ModuleInit(impl)
	}
	// pyrt's own Python modules (bb, ...) are embedded.
	emb := strings.ReplaceAll(name, ".", "/")
	if src, err := fs.ReadFile(embeddedLib, "lib/"+emb+"/__init__.py"); err == nil {
		return r.runModule(name, "<pyrt>/"+emb+"/__init__.py", string(src), []string{"<pyrt>/" + emb})
	}
	if src, err := fs.ReadFile(embeddedLib, "lib/"+emb+".py"); err == nil {
		return r.runModule(name, "<pyrt>/"+emb+".py", string(src), nil)
	}
	var nsDirs []string
	for _, dir := range searchPath {
		if strings.HasPrefix(dir, "<pyrt>/") {
			continue
		}
		if dir == "" {
			dir = "."
		}
		base := filepath.Join(dir, last)
		if src, err := os.ReadFile(filepath.Join(base, "__init__.py")); err == nil {
			return r.runModule(name, filepath.Join(base, "__init__.py"), string(src), []string{base})
		}
		if src, err := os.ReadFile(base + ".py"); err == nil {
			return r.runModule(name, base+".py", string(src), nil)
		}
		if st, err := os.Stat(base); err == nil && st.IsDir() {
			nsDirs = append(nsDirs, base)
		}
	}
	if len(nsDirs) > 0 {
		m, err := r.store.NewModule(r, &py.ModuleImpl{Info: py.ModuleInfo{Name: name}})
		if err != nil {
			return nil, err
		}
		m.Globals["__path__"] = py.NewListFromStrings(nsDirs)
		m.Globals["__package__"] = py.String(name)
		delete(m.Globals, "__file__")
		m.Globals["__file__"] = py.None
		return m, nil
	}
	return nil, moduleNotFound(name, "No module named '"+name+"'")
}

func (r *Runtime) runModule(name, file, src string, pkgPath []string) (*py.Module, error) {
	code, err := r.Compile(src, file, py.ExecMode)
	if err != nil {
		return nil, err
	}
	m, err := r.store.NewModule(r, &py.ModuleImpl{Info: py.ModuleInfo{Name: name, FileDesc: file}})
	if err != nil {
		return nil, err
	}
	m.Globals["__builtins__"] = r.store.Builtins
	if pkgPath != nil {
		m.Globals["__path__"] = py.NewListFromStrings(pkgPath)
		m.Globals["__package__"] = py.String(name)
	} else if i := strings.LastIndexByte(name, '.'); i >= 0 {
		m.Globals["__package__"] = py.String(name[:i])
	} else {
		m.Globals["__package__"] = py.String("")
	}
	if _, err := r.RunCode(code, m.Globals, m.Globals, nil); err != nil {
		return nil, err
	}
	return m, nil
}
