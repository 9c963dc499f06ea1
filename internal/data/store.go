package data

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"
)

// PythonExpander evaluates the code of one ${@...} expression for the store. varname is
// the variable being expanded ("" for an anonymous expression). The expander adds the
// variables and functions the code uses to refs (BitBake's codeparser results); it may
// call back into d. Return ErrKeepLiteral (wrapped) for an unterminated string literal;
// other errors are reported as ExpansionErrors (implement ExceptionError to name the
// Python exception type).
type PythonExpander interface {
	EvalInline(d *Store, varname, code string, refs *Refs) (string, error)
}

// Logger receives BitBake's bb.warn/bb.erroronce messages from the store.
type Logger interface {
	Warn(msg string)
	Error(msg string)
}

// Info says where an operation comes from, for the variable history (BitBake's loginfo).
// Operations without a File are not recorded: where BitBake infers the calling Python
// frame, the Python runtime passes that frame's file, line and function name.
type Info struct {
	File string
	Line int
	// Func is set for operations made by Python code rather than a metadata statement:
	// the history then shows the file's base name and "[Func]".
	Func string
	// Op names the operation in the history; "" means the method's default.
	Op string
	// Detail is the value shown in the history; nil means the value passed.
	Detail any
	// Ignore skips the history record.
	Ignore bool
	// Parsing is setVar(..., parsing=True): keep queued :append/:prepend/:remove and
	// override variables instead of clearing them; for reads, skip them.
	Parsing bool
}

// entry is one variable: its flags in insertion order. "_content" is the value,
// "_defaultval" the ??= weak default, ":append"/":prepend"/":remove" hold []OverrideOp.
// An entry with no flags marks a deleted variable hiding older layers.
//
// lent says a FlagView shares flags: the entry copies them before it next changes one in
// place. It is atomic because copies of a store read their parents' entries concurrently.
type entry struct {
	flags []Flag
	lent  atomic.Bool
}

// own makes flags the entry's alone before an in-place change.
func (e *entry) own() {
	if e.lent.Load() {
		e.flags = slices.Clone(e.flags)
		e.lent.Store(false)
	}
}

func (e *entry) get(flag string) (any, bool) {
	for i := range e.flags {
		if e.flags[i].Name == flag {
			return e.flags[i].Value, true
		}
	}
	return nil, false
}

func (e *entry) set(flag string, v any) {
	for i := range e.flags {
		if e.flags[i].Name == flag {
			e.own()
			e.flags[i].Value = v
			return
		}
	}
	e.flags = append(e.flags, Flag{flag, v})
}

func (e *entry) del(flag string) bool {
	for i := range e.flags {
		if e.flags[i].Name == flag {
			e.own()
			e.flags = slices.Delete(e.flags, i, i+1)
			return true
		}
	}
	return false
}

// varLayer is one level of BitBake's linked chain of dicts (DataSmart.dict and its
// "_data" parent). Parents stay live: writes to a parent after CreateCopy are visible in
// the copy for variables it has not shadowed, as in BitBake.
type varLayer struct {
	m      map[string]*entry
	order  []string // names in first-insertion order, as a Python dict iterates
	dollar []string // the names in order that hold "${" (expandKeys renames them)
	parent *varLayer
	// version counts the writes to the layer: put, remove and every entry shadow hands
	// out for writing. live caches the live names of a flat layer (one Flatten made, which
	// every recipe copied from the configuration reads) for one version (see keys.go).
	version uint64
	flat    bool
	live    atomic.Pointer[liveNames]
}

func (l *varLayer) put(name string, e *entry) {
	l.version++
	if _, ok := l.m[name]; !ok {
		l.order = append(l.order, name)
		if strings.Contains(name, "${") {
			l.dollar = append(l.dollar, name)
		}
	}
	l.m[name] = e
}

func (l *varLayer) remove(name string) {
	l.version++
	if _, ok := l.m[name]; ok {
		delete(l.m, name)
		l.order = slices.DeleteFunc(l.order, func(s string) bool { return s == name })
		if strings.Contains(name, "${") {
			l.dollar = slices.DeleteFunc(l.dollar, func(s string) bool { return s == name })
		}
	}
}

// ovRef is an overridedata element: the full variable name and its override suffix.
type ovRef struct{ name, override string }

