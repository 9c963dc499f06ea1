package runqueue_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/gobake/gobake/runqueue"
)

// The cooker's side: replay addtask/deltask into a TaskList, describe each recipe with a
// RecipeSpec, build the graph for the targets, sign it, then run it with a TaskRunner.
func Example() {
	tmp, _ := os.MkdirTemp("", "runqueue-example")
	defer os.RemoveAll(tmp)

	b := runqueue.NewBuilder()
	for _, r := range []struct{ pn, depends string }{{"hello", "libhello"}, {"libhello", ""}} {
		var l runqueue.TaskList // what base.bbclass and the recipe's addtask lines say
		l.AddTask("fetch", nil, nil)
		l.AddTask("compile", nil, []string{"do_fetch"})
		l.AddTask("build", nil, []string{"do_compile"})
		spec := runqueue.RecipeSpec{
			File: "/layer/" + r.pn + ".bb", PN: r.pn, Version: ":1.0-r0",
			Stamp: filepath.Join(tmp, "stamps", r.pn, "1.0-r0"),
		}
		if r.depends != "" {
			spec.DependsOn = []string{"/layer/" + r.depends + ".bb"} // DEPENDS, resolved
		}
		for _, name := range l.Tasks() {
			ts := runqueue.TaskSpec{Name: name, After: l.After(name)}
			if name == "do_compile" {
				ts.DepTask = []string{"do_compile"} // do_compile[deptask] = "do_compile"
			}
			ts.NoExec = name == "do_build"
			spec.Tasks = append(spec.Tasks, ts)
		}
		if err := b.AddRecipe(spec); err != nil {
			panic(err)
		}
	}
	g, err := b.Build(runqueue.Request{Targets: []runqueue.Target{runqueue.ParseTarget("hello", "do_build")}})
	if err != nil {
		panic(err)
	}
	// internal/siggen provides the real Signer.
	if err := g.Sign(runqueue.BaseHashSigner(func(*runqueue.Task) (string, error) { return "sig", nil })); err != nil {
		panic(err)
	}
	var mu sync.Mutex
	var ran []string
	runner := runqueue.TaskRunnerFunc(func(ctx context.Context, t *runqueue.Task) (runqueue.TaskResult, error) {
		mu.Lock()
		defer mu.Unlock()
		ran = append(ran, t.Recipe.PN+":"+t.ID.Task)
		return runqueue.TaskResult{LogPath: "/tmp/log." + t.ID.Task}, nil
	})
	sum, err := runqueue.Run(context.Background(), g, runqueue.Options{Threads: 1, Runner: runner})
	fmt.Println(ran, err)
	fmt.Printf("ran %d, noexec %d\n", sum.Ran, sum.NoExec)

	sum, _ = runqueue.Run(context.Background(), g, runqueue.Options{Threads: 1, Runner: runner})
	fmt.Printf("second build: ran %d, up to date %d\n", sum.Ran, sum.Current)
	// Output:
	// [libhello:do_fetch hello:do_fetch libhello:do_compile hello:do_compile] <nil>
	// ran 4, noexec 1
	// second build: ran 0, up to date 5
}
