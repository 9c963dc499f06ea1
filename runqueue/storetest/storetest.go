// Package storetest is the conformance suite every runqueue.Store implementation must pass:
// call Run from the implementation's tests with a constructor for an empty store.
package storetest

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/gobake/gobake/runqueue"
)

// Run runs the suite; open returns a new, empty store for each subtest.
func Run(t *testing.T, open func(t *testing.T) runqueue.Store) {
	tests := []struct {
		name string
		f    func(*testing.T, runqueue.Store)
	}{
		{"BuildLifecycle", testBuildLifecycle},
		{"TasksAndEdges", testTasksAndEdges},
		{"UpdateTask", testUpdateTask},
		{"Interrupted", testInterrupted},
		{"BuildsLimitAndCounts", testBuildsLimitAndCounts},
		{"Errors", testErrors},
		{"ManyUpdates", testManyUpdates},
		{"Prune", testPrune},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tt.f(t, s)
		})
	}
}

var t0 = time.Date(2026, 11, 23, 10, 0, 0, 123456789, time.UTC)

func begin(t *testing.T, s runqueue.Store, targets ...string) int64 {
	t.Helper()
	id, err := s.BeginBuild(context.Background(), runqueue.BuildRecord{Started: t0, PID: 42, Command: "gobake build " + targets[0], Targets: targets})
	if err != nil {
		t.Fatalf("BeginBuild: %v", err)
	}
	return id
}

func sample() ([]runqueue.TaskRecord, []runqueue.Edge) {
	tasks := []runqueue.TaskRecord{
		{Seq: 0, ID: runqueue.TaskID{File: "/l/a.bb", Task: "do_fetch"}, PN: "a", Hash: "h0"},
		{Seq: 1, ID: runqueue.TaskID{File: "/l/a.bb", Task: "do_build"}, PN: "a", Hash: "h1"},
		{Seq: 2, ID: runqueue.TaskID{MC: "arm", File: "/l/b.bb", Task: "do_build"}, PN: "b", Hash: "h2", Status: runqueue.StatusCurrent},
	}
	edges := []runqueue.Edge{{Task: 2, Dep: 1}, {Task: 1, Dep: 0}, {Task: 2, Dep: 0}}
	return tasks, edges
}

func testBuildLifecycle(t *testing.T, s runqueue.Store) {
	ctx := context.Background()
	id := begin(t, s, "a", "mc:arm:b")
	bs, err := s.Builds(ctx, 0)
	if err != nil || len(bs) != 1 {
		t.Fatalf("Builds = %v, %v; want one build", bs, err)
	}
	b := bs[0]
	if b.ID != id || b.Status != runqueue.BuildRunning || !b.Started.Equal(t0) || !b.Ended.IsZero() ||
		b.PID != 42 || b.Command != "gobake build a" || !slices.Equal(b.Targets, []string{"a", "mc:arm:b"}) {
		t.Errorf("new build = %+v", b)
	}
	end := t0.Add(90 * time.Second)
	if err := s.EndBuild(ctx, id, runqueue.BuildFailed, end); err != nil {
		t.Fatal(err)
	}
	bs, _ = s.Builds(ctx, 0)
	if bs[0].Status != runqueue.BuildFailed || !bs[0].Ended.Equal(end) {
		t.Errorf("ended build = %+v", bs[0])
	}
}

