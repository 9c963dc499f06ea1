package cook

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gobake/gobake/internal/data"
)

// errNotFound is returned (wrapped) when a metadata file does not exist.
var errNotFound = fs.ErrNotExist

// internal is the history location of operations the cooker itself makes; BitBake shows
// its own file and function there.
func internal(file string, line int, fn string) data.Info {
	return data.Info{File: file, Line: line, Func: fn}
}

func (c *Cooker) getString(d *data.Store, name string) string {
	v, _, err := d.Get(name)
	if err != nil {
		c.warnf("expanding %s: %v", name, err)
	}
	return v
}

func getList(d *data.Store, name string) []string {
	v, _ := d.GetVar(name, false)
	return asList(v)
}

func setList(d *data.Store, name string, l []string) error {
	return d.SetVar(name, strList(l), data.Info{Ignore: true})
}

// which is bb.utils.which with history: the first existing path/item and every candidate
// tried. Like stat, it asks once per cooker: every recipe looks its classes up along the
// same BBPATH. Callers must not change the returned list.
func (c *Cooker) which(path, item string) (string, []string) {
	key := path + "\x00" + item
	if r, ok := c.whiches.Load(key); ok {
		w := r.(whichResult)
		return w.abs, w.hist
	}
	var w whichResult
	for _, p := range strings.Split(path, ":") {
		next := filepath.Join(p, item)
		if p == "" {
			next = item
		}
		w.hist = append(w.hist, next)
		if c.exists(next) {
			if !filepath.IsAbs(next) {
				next, _ = filepath.Abs(next)
			}
			w.abs = next
			break
		}
	}
	c.whiches.Store(key, w)
	return w.abs, w.hist
}

type whichResult struct {
	abs  string
	hist []string
}

// exists reports whether path exists (see stat).
func (c *Cooker) exists(path string) bool { return c.stat(path) != missing }

type fileKind int8

const (
	missing fileKind = iota
	regular          // or anything else that is not a directory
	directory
)

// stat tells what path is, asking the file system once per cooker: every recipe looks its
// classes and includes up along BBPATH, and the metadata does not change while it is
// parsed.
func (c *Cooker) stat(path string) fileKind {
	if v, ok := c.stats.Load(path); ok {
		return v.(fileKind)
	}
	k := missing
	if st, err := os.Stat(path); err == nil {
		k = regular
		if st.IsDir() {
			k = directory
		}
	}
	c.stats.Store(path, k)
	return k
}

// markDependency records f in __depends (bb.parse.mark_dependency); BBINCLUDED lists them.
func (c *Cooker) markDependency(d *data.Store, f string) {
	if strings.HasPrefix(f, "./") {
		f = filepath.Join(c.opts.Dir, f[2:])
	}
	deps := getList(d, "__depends")
	if slices.Contains(deps, f) {
		return
	}
	_ = setList(d, "__depends", append(slices.Clip(deps), f))
}

// fileDepends is bb.parse.get_file_depends: the files parsed or looked for, for BBINCLUDED.
func (c *Cooker) fileDepends(d *data.Store) string {
	deps := append(slices.Clone(getList(d, "__base_depends")), getList(d, "__depends")...)
	for i, f := range deps {
		if !filepath.IsAbs(f) {
			f = filepath.Join(c.opts.Dir, f)
		}
		deps[i] = filepath.Clean(f)
	}
	return strings.Join(deps, " ")
}

// resolveFile is bb.parse.resolve_file: fn searched in BBPATH when relative.
func (c *Cooker) resolveFile(d *data.Store, fn string) (string, error) {
	if !filepath.IsAbs(fn) {
		bbpath := c.getString(d, "BBPATH")
		abs, attempts := c.which(bbpath, fn)
		for _, a := range attempts {
			c.markDependency(d, a)
		}
		if abs == "" {
			return "", fmt.Errorf("file %s not found in %s: %w", fn, bbpath, errNotFound)
		}
		fn = abs
	} else {
		c.markDependency(d, fn)
	}
	if c.stat(fn) != regular {
		return "", fmt.Errorf("file %s not found: %w", fn, errNotFound)
	}
	return fn, nil
}

