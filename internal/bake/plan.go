package bake

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/gobake/gobake/internal/cook"
	"github.com/gobake/gobake/internal/data"
	"github.com/gobake/gobake/runqueue"
)

// Request is what to build.
type Request struct {
	Targets     []string // command-line targets: [mc:MC:]NAME[:do_TASK]
	DefaultTask string   // task for targets without one ("build", or -c TASK)
	RunAll      []string // --runall
	RunOnly     []string // --runonly
}

// Plan is a resolved build: the task graph and the parsed recipes it runs.
type Plan struct {
	Graph   *runqueue.Graph
	recipes map[recipeKey]*cook.Recipe
}

// recipeKey names a recipe variant: multiconfig and virtual file name without the
// "mc:NAME:" prefix ("virtual:native:/path/x.bb"), as the graph's Recipe.MC and File.
type recipeKey struct{ mc, fn string }

// Recipe returns the parsed recipe of a graph recipe.
func (p *Plan) Recipe(r *runqueue.Recipe) *cook.Recipe {
	return p.recipes[recipeKey{r.MC, r.File}]
}

// resolver is the taskdata: which recipe provides each build and runtime name, per
// multiconfig, and the recipes collected so far in the order they were added.
type resolver struct {
	c            *cook.Cooker
	indexes      map[string]*cook.Index
	recipes      map[recipeKey]*cook.Recipe
	order        []recipeKey
	provider     map[[2]string]recipeKey // (mc, name) -> recipe
	rprov        map[[2]string]recipeKey
	parsed       map[recipeKey][]*cook.Recipe // (mc, file) -> every variant, parsed once
	runtime      map[string]*runtimeIndex     // per multiconfig, built on first use
	assumedNames map[string]bool              // ASSUME_PROVIDED names met, for [depends]
	builder      *runqueue.Builder
}

// Prepare resolves the request against the cooker's configuration and builds the graph.
func Prepare(c *cook.Cooker, req Request) (*Plan, error) {
	r := &resolver{
		c: c, indexes: map[string]*cook.Index{}, recipes: map[recipeKey]*cook.Recipe{},
		provider: map[[2]string]recipeKey{}, rprov: map[[2]string]recipeKey{},
		parsed: map[recipeKey][]*cook.Recipe{}, runtime: map[string]*runtimeIndex{}, assumedNames: map[string]bool{},
		builder: runqueue.NewBuilder(),
	}
	defTask := req.DefaultTask
	if defTask == "" {
		defTask = "build"
	}
	var targets []runqueue.Target
	for _, s := range req.Targets {
		t := runqueue.ParseTarget(s, defTask)
		if _, _, err := r.provide(t.MC, t.Name); err != nil {
			return nil, err
		}
		targets = append(targets, t)
	}
	// Dependencies of the recipes collected so far, until nothing new is added.
	for i := 0; i < len(r.order); i++ {
		if err := r.addDeps(r.order[i]); err != nil {
			return nil, err
		}
	}
	for _, k := range r.order {
		spec, err := r.spec(k)
		if err != nil {
			return nil, err
		}
		if err := r.builder.AddRecipe(spec); err != nil {
			return nil, err
		}
	}
	for name := range r.assumedNames {
		r.builder.AssumeProvided(name)
	}
	for name, k := range r.provider {
		if err := r.builder.Provide(name[0], name[1], k.fn); err != nil {
			return nil, err
		}
	}
	for name, k := range r.rprov {
		if err := r.builder.RProvide(name[0], name[1], k.fn); err != nil {
			return nil, err
		}
	}
	g, err := r.builder.Build(runqueue.Request{Targets: targets, RunAll: req.RunAll, RunOnly: req.RunOnly})
	if err != nil {
		return nil, err
	}
	return &Plan{Graph: g, recipes: r.recipes}, nil
}

func (r *resolver) index(mc string) (*cook.Index, error) {
	if idx, ok := r.indexes[mc]; ok {
		return idx, nil
	}
	idx, err := r.c.ParseAll(mc)
	if err != nil {
		return nil, err
	}
	// BitBake stops when any recipe fails to parse, needed or not.
	var first *cook.RecipeInfo
	failed := 0
	for _, ri := range idx.Recipes {
		if ri.Err != nil {
			if first == nil {
				first = ri
			}
			failed++
		}
	}
	if first != nil {
		more := ""
		if failed > 1 {
			more = fmt.Sprintf(" (and %d more of %d recipes failed)", failed-1, len(idx.Recipes))
		}
		return nil, fmt.Errorf("parsing %s: %w%s", first.File, first.Err, more)
	}
	r.indexes[mc] = idx
	return idx, nil
}

