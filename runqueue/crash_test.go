package runqueue_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/gobake/gobake/runqueue"
	"github.com/gobake/gobake/runqueue/sqlitestore"
)

// crashGraph is 40 recipes of 5 tasks, each recipe's do_compile after the previous recipe's
// do_install (DEPENDS with [deptask]), so the build is long and partly serial.
func crashGraph(t testing.TB, dir string) *runqueue.Graph {
	b := runqueue.NewBuilder()
	var req runqueue.Request
	for i := range 40 {
		pn := fmt.Sprintf("r%02d", i)
		spec := runqueue.RecipeSpec{File: "/layer/" + pn + ".bb", PN: pn, Version: ":1-r0",
			Stamp: filepath.Join(dir, "stamps", pn, "1-r0")}
		if i > 0 {
			spec.DependsOn = []string{fmt.Sprintf("/layer/r%02d.bb", i-1)}
		}
		var l runqueue.TaskList
		l.AddTask("fetch", nil, nil)
		l.AddTask("unpack", nil, []string{"do_fetch"})
		l.AddTask("compile", nil, []string{"do_unpack"})
		l.AddTask("install", nil, []string{"do_compile"})
		l.AddTask("build", nil, []string{"do_install"})
		for _, name := range l.Tasks() {
			ts := runqueue.TaskSpec{Name: name, After: l.After(name)}
			if name == "do_compile" {
				ts.DepTask = []string{"do_install"}
			}
			spec.Tasks = append(spec.Tasks, ts)
		}
		if err := b.AddRecipe(spec); err != nil {
			t.Fatal(err)
		}
		req.Targets = append(req.Targets, runqueue.Target{Name: pn, Task: "do_build"})
	}
	g, err := b.Build(req)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Sign(runqueue.BaseHashSigner(func(*runqueue.Task) (string, error) { return "v1", nil })); err != nil {
		t.Fatal(err)
	}
	return g
}

// crashBuild is what gobake does around the scheduler: lock the build directory, open the
// state, run.
func crashBuild(t testing.TB, dir string, runner runqueue.TaskRunner) (*runqueue.BuildLock, *runqueue.Summary, error) {
	lock, err := runqueue.LockBuildDir(filepath.Join(dir, "gobake.lock"), "gobake build crash-test")
	if err != nil {
		return nil, nil, err
	}
	defer lock.Unlock()
	store, err := sqlitestore.Open(sqlitestore.Path(filepath.Join(dir, "tmp")))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	sum, err := runqueue.Run(context.Background(), crashGraph(t, dir), runqueue.Options{Threads: 3, Runner: runner, Store: store, Command: "crash-test"})
	return lock, sum, err
}

// TestCrashHelper is the child process of TestKillAndResume: a slow build.
func TestCrashHelper(t *testing.T) {
	dir := os.Getenv("GOBAKE_RQ_CRASH_DIR")
	if dir == "" {
		t.Skip("helper process for TestKillAndResume")
	}
	runner := runqueue.TaskRunnerFunc(func(ctx context.Context, task *runqueue.Task) (runqueue.TaskResult, error) {
		time.Sleep(20 * time.Millisecond)
		return runqueue.TaskResult{}, nil
	})
	crashBuild(t, dir, runner)
	t.Error("helper build finished before being killed")
}

func countStamps(t *testing.T, g *runqueue.Graph) (done map[runqueue.TaskID]bool) {
	done = map[runqueue.TaskID]bool{}
	for _, task := range g.Tasks {
		if _, err := os.Stat(runqueue.StampFile(task, task.Hash)); err == nil {
			done[task.ID] = true
		}
	}
	return done
}

// TestKillAndResume kills a build with SIGKILL mid-way; the next build reruns exactly the
// tasks without a stamp, and meanwhile a second gobake is refused with the holder's pid.
func TestKillAndResume(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns a child build")
	}
	dir := t.TempDir()
	g := crashGraph(t, dir)
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashHelper$", "-test.count=1")
	cmd.Env = append(os.Environ(), "GOBAKE_RQ_CRASH_DIR="+dir)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	deadline := time.Now().Add(60 * time.Second)
	for len(countStamps(t, g)) < 60 {
		if time.Now().After(deadline) {
			t.Fatal("child build made no progress")
		}
		time.Sleep(10 * time.Millisecond)
	}

	// A second gobake in the same build directory is refused at once, naming the holder.
	_, _, err := crashBuild(t, dir, nil)
	var le *runqueue.LockedError
	if !errors.As(err, &le) || le.PID != cmd.Process.Pid || !strings.Contains(le.Command, "crash-test") {
		t.Fatalf("second build: %v, want LockedError naming pid %d", err, cmd.Process.Pid)
	}
	if !strings.Contains(err.Error(), strconv.Itoa(cmd.Process.Pid)) {
		t.Errorf("message %q does not name the pid", err)
	}

	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	done := countStamps(t, g)
	if len(done) == len(g.Tasks) {
		t.Fatal("child finished every task before being killed")
	}

	var ran atomic.Int64
	runner := runqueue.TaskRunnerFunc(func(ctx context.Context, task *runqueue.Task) (runqueue.TaskResult, error) {
		ran.Add(1)
		if done[task.ID] {
			t.Errorf("%s reran although it completed before the kill", task.ID)
		}
		return runqueue.TaskResult{}, nil
	})
	lock, sum, err := crashBuild(t, dir, runner)
	if err != nil {
		t.Fatal(err)
	}
	if lock.Stale != cmd.Process.Pid {
		t.Errorf("stale lock holder %d, want the killed pid %d", lock.Stale, cmd.Process.Pid)
	}
	if want := len(g.Tasks) - len(done); int(ran.Load()) != want || sum.Ran != want || sum.Current != len(done) {
		t.Errorf("resumed build ran %d tasks (summary %+v), want %d", ran.Load(), sum, want)
	}
	// The state knows the killed build was interrupted.
	store, err := sqlitestore.Open(sqlitestore.Path(filepath.Join(dir, "tmp")))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	builds, err := store.Builds(context.Background(), 0)
	if err != nil || len(builds) != 2 {
		t.Fatalf("builds %+v, %v", builds, err)
	}
	if builds[0].Status != runqueue.BuildSucceeded || builds[1].Status != runqueue.BuildInterrupted || builds[1].PID != cmd.Process.Pid {
		t.Errorf("build states: %+v / %+v", builds[0], builds[1])
	}
	// A clean exit leaves no stale mark.
	lock, err = runqueue.LockBuildDir(filepath.Join(dir, "gobake.lock"), "again")
	if err != nil || lock.Stale != 0 {
		t.Errorf("lock after clean exit: %+v, %v", lock, err)
	}
	lock.Unlock()
}
