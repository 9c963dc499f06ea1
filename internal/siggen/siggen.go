package siggen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"

	"github.com/gobake/gobake/internal/codeparser"
	"github.com/gobake/gobake/internal/data"
	"github.com/gobake/gobake/internal/pyrt"
)

// Sig is one task's signature input.
type Sig struct {
	Task string
	// Deps is the sorted closure of variables and functions the task depends on.
	Deps []string
	// Values holds the value each entry of Deps (and the task itself) contributes.
	Values map[string]string
	// BaseHash is the SHA-256 of the task's value followed by each dep name and value.
	BaseHash string
}

// SigData returns the signature data as "name value" lines: the task first, then its deps.
func (s *Sig) SigData() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %q\n", s.Task, s.Values[s.Task])
	for _, dep := range s.Deps {
		if v, ok := s.Values[dep]; ok {
			fmt.Fprintf(&b, "%s %q\n", dep, v)
		} else {
			fmt.Fprintf(&b, "%s <unset>\n", dep)
		}
	}
	return b.String()
}

type entry struct {
	deps  []string
	value *string // nil: the variable is unset
}

type gen struct {
	d        *data.Store
	keys     map[string]bool
	ignored  map[string]bool
	shell    []string // exported variables: every shell function depends on them
	flagExcl map[string]bool
	hasExcl  bool
	cache    map[string]entry
}

// BaseHashes computes the signature of every task of the recipe data d (its __BBTASKS).
func BaseHashes(d *data.Store) (map[string]*Sig, error) {
	g, err := newGen(d)
	if err != nil {
		return nil, err
	}
	tasks, err := listVar(d, "__BBTASKS")
	if err != nil {
		return nil, err
	}
	out := make(map[string]*Sig, len(tasks))
	for _, task := range tasks {
		sig, err := g.sig(task)
		if err != nil {
			return nil, fmt.Errorf("signature of %s: %w", task, err)
		}
		out[task] = sig
	}
	return out, nil
}

func newGen(d *data.Store) (*gen, error) {
	keys, err := d.Keys()
	if err != nil {
		return nil, err
	}
	g := &gen{d: d, keys: map[string]bool{}, ignored: map[string]bool{}, cache: map[string]entry{}}
	for _, k := range keys {
		if !strings.HasPrefix(k, "__") {
			g.keys[k] = true
		}
	}
	ign, _, err := d.Get("BB_BASEHASH_IGNORE_VARS")
	if err != nil {
		return nil, err
	}
	for _, v := range strings.Fields(ign) {
		g.ignored[v] = true
	}
	exports, err := d.GetVar("__exportlist", false)
	if err != nil {
		return nil, err
	}
	if set, ok := exports.(map[string]bool); ok {
		for name := range set {
			exp, _ := flagText(d, name, "export", false)
			unexp, _ := flagText(d, name, "unexport", false)
			if truthy(exp) && !truthy(unexp) {
				g.shell = append(g.shell, name)
			}
		}
		sort.Strings(g.shell)
	}
	if excl, ok, err := d.Get("BB_SIGNATURE_EXCLUDE_FLAGS"); err != nil {
		return nil, err
	} else if ok {
		g.hasExcl = true
		g.flagExcl = map[string]bool{}
		for _, f := range strings.Fields(excl) {
			g.flagExcl[f] = true
		}
	}
	return g, nil
}

func (g *gen) sig(task string) (*Sig, error) {
	seen := map[string]bool{}
	first, err := g.entry(task)
	if err != nil {
		return nil, err
	}
	next := first.deps
	for len(next) > 0 {
		var more []string
		for _, dep := range next {
			if seen[dep] {
				continue
			}
			seen[dep] = true
			e, err := g.entry(dep)
			if err != nil {
				return nil, err
			}
			more = append(more, e.deps...)
		}
		next = more
	}
	s := &Sig{Task: task, Values: map[string]string{}}
	h := sha256.New()
	if first.value != nil {
		h.Write([]byte(*first.value))
		s.Values[task] = *first.value
	}
	for dep := range seen {
		s.Deps = append(s.Deps, dep)
	}
	sort.Strings(s.Deps)
	for _, dep := range s.Deps {
		h.Write([]byte(dep))
		if v := g.cache[dep].value; v != nil {
			h.Write([]byte(*v))
			s.Values[dep] = *v
		}
	}
	s.BaseHash = hex.EncodeToString(h.Sum(nil))
	return s, nil
}

