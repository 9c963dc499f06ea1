package runqueue

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// fakeRunner counts calls and checks that every dependency finished before a task starts.
type fakeRunner struct {
	mu       sync.Mutex
	ran      []TaskID
	finished map[*Task]bool
	running  map[string]int // by task name
	maxByCls map[string]int
	active   int
	maxAct   int
	fail     map[string]bool // "pn.task" that fail
	delay    time.Duration
	t        *testing.T
}

func newFake(t *testing.T) *fakeRunner {
	return &fakeRunner{t: t, finished: map[*Task]bool{}, running: map[string]int{}, maxByCls: map[string]int{}, fail: map[string]bool{}}
}

func (f *fakeRunner) RunTask(ctx context.Context, t *Task) (TaskResult, error) {
	f.mu.Lock()
	for _, d := range t.Deps {
		if !d.NoExec && !f.finished[d] && !stampCurrentForTest(d) {
			f.t.Errorf("%s started before its dependency %s finished", t.ID, d.ID)
		}
	}
	f.ran = append(f.ran, t.ID)
	f.running[t.ID.Task]++
	f.maxByCls[t.ID.Task] = max(f.maxByCls[t.ID.Task], f.running[t.ID.Task])
	f.active++
	f.maxAct = max(f.maxAct, f.active)
	fail := f.fail[t.Recipe.PN+"."+t.ID.Task]
	f.mu.Unlock()
	if f.delay > 0 {
		time.Sleep(f.delay)
	}
	f.mu.Lock()
	f.running[t.ID.Task]--
	f.active--
	f.finished[t] = true
	f.mu.Unlock()
	if fail {
		return TaskResult{ExitCode: 1, LogPath: "/tmp/log." + t.ID.Task}, errors.New("exit status 1")
	}
	return TaskResult{LogPath: "/tmp/log." + t.ID.Task}, nil
}

func stampCurrentForTest(t *Task) bool {
	return t.Recipe.Stamp != "" && fileExists(StampFile(t, t.Hash))
}

func fileExists(p string) bool { _, err := os.Stat(p); return err == nil }

func (f *fakeRunner) names() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, id := range f.ran {
		out = append(out, filepath.Base(id.File[:len(id.File)-3])+"."+id.Task)
	}
	slices.Sort(out)
	return out
}

// signer gives every task the base hash "v1" unless overridden.
type signer map[string]string

func (s signer) base(t *Task) (string, error) {
	if v, ok := s[t.Recipe.PN+"."+t.ID.Task]; ok {
		return v, nil
	}
	return "v1", nil
}

// demo is a small recipe set: app DEPENDS lib, lib DEPENDS tool; each has fetch, compile
// (deptask populate), populate, build (noexec).
func demo(stampDir string) []RecipeSpec {
	var out []RecipeSpec
	for _, r := range []struct {
		pn   string
		deps []string
	}{{"app", []string{"lib"}}, {"lib", []string{"tool"}}, {"tool", nil}, {"other", nil}} {
		spec := rec("", r.pn, r.deps, nil,
			"do_fetch", "do_compile after=do_fetch deptask=do_populate", "do_populate after=do_compile",
			"do_build after=do_populate noexec")
		if stampDir != "" {
			spec.Stamp = filepath.Join(stampDir, r.pn, "1.0-r0")
		}
		out = append(out, spec)
	}
	return out
}

type buildOpts struct {
	req     Request
	inv     Invalidation
	sig     signer
	threads int
	keep    bool
	store   Store
	ctx     context.Context
}

func runBuild(t *testing.T, recipes []RecipeSpec, f *fakeRunner, o buildOpts) (*Summary, error) {
	t.Helper()
	if o.req.Targets == nil {
		o.req = target("app", "do_build")
	}
	g, err := newBuilder(t, recipes...).Build(o.req)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Invalidate(o.inv); err != nil {
		t.Fatal(err)
	}
	if o.sig == nil {
		o.sig = signer{}
	}
	if err := g.Sign(BaseHashSigner(o.sig.base)); err != nil {
		t.Fatal(err)
	}
	if o.ctx == nil {
		o.ctx = context.Background()
	}
	if o.threads == 0 {
		o.threads = 4
	}
	return Run(o.ctx, g, Options{Threads: o.threads, KeepGoing: o.keep, Runner: f, Store: o.store})
}

