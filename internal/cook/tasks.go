package cook

import (
	"slices"
	"strings"

	"github.com/gobake/gobake/internal/data"
)

// addTask is bb.build.addtask: register task in __BBTASKS and record "after" tasks in its
// deps flag and "before" tasks in theirs. before/after are nil when absent.
func addTask(d *data.Store, task string, before, after *string) error {
	if !strings.HasPrefix(task, "do_") {
		task = "do_" + task
	}
	if err := d.SetVarFlag(task, "task", 1, internal("build.py", 937, "addtask")); err != nil {
		return err
	}
	tasks := getList(d, "__BBTASKS")
	if !slices.Contains(tasks, task) {
		tasks = append(slices.Clip(tasks), task)
	}
	if err := setList(d, "__BBTASKS", tasks); err != nil {
		return err
	}
	existing := flagList(d, task, "deps")
	if after != nil {
		for _, e := range strings.Fields(*after) {
			if !slices.Contains(existing, e) {
				existing = append(slices.Clip(existing), e)
			}
		}
	}
	if err := d.SetVarFlag(task, "deps", strList(existing), internal("build.py", 949, "addtask")); err != nil {
		return err
	}
	if before != nil {
		for _, e := range strings.Fields(*before) {
			ex := flagList(d, e, "deps")
			if !slices.Contains(ex, task) {
				if err := d.SetVarFlag(e, "deps", strList(append([]string{task}, ex...)), internal("build.py", 955, "addtask")); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func flagList(d *data.Store, name, flag string) []string {
	v, _ := d.GetVarFlag(name, flag, false)
	return asList(v)
}

// strList is a Python list of strings kept in the datastore (deps flags, __BBTASKS, ...);
// it prints as Python does.
type strList []string

func (l strList) String() string { return pyStrList(l) }

func asList(v any) []string {
	switch l := v.(type) {
	case strList:
		return l
	case []string:
		return l
	case string:
		// Written back by Python through the string-valued datastore interface.
		return strings.Fields(l)
	}
	return nil
}

// delTask is bb.build.deltask.
func delTask(d *data.Store, task string) error {
	if !strings.HasPrefix(task, "do_") {
		task = "do_" + task
	}
	ign := data.Info{Ignore: true}
	tasks := getList(d, "__BBTASKS")
	if i := slices.Index(tasks, task); i >= 0 {
		tasks = slices.Delete(slices.Clone(tasks), i, i+1)
		d.DelVarFlag(task, "task", ign)
		if err := setList(d, "__BBTASKS", tasks); err != nil {
			return err
		}
	}
	d.DelVarFlag(task, "deps", ign)
	for _, t := range tasks {
		deps := flagList(d, t, "deps")
		if i := slices.Index(deps, task); i >= 0 {
			if err := d.SetVarFlag(t, "deps", strList(slices.Delete(slices.Clone(deps), i, i+1)), ign); err != nil {
				return err
			}
		}
	}
	return nil
}

// taskDepFlags are the task flags add_tasks copies into _task_deps, in BitBake's order.
var taskDepFlags = []string{"mcdepends", "depends", "rdepends", "deptask", "rdeptask", "recrdeptask", "recideptask", "nostamp", "fakeroot", "noexec", "umask"}

// TaskDeps is the _task_deps value bb.build.add_tasks computes: the tasks in order, their
// parents (after/before edges) and, per flag, the expanded flag value of each task that
// has it. String renders it as Python prints the dict.
type TaskDeps struct {
	Tasks   []string
	Parents map[string][]string
	Flags   map[string]map[string]string // flag -> task -> value
	// order of insertion, for printing
	flagTasks map[string][]string
}

func pyStrList(l []string) string {
	parts := make([]string, len(l))
	for i, s := range l {
		parts[i] = data.PyRepr(s)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func (t *TaskDeps) String() string {
	var b strings.Builder
	b.WriteString("{'tasks': " + pyStrList(t.Tasks) + ", 'parents': {")
	for i, task := range t.Tasks {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(data.PyRepr(task) + ": " + pyStrList(t.Parents[task]))
	}
	b.WriteString("}")
	for _, f := range taskDepFlags {
		b.WriteString(", " + data.PyRepr(f) + ": {")
		for i, task := range t.flagTasks[f] {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(data.PyRepr(task) + ": " + data.PyRepr(t.Flags[f][task]))
		}
		b.WriteString("}")
	}
	b.WriteString("}")
	return b.String()
}

// addTasks is bb.build.add_tasks: mark every task of tasklist and compute _task_deps.
func addTasks(d *data.Store, tasklist []string) error {
	td := &TaskDeps{Parents: map[string][]string{}, Flags: map[string]map[string]string{}, flagTasks: map[string][]string{}}
	for _, task := range tasklist {
		task, err := d.Expand(task, "")
		if err != nil {
			return err
		}
		if err := d.SetVarFlag(task, "task", 1, internal("build.py", 893, "add_tasks")); err != nil {
			return err
		}
		if !slices.Contains(td.Tasks, task) {
			td.Tasks = append(td.Tasks, task)
		}
		for _, f := range taskDepFlags {
			v, err := d.GetVarFlag(task, f, false)
			if err != nil {
				return err
			}
			if v == nil {
				continue
			}
			ev, err := d.Expand(data.Text(v), "")
			if err != nil {
				return err
			}
			if td.Flags[f] == nil {
				td.Flags[f] = map[string]string{}
			}
			if _, ok := td.Flags[f][task]; !ok {
				td.flagTasks[f] = append(td.flagTasks[f], task)
			}
			td.Flags[f][task] = ev
		}
		var parents []string
		for _, dep := range flagList(d, task, "deps") {
			dep, err := d.Expand(dep, "")
			if err != nil {
				return err
			}
			parents = append(parents, dep)
		}
		td.Parents[task] = parents
	}
	return d.SetVar("_task_deps", td, internal("build.py", 931, "add_tasks"))
}
