package runqueue

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
)

// RecipeSpec is what the cooker tells the graph builder about one recipe after parsing and
// provider resolution.
type RecipeSpec struct {
	MC      string
	File    string // BitBake's fn for this variant
	PN      string
	Version string // "PE:PV-PR"
	Stamp   string // STAMP (expanded)
	// DependsOn and RDependsOn are DEPENDS and RDEPENDS (with RRECOMMENDS) already resolved
	// to the File of the chosen provider recipe in the same multiconfig; names that are
	// ASSUME_PROVIDED or unresolvable are left out by the caller.
	DependsOn  []string
	RDependsOn []string
	// Tasks in addtask order, after deltask (see TaskList).
	Tasks []TaskSpec
}

// TaskSpec is one task of a recipe with the flags the graph needs.
type TaskSpec struct {
	Name  string   // "do_compile"
	After []string // predecessors in the recipe: the task's "deps" flag (TaskList.After)
	// Depends and RDepends are the [depends] and [rdepends] flags, "NAME:do_TASK" entries
	// where NAME is a build (runtime) target resolved with Builder.Provide (RProvide).
	Depends  []string
	RDepends []string
	// DepTask, RDepTask, RecRDepTask, RecIDepTask are the task names of those flags.
	DepTask     []string
	RDepTask    []string
	RecRDepTask []string
	RecIDepTask []string
	// MCDepends is [mcdepends]: "mc:FROM:TO:PN:do_TASK" entries.
	MCDepends     []string
	NoExec        bool
	NoStamp       bool
	Network       bool
	NumberThreads int
	LockFiles     []string
	Pos           string // "file:line" of the addtask
}

// Builder turns recipes into a Graph, expanding dependency flags as BitBake's
// RunQueueData.prepare does. Use NewBuilder, AddRecipe for every recipe the cooker has
// collected for the build (in BitBake's taskdata order, which decides pn-buildlist's order),
// Provide/RProvide for provider names other than PN, then Build.
type Builder struct {
	recipes   []*builderRecipe
	byFile    map[[2]string]int         // (mc, file) -> recipe
	provide   map[string]map[string]int // mc -> build target -> recipe
	rprovide  map[string]map[string]int // mc -> runtime target -> recipe
	assumed   map[string]bool           // ASSUME_PROVIDED
	mcdepends map[string][]string       // mc -> every [mcdepends] entry of its recipes
}

type builderRecipe struct {
	spec  RecipeSpec
	rec   *Recipe
	tasks map[string]int // task name -> global task index
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{
		byFile:    map[[2]string]int{},
		provide:   map[string]map[string]int{},
		rprovide:  map[string]map[string]int{},
		assumed:   map[string]bool{},
		mcdepends: map[string][]string{},
	}
}

// AssumeProvided marks build target names as provided by the host (ASSUME_PROVIDED):
// [depends] entries naming them are dropped.
func (b *Builder) AssumeProvided(names ...string) {
	for _, n := range names {
		b.assumed[n] = true
	}
}

// AddRecipe adds one recipe. Its PN becomes a build and runtime target name for it.
func (b *Builder) AddRecipe(spec RecipeSpec) error {
	key := [2]string{spec.MC, spec.File}
	if _, dup := b.byFile[key]; dup {
		return fmt.Errorf("recipe %s added twice to the task graph", TaskID{MC: spec.MC, File: spec.File})
	}
	i := len(b.recipes)
	b.byFile[key] = i
	b.recipes = append(b.recipes, &builderRecipe{spec: spec, rec: &Recipe{
		MC: spec.MC, File: spec.File, PN: spec.PN, Version: spec.Version, Stamp: spec.Stamp, index: i,
	}})
	setDefault(b.provide, spec.MC, spec.PN, i)
	setDefault(b.rprovide, spec.MC, spec.PN, i)
	for _, t := range spec.Tasks {
		for _, d := range t.MCDepends {
			if !slices.Contains(b.mcdepends[spec.MC], d) {
				b.mcdepends[spec.MC] = append(b.mcdepends[spec.MC], d)
			}
		}
	}
	return nil
}