// statements returns the parsed statements of abs, parsing it once per cooker.
func (c *Cooker) statements(abs string) (*File, error) {
	if f, ok := c.files.Load(abs); ok {
		return f.(*File), nil
	}
	f, err := c.opts.Parser.ParseFile(abs)
	if err != nil {
		return nil, err
	}
	c.files.Store(abs, f)
	return f, nil
}

// handle parses and evaluates fn into d (bb.parse.handle). include is false only for the
// top-level .bb file of a recipe, whose datastores (variants) are then returned.
func (c *Cooker) handle(d *data.Store, fn string, include bool) (map[string]*data.Store, error) {
	d.Includes.Include(fn)
	defer d.Includes.End()
	switch ext := filepath.Ext(fn); ext {
	case ".conf":
		return nil, c.handleConf(d, fn, include)
	case ".bb", ".bbclass", ".inc", ".bbappend":
		return c.handleBB(d, fn, include)
	}
	return nil, &ParseError{Pos: Pos{File: fn}, Msg: "not a BitBake file"}
}

func (c *Cooker) handleConf(d *data.Store, fn string, include bool) error {
	var oldfile any
	if include {
		oldfile, _ = d.GetVar("FILE", false)
	}
	abs, err := c.resolveFile(d, fn)
	if err != nil {
		return err
	}
	f, err := c.statements(abs)
	if err != nil {
		return err
	}
	if err := d.SetVar("FILE", abs, internal("ConfHandler.py", 151, "handle")); err != nil {
		return err
	}
	if err := c.evalAll(d, f, ""); err != nil {
		return err
	}
	if data.Truthy(oldfile) {
		return d.SetVar("FILE", oldfile, internal("ConfHandler.py", 154, "handle"))
	}
	return nil
}

func (c *Cooker) handleBB(d *data.Store, fn string, include bool) (map[string]*data.Store, error) {
	base := filepath.Base(fn)
	ext := filepath.Ext(base)
	classname := ""
	if ext == ".bbclass" {
		classname = strings.TrimSuffix(base, ext)
		cache := getList(d, "__inherit_cache")
		if !slices.Contains(cache, fn) {
			if err := setList(d, "__inherit_cache", append(slices.Clip(cache), fn)); err != nil {
				return nil, err
			}
		}
	}
	var oldfile string
	if include {
		v, _ := d.GetVar("FILE", false)
		oldfile = textOr(v)
	}
	abs, err := c.resolveFile(d, fn)
	if err != nil {
		return nil, err
	}
	f, err := c.statements(abs)
	if err != nil {
		return nil, err
	}
	if ext != ".bbclass" && abs != oldfile {
		if err := d.SetVar("FILE", abs, internal("BBHandler.py", 143, "handle")); err != nil {
			return nil, err
		}
	}
	if err := c.evalAll(d, f, classname); err != nil {
		var skip *SkipRecipe
		if !errors.As(err, &skip) {
			return nil, err
		}
		if err := d.SetVar("__SKIPPED", true, data.Info{Ignore: true}); err != nil {
			return nil, err
		}
		if !include {
			return map[string]*data.Store{"": d}, nil
		}
	}
	if ext != ".bbclass" && !include {
		return c.multiFinalize(d, abs)
	}
	if ext != ".bbclass" && oldfile != "" && abs != oldfile {
		if err := d.SetVar("FILE", oldfile, internal("BBHandler.py", 161, "handle")); err != nil {
			return nil, err
		}
	}
	return nil, nil
}

func (c *Cooker) evalAll(d *data.Store, f *File, classname string) error {
	for i := range f.Stmts {
		if err := c.eval(d, &f.Stmts[i], classname); err != nil {
			var pe *ParseError
			var skip *SkipRecipe
			if errors.As(err, &pe) || errors.As(err, &skip) {
				return err
			}
			pos := f.Stmts[i].Pos
			return &ParseError{Pos: pos, Msg: strings.TrimPrefix(err.Error(), pos.String()+": "), Err: err}
		}
	}
	return nil
}