// Store is a BitBake datastore (DataSmart). The zero value is not usable: call New.
//
// A Store is not safe for concurrent use, and neither reading it (reads fill caches) nor
// writing it may overlap with use of its copies' shared parents being written. Copies
// may be read and written concurrently with each other as long as nobody writes the
// stores they were copied from.
type Store struct {
	vars         *varLayer
	ovdata       snapMap[[]ovRef]
	ovvars       map[string]bool
	ovvarsShared bool
	renames      map[string]string
	renamesShare bool

	overrides     []string
	overridesSet  map[string]bool
	haveOverrides bool
	inOverride    bool
	// ovFresh says the overrides were computed and nothing was written since: a copy
	// made now would compute the same ones, so CreateCopy hands them over.
	ovFresh bool

	// cache holds expanded values; an entry is valid only while its gen equals cacheGen,
	// so that a write invalidates everything without reallocating the map.
	cache    map[string]cached
	cacheGen uint64
	depth    int

	hist     snapMap[[]Event]
	tracking bool

	// Python expands ${@...}; nil leaves such expressions unexpanded (literal).
	Python PythonExpander
	// Log receives warnings and errors; nil discards them.
	Log Logger
	// Includes is the include history (bitbake -e's INCLUDE HISTORY); the cooker fills it.
	Includes *IncludeHistory
}

// MaxDepth bounds nested variable expansion; deeper nesting is reported as ErrRecursion.
const MaxDepth = 150

// New returns an empty datastore (bb.data.init()).
func New() *Store {
	return &Store{
		vars:     &varLayer{m: map[string]*entry{}},
		ovvars:   map[string]bool{"OVERRIDES": true, "FILE": true},
		renames:  defaultRenames(),
		Includes: NewIncludeHistory(),
	}
}

func defaultRenames() map[string]string {
	return map[string]string{
		"BB_ENV_WHITELIST":              "BB_ENV_PASSTHROUGH",
		"BB_ENV_EXTRAWHITE":             "BB_ENV_PASSTHROUGH_ADDITIONS",
		"BB_HASHBASE_WHITELIST":         "BB_BASEHASH_IGNORE_VARS",
		"BB_HASHCONFIG_WHITELIST":       "BB_HASHCONFIG_IGNORE_VARS",
		"BB_HASHTASK_WHITELIST":         "BB_TASKHASH_IGNORE_TASKS",
		"BB_SETSCENE_ENFORCE_WHITELIST": "BB_SETSCENE_ENFORCE_IGNORE_TASKS",
		"MULTI_PROVIDER_WHITELIST":      "BB_MULTI_PROVIDER_ALLOWED",
		"BB_STAMP_WHITELIST":            "is a deprecated variable and support has been removed",
		"BB_STAMP_POLICY":               "is a deprecated variable and support has been removed",
	}
}

// CreateCopy returns a copy whose reads fall through to d (createCopy). It costs O(1)
// in the number of variables: the copy shadows a variable only when it writes it.
func (d *Store) CreateCopy() *Store {
	n := &Store{
		vars:         &varLayer{m: map[string]*entry{}, parent: d.vars},
		ovdata:       d.ovdata.snapshot(),
		ovvars:       d.ovvars,
		ovvarsShared: true,
		renames:      d.renames,
		renamesShare: true,
		tracking:     d.tracking,
		Python:       d.Python,
		Log:          d.Log,
		Includes:     d.Includes.Copy(),
	}
	if d.ovFresh && d.haveOverrides && !d.inOverride {
		n.overrides, n.overridesSet, n.haveOverrides, n.ovFresh = d.overrides, d.overridesSet, true, true
	}
	if !d.ovvarsShared {
		d.ovvarsShared = true
	}
	if !d.renamesShare {
		d.renamesShare = true
	}
	if d.tracking {
		n.hist = d.hist.snapshot()
	}
	return n
}

// Freeze prepares d to be shared between goroutines: afterwards, as long as nobody writes
// d, CreateCopy on it writes nothing and may run concurrently, and the copies may be used
// concurrently with each other. Call it on the configuration store before handing it to
// parallel recipe parsers.
func (d *Store) Freeze() {
	d.ovdata.snapshot()
	d.hist.snapshot()
	d.ovvarsShared, d.renamesShare = true, true
}

// EnableTracking turns on the variable history (bitbake -e does).
func (d *Store) EnableTracking() { d.tracking = true }

// DisableTracking turns the variable history off.
func (d *Store) DisableTracking() { d.tracking = false }

// Tracking reports whether history is recorded.
func (d *Store) Tracking() bool { return d.tracking }

func (d *Store) warn(msg string) {
	if d.Log != nil {
		d.Log.Warn(msg)
	}
}

// touch records a write: caches are dropped and computed overrides are no longer known
// to be fresh for copies.
func (d *Store) touch() {
	d.clearCache()
	d.ovFresh = false
}

func (d *Store) clearCache() {
	if len(d.cache) > 0 {
		d.cacheGen++
	}
}

