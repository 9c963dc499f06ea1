package runqueue

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"slices"
	"sync"
	"time"
)

// TaskRunner executes the body of one task: internal/exec implements it (run.do_X scripts,
// logs, the privileged wrapper). The scheduler calls it only for tasks that must run (not up
// to date, not [noexec]), with every dependency complete and the task's [lockfiles] held;
// it writes the stamp itself after RunTask returns nil. RunTask must honour ctx
// cancellation and be safe for concurrent calls.
type TaskRunner interface {
	RunTask(ctx context.Context, t *Task) (TaskResult, error)
}

// TaskResult is what a TaskRunner reports about a run, successful or not.
type TaskResult struct {
	ExitCode int
	LogPath  string
}

// TaskRunnerFunc adapts a function to TaskRunner.
type TaskRunnerFunc func(ctx context.Context, t *Task) (TaskResult, error)

// RunTask implements TaskRunner.
func (f TaskRunnerFunc) RunTask(ctx context.Context, t *Task) (TaskResult, error) { return f(ctx, t) }

// TaskError is a failed task, with where to look.
type TaskError struct {
	Task     TaskID
	PN       string
	ExitCode int
	LogPath  string
	Err      error
}

func (e *TaskError) Error() string {
	s := fmt.Sprintf("%s %s failed", e.PN, e.Task.Task)
	if e.Task.MC != "" {
		s = "mc:" + e.Task.MC + ":" + s
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	if e.LogPath != "" {
		s += " (log: " + e.LogPath + ")"
	}
	return s
}

func (e *TaskError) Unwrap() error { return e.Err }

// BuildError is returned by Run when tasks failed; errors.As finds each TaskError.
type BuildError struct {
	Failed []*TaskError
}

func (e *BuildError) Error() string {
	if len(e.Failed) == 1 {
		return e.Failed[0].Error()
	}
	return fmt.Sprintf("%d tasks failed, first: %v", len(e.Failed), e.Failed[0])
}

func (e *BuildError) Unwrap() []error {
	out := make([]error, len(e.Failed))
	for i, f := range e.Failed {
		out[i] = f
	}
	return out
}

// EventKind says what an Event reports.
type EventKind int

const (
	BuildStarted EventKind = iota
	TaskStarted
	TaskFinished
	BuildFinished
)

// Event is a progress notification. Done counts finished tasks (any final status) out of
// Total. TaskStarted is sent only for tasks handed to the TaskRunner; TaskFinished for
// every task, with its final Status.
type Event struct {
	Kind    EventKind
	Task    *Task
	Status  TaskStatus
	Err     *TaskError
	Done    int
	Total   int
	Time    time.Time
	Summary *Summary // BuildFinished only
}

// Observer receives Events; calls may come from several goroutines at once.
type Observer interface {
	Event(Event)
}

// Options configure Run.
type Options struct {
	Threads   int  // BB_NUMBER_THREADS; <= 0 means the number of CPUs
	KeepGoing bool // -k: run everything that does not depend on a failed task
	Runner    TaskRunner
	Store     Store    // nil records nothing
	Observer  Observer // nil reports nothing
	// Command and Targets describe the build in the Store.
	Command string
	Targets []string
}

// Summary is the outcome of Run.
type Summary struct {
	BuildID                                        int64
	Total, Ran, Current, NoExec, Failed, DepFailed int
	NotRun                                         int
	Failures                                       []*TaskError
	Cancelled                                      bool
	Elapsed                                        time.Duration
}

// Run executes the graph: up-to-date tasks are skipped, [noexec] tasks complete without
// running, the others go to opts.Runner on up to opts.Threads workers, highest weight
// first. A failure stops new tasks from starting unless KeepGoing, and always marks the
// tasks after it as depfailed. ctx cancellation stops new tasks and is passed to running
// ones. Run returns a *BuildError when tasks failed, ctx's error when cancelled.
func Run(ctx context.Context, g *Graph, opts Options) (*Summary, error) {
	if opts.Runner == nil {
		return nil, errors.New("runqueue: Options.Runner is nil")
	}
	for _, t := range g.Tasks {
		if t.Hash == "" {
			return nil, fmt.Errorf("runqueue: task %s is not signed (call Graph.Sign first)", t.ID)
		}
	}
	threads := opts.Threads
	if threads <= 0 {
		threads = runtime.NumCPU()
	}
	start := time.Now()
	s := &scheduler{
		g: g, opts: opts, ctx: ctx,
		pending:  make([]int, len(g.Tasks)),
		status:   make([]TaskStatus, len(g.Tasks)),
		classRun: map[string]int{},
		classMax: map[string]int{},
		locks:    map[string]bool{},
		sum:      Summary{Total: len(g.Tasks)},
	}
	s.cond = sync.NewCond(&s.mu)
	for _, t := range g.Tasks {
		s.status[t.index] = StatusPending
		s.pending[t.index] = len(t.Deps)
		if len(t.Deps) == 0 {
			s.ready = append(s.ready, t)
		}
		if n := t.NumberThreads; n > 0 {
			if m, ok := s.classMax[t.ID.Task]; !ok || n < m {
				s.classMax[t.ID.Task] = n
			}
		}
	}
	heap.Init(&s.ready)
	if err := s.begin(start); err != nil {
		return nil, err
	}
	s.emit(Event{Kind: BuildStarted, Total: len(g.Tasks), Time: start})

	stop := context.AfterFunc(ctx, func() {
		s.mu.Lock()
		s.stop = true
		s.cond.Broadcast()
		s.mu.Unlock()
	})
	var wg sync.WaitGroup
	for range threads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.worker()
		}()
	}
	wg.Wait()
	stop()

	s.mu.Lock() // the AfterFunc may still be running
	defer s.mu.Unlock()
	var events []Event
	for _, t := range g.Tasks {
		if s.status[t.index] == StatusPending {
			s.status[t.index] = StatusNotRun
			s.sum.NotRun++
			s.record(t, TaskRecord{Status: StatusNotRun})
			events = append(events, Event{Kind: TaskFinished, Task: t, Status: StatusNotRun, Total: len(g.Tasks)})
		}
	}
	for _, e := range events {
		s.emit(e)
	}
	s.sum.Elapsed = time.Since(start)
	s.sum.Cancelled = ctx.Err() != nil && (s.sum.NotRun > 0 || s.sum.Failed > 0)
	status := BuildSucceeded
	var err error
	switch {
	case s.sum.Cancelled:
		status, err = BuildCancelled, fmt.Errorf("build cancelled: %w", context.Cause(ctx))
	case len(s.sum.Failures) > 0:
		status, err = BuildFailed, &BuildError{Failed: s.sum.Failures}
	}
	if opts.Store != nil {
		if serr := opts.Store.EndBuild(context.WithoutCancel(ctx), s.sum.BuildID, status, time.Now()); serr != nil && s.storeErr == nil {
			s.storeErr = serr
		}
	}
	sum := s.sum
	s.emit(Event{Kind: BuildFinished, Done: len(g.Tasks), Total: len(g.Tasks), Time: time.Now(), Summary: &sum})
	if err == nil && s.storeErr != nil {
		err = s.storeErr
	}
	return &sum, err
}

