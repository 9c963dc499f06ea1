package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gobake/gobake/runqueue"
	"github.com/gobake/gobake/runqueue/sqlitestore"
)

func TestHistory(t *testing.T) {
	tmp := t.TempDir()
	store, err := sqlitestore.Open(sqlitestore.Path(tmp))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	t0 := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	id, _ := store.BeginBuild(ctx, runqueue.BuildRecord{Started: t0, Command: "gobake build demo-image", Targets: []string{"demo-image"}})
	tasks := []runqueue.TaskRecord{
		{Seq: 0, ID: runqueue.TaskID{File: "/l/hello.bb", Task: "do_fetch"}, PN: "hello", Hash: "a"},
		{Seq: 1, ID: runqueue.TaskID{File: "/l/hello.bb", Task: "do_compile"}, PN: "hello", Hash: "b"},
		{Seq: 2, ID: runqueue.TaskID{MC: "arm", File: "/l/demo-image.bb", Task: "do_image"}, PN: "demo-image", Hash: "c"},
	}
	if err := store.AddTasks(ctx, id, tasks, []runqueue.Edge{{Task: 1, Dep: 0}, {Task: 2, Dep: 1}}); err != nil {
		t.Fatal(err)
	}
	store.UpdateTask(ctx, id, runqueue.TaskRecord{Seq: 0, Status: runqueue.StatusCurrent})
	store.UpdateTask(ctx, id, runqueue.TaskRecord{Seq: 1, Status: runqueue.StatusFailed, Started: t0, Ended: t0.Add(1500 * time.Millisecond),
		ExitCode: 2, LogPath: "/t/log.do_compile.123", Error: "exit status 2"})
	store.UpdateTask(ctx, id, runqueue.TaskRecord{Seq: 2, Status: runqueue.StatusDepFailed})
	store.EndBuild(ctx, id, runqueue.BuildFailed, t0.Add(2*time.Second))
	store.Close()

	var out, errb strings.Builder
	if code := run([]string{"history", "-tmpdir", tmp}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "BUILD") {
		t.Fatalf("list:\n%s", out.String())
	}
	if f := strings.Fields(lines[1]); len(f) != 9 || f[0] != "1" || f[3] != "2s" || f[4] != "failed" || f[5] != "3" || f[6] != "1" || f[7] != "1" || f[8] != "demo-image" {
		t.Errorf("build line %q", lines[1])
	}

	out.Reset()
	if code := run([]string{"history", "-tmpdir", tmp, "1"}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	text := out.String()
	for _, want := range []string{"hello", "do_compile", "failed", "1.5s", "/t/log.do_compile.123", "error: exit status 2",
		"build 1: 3 tasks: 1 current, 1 failed, 1 depfailed"} {
		if !strings.Contains(text, want) {
			t.Errorf("build 1 output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "do_fetch") {
		t.Errorf("up-to-date task listed without -a:\n%s", text)
	}
	out.Reset()
	run([]string{"history", "-tmpdir", tmp, "-a", "1"}, nil, &out, &errb)
	if !strings.Contains(out.String(), "mc:arm:demo-image") || !strings.Contains(out.String(), "do_fetch") {
		t.Errorf("-a output:\n%s", out.String())
	}
	out.Reset()
	if code := run([]string{"history", "-tmpdir", tmp, "-prune", "0"}, nil, &out, &errb); code != 0 || out.String() != "deleted 1 builds\n" {
		t.Errorf("-prune 0: exit %d, %q", code, out.String())
	}
	out.Reset()
	run([]string{"history", "-tmpdir", tmp}, nil, &out, &errb)
	if n := strings.Count(out.String(), "\n"); n != 1 {
		t.Errorf("after pruning everything:\n%s", out.String())
	}
	if code := run([]string{"history", "-tmpdir", t.TempDir()}, nil, &out, &errb); code != 1 {
		t.Errorf("history without state: exit %d", code)
	}
}