// noProvider is BitBake's NoProvider error for name in mc: the skipped recipes that would
// have provided it, else (build-time names) the close matches among what the multiconfig
// provides and what was skipped, and the recipes that package name. dependees are the
// virtual file names of the recipes that (R)DEPEND on it.
func (r *resolver) noProvider(mc, name string, runtime bool, dependees []string) error {
	skips, err := r.c.SkipList(r.index)
	if err != nil {
		return err
	}
	idx, err := r.index(mc)
	if err != nil {
		return err
	}
	var rprov []string
	if !runtime {
		rt, err := r.runtimeIndex(mc)
		if err != nil {
			return err
		}
		for _, ri := range rt.providers(name) {
			rprov = append(rprov, ri.PN+" RPROVIDES "+name)
		}
	}
	return cook.NoProvider(name, runtime, dependees, skips, cook.ProviderNames(idx), rprov)
}

// dependees are taskdata's get_dependees/get_rdependees: the recipes of mc collected so far
// whose DEPENDS (runtime: RDEPENDS and RRECOMMENDS) name name, by virtual file name.
func (r *resolver) dependees(mc, name string, runtime bool) []string {
	var out []string
	for _, k := range r.order {
		if k.mc != mc {
			continue
		}
		d := r.recipes[k].Data
		deps := explodeDeps(text(d, "DEPENDS"))
		if runtime {
			deps = runtimeDeps(d)
		}
		if slices.Contains(deps, name) {
			out = append(out, r.recipes[k].VirtualFn)
		}
	}
	return out
}

// provide resolves a build-time name to a recipe and adds it to the plan. Names matching
// ASSUME_PROVIDED resolve to nothing (ok false), as BitBake ignores them.
func (r *resolver) provide(mc, name string) (recipeKey, bool, error) {
	if k, ok := r.provider[[2]string{mc, name}]; ok {
		return k, true, nil
	}
	if r.assumed(mc, name) {
		return recipeKey{}, false, nil
	}
	idx, err := r.index(mc)
	if err != nil {
		return recipeKey{}, false, err
	}
	cands, _ := r.c.Providers(idx, name)
	if len(cands) == 0 {
		return recipeKey{}, false, r.noProvider(mc, name, false, nil)
	}
	k, err := r.add(mc, cands[0])
	if err != nil {
		return recipeKey{}, false, err
	}
	r.provider[[2]string{mc, name}] = k
	return k, true, nil
}

// assumed is re_match_strings over ASSUME_PROVIDED: entries starting with ^ or ending
// with $ are regular expressions matched at the start of the name, others plain names.
func (r *resolver) assumed(mc, name string) bool {
	d := r.c.MC[mc]
	if d == nil {
		return false
	}
	for _, pat := range words(d, "ASSUME_PROVIDED") {
		if !strings.HasPrefix(pat, "^") && !strings.HasSuffix(pat, "$") {
			if pat == name {
				r.assumedNames[name] = true
				return true
			}
			continue
		}
		if re, err := regexp.Compile("^(?:" + pat + ")"); err == nil && re.MatchString(name) {
			r.assumedNames[name] = true
			return true
		}
	}
	return false
}

// rprovide resolves a runtime name (bb.providers.getRuntimeProviders and
// filterProvidersRunTime): recipes whose RPROVIDES, RPROVIDES:PKG or PACKAGES name it, else
// those whose PACKAGES_DYNAMIC patterns match it; PREFERRED_RPROVIDER_name, then a
// PREFERRED_PROVIDER of something the candidates provide, picks one.
func (r *resolver) rprovide(mc, name string) (recipeKey, bool, error) {
	if k, ok := r.rprov[[2]string{mc, name}]; ok {
		return k, true, nil
	}
	if r.assumed(mc, name) {
		return recipeKey{}, false, nil
	}
	rt, err := r.runtimeIndex(mc)
	if err != nil {
		return recipeKey{}, false, err
	}
	cands := rt.providers(name)
	if len(cands) == 0 {
		return recipeKey{}, false, r.noProvider(mc, name, true, nil)
	}
	best, err := r.preferRuntime(mc, name, cands)
	if err != nil {
		return recipeKey{}, false, err
	}
	k, err := r.add(mc, best)
	if err != nil {
		return recipeKey{}, false, err
	}
	r.rprov[[2]string{mc, name}] = k
	return k, true, nil
}

