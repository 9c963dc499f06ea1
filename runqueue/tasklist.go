package runqueue

import "slices"

// TaskList records a recipe's addtask/deltask statements with BitBake's semantics
// (bb.build.addtask / bb.build.deltask): "addtask X after A before B" adds A to X's
// predecessors and X to B's predecessors, even when B is not (yet) a task, so that a later
// "addtask B" inherits the edge; "deltask X" removes X and removes X from the predecessors
// of the remaining tasks, without bridging X's own predecessors to its successors.
// Predecessors that are not tasks are ignored when the graph is built, as BitBake's
// taskdata does. The zero value is ready to use.
type TaskList struct {
	order []string
	deps  map[string][]string
}

// taskName adds the "do_" prefix addtask and deltask put on their task argument.
func taskName(t string) string {
	if len(t) >= 3 && t[:3] == "do_" {
		return t
	}
	return "do_" + t
}

// AddTask is "addtask TASK before BEFORE... after AFTER...". TASK gets a "do_" prefix when it
// lacks one; BEFORE and AFTER are used as written, as BitBake does.
func (l *TaskList) AddTask(task string, before, after []string) {
	task = taskName(task)
	if l.deps == nil {
		l.deps = map[string][]string{}
	}
	if !slices.Contains(l.order, task) {
		l.order = append(l.order, task)
	}
	for _, a := range after {
		if !slices.Contains(l.deps[task], a) {
			l.deps[task] = append(l.deps[task], a)
		}
	}
	for _, b := range before {
		if !slices.Contains(l.deps[b], task) {
			l.deps[b] = append([]string{task}, l.deps[b]...)
		}
	}
	if _, ok := l.deps[task]; !ok {
		l.deps[task] = nil
	}
}

// DelTask is "deltask TASK".
func (l *TaskList) DelTask(task string) {
	task = taskName(task)
	if i := slices.Index(l.order, task); i >= 0 {
		l.order = slices.Delete(l.order, i, i+1)
	}
	delete(l.deps, task)
	for _, t := range l.order {
		if i := slices.Index(l.deps[t], task); i >= 0 {
			l.deps[t] = slices.Delete(slices.Clone(l.deps[t]), i, i+1)
		}
	}
}

// Tasks returns the tasks in the order they were first added.
func (l *TaskList) Tasks() []string { return slices.Clone(l.order) }

// After returns the recorded predecessors of task (its "deps" flag), which may name tasks
// that do not exist.
func (l *TaskList) After(task string) []string { return slices.Clone(l.deps[task]) }