// entry is bb.data.build_dependencies for one key, cached.
func (g *gen) entry(key string) (entry, error) {
	if e, ok := g.cache[key]; ok {
		return e, nil
	}
	e, err := g.build(key)
	if err != nil {
		return entry{}, err
	}
	g.cache[key] = e
	return e, nil
}

func (g *gen) build(key string) (entry, error) {
	deps := map[string]bool{}
	if strings.HasSuffix(key, "]") && strings.Contains(key, "[") {
		name, fl, _ := strings.Cut(strings.TrimSuffix(key, "]"), "[")
		if fl == "vardepvalueexclude" {
			return entry{value: ptr("")}, nil
		}
		raw, err := g.d.GetVarFlag(name, fl, false)
		if err != nil {
			return entry{}, err
		}
		if raw == nil {
			return entry{}, nil
		}
		refs, err := g.d.ExpandWithRefs(raw, key)
		if err != nil {
			return entry{}, err
		}
		g.addRefs(deps, refs)
		return entry{deps: g.finish(deps, nil), value: ptr(data.Text(raw))}, nil
	}

	flags, err := g.d.GetVarFlags(key, nil, false)
	if err != nil {
		return entry{}, err
	}
	fl := map[string]string{}
	for _, f := range flags {
		fl[f.Name] = data.Text(f.Value)
	}
	exclusions := strings.Fields(fl["vardepsexclude"])

	var value *string
	raw, err := g.d.GetVar(key, false)
	if err != nil {
		return entry{}, err
	}
	switch {
	case hasFlag(flags, "vardepvalue"):
		value = ptr(fl["vardepvalue"])
	case truthy(fl["func"]) && truthy(fl["python"]):
		code := data.Text(raw)
		refs, err := pyrt.ParseCodeRefs(key, code)
		if err != nil {
			return entry{}, err
		}
		for _, r := range refs.References {
			deps[r] = true
		}
		for _, x := range refs.Execs {
			if g.keys[x] {
				deps[x] = true
			}
		}
		for _, s := range refs.Expands {
			er, err := data.New().ExpandWithRefs(s, key)
			if err != nil {
				return entry{}, err
			}
			g.addRefs(deps, er)
		}
		value = ptr(g.contains(code, refs.Contains, exclusions))
	case truthy(fl["func"]):
		refs, err := g.d.ExpandWithRefs(raw, key)
		if err != nil {
			return entry{}, err
		}
		execs, err := codeparser.ShellExecs(key, data.Text(refs.Value))
		if err != nil {
			return entry{}, err
		}
		for _, s := range g.shell {
			deps[s] = true
		}
		g.addRefs(deps, refs)
		for _, x := range execs {
			if g.keys[x] {
				deps[x] = true
			}
		}
		value = ptr(g.contains(textOrEmpty(raw), refs.Contains, exclusions))
	default:
		if raw != nil {
			refs, err := g.d.ExpandWithRefs(raw, key)
			if err != nil {
				return entry{}, err
			}
			g.addRefs(deps, refs)
			value = ptr(g.contains(data.Text(raw), refs.Contains, exclusions))
		}
	}
	if truthy(fl["func"]) {
		for _, name := range []string{"prefuncs", "postfuncs", "exports"} {
			for _, f := range strings.Fields(fl[name]) {
				deps[f] = true
			}
		}
	}
	if excl, ok := fl["vardepvalueexclude"]; ok && value != nil {
		v := *value
		for _, e := range strings.Split(excl, "|") {
			if e != "" {
				v = strings.ReplaceAll(v, e, "")
			}
		}
		value = &v
	}
	if g.hasExcl {
		for _, f := range flags {
			if !g.flagExcl[f.Name] && !strings.HasPrefix(f.Name, "_") {
				deps[key+"["+f.Name+"]"] = true
			}
		}
	}
	for _, v := range strings.Fields(fl["vardeps"]) {
		deps[v] = true
	}
	return entry{deps: g.finish(deps, exclusions), value: value}, nil
}