// runtimeIndex is what BitBake's parse cache knows of runtime names, per multiconfig.
type runtimeIndex struct {
	names   map[string][]*cook.RecipeInfo // RPROVIDES, RPROVIDES:PKG, then PACKAGES
	dynamic []dynamicPackages
}

type dynamicPackages struct {
	re *regexp.Regexp
	ri *cook.RecipeInfo
}

func (rt *runtimeIndex) providers(name string) []*cook.RecipeInfo {
	if c := rt.names[name]; len(c) > 0 {
		return c
	}
	var out []*cook.RecipeInfo
	for _, dp := range rt.dynamic {
		if dp.re.MatchString(name) && !slices.Contains(out, dp.ri) {
			out = append(out, dp.ri)
		}
	}
	return out
}

// runtimeIndex parses every recipe of mc (the cooker's index keeps only build-time
// PROVIDES) and records the runtime names each variant provides.
func (r *resolver) runtimeIndex(mc string) (*runtimeIndex, error) {
	if rt, ok := r.runtime[mc]; ok {
		return rt, nil
	}
	idx, err := r.index(mc)
	if err != nil {
		return nil, err
	}
	rt := &runtimeIndex{names: map[string][]*cook.RecipeInfo{}}
	addName := func(n string, ri *cook.RecipeInfo) {
		if !slices.Contains(rt.names[n], ri) {
			rt.names[n] = append(rt.names[n], ri)
		}
	}
	for _, ri := range idx.Recipes {
		if ri.Skipped != "" || ri.Err != nil {
			continue
		}
		rec, err := r.variant(mc, ri)
		if err != nil {
			return nil, err
		}
		d := rec.Data
		pkgs := words(d, "PACKAGES")
		if len(pkgs) == 0 {
			pkgs = []string{ri.PN}
		}
		for _, n := range explodeDeps(text(d, "RPROVIDES")) {
			addName(n, ri)
		}
		for _, p := range pkgs {
			for _, n := range explodeDeps(text(d, "RPROVIDES:"+p)) {
				addName(n, ri)
			}
		}
		for _, p := range pkgs {
			addName(p, ri)
		}
		for _, pat := range words(d, "PACKAGES_DYNAMIC") {
			re, err := regexp.Compile("^(?:" + strings.ReplaceAll(pat, "+", `\+`) + ")")
			if err != nil {
				return nil, fmt.Errorf("%s: PACKAGES_DYNAMIC %q: %w", ri.VirtualFn, pat, err)
			}
			rt.dynamic = append(rt.dynamic, dynamicPackages{re, ri})
		}
	}
	r.runtime[mc] = rt
	return rt, nil
}

// preferRuntime is filterProvidersRunTime's choice among runtime candidates: one variant
// per PN (the cooker's preferred version), PNs with a PREFERRED_VERSION first, each group in
// name order, the PN equal to the name in front; then PREFERRED_RPROVIDER_name, else the
// recipe that a PREFERRED_PROVIDER_x names, x being something a candidate PROVIDES (two
// such recipes are an error, as in BitBake), else the first.
func (r *resolver) preferRuntime(mc, name string, cands []*cook.RecipeInfo) (*cook.RecipeInfo, error) {
	idx, d := r.indexes[mc], r.c.MC[mc]
	byPN := map[string]*cook.RecipeInfo{}
	var pns []string
	for _, c := range cands {
		if _, ok := byPN[c.PN]; ok {
			continue
		}
		pns = append(pns, c.PN)
		byPN[c.PN] = c
		if ps, _ := r.c.Providers(idx, c.PN); len(ps) > 0 && slices.Contains(cands, ps[0]) {
			byPN[c.PN] = ps[0]
		}
	}
	hasPref := func(pn string) bool { return text(d, "PREFERRED_VERSION_"+pn) != "" }
	slices.SortFunc(pns, func(a, b string) int {
		if hasPref(a) != hasPref(b) {
			if hasPref(a) {
				return -1
			}
			return 1
		}
		return strings.Compare(a, b)
	})
	if i := slices.Index(pns, name); i > 0 {
		pns = append([]string{name}, slices.Delete(pns, i, i+1)...)
	}
	if pref := text(d, "PREFERRED_RPROVIDER_"+name); pref != "" && byPN[pref] != nil {
		return byPN[pref], nil
	}
	var preferred []string
	for _, pn := range pns {
		for _, p := range byPN[pn].Provides {
			if pref := text(d, "PREFERRED_PROVIDER_"+p); byPN[pref] != nil && !slices.Contains(preferred, pref) {
				preferred = append(preferred, pref)
				break
			}
		}
	}
	switch len(preferred) {
	case 0:
		return byPN[pns[0]], nil
	case 1:
		return byPN[preferred[0]], nil
	}
	return nil, fmt.Errorf("runtime dependency %s: conflicting PREFERRED_PROVIDER entries choose %s; set PREFERRED_RPROVIDER_%s",
		name, strings.Join(preferred, ", "), name)
}