type cached struct {
	gen  uint64
	refs *Refs
}

func (d *Store) findVar(name string) *entry {
	for l := d.vars; l != nil; l = l.parent {
		if e, ok := l.m[name]; ok {
			return e
		}
	}
	return nil
}

// shadow returns the variable's entry in the top layer, copying it from a parent first.
func (d *Store) shadow(name string) *entry {
	d.vars.version++
	if e, ok := d.vars.m[name]; ok {
		return e
	}
	e := &entry{}
	if old := d.findVar(name); old != nil {
		e.flags = slices.Clone(old.flags)
	}
	d.vars.put(name, e)
	return e
}

// InitVar makes sure name has an entry in this store's own layer (initVar).
func (d *Store) InitVar(name string) {
	d.touch()
	if _, ok := d.vars.m[name]; !ok {
		d.vars.put(name, &entry{})
	}
}

// splitKeyword matches BitBake's __setvar_regexp__:
// (?P<base>.*?)(?P<keyword>:append|:prepend|:remove)(:(?P<add>[^A-Z]*))?$
func splitKeyword(name string) (base, keyword, override string, ok bool) {
	for i := 0; i < len(name); i++ {
		if name[i] != ':' {
			continue
		}
		for _, kw := range [...]string{":append", ":prepend", ":remove"} {
			if !strings.HasPrefix(name[i:], kw) {
				continue
			}
			rest := name[i+len(kw):]
			if rest == "" {
				return name[:i], kw, "", true
			}
			if rest[0] == ':' && !strings.ContainsFunc(rest[1:], func(r rune) bool { return r >= 'A' && r <= 'Z' }) {
				return name[:i], kw, rest[1:], true
			}
		}
	}
	return "", "", "", false
}