// eval applies one statement to d (the eval methods of BitBake's ast nodes).
func (c *Cooker) eval(d *data.Store, s *Stmt, classname string) error {
	switch s.Kind {
	case Assign:
		op, ok := data.ParseAssignOp(s.Op)
		if !ok {
			return fmt.Errorf("unknown operator %q", s.Op)
		}
		if s.Flag == "" && op != data.OpSet && op != data.OpWeak && op != data.OpImmediate &&
			(strings.Contains(s.Var, ":append") || strings.Contains(s.Var, ":remove") || strings.Contains(s.Var, ":prepend")) {
			c.warnf("%s %s is not a recommended operator combination, please replace it.", s.Var, s.Op)
		}
		return d.Assign(data.Assignment{Var: s.Var, Flag: s.Flag, Op: op, Value: s.Value, Export: s.Export, File: s.Pos.File, Line: s.Pos.Line})
	case Export:
		return d.Export(s.Var)
	case Unset:
		if s.Flag != "" {
			d.UnsetFlag(s.Var, s.Flag, s.Pos.File, s.Pos.Line)
		} else {
			d.Unset(s.Var, s.Pos.File, s.Pos.Line)
		}
		return nil
	case Include, Require:
		verb := ""
		if s.Kind == Require {
			verb = "include required"
		}
		return c.include(d, s.Pos, s.Value, verb)
	case IncludeAll:
		return c.includeAll(d, s.Pos, s.Value)
	case Inherit:
		return c.inherit(d, s.Value, s.Pos, false)
	case InheritDefer:
		v, _ := d.GetVar("__BBDEFINHERITS", false)
		l, _ := v.([]deferredInherit)
		return d.SetVar("__BBDEFINHERITS", append(slices.Clip(l), deferredInherit{s.Value, s.Pos}), data.Info{Ignore: true})
	case AddTask:
		var before, after *string
		if s.HasBef {
			before = &s.Before
		}
		if s.HasAfter {
			after = &s.After
		}
		return addTask(d, s.Name, before, after)
	case DelTask:
		v, err := d.Expand(s.Value, "")
		if err != nil {
			return err
		}
		for _, t := range strings.Fields(v) {
			if err := delTask(d, t); err != nil {
				return err
			}
		}
		return nil
	case AddHandler:
		hs := slices.Clone(getList(d, "__BBHANDLERS"))
		for _, h := range s.Names {
			hs = append(hs, h)
			if err := d.SetVarFlag(h, "handler", 1, data.Info{Ignore: true}); err != nil {
				return err
			}
		}
		return setList(d, "__BBHANDLERS", hs)
	case ExportFunctions:
		return exportFunctions(d, s.Names, classname)
	case AddPyLib:
		if c.opts.Python == nil {
			return nil
		}
		libdir, err := d.Expand(s.LibDir, "")
		if err != nil {
			return err
		}
		return c.opts.Python.AddPyLib(d, libdir, s.Namespace)
	case Func:
		return c.evalFunc(d, s)
	case Def:
		if c.opts.Python != nil {
			if err := c.opts.Python.Define(s.Name, s.Body, s.Pos.File, s.Pos.Line-s.BodyLen); err != nil {
				return err
			}
		}
		for _, f := range []struct {
			flag string
			v    any
		}{{"func", 1}, {"python", 1}} {
			if err := d.SetVarFlag(s.Name, f.flag, f.v, data.Info{Ignore: true}); err != nil {
				return err
			}
		}
		if err := d.SetVar(s.Name, s.Body, data.Info{File: "ast.py", Func: "eval", Parsing: true}); err != nil {
			return err
		}
		if err := d.SetVarFlag(s.Name, "filename", s.Pos.File, data.Info{Ignore: true}); err != nil {
			return err
		}
		return d.SetVarFlag(s.Name, "lineno", fmt.Sprint(s.Pos.Line-s.BodyLen-1), data.Info{Ignore: true})
	}
	return fmt.Errorf("unknown statement kind %d", s.Kind)
}

