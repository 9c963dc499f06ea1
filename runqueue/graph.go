package runqueue

import (
	"fmt"
	"strings"
)

// TaskID names a task the way BitBake's tid does: multiconfig, recipe file name (BitBake's
// fn, possibly "virtual:native:/path/x.bb") and task name ("do_compile").
type TaskID struct {
	MC, File, Task string
}

// String returns BitBake's tid: "mc:MC:FILE:TASK", or "FILE:TASK" without a multiconfig.
func (id TaskID) String() string {
	if id.MC != "" {
		return "mc:" + id.MC + ":" + id.File + ":" + id.Task
	}
	return id.File + ":" + id.Task
}

// Recipe is one recipe (one parsed file variant in one multiconfig) in a task graph.
type Recipe struct {
	MC      string
	File    string // BitBake's fn
	PN      string
	Version string // "PE:PV-PR", as task-depends.dot labels show it
	Stamp   string // STAMP: stamp files are STAMP.TASK.HASH; "" means no stamps
	index   int
}

// Task is one node of a task graph.
type Task struct {
	ID            TaskID
	Recipe        *Recipe
	NoExec        bool
	NoStamp       bool
	Network       bool
	NumberThreads int      // [number_threads] of this task name; 0 means no limit
	LockFiles     []string // [lockfiles], expanded
	Pos           string   // "file:line" of the addtask, for diagnostics; may be empty

	// Deps are the tasks that must complete before this one, RevDeps the tasks waiting for
	// it; both in graph order and restricted to the graph's active tasks.
	Deps    []*Task
	RevDeps []*Task
	// Hash is the task's signature once Graph.Sign has run.
	Hash string

	index  int // position in Graph.Tasks, -1 when pruned
	weight int // scheduling priority: longest path to an end of the graph
}

// Graph is an expanded, pruned and acyclic task graph: the runqueue of one build.
type Graph struct {
	// Tasks are the active tasks in BitBake's order (recipes in the order the cooker added
	// them, tasks in their addtask order).
	Tasks []*Task
	// Targets are the tasks the request named, plus the --runall/--runonly tasks: the tasks
	// -f invalidates. A target may be absent from Tasks (a "TASK-" target, --runall).
	Targets []*Task

	all map[TaskID]*Task // every task of every recipe, active or pruned
}

// Task returns the active task with the given ID, or nil.
func (g *Graph) Task(id TaskID) *Task {
	if t := g.all[id]; t != nil && t.index >= 0 {
		return t
	}
	return nil
}

// Recipes returns the recipes that have active tasks, in graph order.
func (g *Graph) Recipes() []*Recipe {
	var out []*Recipe
	seen := map[*Recipe]bool{}
	for _, t := range g.Tasks {
		if !seen[t.Recipe] {
			seen[t.Recipe] = true
			out = append(out, t.Recipe)
		}
	}
	return out
}

// Edges returns the number of dependency edges between active tasks.
func (g *Graph) Edges() int {
	n := 0
	for _, t := range g.Tasks {
		n += len(t.Deps)
	}
	return n
}

// Target is one build target: a name some recipe provides (PN or a PROVIDES entry), in a
// multiconfig, with the task to run. DepsOnly is BitBake's "TASK-" form: only the task's
// dependencies run.
type Target struct {
	MC, Name, Task string
	DepsOnly       bool
}

// ParseTarget reads a command-line target, "[mc:MC:]NAME[:do_TASK]", as bitbake does;
// defaultTask (e.g. "do_build", or the -c task) is used when no task is given.
func ParseTarget(s, defaultTask string) Target {
	t := Target{Task: taskName(defaultTask)}
	if strings.HasPrefix(s, "mc:") && strings.Count(s, ":") >= 2 {
		parts := strings.SplitN(s, ":", 3)
		t.MC, s = parts[1], parts[2]
	}
	if i := strings.LastIndex(s, ":"); i >= 0 && strings.HasPrefix(s[i+1:], "do_") {
		s, t.Task = s[:i], s[i+1:]
	}
	t.Name = s
	if strings.HasSuffix(t.Task, "-") {
		t.Task, t.DepsOnly = strings.TrimSuffix(t.Task, "-"), true
	}
	return t
}

func (t Target) String() string {
	s := t.Name + ":" + t.Task
	if t.DepsOnly {
		s += "-"
	}
	if t.MC != "" {
		s = "mc:" + t.MC + ":" + s
	}
	return s
}

// GraphError is an error about the task graph of one recipe task.
type GraphError struct {
	Task TaskID
	Pos  string // file:line of the task's addtask when known
	Msg  string
}

func (e *GraphError) Error() string {
	if e.Pos != "" {
		return fmt.Sprintf("%s: %s: %s", e.Pos, e.Task, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Task, e.Msg)
}

// CycleError reports a circular dependency; Chain lists the tasks of one cycle, each
// depending on the next and the last on the first.
type CycleError struct {
	Chain []TaskID
}

func (e *CycleError) Error() string {
	var b strings.Builder
	b.WriteString("circular task dependency: ")
	for _, id := range e.Chain {
		b.WriteString(id.String())
		b.WriteString(" -> ")
	}
	b.WriteString(e.Chain[0].String())
	return b.String()
}