func setDefault(m map[string]map[string]int, mc, name string, i int) {
	if m[mc] == nil {
		m[mc] = map[string]int{}
	}
	if _, ok := m[mc][name]; !ok {
		m[mc][name] = i
	}
}

// Provide records that the recipe (mc, file) is the chosen provider of build target name.
func (b *Builder) Provide(mc, name, file string) error {
	return b.setProvider(b.provide, mc, name, file)
}

// RProvide records that the recipe (mc, file) is the chosen provider of runtime name.
func (b *Builder) RProvide(mc, name, file string) error {
	return b.setProvider(b.rprovide, mc, name, file)
}

func (b *Builder) setProvider(m map[string]map[string]int, mc, name, file string) error {
	i, ok := b.byFile[[2]string{mc, file}]
	if !ok {
		return fmt.Errorf("provider %s for %q: recipe not added", TaskID{MC: mc, File: file}, name)
	}
	if m[mc] == nil {
		m[mc] = map[string]int{}
	}
	m[mc][name] = i
	return nil
}

// Request says what to build: targets, and bitbake's --runall / --runonly task names.
type Request struct {
	Targets []Target
	RunAll  []string
	RunOnly []string
}

// expansion is the working state of Build: every task of every recipe, by global index.
type expansion struct {
	b     *Builder
	tasks []*Task
	spec  []*TaskSpec
	deps  []map[int]struct{}
}

func (x *expansion) lookup(recipe int, task string) (int, bool) {
	i, ok := x.b.recipes[recipe].tasks[task]
	return i, ok
}

func (x *expansion) errorf(t int, format string, args ...any) error {
	return &GraphError{Task: x.tasks[t].ID, Pos: x.spec[t].Pos, Msg: fmt.Sprintf(format, args...)}
}

// Build expands dependencies, selects the tasks the request needs and checks for cycles.
func (b *Builder) Build(req Request) (*Graph, error) {
	x, recursive, err := b.expand()
	if err != nil {
		return nil, err
	}
	x.recursive(recursive)
	return x.prune(req)
}

// expand creates every task and computes its direct dependencies.
func (b *Builder) expand() (*expansion, []recTask, error) {
	x := &expansion{b: b}
	for ri, r := range b.recipes {
		r.tasks = map[string]int{}
		for ti := range r.spec.Tasks {
			ts := &r.spec.Tasks[ti]
			if _, dup := r.tasks[ts.Name]; dup {
				continue
			}
			r.tasks[ts.Name] = len(x.tasks)
			x.tasks = append(x.tasks, &Task{
				ID:     TaskID{MC: r.spec.MC, File: r.spec.File, Task: ts.Name},
				Recipe: b.recipes[ri].rec, NoExec: ts.NoExec, NoStamp: ts.NoStamp, Network: ts.Network,
				NumberThreads: ts.NumberThreads, LockFiles: ts.LockFiles, Pos: ts.Pos, index: -1,
			})
			x.spec = append(x.spec, ts)
		}
	}
	x.deps = make([]map[int]struct{}, len(x.tasks))
	recursive, err := x.direct()
	return x, recursive, err
}

// providers resolves the recipe files of DEPENDS or RDEPENDS of recipe r.
func (x *expansion) providers(r *builderRecipe, files []string) ([]int, error) {
	out := make([]int, 0, len(files))
	for _, f := range files {
		i, ok := x.b.byFile[[2]string{r.spec.MC, f}]
		if !ok {
			return nil, fmt.Errorf("%s: dependency on recipe %s, which was not added to the task graph", r.spec.File, f)
		}
		out = append(out, i)
	}
	return out, nil
}

type recTask struct {
	task   int
	names  []string
	itasks []int
}