// inlinePython matches ${@...} expressions as BitBake's __expand_python_regexp__ does.
var inlinePython = regexp.MustCompile(`\$\{@(?:\{.*?\}|.)+?\}`)

func (g *gen) addRefs(deps map[string]bool, refs *data.Refs) {
	for _, r := range refs.References {
		deps[r] = true
	}
	// What ${@...} code reads, as BitBake's expansion reports it (PythonParser on the code).
	for _, m := range inlinePython.FindAllString(textOrEmpty(refs.Unexpanded), -1) {
		pr, err := pyrt.ParseCodeRefs(refs.Var, m[3:len(m)-1])
		if err != nil {
			continue // BitBake logs and ignores code it cannot parse here as well
		}
		for _, r := range pr.References {
			deps[r] = true
		}
		for _, x := range pr.Execs {
			if g.keys[x] {
				deps[x] = true
			}
		}
	}
	for _, x := range refs.Execs {
		if g.keys[x] {
			deps[x] = true
		}
	}
}

// finish removes exclusions and ignored variables and sorts the set.
func (g *gen) finish(deps map[string]bool, exclusions []string) []string {
	for _, e := range exclusions {
		delete(deps, e)
	}
	out := make([]string, 0, len(deps))
	for d := range deps {
		if !g.ignored[d] {
			out = append(out, d)
		}
	}
	sort.Strings(out)
	return out
}

// contains appends the bb.utils.contains results to value (handle_contains).
func (g *gen) contains(value string, contains map[string][]string, exclusions []string) string {
	if len(contains) == 0 {
		return value
	}
	excl := map[string]bool{}
	for _, e := range exclusions {
		excl[e] = true
	}
	var b strings.Builder
	b.WriteString(value)
	names := make([]string, 0, len(contains))
	for k := range contains {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if excl[k] || g.ignored[k] {
			continue
		}
		v, _, _ := g.d.Get(k)
		have := map[string]bool{}
		for _, w := range strings.Fields(v) {
			have[w] = true
		}
		items := append([]string(nil), contains[k]...)
		sort.Strings(items)
		for _, item := range items {
			state := "Set"
			for _, w := range strings.Fields(item) {
				if !have[w] {
					state = "Unset"
					break
				}
			}
			fmt.Fprintf(&b, "\n%s{%s} = %s", k, item, state)
		}
	}
	return b.String()
}

func listVar(d *data.Store, name string) ([]string, error) {
	v, err := d.GetVar(name, false)
	if err != nil {
		return nil, err
	}
	if v == nil {
		return nil, nil
	}
	// A Python list of strings: the cooker keeps it as a named []string type.
	if rv := reflect.ValueOf(v); rv.Kind() == reflect.Slice && rv.Type().Elem().Kind() == reflect.String {
		out := make([]string, rv.Len())
		for i := range out {
			out[i] = rv.Index(i).String()
		}
		return out, nil
	}
	return strings.Fields(data.Text(v)), nil
}

func flagText(d *data.Store, name, fl string, expand bool) (string, error) {
	v, err := d.GetVarFlag(name, fl, expand)
	if err != nil || v == nil {
		return "", err
	}
	return data.Text(v), nil
}

func hasFlag(flags []data.Flag, name string) bool {
	for _, f := range flags {
		if f.Name == name {
			return true
		}
	}
	return false
}

// truthy is bb.utils.to_boolean for flag values.
func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "0", "no", "n", "false", "f", "none":
		return false
	}
	return true
}

func textOrEmpty(v any) string {
	if v == nil {
		return ""
	}
	return data.Text(v)
}

func ptr(s string) *string { return &s }