// oldOverrideSyntax reports whether name contains _append, _prepend or _remove, the
// override syntax BitBake dropped (one pass over the underscores: every variable set goes
// through it).
func oldOverrideSyntax(name string) bool {
	for i := strings.IndexByte(name, '_'); i >= 0; {
		rest := name[i+1:]
		if strings.HasPrefix(rest, "append") || strings.HasPrefix(rest, "prepend") || strings.HasPrefix(rest, "remove") {
			return true
		}
		j := strings.IndexByte(rest, '_')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// SetVar sets a variable (setVar). Names with :append/:prepend/:remove queue the operation
// on the base variable; otherwise, unless in.Parsing, queued operations and active
// override variables of name are dropped.
func (d *Store) SetVar(name string, value any, in Info) error {
	if oldOverrideSyntax(name) && !strings.HasPrefix(name, "__anon_") {
		return &FatalError{Msg: fmt.Sprintf("Variable %s%s contains an operation using the old override syntax. Please convert this layer/metadata before attempting to use with a newer bitbake.", name, locSuffix(in))}
	}
	short, _, _ := strings.Cut(name, ":")
	if _, ok := d.renames[short]; ok {
		d.renameError(short, in, name)
		if err := d.SetVar("_FAILPARSINGERRORHANDLED", true, Info{Ignore: true}); err != nil {
			return err
		}
	}
	d.touch()
	op := in.Op
	if op == "" {
		op = "set"
	}
	if base, keyword, override, ok := splitKeyword(name); ok {
		old, _ := d.getVarFlag(base, keyword, getOpts{})
		l, _ := old.([]OverrideOp)
		l = append(slices.Clip(l), OverrideOp{value, override})
		if err := d.SetVarFlag(base, keyword, l, Info{Ignore: true}); err != nil {
			return err
		}
		op = keyword
		if override != "" {
			op = keyword + "[" + override + "]"
		}
		d.record(in, base, op, value, "")
		d.updateOverrides(base)
		if d.ovvars[base] {
			return d.updateOverrideVars(name, value)
		}
		return nil
	}
	e := d.shadow(name)
	if !in.Parsing {
		e.del(":append")
		e.del(":prepend")
		e.del(":remove")
		if refs, ok := d.ovdata.get(name); ok {
			if err := d.needOverrides(); err != nil {
				return err
			}
			for _, r := range refs {
				if d.overrideActive(r.override) {
					d.DelVar(r.name, internalInfo("data_smart.py", 616, "setVar"))
				}
			}
			d.ovdata.del(name)
		}
	}
	if strings.Contains(name, ":") {
		d.updateOverrides(name)
	}
	e.set("_content", value)
	d.record(in, name, op, detailOf(in, value), "")
	if d.ovvars[name] {
		return d.updateOverrideVars(name, value)
	}
	return nil
}

func locSuffix(in Info) string {
	s := ""
	if in.File != "" {
		s += " file: " + in.File
	}
	if in.Line != 0 {
		s += fmt.Sprintf(" line: %d", in.Line)
	}
	return s
}

func (d *Store) renameError(name string, in Info, full string) {
	info := strings.TrimSpace(locSuffix(in))
	if full != "" && full != name {
		info += " referenced as: " + full
	}
	if info != "" {
		info = " (" + strings.TrimSpace(info) + ")"
	}
	r := d.renames[name]
	msg := "Variable " + name + " has been renamed to " + r + info
	if strings.Contains(r, " ") {
		msg = "Variable " + name + " " + r + info
	}
	if d.Log != nil {
		d.Log.Error(msg)
	}
}

func detailOf(in Info, value any) any {
	if in.Detail != nil {
		return in.Detail
	}
	return value
}

// DelVar deletes a variable with all its flags (delVar); it hides the variable in parents.
func (d *Store) DelVar(name string, in Info) {
	d.touch()
	in.Detail = ""
	d.record(in, name, "del", "", "")
	d.vars.put(name, &entry{})
	if _, ok := d.ovdata.get(name); ok {
		d.ovdata.del(name)
	}
	if strings.Contains(name, ":") {
		overrideSplits(name, func(short, override string) {
			refs, ok := d.ovdata.get(short)
			if !ok {
				return
			}
			i := slices.Index(refs, ovRef{name, override})
			if i < 0 {
				return
			}
			d.ovdata.set(short, slices.Delete(slices.Clone(refs), i, i+1))
		})
	}
}

func opOr(op, def string) string {
	if op != "" {
		return op
	}
	return def
}

// AppendVar queues value to be appended (appendVar, i.e. VAR:append).
func (d *Store) AppendVar(name string, value any, in Info) error {
	d.record(in, name, "append", detailOf(in, value), "")
	return d.SetVar(name+":append", value, Info{Ignore: true, Parsing: true})
}

// PrependVar queues value to be prepended (prependVar, i.e. VAR:prepend).
func (d *Store) PrependVar(name string, value any, in Info) error {
	d.record(in, name, "prepend", detailOf(in, value), "")
	return d.SetVar(name+":prepend", value, Info{Ignore: true, Parsing: true})
}

// RenameVar renames a variable with its queued operations and override variables
// (renameVar).
func (d *Store) RenameVar(key, newkey string, in Info) error {
	if key == newkey {
		d.warn("Calling renameVar with equivalent keys (" + key + ") is invalid")
		return nil
	}
	// Renaming A to A:x recurses into A:x -> A:x:x ... without end; BitBake
	// stops at Python's recursion limit.
	d.depth++
	defer func() { d.depth-- }()
	if d.depth > MaxDepth {
		return recursionError{}
	}
	val, err := d.getVarFlag(key, "_content", getOpts{parsing: true})
	if err != nil {
		return err
	}
	if val != nil {
		d.renameHistory(key, newkey)
		rin := in
		rin.Op, rin.Detail = "rename from "+key, nil
		d.record(rin, newkey, rin.Op, val, "")
		if err := d.SetVar(newkey, val, Info{Ignore: true, Parsing: true}); err != nil {
			return err
		}
	}
	if e := d.findVar(key); e != nil {
		for _, f := range slices.Clone(e.flags) {
			if f.Name != ":append" && f.Name != ":prepend" && f.Name != ":remove" {
				continue
			}
			src, _ := f.Value.([]OverrideOp)
			old, _ := d.getVarFlag(newkey, f.Name, getOpts{})
			dest, _ := old.([]OverrideOp)
			dest = append(slices.Clip(dest), src...)
			if err := d.SetVarFlag(newkey, f.Name, dest, Info{Ignore: true}); err != nil {
				return err
			}
		}
	}
	if refs, ok := d.ovdata.get(key); ok {
		d.ovdata.set(newkey, nil)
		for _, r := range refs {
			nv := strings.ReplaceAll(r.name, key, newkey)
			cur, _ := d.ovdata.get(newkey)
			d.ovdata.set(newkey, append(slices.Clip(cur), ovRef{nv, r.override}))
			if err := d.RenameVar(r.name, nv, internalInfo("data_smart.py", 696, "renameVar")); err != nil {
				return err
			}
		}
	}
	if strings.Contains(newkey, ":") && val == nil {
		d.updateOverrides(newkey)
	}
	rin := in
	rin.Op, rin.Detail = "rename (to)", nil
	d.record(rin, key, rin.Op, newkey, "")
	d.DelVar(key, Info{Ignore: true})
	return nil
}
