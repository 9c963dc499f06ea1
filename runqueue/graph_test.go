package runqueue

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// rec is a compact recipe description for tests: tasks are "name[ after a,b][ flag=v1,v2]..."
// with flags deptask, rdeptask, recrdeptask, recideptask, depends, rdepends, mcdepends,
// noexec.
func rec(mc, pn string, depends, rdepends []string, tasks ...string) RecipeSpec {
	r := RecipeSpec{MC: mc, File: "/layer/" + pn + ".bb", PN: pn, Version: ":1.0-r0", Stamp: "",
		DependsOn: fileNames(depends), RDependsOn: fileNames(rdepends)}
	for _, line := range tasks {
		f := strings.Fields(line)
		ts := TaskSpec{Name: f[0]}
		for _, kv := range f[1:] {
			k, v, _ := strings.Cut(kv, "=")
			vs := strings.Split(v, ",")
			switch k {
			case "after":
				ts.After = vs
			case "deptask":
				ts.DepTask = vs
			case "rdeptask":
				ts.RDepTask = vs
			case "recrdeptask":
				ts.RecRDepTask = vs
			case "recideptask":
				ts.RecIDepTask = vs
			case "depends":
				ts.Depends = vs
			case "rdepends":
				ts.RDepends = vs
			case "mcdepends":
				ts.MCDepends = vs
			case "noexec":
				ts.NoExec = true
			case "nostamp":
				ts.NoStamp = true
			default:
				panic("unknown flag " + k)
			}
		}
		r.Tasks = append(r.Tasks, ts)
	}
	return r
}

func fileNames(pns []string) []string {
	var out []string
	for _, pn := range pns {
		out = append(out, "/layer/"+pn+".bb")
	}
	return out
}

func build(t *testing.T, req Request, recipes ...RecipeSpec) *Graph {
	t.Helper()
	g, err := newBuilder(t, recipes...).Build(req)
	if err != nil {
		t.Fatalf("Build: %v", err)
	}
	return g
}

