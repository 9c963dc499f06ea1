package sqlitestore_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/gobake/gobake/runqueue"
	"github.com/gobake/gobake/runqueue/sqlitestore"
	"github.com/gobake/gobake/runqueue/storetest"
)

func TestSQLiteStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) runqueue.Store {
		s, err := sqlitestore.Open(sqlitestore.Path(t.TempDir()))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestReopen checks that state survives closing and reopening the database.
func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := sqlitestore.Path(t.TempDir())
	s, err := sqlitestore.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	id, err := s.BeginBuild(ctx, runqueue.BuildRecord{Command: "gobake build x", Targets: []string{"x"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.AddTasks(ctx, id, []runqueue.TaskRecord{{Seq: 0, ID: runqueue.TaskID{File: "/x.bb", Task: "do_build"}, PN: "x"}}, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateTask(ctx, id, runqueue.TaskRecord{Seq: 0, Status: runqueue.StatusDone}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = sqlitestore.Open(filepath.Clean(path))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tasks, err := s.Tasks(ctx, id)
	if err != nil || len(tasks) != 1 || tasks[0].Status != runqueue.StatusDone {
		t.Fatalf("after reopen: %+v, %v", tasks, err)
	}
}