type scheduler struct {
	g    *Graph
	opts Options
	ctx  context.Context

	mu       sync.Mutex
	cond     *sync.Cond
	ready    taskHeap
	pending  []int // unfinished dependencies per task
	status   []TaskStatus
	running  int
	done     int
	classRun map[string]int // running tasks per task name with a [number_threads] limit
	classMax map[string]int
	locks    map[string]bool // [lockfiles] held by running tasks
	stop     bool
	sum      Summary
	stamps   stampState

	errMu    sync.Mutex
	storeErr error // first Store error
}

func (s *scheduler) begin(start time.Time) error {
	st := s.opts.Store
	if st == nil {
		return nil
	}
	id, err := st.BeginBuild(s.ctx, BuildRecord{Started: start, Status: BuildRunning, PID: os.Getpid(),
		Command: s.opts.Command, Targets: s.opts.Targets})
	if err != nil {
		return err
	}
	s.sum.BuildID = id
	recs := make([]TaskRecord, len(s.g.Tasks))
	var edges []Edge
	for i, t := range s.g.Tasks {
		recs[i] = TaskRecord{Seq: i, ID: t.ID, PN: t.Recipe.PN, Hash: t.Hash, Status: StatusPending}
		for _, d := range t.Deps {
			edges = append(edges, Edge{Task: i, Dep: d.index})
		}
	}
	return st.AddTasks(s.ctx, id, recs, edges)
}