func newBuilder(t *testing.T, recipes ...RecipeSpec) *Builder {
	t.Helper()
	b := NewBuilder()
	for _, r := range recipes {
		if err := b.AddRecipe(r); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

func target(name, task string) Request {
	return Request{Targets: []Target{ParseTarget(name, task)}}
}

// edges lists "pn.task -> pn.task" lines, sorted, with mc: prefixes as the dot file has them.
func edges(g *Graph) []string {
	var out []string
	for _, t := range g.Tasks {
		for _, d := range t.Deps {
			out = append(out, dotPN(t.Recipe)+"."+t.ID.Task+" -> "+dotPN(d.Recipe)+"."+d.ID.Task)
		}
	}
	slices.Sort(out)
	return out
}

func checkEdges(t *testing.T, g *Graph, want ...string) {
	t.Helper()
	slices.Sort(want)
	if got := edges(g); !slices.Equal(got, want) {
		t.Errorf("edges:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestAfterAndDepTask(t *testing.T) {
	g := build(t, target("a", "do_build"),
		rec("", "a", []string{"b"}, nil,
			"do_fetch", "do_compile after=do_fetch,do_missing deptask=do_populate", "do_populate after=do_compile", "do_build after=do_populate"),
		rec("", "b", nil, nil, "do_fetch", "do_compile after=do_fetch", "do_populate after=do_compile", "do_build after=do_populate"),
		rec("", "unrelated", nil, nil, "do_build"),
	)
	checkEdges(t, g,
		"a.do_build -> a.do_populate",
		"a.do_compile -> a.do_fetch",
		"a.do_compile -> b.do_populate",
		"a.do_populate -> a.do_compile",
		"b.do_compile -> b.do_fetch",
		"b.do_populate -> b.do_compile",
	)
	if len(g.Tasks) != 7 {
		t.Errorf("%d active tasks, want 7 (b.do_build and unrelated pruned)", len(g.Tasks))
	}
}

func TestRDepTaskAndDependsFlags(t *testing.T) {
	b := newBuilder(t,
		rec("", "img", nil, []string{"pkg"}, "do_rootfs rdeptask=do_deploy depends=virtual/kernel:do_deploy,host-tool:do_x rdepends=libfoo:do_deploy"),
		rec("", "pkg", nil, nil, "do_deploy"),
		rec("", "linux", nil, nil, "do_deploy"),
		rec("", "foo", nil, nil, "do_deploy"),
	)
	if err := b.Provide("", "virtual/kernel", "/layer/linux.bb"); err != nil {
		t.Fatal(err)
	}
	if err := b.RProvide("", "libfoo", "/layer/foo.bb"); err != nil {
		t.Fatal(err)
	}
	b.AssumeProvided("host-tool")
	g, err := b.Build(target("img", "do_rootfs"))
	if err != nil {
		t.Fatal(err)
	}
	checkEdges(t, g, "img.do_rootfs -> foo.do_deploy", "img.do_rootfs -> linux.do_deploy", "img.do_rootfs -> pkg.do_deploy")
}

func TestDependsFlagErrors(t *testing.T) {
	for _, tc := range []struct {
		flag, want string
	}{
		{"depends=nothing:do_x", "nothing provides"},
		{"depends=b:do_nonexistent", "non-existent task do_nonexistent"},
		{"depends=b", "must have the form NAME:TASK"},
	} {
		b := newBuilder(t, rec("", "a", nil, nil, "do_build "+tc.flag), rec("", "b", nil, nil, "do_build"))
		_, err := b.Build(target("a", "do_build"))
		var ge *GraphError
		if !errors.As(err, &ge) || !strings.Contains(err.Error(), tc.want) || ge.Task.Task != "do_build" {
			t.Errorf("%s: err = %v, want GraphError containing %q", tc.flag, err, tc.want)
		}
	}
}

// Three recipes a -> b -> c by DEPENDS. a's do_build[recrdeptask] = "do_fetch" depends on
// do_fetch of every recipe reachable from its dependencies, its own recipe included (a's
// do_fetch is reached through a's do_compile), which is what runqueue.py's cumulativedeps
// gives.
func TestRecrdeptask(t *testing.T) {
	base := []string{"do_fetch", "do_compile after=do_fetch deptask=do_compile", "do_build after=do_compile recrdeptask=do_fetch"}
	g := build(t, target("a", "do_build"),
		rec("", "a", []string{"b"}, nil, base...),
		rec("", "b", []string{"c"}, nil, base...),
		rec("", "c", nil, nil, base...),
	)
	checkEdges(t, g,
		"a.do_build -> a.do_compile", "a.do_build -> a.do_fetch", "a.do_build -> b.do_fetch", "a.do_build -> c.do_fetch",
		"a.do_compile -> a.do_fetch", "a.do_compile -> b.do_compile",
		"b.do_compile -> b.do_fetch", "b.do_compile -> c.do_compile",
		"c.do_compile -> c.do_fetch",
	)
}

// do_build[recrdeptask] = "do_build do_deploy": the recursive do_build tasks reference each
// other, and BitBake removes the edges between self-referencing recursive tasks, so no
// do_build depends on another one (b's and c's are then pruned); the do_deploy edges stay.
func TestRecrdeptaskSelfReference(t *testing.T) {
	base := []string{"do_deploy", "do_build after=do_deploy recrdeptask=do_build,do_deploy"}
	g := build(t, target("a", "do_build"),
		rec("", "a", []string{"b"}, nil, base...),
		rec("", "b", nil, []string{"c"}, base...),
		rec("", "c", nil, nil, base...),
	)
	checkEdges(t, g,
		"a.do_build -> a.do_deploy", "a.do_build -> b.do_deploy", "a.do_build -> c.do_deploy",
	)
}

// A recursive task depending on another recursive task inherits that task's dependencies
// with a matching name (part B's second loop); [recideptask] adds the recipes reached from
// the named task of the same recipe.
func TestRecideptask(t *testing.T) {
	g := build(t, target("img", "do_image"),
		rec("", "img", nil, nil,
			"do_fetch",
			"do_rootfs depends=tool:do_install",
			"do_image after=do_rootfs recrdeptask=do_fetch recideptask=do_rootfs"),
		rec("", "tool", []string{"lib"}, nil, "do_fetch", "do_install after=do_fetch deptask=do_install"),
		rec("", "lib", nil, nil, "do_fetch", "do_install after=do_fetch"),
	)
	checkEdges(t, g,
		"img.do_image -> img.do_rootfs", "img.do_image -> tool.do_fetch", "img.do_image -> lib.do_fetch",
		"img.do_rootfs -> tool.do_install",
		"tool.do_install -> tool.do_fetch", "tool.do_install -> lib.do_install",
		"lib.do_install -> lib.do_fetch",
	)
	// Without recideptask the same recipes are reached here through do_rootfs anyway; with
	// the task outside the chain only recideptask finds them.
	g = build(t, target("img", "do_image"),
		rec("", "img", nil, nil,
			"do_fetch",
			"do_sdk depends=tool:do_install",
			"do_image after=do_fetch recrdeptask=do_fetch recideptask=do_sdk"),
		rec("", "tool", nil, nil, "do_fetch", "do_install after=do_fetch"),
	)
	checkEdges(t, g, "img.do_image -> img.do_fetch", "img.do_image -> tool.do_fetch")
}

func TestRecursiveOnRecursive(t *testing.T) {
	g := build(t, target("a", "do_x"),
		rec("", "a", nil, nil, "do_x depends=b:do_x recrdeptask=do_y"),
		rec("", "b", nil, nil, "do_x depends=c:do_y recrdeptask=do_y", "do_y"),
		rec("", "c", nil, nil, "do_y"),
	)
	// a.do_x gets c.do_y twice over: from cum(b.do_x) = {c} and from b.do_x's own
	// dependencies (second loop); b.do_y is reached through cum as well.
	checkEdges(t, g, "a.do_x -> b.do_x", "a.do_x -> c.do_y", "b.do_x -> c.do_y")
}

func TestTaskListDeltask(t *testing.T) {
	var l TaskList
	l.AddTask("fetch", nil, nil)
	l.AddTask("do_unpack", nil, []string{"do_fetch"})
	l.AddTask("patch", []string{"do_configure"}, []string{"do_unpack"})
	l.AddTask("compile", []string{"do_build"}, []string{"do_patch"})
	l.AddTask("configure", nil, []string{"do_patch"})
	l.AddTask("build", nil, nil)
	l.DelTask("patch")
	if got, want := l.Tasks(), []string{"do_fetch", "do_unpack", "do_compile", "do_configure", "do_build"}; !slices.Equal(got, want) {
		t.Errorf("tasks %v, want %v", got, want)
	}
	// do_configure was declared before do_configure existed ("before do_configure") and
	// kept the edge; deltask removed do_patch from everyone's deps without bridging.
	if got := l.After("do_configure"); len(got) != 0 {
		t.Errorf("do_configure after %v, want none", got)
	}
	if got := l.After("do_build"); !slices.Equal(got, []string{"do_compile"}) {
		t.Errorf("do_build after %v", got)
	}
	var specs []string
	for _, task := range l.Tasks() {
		s := task
		if a := l.After(task); len(a) > 0 {
			s += " after=" + strings.Join(a, ",")
		}
		specs = append(specs, s)
	}
	g := build(t, target("a", "do_build"), rec("", "a", nil, nil, specs...))
	// do_compile lost its only predecessor, so fetch and unpack are not needed for do_build.
	checkEdges(t, g, "a.do_build -> a.do_compile")
	if g.Task(TaskID{File: "/layer/a.bb", Task: "do_configure"}) != nil {
		t.Error("do_configure is active although nothing depends on it")
	}
}

func TestParseTarget(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Target
	}{
		{"foo", Target{Name: "foo", Task: "do_build"}},
		{"foo:do_compile", Target{Name: "foo", Task: "do_compile"}},
		{"mc:arm:foo", Target{MC: "arm", Name: "foo", Task: "do_build"}},
		{"mc:arm:foo:do_fetch", Target{MC: "arm", Name: "foo", Task: "do_fetch"}},
		{"foo:do_build-", Target{Name: "foo", Task: "do_build", DepsOnly: true}},
		{"virtual/kernel", Target{Name: "virtual/kernel", Task: "do_build"}},
	} {
		if got := ParseTarget(tc.in, "build"); got != tc.want {
			t.Errorf("ParseTarget(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestDepsOnlyRunAllRunOnly(t *testing.T) {
	recipes := []RecipeSpec{
		rec("", "a", []string{"b"}, nil, "do_fetch", "do_compile after=do_fetch deptask=do_compile", "do_build after=do_compile"),
		rec("", "b", nil, nil, "do_fetch", "do_compile after=do_fetch", "do_build after=do_compile"),
	}
	g := build(t, target("a", "do_build-"), recipes...)
	if g.Task(TaskID{File: "/layer/a.bb", Task: "do_build"}) != nil || g.Task(TaskID{File: "/layer/a.bb", Task: "do_compile"}) == nil {
		t.Errorf("do_build- kept the wrong tasks: %v", edges(g))
	}
	// --runall=fetch: do_fetch of every recipe in the graph, and nothing else.
	req := target("a", "do_build")
	req.RunAll = []string{"fetch"}
	g = build(t, req, recipes...)
	if len(g.Tasks) != 2 || edges(g) != nil {
		t.Errorf("--runall=fetch: tasks %d, edges %v; want the two do_fetch", len(g.Tasks), edges(g))
	}
	// --runonly=compile: the do_compile tasks and what they need.
	req = target("a", "do_build")
	req.RunOnly = []string{"do_compile"}
	g = build(t, req, recipes...)
	checkEdges(t, g, "a.do_compile -> a.do_fetch", "a.do_compile -> b.do_compile", "b.do_compile -> b.do_fetch")
	if len(g.Targets) != 3 { // a:do_build plus the two runonly tasks
		t.Errorf("targets %d, want 3", len(g.Targets))
	}
	req.RunOnly = []string{"do_nothing"}
	if _, err := newBuilder(t, recipes...).Build(req); err == nil {
		t.Error("--runonly with an unknown task succeeded")
	}
}

func TestMCDepends(t *testing.T) {
	g := build(t, Request{Targets: []Target{ParseTarget("mc:host:img", "do_build")}},
		rec("host", "img", nil, nil, "do_image mcdepends=mc:host:target:kernel:do_deploy", "do_build after=do_image"),
		rec("host", "other", nil, nil, "do_x mcdepends=mc:host:target:kernel:do_fetch"),
		rec("target", "kernel", nil, nil, "do_fetch", "do_deploy after=do_fetch"),
	)
	// BitBake gives every task with [mcdepends] all the mcdepends of its multiconfig.
	checkEdges(t, g,
		"mc:host:img.do_build -> mc:host:img.do_image",
		"mc:host:img.do_image -> mc:target:kernel.do_deploy",
		"mc:host:img.do_image -> mc:target:kernel.do_fetch",
		"mc:target:kernel.do_deploy -> mc:target:kernel.do_fetch",
	)
	_, err := newBuilder(t, rec("host", "img", nil, nil, "do_build mcdepends=mc:host:nope:kernel:do_deploy")).
		Build(Request{Targets: []Target{ParseTarget("mc:host:img", "do_build")}})
	if err == nil || !strings.Contains(err.Error(), "not enabled in BBMULTICONFIG") {
		t.Errorf("unknown mc: %v", err)
	}
}

func TestCycle(t *testing.T) {
	_, err := newBuilder(t,
		rec("", "a", nil, nil, "do_x after=do_z", "do_y after=do_x", "do_z after=do_y", "do_build after=do_z"),
	).Build(target("a", "do_build"))
	var ce *CycleError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v, want CycleError", err)
	}
	var names []string
	for _, id := range ce.Chain {
		names = append(names, id.Task)
	}
	slices.Sort(names)
	if !slices.Equal(names, []string{"do_x", "do_y", "do_z"}) {
		t.Errorf("cycle %v", ce.Chain)
	}
}

func TestUnknownTarget(t *testing.T) {
	b := newBuilder(t, rec("", "a", nil, nil, "do_build", "do_compile"))
	if _, err := b.Build(target("zzz", "do_build")); err == nil {
		t.Error("unknown target accepted")
	}
	if _, err := b.Build(target("a", "do_compil")); err == nil || !strings.Contains(err.Error(), "do_compile") {
		t.Errorf("unknown task: %v (want the list of tasks)", err)
	}
}

// A chain of 10,000 tasks in one recipe: nothing is recursive (BitBake 2.8 dies around 980).
func TestLongChainGraph(t *testing.T) {
	g, _ := chainGraph(t, 10000)
	if len(g.Tasks) != 10000 || g.Edges() != 9999 {
		t.Fatalf("%d tasks %d edges", len(g.Tasks), g.Edges())
	}
	if g.Tasks[0].weight != 10000 {
		t.Errorf("first task weight %d, want 10000", g.Tasks[0].weight)
	}
}

func TestWriteDot(t *testing.T) {
	g := build(t, Request{Targets: []Target{ParseTarget("a", "do_build"), ParseTarget("mc:arm:k", "do_build")}},
		rec("", "a", []string{"b"}, nil, "do_fetch", "do_build after=do_fetch deptask=do_build"),
		rec("", "b", nil, nil, "do_build"),
		rec("arm", "k", nil, nil, "do_build mcdepends=mc:arm::b:do_build"),
	)
	var dot, list strings.Builder
	if err := g.WriteTaskDepends(&dot); err != nil {
		t.Fatal(err)
	}
	g.WritePNBuildList(&list)
	want := `digraph depends {
"a.do_build" [label="a do_build\n:1.0-r0\n/layer/a.bb"]
"a.do_build" -> "a.do_fetch"
"a.do_build" -> "b.do_build"
"a.do_fetch" [label="a do_fetch\n:1.0-r0\n/layer/a.bb"]
"b.do_build" [label="b do_build\n:1.0-r0\n/layer/b.bb"]
"mc:arm:k.do_build" [label="mc:arm:k do_build\n:1.0-r0\nmc:arm:/layer/k.bb"]
"mc:arm:k.do_build" -> "b.do_build"
}
`
	if dot.String() != want {
		t.Errorf("task-depends.dot:\n%s\nwant:\n%s", dot.String(), want)
	}
	if list.String() != "a\nb\nmc:arm:k\n" {
		t.Errorf("pn-buildlist:\n%s", list.String())
	}
}

func chainGraph(t testing.TB, n int) (*Graph, *Builder) {
	r := RecipeSpec{File: "/layer/chain.bb", PN: "chain", Version: ":1-r0"}
	for i := range n {
		ts := TaskSpec{Name: "do_t" + itoa(i)}
		if i > 0 {
			ts.After = []string{"do_t" + itoa(i-1)}
		}
		r.Tasks = append(r.Tasks, ts)
	}
	b := NewBuilder()
	if err := b.AddRecipe(r); err != nil {
		t.Fatal(err)
	}
	g, err := b.Build(Request{Targets: []Target{{Name: "chain", Task: "do_t" + itoa(n-1)}}})
	if err != nil {
		t.Fatal(err)
	}
	return g, b
}

func itoa(i int) string { return strconv.Itoa(i) }