// anonTr is the translation BitBake applies to a file name in anonymous function names.
var anonTr = strings.NewReplacer("/", "_", ".", "_", "+", "_", "-", "_", "@", "_", "%", "_", "&", "_", "~", "_")

func (c *Cooker) evalFunc(d *data.Store, s *Stmt) error {
	text := s.Body
	name := s.Name
	python := s.Python
	ign := data.Info{Ignore: true}
	if name == "__anonymous" {
		name = fmt.Sprintf("__anon_%d_%s", s.Pos.Line, anonTr.Replace(s.Pos.File))
		python = true
		text = "def " + name + "(d):\n" + text
		if c.opts.Python != nil {
			if err := c.opts.Python.Define(name, text, s.Pos.File, s.Pos.Line-s.BodyLen-1); err != nil {
				return err
			}
		}
		anon := slices.Clone(getList(d, "__BBANONFUNCS"))
		if err := setList(d, "__BBANONFUNCS", append(anon, name)); err != nil {
			return err
		}
	}
	if v, _ := d.GetVar(name, false); data.Truthy(v) {
		d.DelVarFlag(name, "python", ign)
		d.DelVarFlag(name, "fakeroot", ign)
	}
	if python {
		if err := d.SetVarFlag(name, "python", "1", ign); err != nil {
			return err
		}
	}
	if s.Fakeroot {
		if err := d.SetVarFlag(name, "fakeroot", "1", ign); err != nil {
			return err
		}
	}
	if err := d.SetVarFlag(name, "func", 1, ign); err != nil {
		return err
	}
	if err := d.SetVar(name, text, data.Info{File: "ast.py", Func: "eval", Parsing: true}); err != nil {
		return err
	}
	if err := d.SetVarFlag(name, "filename", s.Pos.File, ign); err != nil {
		return err
	}
	return d.SetVarFlag(name, "lineno", fmt.Sprint(s.Pos.Line-s.BodyLen-1), ign)
}

// include evaluates include/require (ConfHandler.include); verb is "" for include, whose
// missing files are ignored.
func (c *Cooker) include(d *data.Store, pos Pos, what, verb string) error {
	fns, err := d.Expand(what, "")
	if err != nil {
		return err
	}
	for _, fn := range strings.Fields(fns) {
		if fn == pos.File {
			continue
		}
		if !filepath.IsAbs(fn) {
			bbpath := filepath.Dir(pos.File) + ":" + c.getString(d, "BBPATH")
			abs, attempts := c.which(bbpath, fn)
			for _, a := range attempts {
				c.markDependency(d, a)
			}
			if abs != "" {
				fn = abs
			}
		}
		if _, err := c.handle(d, fn, true); err != nil {
			if errors.Is(err, errNotFound) && !isParseErr(err) {
				if verb != "" {
					return &ParseError{Pos: pos, Msg: fmt.Sprintf("Could not %s file %s", verb, fn), Err: err}
				}
				continue
			}
			return err
		}
	}
	return nil
}

// includeAll includes conf file what from every BBPATH entry (include_all, BitBake >= 2.10);
// missing ones are skipped but recorded in BBINCLUDED.
func (c *Cooker) includeAll(d *data.Store, pos Pos, what string) error {
	fn, err := d.Expand(what, "")
	if err != nil {
		return err
	}
	for _, p := range strings.Split(c.getString(d, "BBPATH"), ":") {
		if err := c.include(d, pos, filepath.Join(p, fn), ""); err != nil {
			return err
		}
	}
	return nil
}

func isParseErr(err error) bool {
	var pe *ParseError
	return errors.As(err, &pe)
}

// deferredInherit is one inherit_defer statement waiting for the end of the recipe.
type deferredInherit struct {
	classes string
	pos     Pos
}