// record stores a task's state; store errors are kept for Run's result, not fatal.
func (s *scheduler) record(t *Task, r TaskRecord) {
	if s.opts.Store == nil {
		return
	}
	r.Seq = t.index
	if err := s.opts.Store.UpdateTask(context.WithoutCancel(s.ctx), s.sum.BuildID, r); err != nil {
		s.errMu.Lock()
		if s.storeErr == nil {
			s.storeErr = err
		}
		s.errMu.Unlock()
	}
}

func (s *scheduler) emit(e Event) {
	if s.opts.Observer != nil {
		s.opts.Observer.Event(e)
	}
}

func (s *scheduler) worker() {
	s.mu.Lock()
	for {
		if s.running == 0 && (s.stop || s.ready.Len() == 0) {
			s.mu.Unlock()
			return
		}
		var t *Task
		if !s.stop {
			t = s.pickLocked()
		}
		if t == nil {
			s.cond.Wait()
			continue
		}
		s.running++
		s.mu.Unlock()

		status, terr, started, res := s.execute(t)

		s.mu.Lock()
		s.running--
		events, wake := s.completeLocked(t, status, terr)
		// Wake only as many idle workers as there is new work for (this one picks up one
		// task itself); everyone when the build is over or stopping.
		if s.stop || (s.running == 0 && s.ready.Len() == 0) {
			s.cond.Broadcast()
		} else {
			for range wake {
				s.cond.Signal()
			}
		}
		s.mu.Unlock()
		s.record(t, TaskRecord{Status: status, Started: started, Ended: time.Now(), ExitCode: res.ExitCode,
			LogPath: res.LogPath, Error: errText(terr)})
		for _, e := range events[1:] {
			s.record(e.Task, TaskRecord{Status: StatusDepFailed})
		}
		for _, e := range events {
			s.emit(e)
		}
		s.mu.Lock()
	}
}

func errText(e *TaskError) string {
	if e == nil || e.Err == nil {
		return ""
	}
	return e.Err.Error()
}

// pickLocked takes the highest-priority ready task whose [number_threads] class and
// [lockfiles] are free, or returns nil.
func (s *scheduler) pickLocked() *Task {
	var skipped []*Task
	var t *Task
	for s.ready.Len() > 0 {
		c := heap.Pop(&s.ready).(*Task)
		if s.startableLocked(c) {
			t = c
			break
		}
		skipped = append(skipped, c)
	}
	for _, c := range skipped {
		heap.Push(&s.ready, c)
	}
	if t == nil {
		return nil
	}
	if _, ok := s.classMax[t.ID.Task]; ok {
		s.classRun[t.ID.Task]++
	}
	for _, l := range t.LockFiles {
		s.locks[l] = true
	}
	s.status[t.index] = StatusRunning
	return t
}

func (s *scheduler) startableLocked(t *Task) bool {
	if m, ok := s.classMax[t.ID.Task]; ok && s.classRun[t.ID.Task] >= m {
		return false
	}
	for _, l := range t.LockFiles {
		if s.locks[l] {
			return false
		}
	}
	return true
}

// execute decides and does what t needs, outside the scheduler lock.
func (s *scheduler) execute(t *Task) (TaskStatus, *TaskError, time.Time, TaskResult) {
	now := time.Now()
	if !s.depRanInRecipe(t) && stampCurrent(t) {
		return StatusCurrent, nil, now, TaskResult{}
	}
	fail := func(res TaskResult, err error) (TaskStatus, *TaskError, time.Time, TaskResult) {
		return StatusFailed, &TaskError{Task: t.ID, PN: t.Recipe.PN, ExitCode: res.ExitCode, LogPath: res.LogPath, Err: err}, now, res
	}
	if t.NoExec {
		if err := s.stamps.write(t); err != nil {
			return fail(TaskResult{}, err)
		}
		return StatusNoExec, nil, now, TaskResult{}
	}
	s.record(t, TaskRecord{Status: StatusRunning, Started: now})
	s.mu.Lock()
	done := s.done
	s.mu.Unlock()
	s.emit(Event{Kind: TaskStarted, Task: t, Status: StatusRunning, Done: done, Total: len(s.g.Tasks), Time: now})

	unlock, err := lockFiles(t.LockFiles)
	if err != nil {
		return fail(TaskResult{}, err)
	}
	res, err := s.opts.Runner.RunTask(s.ctx, t)
	unlock()
	if err != nil {
		return fail(res, err)
	}
	if err := s.stamps.write(t); err != nil {
		return fail(res, err)
	}
	return StatusDone, nil, now, res
}