// variant returns the parsed recipe of ri, parsing its file (all variants) once.
func (r *resolver) variant(mc string, ri *cook.RecipeInfo) (*cook.Recipe, error) {
	fk := recipeKey{mc, ri.File}
	variants, ok := r.parsed[fk]
	if !ok {
		var err error
		variants, err = r.c.ParseRecipe(ri.File, mc, "")
		if err != nil {
			return nil, err
		}
		r.parsed[fk] = variants
	}
	for _, v := range variants {
		if v.VirtualFn == ri.VirtualFn {
			return v, nil
		}
	}
	return nil, fmt.Errorf("%s: variant %s not found after parsing", ri.File, ri.VirtualFn)
}

func (r *resolver) add(mc string, ri *cook.RecipeInfo) (recipeKey, error) {
	// The graph names recipes by multiconfig and file; the file keeps its variant prefix.
	k := recipeKey{mc, cook.VirtualFn(ri.File, ri.Variant, "")}
	if _, ok := r.recipes[k]; ok {
		return k, nil
	}
	v, err := r.variant(mc, ri)
	if err != nil {
		return k, err
	}
	r.recipes[k] = v
	r.order = append(r.order, k)
	return k, nil
}

// addDeps collects what recipe k needs: DEPENDS, RDEPENDS/RRECOMMENDS (of the recipe and
// of its packages), and the names in its tasks' [depends], [rdepends] and [mcdepends].
// BitBake fails a recipe whose dependency nothing provides, and the build when that recipe
// is needed: every recipe here is needed, so the first missing provider is the error.
func (r *resolver) addDeps(k recipeKey) error {
	rec := r.recipes[k]
	d := rec.Data
	// A missing DEPENDS or RDEPENDS names the recipes needing it; a task's [depends] and
	// [rdepends] do not, as in BitBake.
	needed := func(err error) error {
		if np, ok := err.(*cook.NoProviderError); ok && np.Dependees == nil {
			np.Dependees = r.dependees(k.mc, np.Item, np.Runtime)
		}
		return err
	}
	for _, dep := range explodeDeps(text(d, "DEPENDS")) {
		if _, _, err := r.provide(k.mc, dep); err != nil {
			return needed(err)
		}
	}
	for _, name := range runtimeDeps(d) {
		if _, _, err := r.rprovide(k.mc, name); err != nil {
			return needed(err)
		}
	}
	td := taskDeps(d)
	if td == nil {
		return nil
	}
	// BitBake's message for a task's [depends] names nobody: say where it is.
	where := func(err error, task, flag string) error {
		if np, ok := err.(*cook.NoProviderError); ok && np.Where == "" {
			np.Where = rec.VirtualFn + ":" + task + "[" + flag + "]"
		}
		return err
	}
	for _, task := range td.Tasks {
		for _, dep := range strings.Fields(td.Flags["depends"][task]) {
			name, _, _ := strings.Cut(dep, ":")
			if _, _, err := r.provide(k.mc, name); err != nil {
				return where(err, task, "depends")
			}
		}
		for _, dep := range strings.Fields(td.Flags["rdepends"][task]) {
			name, _, _ := strings.Cut(dep, ":")
			if _, _, err := r.rprovide(k.mc, name); err != nil {
				return where(err, task, "rdepends")
			}
		}
		for _, dep := range strings.Fields(td.Flags["mcdepends"][task]) {
			parts := strings.Split(dep, ":")
			if len(parts) != 5 || parts[0] != "mc" {
				return fmt.Errorf("%s:%s[mcdepends]: %q is not mc:FROM:TO:PN:TASK", rec.File, task, dep)
			}
			// BitBake's cooker adds the provider in the TO multiconfig whatever FROM says;
			// the runqueue uses the dependency only from FROM.
			if _, ok := r.c.MC[parts[2]]; !ok {
				// BitBake's line, and one naming the recipe and task that hold the entry
				// (BitBake does not say; it may be deep among the target's dependencies).
				return fmt.Errorf("%w\nin %s:%s[mcdepends]", cook.MCDependsError(dep, parts[2]), rec.VirtualFn, task)
			}
			if _, _, err := r.provide(parts[2], parts[3]); err != nil {
				return where(err, task, "mcdepends")
			}
		}
	}
	return nil
}