// inherit is BBHandler.inherit: each class looked up as classes-TYPE/NAME.bbclass then
// classes/NAME.bbclass along BBPATH, parsed once per datastore.
func (c *Cooker) inherit(d *data.Store, files string, pos Pos, deferred bool) error {
	files, err := d.Expand(files, "")
	if err != nil {
		return err
	}
	for _, file := range strings.Fields(files) {
		classtype := textOr(mustVar(d, "__bbclasstype"))
		orig := file
		for _, t := range []string{"classes-" + classtype, "classes"} {
			file = orig
			if !filepath.IsAbs(file) && !strings.HasSuffix(file, ".bbclass") {
				file = filepath.Join(t, file+".bbclass")
			}
			if !filepath.IsAbs(file) {
				abs, attempts := c.which(c.getString(d, "BBPATH"), file)
				for _, a := range attempts {
					if a != abs {
						c.markDependency(d, a)
					}
				}
				if abs != "" {
					file = abs
				}
			}
			if c.exists(file) {
				break
			}
		}
		if !c.exists(file) {
			return &ParseError{Pos: pos, Msg: "Could not inherit file " + file, Err: errNotFound}
		}
		if slices.Contains(getList(d, "__inherit_cache"), file) {
			continue
		}
		if err := setList(d, "__inherit_cache", append(slices.Clip(getList(d, "__inherit_cache")), file)); err != nil {
			return err
		}
		if _, err := c.handle(d, file, true); err != nil {
			if errors.Is(err, errNotFound) && !isParseErr(err) {
				return &ParseError{Pos: pos, Msg: fmt.Sprintf("Could not inherit file %s", file), Err: err}
			}
			return err
		}
	}
	return nil
}

func mustVar(d *data.Store, name string) any {
	v, _ := d.GetVar(name, false)
	return v
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// exportFunctions is ast.ExportFuncsNode: FUNC becomes a stub calling CLASS_FUNC unless
// the metadata defined FUNC itself.
func exportFunctions(d *data.Store, funcs []string, classname string) error {
	const sentinel = "    # Export function set\n"
	ign := data.Info{Ignore: true}
	for _, fn := range funcs {
		called := classname + "_" + fn
		base := textOr(mustVar(d, fn))
		if base != "" && !strings.Contains(base, sentinel) {
			continue
		}
		if base != "" {
			d.DelVarFlag(fn, "python", ign)
			d.DelVarFlag(fn, "func", ign)
		}
		for _, flag := range []string{"func", "python"} {
			if v, _ := d.GetVarFlag(called, flag, false); data.Truthy(v) {
				if err := d.SetVarFlag(fn, flag, v, ign); err != nil {
					return err
				}
			}
		}
		for _, flag := range []string{"dirs", "cleandirs", "fakeroot"} {
			if v, _ := d.GetVarFlag(fn, flag, false); data.Truthy(v) {
				if err := d.SetVarFlag(called, flag, v, ign); err != nil {
					return err
				}
			}
		}
		if err := d.SetVarFlag(fn, "filename", "autogenerated", ign); err != nil {
			return err
		}
		if err := d.SetVarFlag(fn, "lineno", 1, ign); err != nil {
			return err
		}
		var body string
		if v, _ := d.GetVarFlag(called, "python", false); data.Truthy(v) {
			body = sentinel + "    bb.build.exec_func('" + called + "', d)\n"
		} else {
			if strings.Contains(classname, "-") {
				return fmt.Errorf("The classname %s contains a dash character and is calling an sh function %s using EXPORT_FUNCTIONS. Since a dash is illegal in sh function names, this cannot work, please rename the class or don't use EXPORT_FUNCTIONS.", classname, called)
			}
			body = sentinel + "    " + called + "\n"
		}
		if err := d.SetVar(fn, body, data.Info{File: "ast.py", Func: "eval", Parsing: true}); err != nil {
			return err
		}
	}
	return nil
}