// direct is prepare()'s part A: per-task dependencies from addtask, [mcdepends], [deptask],
// [rdeptask], [depends], [rdepends] and the direct part of [recrdeptask]. It returns the
// tasks with [recrdeptask], in order.
func (x *expansion) direct() ([]recTask, error) {
	var recursive []recTask
	for ri, r := range x.b.recipes {
		depends, err := x.providers(r, r.spec.DependsOn)
		if err != nil {
			return nil, err
		}
		rdepends, err := x.providers(r, r.spec.RDependsOn)
		if err != nil {
			return nil, err
		}
		addFrom := func(set map[int]struct{}, recipes []int, names []string) {
			for _, dr := range recipes {
				for _, n := range names {
					if d, ok := x.lookup(dr, n); ok {
						set[d] = struct{}{}
					}
				}
			}
		}
		for _, t := range r.tasks {
			ts := x.spec[t]
			set := map[int]struct{}{}
			x.deps[t] = set
			if len(ts.MCDepends) > 0 {
				if err := x.mcdepends(t, set); err != nil {
					return nil, err
				}
			}
			for _, a := range ts.After {
				if d, ok := x.lookup(ri, a); ok {
					set[d] = struct{}{}
				}
			}
			addFrom(set, depends, ts.DepTask)
			addFrom(set, rdepends, ts.RDepTask)
			for _, group := range []struct {
				entries []string
				prov    map[string]map[string]int
				flag    string
			}{{ts.Depends, x.b.provide, "depends"}, {ts.RDepends, x.b.rprovide, "rdepends"}} {
				for _, e := range group.entries {
					name, task, ok := strings.Cut(e, ":")
					if !ok || strings.Contains(task, ":") {
						return nil, x.errorf(t, "[%s] entry %q must have the form NAME:TASK", group.flag, e)
					}
					if x.b.assumed[name] {
						continue
					}
					dr, ok := group.prov[r.spec.MC][name]
					if !ok {
						return nil, x.errorf(t, "[%s] names %q, which nothing provides", group.flag, name)
					}
					d, ok := x.lookup(dr, task)
					if !ok {
						return nil, x.errorf(t, "[%s] depends upon non-existent task %s in %s", group.flag, task, x.b.recipes[dr].spec.File)
					}
					set[d] = struct{}{}
				}
			}
			if len(ts.RecRDepTask) > 0 {
				rt := recTask{task: t, names: ts.RecRDepTask}
				addFrom(set, depends, ts.RecRDepTask)
				addFrom(set, rdepends, ts.RecRDepTask)
				for _, n := range ts.RecIDepTask {
					if d, ok := x.lookup(ri, n); ok {
						rt.itasks = append(rt.itasks, d)
					}
				}
				recursive = append(recursive, rt)
			}
			delete(set, t)
		}
	}
	return recursive, nil
}

// mcdepends adds, like runqueue.py's add_mc_dependencies, every [mcdepends] entry collected
// in the task's multiconfig whose FROM is that multiconfig (not only the task's own entries:
// BitBake does it this way).
func (x *expansion) mcdepends(t int, set map[int]struct{}) error {
	mc := x.tasks[t].ID.MC
	for _, dep := range x.b.mcdepends[mc] {
		parts := strings.Split(dep, ":")
		if len(parts) != 5 || parts[0] != "mc" {
			return x.errorf(t, "[mcdepends] entry %q must have the form mc:FROM:TO:PN:TASK", dep)
		}
		from, to, pn, task := parts[1], parts[2], parts[3], parts[4]
		if from != mc {
			continue
		}
		prov, ok := x.b.provide[to]
		if !ok {
			return x.errorf(t, "multiconfig %q is referenced in multiconfig dependency %q but not enabled in BBMULTICONFIG", to, dep)
		}
		dr, ok := prov[pn]
		if !ok {
			return x.errorf(t, "[mcdepends] %q: nothing provides %s in multiconfig %q", dep, pn, to)
		}
		d, ok := x.lookup(dr, task)
		if !ok {
			return x.errorf(t, "[mcdepends] %q depends upon non-existent task %s", dep, task)
		}
		set[d] = struct{}{}
	}
	return nil
}

