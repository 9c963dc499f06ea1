package runqueue_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/gobake/gobake/runqueue"
	"github.com/gobake/gobake/runqueue/sqlitestore"
)

// synthetic builds a graph of recipes×10 tasks shaped like a distribution build: each
// recipe has a chain of ten tasks, do_prepare[deptask] on the do_populate of up to three
// earlier recipes (I/2, I/3, I/5: shallow enough for BitBake, whose recursion stops near
// 980 tasks deep), do_build[recrdeptask] = "do_build" (self-referencing, as in
// base.bbclass), and do_build [noexec]. Every other task is a no-op for the runner.
func synthetic(tb testing.TB, recipes int, stampDir string) *runqueue.Graph {
	names := []string{"do_fetch", "do_unpack", "do_patch", "do_configure", "do_prepare", "do_compile", "do_install", "do_package", "do_populate", "do_build"}
	b := runqueue.NewBuilder()
	var req runqueue.Request
	for i := range recipes {
		pn := fmt.Sprintf("pkg%05d", i)
		spec := runqueue.RecipeSpec{File: "/layer/" + pn + ".bb", PN: pn, Version: ":1.0-r0"}
		if stampDir != "" {
			spec.Stamp = filepath.Join(stampDir, pn, "1.0-r0")
		}
		for _, d := range []int{i / 2, i / 3, i / 5} {
			if d >= 0 && d < i {
				f := fmt.Sprintf("/layer/pkg%05d.bb", d)
				if len(spec.DependsOn) == 0 || spec.DependsOn[len(spec.DependsOn)-1] != f {
					spec.DependsOn = append(spec.DependsOn, f)
				}
			}
		}
		for j, n := range names {
			ts := runqueue.TaskSpec{Name: n}
			if j > 0 {
				ts.After = []string{names[j-1]}
			}
			switch n {
			case "do_prepare":
				ts.DepTask = []string{"do_populate"}
			case "do_build":
				ts.NoExec = true
				ts.RecRDepTask = []string{"do_build"}
			}
			spec.Tasks = append(spec.Tasks, ts)
		}
		if err := b.AddRecipe(spec); err != nil {
			tb.Fatal(err)
		}
		req.Targets = append(req.Targets, runqueue.Target{Name: pn, Task: "do_build"})
	}
	g, err := b.Build(req)
	if err != nil {
		tb.Fatal(err)
	}
	if err := g.Sign(runqueue.BaseHashSigner(func(*runqueue.Task) (string, error) { return "base", nil })); err != nil {
		tb.Fatal(err)
	}
	return g
}

var noop = runqueue.TaskRunnerFunc(func(context.Context, *runqueue.Task) (runqueue.TaskResult, error) {
	return runqueue.TaskResult{}, nil
})

// BenchmarkSchedule20k runs 20,000 no-op tasks with the sqlite state, with and without
// stamp files, on 2 and 8 threads; ms/task is the scheduler's overhead per task (stamp check
// and write, state updates, bookkeeping). With stamps the figure is mostly the kernel
// creating 20,000 files.
func BenchmarkSchedule20k(b *testing.B) {
	for _, bc := range []struct {
		stamps  bool
		threads int
	}{{true, 2}, {true, 8}, {false, 2}, {false, 8}} {
		b.Run(fmt.Sprintf("stamps=%v/threads=%d", bc.stamps, bc.threads), func(b *testing.B) {
			threads := bc.threads
			var total time.Duration
			tasks := 0
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				dir := b.TempDir()
				stampDir := ""
				if bc.stamps {
					stampDir = filepath.Join(dir, "stamps")
				}
				g := synthetic(b, 2000, stampDir)
				store, err := sqlitestore.Open(sqlitestore.Path(dir))
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
				start := time.Now()
				sum, err := runqueue.Run(context.Background(), g, runqueue.Options{Threads: threads, Runner: noop, Store: store})
				if err != nil {
					b.Fatal(err)
				}
				if err := store.Close(); err != nil {
					b.Fatal(err)
				}
				total += time.Since(start)
				b.StopTimer()
				if sum.Ran+sum.NoExec != len(g.Tasks) {
					b.Fatalf("summary %+v", sum)
				}
				tasks += len(g.Tasks)
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(tasks), "ms/task")
		})
	}
}

// BenchmarkScheduleUpToDate20k is the second build of the same graph: every task is
// checked against its stamp and skipped.
func BenchmarkScheduleUpToDate20k(b *testing.B) {
	dir := b.TempDir()
	g := synthetic(b, 2000, filepath.Join(dir, "stamps"))
	if _, err := runqueue.Run(context.Background(), g, runqueue.Options{Threads: 2, Runner: noop}); err != nil {
		b.Fatal(err)
	}
	store, err := sqlitestore.Open(sqlitestore.Path(dir))
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		sum, err := runqueue.Run(context.Background(), g, runqueue.Options{Threads: 2, Runner: noop, Store: store})
		if err != nil || sum.Current != len(g.Tasks) {
			b.Fatalf("%+v %v", sum, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N*len(g.Tasks)), "ms/task")
}

// BenchmarkGraph20k builds, expands (including the recrdeptask closure) and signs the
// 20,000-task graph.
func BenchmarkGraph20k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		synthetic(b, 2000, "")
	}
}

// BenchmarkChain10k schedules and runs a serial chain of 10,000 tasks in one recipe, with
// stamps and sqlite state.
func BenchmarkChain10k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dir := b.TempDir()
		spec := runqueue.RecipeSpec{File: "/layer/chain.bb", PN: "chain", Stamp: filepath.Join(dir, "stamps", "chain")}
		for j := range 10000 {
			ts := runqueue.TaskSpec{Name: fmt.Sprint("do_t", j)}
			if j > 0 {
				ts.After = []string{fmt.Sprint("do_t", j-1)}
			}
			spec.Tasks = append(spec.Tasks, ts)
		}
		store, err := sqlitestore.Open(sqlitestore.Path(dir))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		bl := runqueue.NewBuilder()
		bl.AddRecipe(spec)
		g, err := bl.Build(runqueue.Request{Targets: []runqueue.Target{{Name: "chain", Task: "do_t9999"}}})
		if err != nil {
			b.Fatal(err)
		}
		g.Sign(runqueue.BaseHashSigner(func(*runqueue.Task) (string, error) { return "x", nil }))
		sum, err := runqueue.Run(context.Background(), g, runqueue.Options{Threads: 2, Runner: noop, Store: store})
		if err != nil || sum.Ran != 10000 {
			b.Fatalf("%+v %v", sum, err)
		}
		store.Close()
	}
}