// runtimeDeps is the cache's rundeps and runrecs of a recipe: RDEPENDS and RRECOMMENDS,
// plain and of each package (PACKAGES, or PN when empty).
func runtimeDeps(d *data.Store) []string {
	pkgs := words(d, "PACKAGES")
	if len(pkgs) == 0 {
		pkgs = []string{text(d, "PN")}
	}
	out := explodeDeps(text(d, "RDEPENDS"))
	out = append(out, explodeDeps(text(d, "RRECOMMENDS"))...)
	for _, p := range pkgs {
		out = append(out, explodeDeps(text(d, "RDEPENDS:"+p))...)
		out = append(out, explodeDeps(text(d, "RRECOMMENDS:"+p))...)
	}
	return out
}

// spec describes recipe k to the graph builder.
func (r *resolver) spec(k recipeKey) (runqueue.RecipeSpec, error) {
	rec := r.recipes[k]
	d := rec.Data
	pn := text(d, "PN")
	s := runqueue.RecipeSpec{
		MC: k.mc, File: k.fn, PN: pn,
		Version: text(d, "PE") + ":" + text(d, "PV") + "-" + text(d, "PR"),
		Stamp:   text(d, "STAMP"),
	}
	seen := map[string]bool{}
	for _, dep := range explodeDeps(text(d, "DEPENDS")) {
		if p, ok := r.provider[[2]string{k.mc, dep}]; ok && !seen[p.fn] && p != k {
			seen[p.fn] = true
			s.DependsOn = append(s.DependsOn, p.fn)
		}
	}
	seen = map[string]bool{}
	for _, name := range runtimeDeps(d) {
		if p, ok := r.rprov[[2]string{k.mc, name}]; ok && !seen[p.fn] && p != k {
			seen[p.fn] = true
			s.RDependsOn = append(s.RDependsOn, p.fn)
		}
	}
	td := taskDeps(d)
	if td == nil {
		return s, fmt.Errorf("%s: no task information (_task_deps) after parsing", rec.File)
	}
	for _, task := range td.Tasks {
		ts := runqueue.TaskSpec{
			Name:        task,
			After:       td.Parents[task],
			Depends:     strings.Fields(td.Flags["depends"][task]),
			RDepends:    strings.Fields(td.Flags["rdepends"][task]),
			DepTask:     strings.Fields(td.Flags["deptask"][task]),
			RDepTask:    strings.Fields(td.Flags["rdeptask"][task]),
			RecRDepTask: strings.Fields(td.Flags["recrdeptask"][task]),
			RecIDepTask: strings.Fields(td.Flags["recideptask"][task]),
			MCDepends:   strings.Fields(td.Flags["mcdepends"][task]),
			NoExec:      truthy(td.Flags["noexec"][task]),
			NoStamp:     truthy(td.Flags["nostamp"][task]),
			Network:     truthy(flagText(d, task, "network")),
			LockFiles:   strings.Fields(flagText(d, task, "lockfiles")),
		}
		if n := flagText(d, task, "number_threads"); n != "" {
			fmt.Sscan(n, &ts.NumberThreads)
		}
		if f := flagText(d, task, "filename"); f != "" {
			ts.Pos = f + ":" + flagText(d, task, "lineno")
		}
		s.Tasks = append(s.Tasks, ts)
	}
	return s, nil
}

func taskDeps(d *data.Store) *cook.TaskDeps {
	v, _ := d.GetVar("_task_deps", false)
	td, _ := v.(*cook.TaskDeps)
	return td
}

// explodeDeps is bb.utils.explode_deps.
var explodeDeps = cook.ExplodeDeps

func text(d *data.Store, name string) string {
	v, _, _ := d.Get(name)
	return v
}

func words(d *data.Store, name string) []string { return strings.Fields(text(d, name)) }

func flagText(d *data.Store, name, fl string) string {
	v, err := d.GetVarFlag(name, fl, true)
	if err != nil || v == nil {
		return ""
	}
	return data.Text(v)
}

// truthy is bb.utils.to_boolean for flag values.
func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "0", "no", "n", "false", "f", "none":
		return false
	}
	return true
}
