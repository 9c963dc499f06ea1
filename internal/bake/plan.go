package bake

import (
	"fmt"
	"regexp"
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

type recipeKey struct{ mc, fn string }

// Recipe returns the parsed recipe of a graph recipe.
func (p *Plan) Recipe(r *runqueue.Recipe) *cook.Recipe {
	return p.recipes[recipeKey{r.MC, r.File}]
}

// resolver is the taskdata: which recipe provides each build and runtime name, per
// multiconfig, and the recipes collected so far in the order they were added.
type resolver struct {
	c        *cook.Cooker
	indexes  map[string]*cook.Index
	recipes  map[recipeKey]*cook.Recipe
	order    []recipeKey
	provider map[[2]string]recipeKey // (mc, name) -> recipe
	rprov    map[[2]string]recipeKey
	builder  *runqueue.Builder
}

// Prepare resolves the request against the cooker's configuration and builds the graph.
func Prepare(c *cook.Cooker, req Request) (*Plan, error) {
	r := &resolver{
		c: c, indexes: map[string]*cook.Index{}, recipes: map[recipeKey]*cook.Recipe{},
		provider: map[[2]string]recipeKey{}, rprov: map[[2]string]recipeKey{},
		builder: runqueue.NewBuilder(),
	}
	defTask := req.DefaultTask
	if defTask == "" {
		defTask = "build"
	}
	var targets []runqueue.Target
	for _, s := range req.Targets {
		t := runqueue.ParseTarget(s, defTask)
		if _, err := r.provide(t.MC, t.Name); err != nil {
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
	for _, ri := range idx.Recipes {
		if ri.Err != nil {
			return nil, fmt.Errorf("parsing %s: %w", ri.File, ri.Err)
		}
	}
	r.indexes[mc] = idx
	return idx, nil
}

// NoProviderError says that nothing provides a build or runtime name.
type NoProviderError struct {
	MC, Name string
	Runtime  bool
	Needed   string // who needs it, "" for a command-line target
}

func (e *NoProviderError) Error() string {
	kind := "provides"
	if e.Runtime {
		kind = "rprovides"
	}
	name := e.Name
	if e.MC != "" {
		name = "mc:" + e.MC + ":" + name
	}
	msg := fmt.Sprintf("nothing %s %s", kind, name)
	if e.Needed != "" {
		msg += " (needed by " + e.Needed + ")"
	}
	return msg
}

// provide resolves a build-time name to a recipe and adds it to the plan.
func (r *resolver) provide(mc, name string) (recipeKey, error) {
	if k, ok := r.provider[[2]string{mc, name}]; ok {
		return k, nil
	}
	idx, err := r.index(mc)
	if err != nil {
		return recipeKey{}, err
	}
	cands, _ := r.c.Providers(idx, name)
	if len(cands) == 0 {
		return recipeKey{}, &NoProviderError{MC: mc, Name: name}
	}
	k, err := r.add(mc, cands[0])
	if err != nil {
		return recipeKey{}, err
	}
	r.provider[[2]string{mc, name}] = k
	return k, nil
}

// rprovide resolves a runtime name: a recipe providing it (PN or PROVIDES), or one whose
// PACKAGES or RPROVIDES name it.
func (r *resolver) rprovide(mc, name string) (recipeKey, bool, error) {
	if k, ok := r.rprov[[2]string{mc, name}]; ok {
		return k, true, nil
	}
	idx, err := r.index(mc)
	if err != nil {
		return recipeKey{}, false, err
	}
	if cands, _ := r.c.Providers(idx, name); len(cands) > 0 {
		k, err := r.add(mc, cands[0])
		if err != nil {
			return recipeKey{}, false, err
		}
		r.rprov[[2]string{mc, name}] = k
		return k, true, nil
	}
	for _, k := range r.order {
		if k.mc != mc {
			continue
		}
		d := r.recipes[k].Data
		pkgs := words(d, "PACKAGES")
		for _, p := range pkgs {
			if p == name || contains(words(d, "RPROVIDES:"+p), name) {
				r.rprov[[2]string{mc, name}] = k
				return k, true, nil
			}
		}
	}
	return recipeKey{}, false, nil
}

func (r *resolver) add(mc string, ri *cook.RecipeInfo) (recipeKey, error) {
	k := recipeKey{mc, ri.VirtualFn}
	if _, ok := r.recipes[k]; ok {
		return k, nil
	}
	variants, err := r.c.ParseRecipe(ri.File, mc, "")
	if err != nil {
		return k, err
	}
	for _, v := range variants {
		if v.VirtualFn == ri.VirtualFn {
			r.recipes[k] = v
			r.order = append(r.order, k)
			return k, nil
		}
	}
	return k, fmt.Errorf("%s: variant %s not found after parsing", ri.File, ri.VirtualFn)
}

// addDeps collects what recipe k needs: DEPENDS, RDEPENDS/RRECOMMENDS of its packages, and
// the names in its tasks' [depends], [rdepends] and [mcdepends].
func (r *resolver) addDeps(k recipeKey) error {
	rec := r.recipes[k]
	d := rec.Data
	pn, _, _ := d.Get("PN")
	for _, dep := range explodeDeps(text(d, "DEPENDS")) {
		if _, err := r.provide(k.mc, dep); err != nil {
			if np, ok := err.(*NoProviderError); ok {
				np.Needed = pn
			}
			return err
		}
	}
	for _, name := range r.runtimeDeps(d) {
		if _, _, err := r.rprovide(k.mc, name); err != nil {
			return err
		}
	}
	td := taskDeps(d)
	if td == nil {
		return nil
	}
	for _, task := range td.Tasks {
		for _, dep := range strings.Fields(td.Flags["depends"][task]) {
			name, _, _ := strings.Cut(dep, ":")
			if _, err := r.provide(k.mc, name); err != nil {
				if np, ok := err.(*NoProviderError); ok {
					np.Needed = pn + ":" + task + "[depends]"
				}
				return err
			}
		}
		for _, dep := range strings.Fields(td.Flags["rdepends"][task]) {
			name, _, _ := strings.Cut(dep, ":")
			if _, _, err := r.rprovide(k.mc, name); err != nil {
				return err
			}
		}
		for _, dep := range strings.Fields(td.Flags["mcdepends"][task]) {
			parts := strings.Split(dep, ":")
			if len(parts) != 5 || parts[0] != "mc" {
				return fmt.Errorf("%s:%s[mcdepends]: %q is not mc:FROM:TO:PN:TASK", rec.File, task, dep)
			}
			if parts[1] != k.mc {
				continue
			}
			if _, err := r.provide(parts[2], parts[3]); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *resolver) runtimeDeps(d *data.Store) []string {
	var out []string
	for _, p := range words(d, "PACKAGES") {
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
	for _, name := range r.runtimeDeps(d) {
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

var versionConstraint = regexp.MustCompile(`\([^)]*\)`)

// explodeDeps is bb.utils.explode_deps: names without their "(>= 1.0)" constraints.
func explodeDeps(s string) []string {
	return strings.Fields(versionConstraint.ReplaceAllString(s, " "))
}

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

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
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
