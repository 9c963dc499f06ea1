package runqueue

import (
	"fmt"
	"slices"
	"strings"
)

// markActive adds t and everything it depends on to active, without recursion.
func (x *expansion) markActive(active map[int]bool, roots ...int) {
	stack := slices.Clone(roots)
	for len(stack) > 0 {
		t := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if active[t] {
			continue
		}
		active[t] = true
		for d := range x.deps[t] {
			if !active[d] {
				stack = append(stack, d)
			}
		}
	}
}

func withDo(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = n
		if !strings.HasPrefix(n, "do_") {
			out[i] = "do_" + n
		}
	}
	return out
}

// prune is prepare()'s steps B to D: mark the targets and their dependencies active, apply
// --runall and --runonly, drop the rest, then order the graph and reject cycles.
func (x *expansion) prune(req Request) (*Graph, error) {
	active := map[int]bool{}
	var targets []int
	for _, tg := range req.Targets {
		prov, ok := x.b.provide[tg.MC][tg.Name]
		if !ok {
			return nil, fmt.Errorf("nothing provides %q (target %s)", tg.Name, tg)
		}
		t, ok := x.lookup(prov, tg.Task)
		if !ok {
			var have []string
			for _, ts := range x.b.recipes[prov].spec.Tasks {
				have = append(have, ts.Name)
			}
			return nil, fmt.Errorf("task %s does not exist for target %s (%s); it has %s",
				tg.Task, tg.Name, TaskID{MC: tg.MC, File: x.b.recipes[prov].spec.File, Task: tg.Task}, strings.Join(have, " "))
		}
		targets = append(targets, t)
		if tg.DepsOnly {
			for d := range x.deps[t] {
				x.markActive(active, d)
			}
		} else {
			x.markActive(active, t)
		}
	}

	if len(req.RunAll) > 0 {
		names := withDo(req.RunAll)
		runall := map[int]bool{}
		for added := true; added; {
			reduced := active
			active = map[int]bool{}
			next := map[int]bool{}
			for _, name := range names {
				for t := range reduced {
					if d, ok := x.lookup(x.tasks[t].Recipe.index, name); ok {
						next[d] = true
					}
				}
			}
			added = false
			for t := range next {
				if !runall[t] {
					added = true
				}
			}
			runall = next
			x.markActive(active, sortedKeys(runall)...)
		}
		targets = append(targets, sortedKeys(runall)...)
		if len(active) == 0 {
			return nil, fmt.Errorf("could not find any tasks named %s in the task graphs of the targets", strings.Join(names, " "))
		}
	}

	if len(req.RunOnly) > 0 {
		names := withDo(req.RunOnly)
		only := map[int]bool{}
		for t := range active {
			if slices.Contains(names, x.tasks[t].ID.Task) {
				only[t] = true
			}
		}
		active = map[int]bool{}
		x.markActive(active, sortedKeys(only)...)
		targets = append(targets, sortedKeys(only)...)
		if len(active) == 0 {
			return nil, fmt.Errorf("could not find any tasks named %s in the task graphs of the targets", strings.Join(names, " "))
		}
	}

	g := &Graph{all: make(map[TaskID]*Task, len(x.tasks))}
	for i, t := range x.tasks {
		g.all[t.ID] = t
		t.Deps, t.RevDeps, t.Hash, t.index = nil, nil, "", -1
		if active[i] {
			t.index = len(g.Tasks)
			g.Tasks = append(g.Tasks, t)
		}
	}
	for i, t := range x.tasks {
		if !active[i] {
			continue
		}
		for d := range x.deps[i] {
			t.Deps = append(t.Deps, x.tasks[d])
		}
		slices.SortFunc(t.Deps, func(a, b *Task) int { return a.index - b.index })
		for _, d := range t.Deps {
			d.RevDeps = append(d.RevDeps, t)
		}
	}
	seen := map[int]bool{}
	for _, t := range targets {
		if !seen[t] {
			seen[t] = true
			g.Targets = append(g.Targets, x.tasks[t])
		}
	}
	if err := g.order(); err != nil {
		return nil, err
	}
	return g, nil
}

func sortedKeys(m map[int]bool) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// order computes scheduling weights (the number of tasks on the longest path from a task to
// an end of the graph, so that long chains start first) and rejects cycles.
func (g *Graph) order() error {
	left := make([]int, len(g.Tasks))
	var queue []*Task
	for _, t := range g.Tasks {
		left[t.index] = len(t.RevDeps)
		if left[t.index] == 0 {
			queue = append(queue, t)
		}
	}
	done := 0
	for len(queue) > 0 {
		t := queue[0]
		queue = queue[1:]
		done++
		t.weight++
		for _, d := range t.Deps {
			d.weight = max(d.weight, t.weight)
			if left[d.index]--; left[d.index] == 0 {
				queue = append(queue, d)
			}
		}
	}
	if done == len(g.Tasks) {
		return nil
	}
	return &CycleError{Chain: findCycle(g, left)}
}

// findCycle walks dependencies among the tasks still blocked after Kahn's algorithm; each of
// them has a blocked dependent, so following blocked dependents must revisit a task.
func findCycle(g *Graph, left []int) []TaskID {
	var start *Task
	for _, t := range g.Tasks {
		if left[t.index] > 0 {
			start = t
			break
		}
	}
	pos := map[*Task]int{}
	var path []*Task
	for t := start; ; {
		if i, ok := pos[t]; ok {
			path = path[i:]
			break
		}
		pos[t] = len(path)
		path = append(path, t)
		for _, r := range t.RevDeps {
			if left[r.index] > 0 {
				t = r
				break
			}
		}
	}
	// path follows dependents; a cycle reads better along dependencies.
	slices.Reverse(path)
	ids := make([]TaskID, len(path))
	for i, t := range path {
		ids[i] = t.ID
	}
	return ids
}
