package data

import (
	"fmt"
	"slices"
	"strings"
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
type entry struct{ flags []Flag }

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
			e.flags[i].Value = v
			return
		}
	}
	e.flags = append(e.flags, Flag{flag, v})
}

func (e *entry) del(flag string) bool {
	for i := range e.flags {
		if e.flags[i].Name == flag {
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
	parent *varLayer
}

func (l *varLayer) put(name string, e *entry) {
	if _, ok := l.m[name]; !ok {
		l.order = append(l.order, name)
	}
	l.m[name] = e
}

func (l *varLayer) remove(name string) {
	if _, ok := l.m[name]; ok {
		delete(l.m, name)
		l.order = slices.DeleteFunc(l.order, func(s string) bool { return s == name })
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

	cache map[string]*Refs
	depth int

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
		d.cache = nil
	}
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

func (d *Store) addOverrideVars(names ...string) {
	if d.ovvarsShared {
		m := make(map[string]bool, len(d.ovvars)+len(names))
		for k := range d.ovvars {
			m[k] = true
		}
		d.ovvars = m
		d.ovvarsShared = false
	}
	for _, n := range names {
		d.ovvars[n] = true
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

// isOverrideName is __override_regexp__.match: the text starts with [a-z0-9].
func isOverrideName(s string) bool {
	return s != "" && (s[0] >= 'a' && s[0] <= 'z' || s[0] >= '0' && s[0] <= '9')
}

// overrideSplits yields BitBake's (shortvar, override) pairs for a variable name, as
// _setvar_update_overrides and delVar walk them.
func overrideSplits(name string, fn func(short, override string)) {
	i := strings.LastIndexByte(name, ':')
	override, short := name[i+1:], name[:max(i, 0)]
	if i < 0 {
		// name[:rfind(':')] with rfind == -1 drops the last character in Python.
		short = name[:max(len(name)-1, 0)]
	}
	for override != "" && isOverrideName(override) {
		fn(short, override)
		override = ""
		if j := strings.LastIndexByte(short, ':'); j >= 0 {
			override, short = name[j+1:], name[:j]
			if short == "" {
				override = ""
			}
		}
	}
}

func (d *Store) updateOverrides(name string) {
	overrideSplits(name, func(short, override string) {
		refs, _ := d.ovdata.get(short)
		for _, r := range refs {
			if r.name == name && r.override == override {
				return
			}
		}
		d.ovdata.set(short, append(slices.Clip(refs), ovRef{name, override}))
	})
}

// SetVar sets a variable (setVar). Names with :append/:prepend/:remove queue the operation
// on the base variable; otherwise, unless in.Parsing, queued operations and active
// override variables of name are dropped.
func (d *Store) SetVar(name string, value any, in Info) error {
	if !strings.HasPrefix(name, "__anon_") && (strings.Contains(name, "_append") || strings.Contains(name, "_prepend") || strings.Contains(name, "_remove")) {
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

func (d *Store) overrideActive(o string) bool {
	if d.overridesSet[o] {
		return true
	}
	if !strings.Contains(o, ":") {
		return false
	}
	for _, p := range strings.Split(o, ":") {
		if !d.overridesSet[p] {
			return false
		}
	}
	return true
}

// updateOverrideVars is _setvar_update_overridevars: the variables OVERRIDES depends on
// are tracked so that setting one of them recomputes the active overrides.
func (d *Store) updateOverrideVars(name string, value any) error {
	p, err := d.expandWithRefs(value, name)
	if err != nil {
		return err
	}
	next := p.names()
	for {
		var missing []string
		for _, n := range next {
			if !d.ovvars[n] {
				missing = append(missing, n)
			}
		}
		if len(missing) == 0 {
			break
		}
		d.addOverrideVars(next...)
		var nn []string
		for _, n := range next {
			v, err := d.GetVar(n, true)
			if err != nil {
				return err
			}
			p, err := d.expandWithRefs(v, n)
			if err != nil {
				return err
			}
			nn = append(nn, p.names()...)
		}
		next = nn
	}
	d.haveOverrides = false
	return nil
}

// needOverrides computes the active overrides from OVERRIDES (need_overrides): the value
// is expanded with no overrides, then again with the result until it is stable (at most
// five rounds).
func (d *Store) needOverrides() error {
	if d.haveOverrides || d.inOverride {
		return nil
	}
	var stack [][]string
	for range 5 {
		d.inOverride = true
		d.overrides, d.overridesSet, d.haveOverrides = nil, nil, true
		v, err := d.GetVar("OVERRIDES", true)
		if err != nil {
			return err
		}
		d.setOverrides(splitOverrides(v))
		stack = append(stack, d.overrides)
		d.inOverride = false
		d.clearCache()
		v, err = d.GetVar("OVERRIDES", true)
		if err != nil {
			return err
		}
		n := splitOverrides(v)
		if slices.Equal(n, d.overrides) {
			d.ovFresh = true
			return nil
		}
		d.setOverrides(n)
	}
	var lines []string
	for _, s := range stack {
		lines = append(lines, pyList(s))
	}
	return &FatalError{Msg: "Overrides could not be expanded into a stable state after 5 iterations, overrides must be being referenced by other overridden variables in some recursive fashion. Please provide your configuration to bitbake-devel so we can laugh, er, I mean try and understand how to make it work. The list of failing override expansions: " + strings.Join(lines, "\n")}
}

func pyList(s []string) string {
	q := make([]string, len(s))
	for i, x := range s {
		q[i] = "'" + x + "'"
	}
	return "[" + strings.Join(q, ", ") + "]"
}

func splitOverrides(v any) []string {
	s := ""
	if Truthy(v) {
		s = Text(v)
	}
	return strings.Split(s, ":")
}

func (d *Store) setOverrides(o []string) {
	d.overrides = o
	d.overridesSet = make(map[string]bool, len(o))
	for _, x := range o {
		d.overridesSet[x] = true
	}
}

// Overrides returns the active overrides in OVERRIDES order, computing them if needed.
func (d *Store) Overrides() ([]string, error) {
	if err := d.needOverrides(); err != nil {
		return nil, err
	}
	return slices.Clone(d.overrides), nil
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

// SetVarFlag sets one flag (setVarFlag). Flag "_defaultval" is the ??= weak default.
func (d *Store) SetVarFlag(name, flag string, value any, in Info) error {
	d.touch()
	if name == "BB_RENAMED_VARIABLES" {
		if d.renamesShare {
			m := make(map[string]string, len(d.renames)+1)
			for k, v := range d.renames {
				m[k] = v
			}
			d.renames, d.renamesShare = m, false
		}
		d.renames[flag] = Text(value)
	}
	if _, ok := d.renames[name]; ok {
		d.renameError(name, in, "")
		if err := d.SetVar("_FAILPARSINGERRORHANDLED", true, Info{Ignore: true}); err != nil {
			return err
		}
	}
	d.record(in, name, opOr(in.Op, "set"), detailOf(in, value), flag)
	d.shadow(name).set(flag, value)
	if flag == "_defaultval" && strings.Contains(name, ":") {
		d.updateOverrides(name)
	}
	if flag == "_defaultval" && d.ovvars[name] {
		if err := d.updateOverrideVars(name, value); err != nil {
			return err
		}
	}
	if flag == "export" || flag == "unexport" {
		e := d.shadow("__exportlist")
		old, _ := e.get("_content")
		set, _ := old.(map[string]bool)
		if !set[name] {
			n := make(map[string]bool, len(set)+1)
			for k := range set {
				n[k] = true
			}
			n[name] = true
			e.set("_content", n)
		}
	}
	return nil
}

// DelVarFlag deletes one flag (delVarFlag).
func (d *Store) DelVarFlag(name, flag string, in Info) {
	d.touch()
	if e := d.findVar(name); e == nil || len(e.flags) == 0 {
		return
	}
	e := d.shadow(name)
	if _, ok := e.get(flag); ok {
		in.Detail = ""
		d.record(in, name, "delFlag", "", flag)
		e.del(flag)
	}
}

// AppendVarFlag appends to a flag's unexpanded value now (appendVarFlag).
func (d *Store) AppendVarFlag(name, flag, value string, in Info) error {
	d.record(in, name, "append", detailOf(in, value), flag)
	old, _ := d.getVarFlag(name, flag, getOpts{})
	return d.SetVarFlag(name, flag, textOrEmpty(old)+value, Info{Ignore: true})
}

// PrependVarFlag prepends to a flag's unexpanded value now (prependVarFlag).
func (d *Store) PrependVarFlag(name, flag, value string, in Info) error {
	d.record(in, name, "prepend", detailOf(in, value), flag)
	old, _ := d.getVarFlag(name, flag, getOpts{})
	return d.SetVarFlag(name, flag, value+textOrEmpty(old), Info{Ignore: true})
}

func textOrEmpty(v any) string {
	if !Truthy(v) {
		return ""
	}
	return Text(v)
}

// SetVarFlags sets several flags, never "_content" (setVarFlags).
func (d *Store) SetVarFlags(name string, flags []Flag, in Info) {
	d.touch()
	e := d.shadow(name)
	for _, f := range flags {
		if f.Name == "_content" {
			continue
		}
		d.record(in, name, opOr(in.Op, "set"), f.Value, f.Name)
		e.set(f.Name, f.Value)
	}
}

// GetVarFlags returns the variable's flags in order, nil when it has none (getVarFlags).
// Flags named in expand are expanded; internal includes "_"- and ":"-prefixed flags.
func (d *Store) GetVarFlags(name string, expand []string, internal bool) ([]Flag, error) {
	e := d.findVar(name)
	if e == nil {
		return nil, nil
	}
	var out []Flag
	for _, f := range e.flags {
		if !internal && (strings.HasPrefix(f.Name, "_") || strings.HasPrefix(f.Name, ":")) {
			continue
		}
		if slices.Contains(expand, f.Name) {
			p, err := d.expandWithRefs(f.Value, name+"["+f.Name+"]")
			if err != nil {
				return nil, err
			}
			f.Value = p.Value
		}
		out = append(out, f)
	}
	return out, nil
}

// DelVarFlags deletes all flags but keeps the value (delVarFlags).
func (d *Store) DelVarFlags(name string, in Info) {
	d.touch()
	e := d.shadow(name)
	d.record(in, name, opOr(in.Op, "delete flags"), "", "")
	if c, ok := e.get("_content"); ok {
		e.flags = []Flag{{"_content", c}}
	} else {
		d.vars.remove(name)
	}
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

// Keys returns the names of all variables, sorted (DataSmart.__iter__ yields a set):
// deleted and empty ones are skipped, override variables active now are included.
func (d *Store) Keys() ([]string, error) {
	out, err := d.keysMatching(nil)
	slices.Sort(out)
	return out, err
}

// IterKeys returns the names in BitBake's iteration order (DataSmart.__iter__): plain
// variables first (sorted here; a Python set there), then the variables that have an
// active override variable. The order matters to callers that write while iterating
// (expandVarref).
func (d *Store) IterKeys() ([]string, error) {
	out, err := d.keysMatching(nil)
	if err != nil {
		return nil, err
	}
	plain, over := out[:0:0], []string(nil)
	for _, k := range out {
		if d.activeOverrideBase(k) {
			over = append(over, k)
		} else {
			plain = append(plain, k)
		}
	}
	slices.Sort(plain)
	slices.Sort(over)
	return append(plain, over...), nil
}

func (d *Store) activeOverrideBase(k string) bool {
	refs, _ := d.ovdata.get(k)
	for _, r := range refs {
		if d.overrideActive(r.override) {
			return true
		}
	}
	return false
}

// keysMatching is DataSmart.__iter__ restricted to names accepted by keep (all when nil),
// in no particular order.
func (d *Store) keysMatching(keep func(string) bool) ([]string, error) {
	if err := d.needOverrides(); err != nil {
		return nil, err
	}
	overrides := map[string]bool{}
	d.ovdata.each(keep, func(v string, refs []ovRef) {
		for _, r := range refs {
			if d.overrideActive(r.override) {
				overrides[v] = true
				return
			}
		}
	})
	out := []string{}
	var upper []map[string]*entry
	for l := d.vars; l != nil; l = l.parent {
	next:
		for k, e := range l.m {
			if keep != nil && !keep(k) || overrides[k] || len(e.flags) == 0 {
				continue
			}
			for _, u := range upper {
				if _, ok := u[k]; ok {
					continue next
				}
			}
			out = append(out, k)
		}
		upper = append(upper, l.m)
	}
	for k := range overrides {
		out = append(out, k)
	}
	return out, nil
}

// LocalKeys returns the variables of this store's own layer in the order they were first
// written (localkeys iterates a Python dict).
func (d *Store) LocalKeys() []string { return slices.Clone(d.vars.order) }

// HasOverrides reports whether name has override variables (hasOverrides).
func (d *Store) HasOverrides(name string) bool {
	_, ok := d.ovdata.get(name)
	return ok
}

type getOpts struct {
	expand, noWeakDefault, parsing, retParser bool
}

// GetVar returns a variable's value (getVar): nil when unset; expanded when expand.
func (d *Store) GetVar(name string, expand bool) (any, error) {
	return d.getVarFlag(name, "_content", getOpts{expand: expand})
}

// GetVarOpt is getVar with BitBake's noweakdefault and parsing arguments.
func (d *Store) GetVarOpt(name string, expand, noWeakDefault, parsing bool) (any, error) {
	return d.getVarFlag(name, "_content", getOpts{expand: expand, noWeakDefault: noWeakDefault, parsing: parsing})
}

// Get returns the expanded value as text and whether it is set.
func (d *Store) Get(name string) (string, bool, error) {
	v, err := d.GetVar(name, true)
	if err != nil || v == nil {
		return "", false, err
	}
	return Text(v), true, nil
}

// GetVarFlag returns a flag's value (getVarFlag): nil when unset.
func (d *Store) GetVarFlag(name, flag string, expand bool) (any, error) {
	return d.getVarFlag(name, flag, getOpts{expand: expand})
}

// GetVarFlagOpt is getVarFlag with BitBake's noweakdefault argument.
func (d *Store) GetVarFlagOpt(name, flag string, expand, noWeakDefault bool) (any, error) {
	return d.getVarFlag(name, flag, getOpts{expand: expand, noWeakDefault: noWeakDefault})
}

func concat(a, b any) (any, error) {
	as, ok1 := a.(string)
	bs, ok2 := b.(string)
	if !ok1 || !ok2 {
		return nil, &pyException{"TypeError", fmt.Sprintf("cannot concatenate %T and %T", a, b)}
	}
	return as + bs, nil
}

func (d *Store) opMatches(o string) (bool, error) {
	if o == "" {
		return true, nil
	}
	if !d.haveOverrides {
		return false, errNoOverrides("argument of type 'NoneType' is not iterable")
	}
	for _, p := range strings.Split(o, ":") {
		if !slices.Contains(d.overrides, p) {
			return false, nil
		}
	}
	return true, nil
}

// errNoOverrides is the TypeError BitBake raises when OVERRIDES failed to expand earlier
// (need_overrides then stays disabled and later reads find no overrides).
func errNoOverrides(msg string) error { return &pyException{"TypeError", msg} }

// getVarFlag is DataSmart.getVarFlag; with retParser the expansion record is returned
// too (its Unexpanded is the value before expansion and removal).
func (d *Store) getVarFlag(name, flag string, o getOpts) (any, error) {
	v, _, err := d.getVarFlagP(name, flag, o)
	return v, err
}

func (d *Store) getVarFlagP(name, flag string, o getOpts) (any, *Refs, error) {
	cachename := name
	if flag != "_content" {
		if flag == "" {
			d.warn("Calling getVarFlag with flag unset is invalid")
			return nil, nil, nil
		}
		cachename = name + "[" + flag + "]"
	}
	if c, ok := d.cache[cachename]; ok {
		if o.expand {
			return c.Value, nil, nil
		}
		if o.retParser {
			return c.Unexpanded, c, nil
		}
	}
	content := flag == "_content"
	local := d.findVar(name)
	var value any
	var removes []string
	if content && !o.parsing {
		if refs, ok := d.ovdata.get(name); ok {
			if err := d.needOverrides(); err != nil {
				return nil, nil, err
			}
			match, err := d.selectOverride(refs)
			if err != nil {
				return nil, nil, err
			}
			if match != "" {
				v, sub, err := d.getVarFlagP(match, "_content", getOpts{retParser: true})
				if err != nil {
					return nil, nil, err
				}
				value = v
				if sub != nil && sub.removesSet {
					removes = sub.removes
				}
			}
		}
	}
	if local != nil && value == nil {
		if v, ok := local.get(flag); ok {
			value = v
		} else if content && !o.noWeakDefault {
			value, _ = local.get("_defaultval")
		}
	}
	if content && local != nil && !o.parsing {
		for _, kw := range [2]string{":append", ":prepend"} {
			l, ok := local.get(kw)
			if !ok {
				continue
			}
			if err := d.needOverrides(); err != nil {
				return nil, nil, err
			}
			ops, _ := l.([]OverrideOp)
			for _, op := range ops {
				m, err := d.opMatches(op.Override)
				if err != nil {
					return nil, nil, err
				}
				if !m {
					continue
				}
				if value == nil {
					value = ""
				}
				if kw == ":append" {
					value, err = concat(value, op.Value)
				} else {
					value, err = concat(op.Value, value)
				}
				if err != nil {
					return nil, nil, err
				}
			}
		}
	}
	var parser *Refs
	if o.expand || o.retParser {
		p, err := d.expandWithRefs(value, cachename)
		if err != nil {
			return nil, nil, err
		}
		parser = p
		if o.expand {
			value = p.Value
		}
	}
	if content && Truthy(value) && local != nil && !o.parsing {
		if l, ok := local.get(":remove"); ok {
			if err := d.needOverrides(); err != nil {
				return nil, nil, err
			}
			ops, _ := l.([]OverrideOp)
			for _, op := range ops {
				m, err := d.opMatches(op.Override)
				if err != nil {
					return nil, nil, err
				}
				if m {
					removes = addUnique(removes, Text(op.Value))
				}
			}
		}
	}
	if content && Truthy(value) && !o.parsing && len(removes) > 0 && parser != nil {
		if err := d.applyRemoves(parser, removes); err != nil {
			return nil, nil, err
		}
		if o.expand {
			value = parser.Value
		}
	}
	if parser != nil {
		if d.cache == nil {
			d.cache = make(map[string]*Refs, 64)
		}
		d.cache[cachename] = parser
	}
	return value, parser, nil
}

func addUnique(l []string, s string) []string {
	if slices.Contains(l, s) {
		return l
	}
	return append(slices.Clip(l), s)
}

// selectOverride picks the override variable that supplies the value: among the active
// ones, multi-part overrides collapse one OVERRIDES element at a time, and the match
// found for the last applicable element of OVERRIDES wins.
func (d *Store) selectOverride(refs []ovRef) (string, error) {
	type kv struct{ k, v string }
	var active []kv
	put := func(k, v string) {
		for i := range active {
			if active[i].k == k {
				active[i].v = v
				return
			}
		}
		active = append(active, kv{k, v})
	}
	lookup := func(k string) (int, bool) {
		for i := range active {
			if active[i].k == k {
				return i, true
			}
		}
		return -1, false
	}
	for _, r := range refs {
		if d.overrideActive(r.override) {
			put(r.override, r.name)
		}
	}
	if !d.haveOverrides {
		return "", errNoOverrides("'NoneType' object is not iterable")
	}
	if len(active) == 0 {
		return "", nil
	}
	match := ""
	for mod := true; mod; {
		mod = false
		var snap []string
		for _, o := range d.overrides {
			if len(active) == 0 {
				break
			}
			snap = snap[:0]
			for i := range active {
				snap = append(snap, active[i].k)
			}
			for _, a := range snap {
				i, ok := lookup(a)
				if !ok {
					continue
				}
				if strings.HasSuffix(a, ":"+o) {
					t := active[i].v
					active = slices.Delete(active, i, i+1)
					put(strings.ReplaceAll(a, ":"+o, ""), t)
					mod = true
				} else if a == o {
					match = active[i].v
					active = slices.Delete(active, i, i+1)
				}
			}
		}
	}
	return match, nil
}

func (d *Store) applyRemoves(p *Refs, removes []string) error {
	expanded := make([][]string, len(removes))
	for i, r := range removes {
		v, err := d.Expand(r, "")
		if err != nil {
			return err
		}
		expanded[i] = pyFields(v)
	}
	s, ok := p.Value.(string)
	if !ok {
		return &pyException{"TypeError", "expected string or bytes-like object"}
	}
	p.removes, p.removesSet = nil, true
	var b strings.Builder
	emit := func(tok string) {
		skip := false
		for i, r := range removes {
			if slices.Contains(expanded[i], tok) {
				p.removes = addUnique(p.removes, r)
				skip = true
			}
		}
		if !skip {
			b.WriteString(tok)
		}
	}
	start := 0
	for i, r := range s {
		if isSpace(r) {
			emit(s[start:i])
			b.WriteRune(r)
			start = i + len(string(r))
		}
	}
	emit(s[start:])
	p.Value = b.String()
	return nil
}

// ExpandKeys renames variables whose names contain ${...} to their expanded names
// (bb.data.expandKeys), reading expansions from read (d itself when nil).
func (d *Store) ExpandKeys(read *Store) error {
	if read == nil {
		read = d
	}
	keys, err := d.keysMatching(func(k string) bool { return strings.Contains(k, "${") })
	if err != nil {
		return err
	}
	todo := map[string]string{}
	for _, k := range keys {
		if !strings.Contains(k, "${") {
			continue
		}
		ek, err := read.Expand(k, "")
		if err != nil {
			return err
		}
		if ek != k {
			todo[k] = ek
		}
	}
	for _, k := range sortedKeys(todo) {
		ek := todo[k]
		if nv, _ := d.GetVar(ek, false); nv != nil {
			if v, _ := d.GetVar(k, false); v != nil {
				d.warn(fmt.Sprintf("Variable key %s (%s) replaces original key %s (%s).", k, Text(v), ek, Text(nv)))
			}
		}
		if err := d.RenameVar(k, ek, internalInfo("data.py", 97, "expandKeys")); err != nil {
			return err
		}
	}
	return nil
}

// ExpandVarref replaces ${variable} by variable's unexpanded value in every variable of
// this store's own layer (all layers with parents) that references it (expandVarref;
// the cooker uses it for LAYERDIR).
func (d *Store) ExpandVarref(variable string, parents bool) error {
	var keys []string
	if parents {
		k, err := d.IterKeys()
		if err != nil {
			return err
		}
		keys = k
	} else {
		keys = d.LocalKeys()
	}
	ref := "${" + variable + "}"
	value, err := d.GetVar(variable, false)
	if err != nil {
		return err
	}
	for _, k := range keys {
		rv, err := d.GetVar(k, false)
		if err != nil {
			return err
		}
		s, ok := rv.(string)
		if !ok || !strings.Contains(s, ref) {
			continue
		}
		if err := d.SetVar(k, strings.ReplaceAll(s, ref, Text(value)), internalInfo("data_smart.py", 1023, "expandVarref")); err != nil {
			return err
		}
	}
	return nil
}
