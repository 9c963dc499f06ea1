package runqueue

import (
	"context"
	"time"
)

// TaskStatus is the state of one task in one build.
type TaskStatus string

const (
	StatusPending   TaskStatus = "pending"   // not started yet
	StatusRunning   TaskStatus = "running"   // handed to the TaskRunner
	StatusDone      TaskStatus = "done"      // ran and succeeded; stamp written
	StatusCurrent   TaskStatus = "current"   // skipped: stamp up to date
	StatusNoExec    TaskStatus = "noexec"    // [noexec]: completed without running
	StatusFailed    TaskStatus = "failed"    // ran and failed
	StatusDepFailed TaskStatus = "depfailed" // not run: a dependency failed
	StatusNotRun    TaskStatus = "notrun"    // not run: the build stopped first
)

// Finished reports whether s is a final state.
func (s TaskStatus) Finished() bool {
	return s != StatusPending && s != StatusRunning
}

// BuildStatus is the state of one build.
type BuildStatus string

const (
	BuildRunning     BuildStatus = "running"
	BuildSucceeded   BuildStatus = "succeeded"
	BuildFailed      BuildStatus = "failed"
	BuildCancelled   BuildStatus = "cancelled"
	BuildInterrupted BuildStatus = "interrupted" // the process died; found by the next build
)

// BuildRecord is one build (one gobake invocation that ran a graph).
type BuildRecord struct {
	ID      int64
	Started time.Time
	Ended   time.Time // zero while running
	Status  BuildStatus
	PID     int
	Command string   // the command line
	Targets []string // as given
	// Counts filled in by Store.Builds.
	Tasks, Ran, Failed int
}

// TaskRecord is one task of one build. Seq is the task's position in Graph.Tasks.
type TaskRecord struct {
	Seq      int
	ID       TaskID
	PN       string
	Hash     string
	Status   TaskStatus
	Started  time.Time
	Ended    time.Time
	ExitCode int
	LogPath  string
	Error    string
}

// Edge says that task Task (a Seq) depends on task Dep.
type Edge struct {
	Task, Dep int
}

// Store keeps the runqueue's state across builds. Implementations: NewMemStore here and
// runqueue/sqlitestore (the real one, a sqlite file under TMPDIR); both pass
// runqueue/storetest. Methods are safe for concurrent use.
type Store interface {
	// BeginBuild records a new build and returns its ID. Builds still marked running are
	// marked interrupted first: the caller holds the build directory lock, so their
	// process is gone.
	BeginBuild(ctx context.Context, b BuildRecord) (int64, error)
	// AddTasks records the graph of a build: tasks (status pending unless set) and edges.
	AddTasks(ctx context.Context, build int64, tasks []TaskRecord, edges []Edge) error
	// UpdateTask replaces the mutable fields (Status, Started, Ended, ExitCode, LogPath,
	// Error) of task rec.Seq of a build.
	UpdateTask(ctx context.Context, build int64, rec TaskRecord) error
	// EndBuild sets a build's final status and end time.
	EndBuild(ctx context.Context, build int64, status BuildStatus, ended time.Time) error
	// Builds returns up to limit builds, newest first (all when limit <= 0), with counts.
	Builds(ctx context.Context, limit int) ([]BuildRecord, error)
	// Tasks returns a build's tasks in Seq order; Edges its edges, sorted.
	Tasks(ctx context.Context, build int64) ([]TaskRecord, error)
	Edges(ctx context.Context, build int64) ([]Edge, error)
	// Prune deletes every build but the newest keep ones, with their tasks and edges, and
	// returns how many it deleted.
	Prune(ctx context.Context, keep int) (int, error)
	Close() error
}