// depRanInRecipe reports whether a dependency of t in the same recipe ran in this build:
// its stamp is then newer than any stamp t has, which check_stamp_task would find through
// mtimes. Deciding it from the build's own state does not depend on timestamp resolution.
// The dependencies' statuses were final before t became ready, so no lock is needed.
func (s *scheduler) depRanInRecipe(t *Task) bool {
	for _, d := range t.Deps {
		if d.Recipe == t.Recipe && (s.status[d.index] == StatusDone || s.status[d.index] == StatusNoExec) {
			return true
		}
	}
	return false
}

// completeLocked records t's outcome, releases its limits and makes its dependents ready,
// or depfailed when t did not succeed. It returns the events to send once unlocked and how
// many idle workers may now find work.
func (s *scheduler) completeLocked(t *Task, status TaskStatus, terr *TaskError) ([]Event, int) {
	wake := 0
	if _, ok := s.classMax[t.ID.Task]; ok {
		s.classRun[t.ID.Task]--
		wake++
	}
	if len(t.LockFiles) > 0 {
		wake++
	}
	for _, l := range t.LockFiles {
		delete(s.locks, l)
	}
	s.status[t.index] = status
	switch status {
	case StatusDone:
		s.sum.Ran++
	case StatusCurrent:
		s.sum.Current++
	case StatusNoExec:
		s.sum.NoExec++
	case StatusFailed:
		s.sum.Failed++
		s.sum.Failures = append(s.sum.Failures, terr)
		if !s.opts.KeepGoing {
			s.stop = true
		}
	}
	s.done++
	events := []Event{{Kind: TaskFinished, Task: t, Status: status, Err: terr, Done: s.done, Total: len(s.g.Tasks), Time: time.Now()}}
	if status == StatusFailed {
		// Everything after a failed task is depfailed at once, so that the build's state
		// says so even when it stops before reaching those tasks.
		stack := slices.Clone(t.RevDeps)
		for len(stack) > 0 {
			r := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if s.status[r.index] != StatusPending {
				continue
			}
			s.status[r.index] = StatusDepFailed
			s.sum.DepFailed++
			s.done++
			events = append(events, Event{Kind: TaskFinished, Task: r, Status: StatusDepFailed, Done: s.done, Total: len(s.g.Tasks), Time: time.Now()})
			stack = append(stack, r.RevDeps...)
		}
	}
	for _, r := range t.RevDeps {
		if s.pending[r.index]--; s.pending[r.index] == 0 && s.status[r.index] == StatusPending {
			heap.Push(&s.ready, r)
			wake++
		}
	}
	return events, wake
}

// taskHeap orders ready tasks by weight, then graph order.
type taskHeap []*Task

func (h taskHeap) Len() int { return len(h) }
func (h taskHeap) Less(i, j int) bool {
	if h[i].weight != h[j].weight {
		return h[i].weight > h[j].weight
	}
	return h[i].index < h[j].index
}
func (h taskHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *taskHeap) Push(x any)   { *h = append(*h, x.(*Task)) }
func (h *taskHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	*h = old[:len(old)-1]
	return t
}

// lockFiles takes exclusive flocks on paths, in sorted order, for other processes sharing
// them (within this process the scheduler never runs two holders at once).
func lockFiles(paths []string) (func(), error) {
	if len(paths) == 0 {
		return func() {}, nil
	}
	sorted := slices.Clone(paths)
	slices.Sort(sorted)
	sorted = slices.Compact(sorted)
	var held []*os.File
	unlock := func() {
		for _, f := range held {
			f.Close()
		}
	}
	for _, p := range sorted {
		f, err := flockFile(p, true)
		if err != nil {
			unlock()
			return nil, fmt.Errorf("lockfile %s: %w", p, err)
		}
		held = append(held, f)
	}
	return unlock, nil
}