func TestRunAndStamps(t *testing.T) {
	dir := t.TempDir()
	recipes := demo(dir)
	f := newFake(t)
	sum, err := runBuild(t, recipes, f, buildOpts{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"app.do_compile", "app.do_fetch", "app.do_populate", "lib.do_compile", "lib.do_fetch", "lib.do_populate", "tool.do_compile", "tool.do_fetch", "tool.do_populate"}
	if got := f.names(); !slices.Equal(got, want) {
		t.Errorf("first build ran %v", got)
	}
	if sum.Ran != 9 || sum.NoExec != 1 || sum.Total != 10 {
		t.Errorf("summary %+v", sum)
	}
	// Second build: everything is up to date.
	f2 := newFake(t)
	sum, err = runBuild(t, recipes, f2, buildOpts{})
	if err != nil || len(f2.ran) != 0 || sum.Current != 10 {
		t.Errorf("second build ran %v (summary %+v, err %v), want nothing", f2.names(), sum, err)
	}
	// Changing lib's compile signature reruns it and what follows it, nothing else.
	f3 := newFake(t)
	if _, err := runBuild(t, recipes, f3, buildOpts{sig: signer{"lib.do_compile": "v2"}}); err != nil {
		t.Fatal(err)
	}
	if got, want := f3.names(), []string{"app.do_compile", "app.do_populate", "lib.do_compile", "lib.do_populate"}; !slices.Equal(got, want) {
		t.Errorf("after changing lib.do_compile ran %v, want %v", got, want)
	}
	// Old stamps of the rerun task were replaced.
	matches, _ := filepath.Glob(filepath.Join(dir, "lib", "1.0-r0.do_compile.*"))
	if len(matches) != 1 {
		t.Errorf("lib do_compile stamps: %v, want one", matches)
	}
}

// A stamp newer than the dependent's makes the dependent in the same recipe rerun, as
// check_stamp_task compares mtimes.
func TestStampMtime(t *testing.T) {
	dir := t.TempDir()
	recipes := demo(dir)
	g, err := newBuilder(t, recipes...).Build(target("tool", "do_build"))
	if err != nil {
		t.Fatal(err)
	}
	g.Sign(BaseHashSigner(signer{}.base))
	if _, err := Run(context.Background(), g, Options{Threads: 1, Runner: newFake(t)}); err != nil {
		t.Fatal(err)
	}
	// Stamps age: compile and populate an hour ago, fetch (rerun by hand, say) half an hour
	// ago. Compile is older than fetch, so it reruns, and then populate is older than it.
	for name, age := range map[string]time.Duration{"do_fetch": 30 * time.Minute, "do_compile": time.Hour, "do_populate": time.Hour} {
		task := g.Task(TaskID{File: "/layer/tool.bb", Task: name})
		when := time.Now().Add(-age)
		if err := os.Chtimes(StampFile(task, task.Hash), when, when); err != nil {
			t.Fatal(err)
		}
	}
	f := newFake(t)
	if _, err := Run(context.Background(), g, Options{Threads: 1, Runner: f}); err != nil {
		t.Fatal(err)
	}
	if got := f.names(); !slices.Equal(got, []string{"tool.do_compile", "tool.do_populate"}) {
		t.Errorf("ran %v", got)
	}
}

func TestForceAndClearStamp(t *testing.T) {
	dir := t.TempDir()
	recipes := demo(dir)
	runBuild(t, recipes, newFake(t), buildOpts{})
	// -f -c compile lib: lib's compile reruns (its stamp is current otherwise).
	f := newFake(t)
	if _, err := runBuild(t, recipes, f, buildOpts{req: target("lib", "do_compile"), inv: Invalidation{Force: true}}); err != nil {
		t.Fatal(err)
	}
	if got := f.names(); !slices.Equal(got, []string{"lib.do_compile"}) {
		t.Errorf("-f -c compile lib ran %v", got)
	}
	// The taint stays: the next full build reruns what comes after lib's compile.
	f = newFake(t)
	runBuild(t, recipes, f, buildOpts{})
	if got := f.names(); !slices.Equal(got, []string{"app.do_compile", "app.do_populate", "lib.do_populate"}) {
		t.Errorf("build after -f ran %v", got)
	}
	// -C fetch app: app's fetch is tainted and everything after it in app runs.
	f = newFake(t)
	runBuild(t, recipes, f, buildOpts{inv: Invalidation{ClearStamp: []string{"fetch"}}})
	if got := f.names(); !slices.Equal(got, []string{"app.do_compile", "app.do_fetch", "app.do_populate"}) {
		t.Errorf("-C fetch ran %v", got)
	}
	g, _ := newBuilder(t, recipes...).Build(target("app", "do_build"))
	if err := g.Invalidate(Invalidation{ClearStamp: []string{"nonexistent"}}); err == nil {
		t.Error("-C of a missing task accepted")
	}
}

func TestNoStampForcesDependents(t *testing.T) {
	dir := t.TempDir()
	recipes := []RecipeSpec{rec("", "a", nil, nil, "do_check nostamp", "do_compile after=do_check", "do_other")}
	recipes[0].Stamp = filepath.Join(dir, "a")
	req := Request{Targets: []Target{{Name: "a", Task: "do_compile"}, {Name: "a", Task: "do_other"}}}
	for i := range 2 {
		f := newFake(t)
		if _, err := runBuild(t, recipes, f, buildOpts{req: req}); err != nil {
			t.Fatal(err)
		}
		want := []string{"a.do_check", "a.do_compile"}
		if i == 0 {
			want = append(want, "a.do_other")
		}
		if got := f.names(); !slices.Equal(got, want) {
			t.Errorf("build %d ran %v, want %v", i, got, want)
		}
	}
}

func TestFailure(t *testing.T) {
	for _, keep := range []bool{false, true} {
		t.Run(fmt.Sprint("keepgoing=", keep), func(t *testing.T) {
			f := newFake(t)
			f.fail["lib.do_compile"] = true
			store := NewMemStore()
			req := Request{Targets: []Target{{Name: "app", Task: "do_build"}, {Name: "other", Task: "do_build"}}}
			// One thread, and "other" comes after the failure in priority order, so it has
			// not started when lib's compile fails.
			sum, err := runBuild(t, demo(""), f, buildOpts{req: req, threads: 1, keep: keep, store: store})
			var be *BuildError
			var te *TaskError
			if !errors.As(err, &be) || !errors.As(err, &te) {
				t.Fatalf("err = %v, want BuildError with TaskError", err)
			}
			if te.PN != "lib" || te.Task.Task != "do_compile" || te.LogPath != "/tmp/log.do_compile" || te.ExitCode != 1 {
				t.Errorf("TaskError %+v", te)
			}
			ran := f.names()
			for _, n := range ran {
				if n == "lib.do_populate" || n == "app.do_compile" {
					t.Errorf("%s ran after its dependency failed", n)
				}
			}
			if got := slices.Contains(ran, "other.do_compile"); got != keep {
				t.Errorf("other.do_compile ran = %v with -k=%v", got, keep)
			}
			if sum.Failed != 1 || sum.DepFailed != 4 || sum.Total != sum.Ran+sum.Current+sum.NoExec+sum.Failed+sum.DepFailed+sum.NotRun {
				t.Errorf("summary %+v", sum)
			}
			recs, _ := store.Tasks(context.Background(), sum.BuildID)
			statuses := map[string]TaskStatus{}
			for _, r := range recs {
				statuses[r.PN+"."+r.ID.Task] = r.Status
			}
			if statuses["lib.do_compile"] != StatusFailed || statuses["app.do_build"] != StatusDepFailed {
				t.Errorf("stored statuses %v", statuses)
			}
			bs, _ := store.Builds(context.Background(), 1)
			if bs[0].Status != BuildFailed {
				t.Errorf("build status %v", bs[0].Status)
			}
		})
	}
}

func TestLimits(t *testing.T) {
	var recipes []RecipeSpec
	lock := filepath.Join(t.TempDir(), "install.lock")
	for i := range 12 {
		r := rec("", fmt.Sprint("r", i), nil, nil, "do_fetch", "do_compile after=do_fetch", "do_install after=do_compile")
		r.Tasks[0].NumberThreads = 2
		r.Tasks[2].LockFiles = []string{lock}
		recipes = append(recipes, r)
	}
	var req Request
	for i := range 12 {
		req.Targets = append(req.Targets, Target{Name: fmt.Sprint("r", i), Task: "do_install"})
	}
	f := newFake(t)
	f.delay = 2 * time.Millisecond
	if _, err := runBuild(t, recipes, f, buildOpts{req: req, threads: 5}); err != nil {
		t.Fatal(err)
	}
	if len(f.ran) != 36 {
		t.Errorf("ran %d tasks", len(f.ran))
	}
	if f.maxAct > 5 || f.maxAct < 3 {
		t.Errorf("max %d tasks at once, want 3..5 with 5 threads", f.maxAct)
	}
	if f.maxByCls["do_fetch"] != 2 {
		t.Errorf("max %d do_fetch at once, want 2 ([number_threads])", f.maxByCls["do_fetch"])
	}
	if f.maxByCls["do_install"] != 1 {
		t.Errorf("max %d do_install at once, want 1 (shared [lockfiles])", f.maxByCls["do_install"])
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var started atomic.Int32
	runner := TaskRunnerFunc(func(ctx context.Context, t *Task) (TaskResult, error) {
		if started.Add(1) == 2 {
			cancel()
		}
		<-ctx.Done()
		return TaskResult{}, ctx.Err()
	})
	g, _ := newBuilder(t, demo("")...).Build(target("app", "do_build"))
	g.Sign(BaseHashSigner(signer{}.base))
	sum, err := Run(ctx, g, Options{Threads: 2, Runner: runner})
	if !errors.Is(err, context.Canceled) || !sum.Cancelled {
		t.Fatalf("err = %v, summary %+v", err, sum)
	}
	if sum.NotRun == 0 || started.Load() != 2 {
		t.Errorf("started %d, summary %+v", started.Load(), sum)
	}
}

// A serial chain of 10,000 tasks schedules and runs: nothing recurses.
func TestLongChainRuns(t *testing.T) {
	g, _ := chainGraph(t, 10000)
	if err := g.Sign(BaseHashSigner(func(*Task) (string, error) { return "x", nil })); err != nil {
		t.Fatal(err)
	}
	var n atomic.Int64
	sum, err := Run(context.Background(), g, Options{Threads: 4, Runner: TaskRunnerFunc(func(context.Context, *Task) (TaskResult, error) {
		n.Add(1)
		return TaskResult{}, nil
	})})
	if err != nil || n.Load() != 10000 || sum.Ran != 10000 {
		t.Fatalf("ran %d, %+v, %v", n.Load(), sum, err)
	}
}

func TestUnsigned(t *testing.T) {
	g, _ := newBuilder(t, demo("")...).Build(target("app", "do_build"))
	if _, err := Run(context.Background(), g, Options{Runner: newFake(t)}); err == nil {
		t.Error("Run of an unsigned graph succeeded")
	}
}

// Deleting a stamp reruns that task and, since its new stamp is newer, the tasks after it in
// the same recipe, even when their own stamps carry timestamps from the future.
func TestDeletedStamp(t *testing.T) {
	dir := t.TempDir()
	recipes := demo(dir)
	runBuild(t, recipes, newFake(t), buildOpts{req: target("tool", "do_build")})
	g, _ := newBuilder(t, recipes...).Build(target("tool", "do_build"))
	g.Sign(BaseHashSigner(signer{}.base))
	future := time.Now().Add(time.Hour)
	for _, task := range g.Tasks {
		os.Chtimes(StampFile(task, task.Hash), future, future)
	}
	compile := g.Task(TaskID{File: "/layer/tool.bb", Task: "do_compile"})
	if err := os.Remove(StampFile(compile, compile.Hash)); err != nil {
		t.Fatal(err)
	}
	f := newFake(t)
	if _, err := Run(context.Background(), g, Options{Threads: 1, Runner: f}); err != nil {
		t.Fatal(err)
	}
	if got := f.names(); !slices.Equal(got, []string{"tool.do_compile", "tool.do_populate"}) {
		t.Errorf("ran %v", got)
	}
}