func testTasksAndEdges(t *testing.T, s runqueue.Store) {
	ctx := context.Background()
	id := begin(t, s, "b")
	tasks, edges := sample()
	if err := s.AddTasks(ctx, id, tasks, edges); err != nil {
		t.Fatal(err)
	}
	got, err := s.Tasks(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := slices.Clone(tasks)
	want[0].Status, want[1].Status = runqueue.StatusPending, runqueue.StatusPending
	if !equalTasks(got, want) {
		t.Errorf("Tasks =\n%+v\nwant\n%+v", got, want)
	}
	ge, err := s.Edges(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if wantE := []runqueue.Edge{{Task: 1, Dep: 0}, {Task: 2, Dep: 0}, {Task: 2, Dep: 1}}; !slices.Equal(ge, wantE) {
		t.Errorf("Edges = %v, want %v", ge, wantE)
	}
	// A second batch continues the sequence.
	more := []runqueue.TaskRecord{{Seq: 3, ID: runqueue.TaskID{File: "/l/c.bb", Task: "do_build"}, PN: "c"}}
	if err := s.AddTasks(ctx, id, more, []runqueue.Edge{{Task: 3, Dep: 2}}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Tasks(ctx, id); len(got) != 4 || got[3].ID.File != "/l/c.bb" {
		t.Errorf("after second AddTasks: %+v", got)
	}
	// Another build's tasks are separate.
	id2 := begin(t, s, "c")
	if got, err := s.Tasks(ctx, id2); err != nil || len(got) != 0 {
		t.Errorf("Tasks of new build = %v, %v", got, err)
	}
}

func equalTasks(a, b []runqueue.TaskRecord) bool {
	return slices.EqualFunc(a, b, func(x, y runqueue.TaskRecord) bool {
		return x.Seq == y.Seq && x.ID == y.ID && x.PN == y.PN && x.Hash == y.Hash && x.Status == y.Status &&
			x.Started.Equal(y.Started) && x.Ended.Equal(y.Ended) && x.ExitCode == y.ExitCode &&
			x.LogPath == y.LogPath && x.Error == y.Error
	})
}

func testUpdateTask(t *testing.T, s runqueue.Store) {
	ctx := context.Background()
	id := begin(t, s, "b")
	tasks, edges := sample()
	if err := s.AddTasks(ctx, id, tasks, edges); err != nil {
		t.Fatal(err)
	}
	running := runqueue.TaskRecord{Seq: 1, Status: runqueue.StatusRunning, Started: t0.Add(time.Second), LogPath: "/t/log.do_build.1"}
	if err := s.UpdateTask(ctx, id, running); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Tasks(ctx, id)
	if got[1].Status != runqueue.StatusRunning || !got[1].Started.Equal(running.Started) || got[1].LogPath != running.LogPath {
		t.Errorf("running task = %+v", got[1])
	}
	if got[1].ID != tasks[1].ID || got[1].Hash != "h1" {
		t.Errorf("UpdateTask changed identity: %+v", got[1])
	}
	failed := running
	failed.Status, failed.Ended, failed.ExitCode, failed.Error = runqueue.StatusFailed, t0.Add(3*time.Second), 2, "exit status 2"
	if err := s.UpdateTask(ctx, id, failed); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Tasks(ctx, id)
	if g := got[1]; g.Status != runqueue.StatusFailed || g.ExitCode != 2 || g.Error != "exit status 2" || !g.Ended.Equal(failed.Ended) {
		t.Errorf("failed task = %+v", g)
	}
	if got[0].Status != runqueue.StatusPending {
		t.Errorf("untouched task = %+v", got[0])
	}
}

func testInterrupted(t *testing.T, s runqueue.Store) {
	ctx := context.Background()
	first := begin(t, s, "a")
	done := begin(t, s, "a")
	if err := s.EndBuild(ctx, done, runqueue.BuildSucceeded, t0); err != nil {
		t.Fatal(err)
	}
	third := begin(t, s, "a")
	bs, err := s.Builds(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	status := map[int64]runqueue.BuildStatus{}
	for _, b := range bs {
		status[b.ID] = b.Status
	}
	want := map[int64]runqueue.BuildStatus{first: runqueue.BuildInterrupted, done: runqueue.BuildSucceeded, third: runqueue.BuildRunning}
	for id, w := range want {
		if status[id] != w {
			t.Errorf("build %d status %q, want %q", id, status[id], w)
		}
	}
}

func testBuildsLimitAndCounts(t *testing.T, s runqueue.Store) {
	ctx := context.Background()
	var ids []int64
	for range 3 {
		ids = append(ids, begin(t, s, "x"))
	}
	tasks, edges := sample()
	if err := s.AddTasks(ctx, ids[2], tasks, edges); err != nil {
		t.Fatal(err)
	}
	s.UpdateTask(ctx, ids[2], runqueue.TaskRecord{Seq: 0, Status: runqueue.StatusDone})
	s.UpdateTask(ctx, ids[2], runqueue.TaskRecord{Seq: 1, Status: runqueue.StatusFailed, ExitCode: 1})
	bs, err := s.Builds(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(bs) != 2 || bs[0].ID != ids[2] || bs[1].ID != ids[1] {
		t.Fatalf("Builds(2) = %+v, want builds %d and %d", bs, ids[2], ids[1])
	}
	if b := bs[0]; b.Tasks != 3 || b.Ran != 2 || b.Failed != 1 {
		t.Errorf("counts = tasks %d ran %d failed %d, want 3 2 1", b.Tasks, b.Ran, b.Failed)
	}
	if b := bs[1]; b.Tasks != 0 || b.Ran != 0 || b.Failed != 0 {
		t.Errorf("empty build counts = %+v", b)
	}
}

func testErrors(t *testing.T, s runqueue.Store) {
	ctx := context.Background()
	if err := s.EndBuild(ctx, 99, runqueue.BuildFailed, t0); err == nil {
		t.Error("EndBuild of unknown build succeeded")
	}
	if _, err := s.Tasks(ctx, 99); err == nil {
		t.Error("Tasks of unknown build succeeded")
	}
	if err := s.AddTasks(ctx, 99, nil, nil); err == nil {
		t.Error("AddTasks to unknown build succeeded")
	}
	id := begin(t, s, "a")
	bad := []runqueue.TaskRecord{{Seq: 5, ID: runqueue.TaskID{File: "a", Task: "do_x"}}}
	if err := s.AddTasks(ctx, id, bad, nil); err == nil {
		t.Error("AddTasks with a gap in seq succeeded")
	}
	errU := s.UpdateTask(ctx, id, runqueue.TaskRecord{Seq: 7, Status: runqueue.StatusDone})
	_, errR := s.Tasks(ctx, id)
	if errU == nil && errR == nil {
		t.Error("update of unknown task reported no error, on UpdateTask or the next read")
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := s.Builds(ctx, 0); err == nil {
		t.Error("Builds after Close succeeded")
	}
}

func testManyUpdates(t *testing.T, s runqueue.Store) {
	ctx := context.Background()
	id := begin(t, s, "many")
	const n = 2000
	tasks := make([]runqueue.TaskRecord, n)
	var edges []runqueue.Edge
	for i := range tasks {
		tasks[i] = runqueue.TaskRecord{Seq: i, ID: runqueue.TaskID{File: "/r.bb", Task: "do_t" + string(rune('a'+i%26))}, PN: "r"}
		if i > 0 {
			edges = append(edges, runqueue.Edge{Task: i, Dep: i - 1})
		}
	}
	if err := s.AddTasks(ctx, id, tasks, edges); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		if err := s.UpdateTask(ctx, id, runqueue.TaskRecord{Seq: i, Status: runqueue.StatusRunning, Started: t0}); err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateTask(ctx, id, runqueue.TaskRecord{Seq: i, Status: runqueue.StatusDone, Started: t0, Ended: t0.Add(time.Duration(i))}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Tasks(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for i, g := range got {
		if g.Status != runqueue.StatusDone || !g.Ended.Equal(t0.Add(time.Duration(i))) {
			t.Fatalf("task %d = %+v", i, g)
		}
	}
	if e, _ := s.Edges(ctx, id); len(e) != n-1 {
		t.Errorf("%d edges, want %d", len(e), n-1)
	}
}

func testPrune(t *testing.T, s runqueue.Store) {
	ctx := context.Background()
	var ids []int64
	for range 4 {
		id := begin(t, s, "x")
		tasks, edges := sample()
		if err := s.AddTasks(ctx, id, tasks, edges); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	n, err := s.Prune(ctx, 2)
	if err != nil || n != 2 {
		t.Fatalf("Prune(2) = %d, %v; want 2", n, err)
	}
	bs, _ := s.Builds(ctx, 0)
	if len(bs) != 2 || bs[0].ID != ids[3] || bs[1].ID != ids[2] || bs[0].Tasks != 3 {
		t.Errorf("after prune: %+v", bs)
	}
	if _, err := s.Tasks(ctx, ids[0]); err == nil {
		t.Error("tasks of a pruned build still readable")
	}
	if n, err := s.Prune(ctx, 2); err != nil || n != 0 {
		t.Errorf("second Prune(2) = %d, %v", n, err)
	}
	// IDs are not reused after pruning.
	if id := begin(t, s, "y"); id <= ids[3] {
		t.Errorf("new build got id %d after pruning, not above %d", id, ids[3])
	}
}