// recipeSet is a set of recipe indices.
type recipeSet []uint64

func (s recipeSet) add(i int) { s[i/64] |= 1 << (i % 64) }
func (s recipeSet) union(o recipeSet) {
	for i := range s {
		s[i] |= o[i]
	}
}
func (s recipeSet) intersect(o recipeSet) {
	for i := range s {
		s[i] &= o[i]
	}
}
func (s recipeSet) remove(i int) { s[i/64] &^= 1 << (i % 64) }

// unionChanged adds o to s and reports whether s grew.
func (s recipeSet) unionChanged(o recipeSet) bool {
	grew := false
	for i := range s {
		if n := s[i] | o[i]; n != s[i] {
			s[i], grew = n, true
		}
	}
	return grew
}

func (s recipeSet) each(f func(int)) {
	for w, v := range s {
		for v != 0 {
			b := bits.TrailingZeros64(v)
			f(w*64 + b)
			v &^= 1 << b
		}
	}
}

// recursive is prepare()'s part B: [recrdeptask] closure. cum[t] is the set of recipes of
// every task t transitively depends on (computed once, before any recursive edge is added,
// as BitBake does); then every recursive task gets NAME of every recipe in the cum sets of
// its dependencies (and of its [recideptask] tasks), and the NAME dependencies of the
// recursive tasks it depends on, until nothing changes. Finally self-referencing recursive
// tasks ("do_a[recrdeptask] = 'do_a ...'") lose their edges to each other.
func (x *expansion) recursive(rts []recTask) {
	if len(rts) == 0 {
		return
	}
	n := len(x.tasks)
	words := (len(x.b.recipes) + 63) / 64
	cum := make([]recipeSet, n)
	store := make([]uint64, n*words)
	for i := range cum {
		cum[i] = store[i*words : (i+1)*words : (i+1)*words]
	}
	// Kahn order from the tasks without dependencies upwards; tasks on cycles are never
	// reached and keep partial sets, as in BitBake.
	left := make([]int, n)
	rev := make([][]int, n)
	for t, ds := range x.deps {
		left[t] = len(ds)
		for d := range ds {
			rev[d] = append(rev[d], t)
		}
	}
	queue := make([]int, 0, n)
	for t := range left {
		if left[t] == 0 {
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		for _, r := range rev[t] {
			cum[r].add(x.tasks[t].Recipe.index)
			cum[r].union(cum[t])
			if left[r]--; left[r] == 0 {
				queue = append(queue, r)
			}
		}
	}

	x.closure(rts, cum, words)
}

// closure runs part B's fixpoint loop. BitBake keeps plain sets of task IDs and rescans
// every recursive dependency's dependencies on each pass, which is quadratic in practice
// (every do_build depends on every other do_build until the self-reference removal). Here
// the dependencies a recursive task gains are kept as one recipe set per recursive task
// name ("recipes R such that R:NAME is a dependency"), which gives the same fixpoint with
// word-wide unions.
func (x *expansion) closure(rts []recTask, cum []recipeSet, words int) {
	// Every task name a [recrdeptask] lists gets an index k.
	nameIdx := map[string]int{}
	var names []string
	for _, rt := range rts {
		for _, n := range rt.names {
			if _, ok := nameIdx[n]; !ok {
				nameIdx[n] = len(names)
				names = append(names, n)
			}
		}
	}
	newSets := func() []recipeSet {
		store := make([]uint64, len(names)*words)
		sets := make([]recipeSet, len(names))
		for k := range sets {
			sets[k] = store[k*words : (k+1)*words : (k+1)*words]
		}
		return sets
	}
	has := newSets()                    // has[k]: recipes with a task names[k]
	recHas := newSets()                 // recHas[k]: recipes whose task names[k] has [recrdeptask]
	taskOf := make([][]int, len(names)) // taskOf[k][recipe]: the task names[k] of recipe
	for k, n := range names {
		taskOf[k] = make([]int, len(x.b.recipes))
		for ri := range x.b.recipes {
			t, ok := x.lookup(ri, n)
			if ok {
				has[k].add(ri)
			} else {
				t = -1
			}
			taskOf[k][ri] = t
		}
	}
	recOf := make([]int, len(x.tasks)) // task -> index in rts, or -1
	for i := range recOf {
		recOf[i] = -1
	}
	for i, rt := range rts {
		recOf[rt.task] = i
		if k, ok := nameIdx[x.tasks[rt.task].ID.Task]; ok {
			recHas[k].add(x.tasks[rt.task].Recipe.index)
		}
	}
	// got[i][k]: recipes R with R:names[k] among rts[i]'s dependencies; origRec[i]: the
	// recursive tasks among its direct dependencies.
	got := make([][]recipeSet, len(rts))
	origRec := make([][]int, len(rts))
	ks := make([][]int, len(rts)) // indices of rts[i].names
	for i, rt := range rts {
		got[i] = newSets()
		for d := range x.deps[rt.task] {
			if k, ok := nameIdx[x.tasks[d].ID.Task]; ok {
				got[i][k].add(x.tasks[d].Recipe.index)
			}
			if recOf[d] >= 0 {
				origRec[i] = append(origRec[i], d)
			}
		}
		for _, n := range rt.names {
			ks[i] = append(ks[i], nameIdx[n])
		}
	}
	// eachDep calls f for every current dependency of task t.
	eachDep := func(t int, f func(int)) {
		for d := range x.deps[t] {
			f(d)
		}
		if i := recOf[t]; i >= 0 {
			for k, set := range got[i] {
				set.each(func(r int) { f(taskOf[k][r]) })
			}
		}
	}
	acc := make(recipeSet, words)
	tmp := make(recipeSet, words)
	var recDeps []int
	for changed := true; changed; {
		changed = false
		for i, rt := range rts {
			clear(acc)
			eachDep(rt.task, func(d int) { acc.union(cum[d]) })
			for _, it := range rt.itasks {
				acc.union(cum[it])
				eachDep(it, func(d int) { acc.union(cum[d]) })
			}
			self := x.tasks[rt.task]
			for _, k := range ks[i] {
				copy(tmp, acc)
				tmp.intersect(has[k])
				if names[k] == self.ID.Task {
					tmp.remove(self.Recipe.index)
				}
				changed = got[i][k].unionChanged(tmp) || changed
			}
			// Recursive tasks depended upon pass on their dependencies of the same names.
			recDeps = append(recDeps[:0], origRec[i]...)
			for k := range names {
				copy(tmp, got[i][k])
				tmp.intersect(recHas[k])
				tmp.each(func(r int) { recDeps = append(recDeps, taskOf[k][r]) })
			}
			for _, d := range recDeps {
				j := recOf[d]
				for _, k := range ks[i] {
					changed = got[i][k].unionChanged(got[j][k]) || changed
				}
			}
		}
	}
	// Materialise, dropping the edges between self-referencing recursive tasks.
	selfref := map[int]bool{}
	for _, rt := range rts {
		if slices.Contains(rt.names, x.tasks[rt.task].ID.Task) {
			selfref[rt.task] = true
		}
	}
	for i, rt := range rts {
		mine := x.deps[rt.task]
		self := selfref[rt.task]
		if self {
			for d := range mine {
				if selfref[d] {
					delete(mine, d)
				}
			}
		}
		for _, k := range ks[i] {
			got[i][k].each(func(r int) {
				if d := taskOf[k][r]; !self || !selfref[d] {
					mine[d] = struct{}{}
				}
			})
		}
	}
}
