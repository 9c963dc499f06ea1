package bake

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/gobake/gobake/internal/build"
	"github.com/gobake/gobake/internal/cook"
	"github.com/gobake/gobake/internal/data"
	"github.com/gobake/gobake/internal/exec"
	"github.com/gobake/gobake/internal/siggen"
	"github.com/gobake/gobake/runqueue"
)

// RunOptions configure Plan.Run.
type RunOptions struct {
	Python     build.Python // runs python tasks; see CookPython
	Privileged exec.Runner  // optional: gives task scripts a sudo
	Env        []string     // environment task scripts start from
	Threads    int
	KeepGoing  bool
	Store      runqueue.Store
	Observer   runqueue.Observer
	Invalidate runqueue.Invalidation
	Command    string
	Targets    []string
}

// Sign computes every task's signature: siggen base hashes, combined with dependencies'
// signatures and taints by the runqueue. It is called by Run; call it alone to inspect.
func (p *Plan) Sign(inv runqueue.Invalidation) error {
	sigs := map[recipeKey]map[string]*siggen.Sig{}
	if err := p.Graph.Invalidate(inv); err != nil {
		return err
	}
	return p.Graph.Sign(runqueue.BaseHashSigner(func(t *runqueue.Task) (string, error) {
		k := recipeKey{t.Recipe.MC, t.Recipe.File}
		rs, ok := sigs[k]
		if !ok {
			var err error
			rs, err = siggen.BaseHashes(p.recipes[k].Data)
			if err != nil {
				return "", fmt.Errorf("%s: %w", t.Recipe.File, err)
			}
			sigs[k] = rs
		}
		s, ok := rs[t.ID.Task]
		if !ok {
			return "", fmt.Errorf("%s: no signature for %s", t.Recipe.File, t.ID.Task)
		}
		return s.BaseHash, nil
	}))
}

// Run signs the graph and executes it.
func (p *Plan) Run(ctx context.Context, o RunOptions) (*runqueue.Summary, error) {
	if err := p.Sign(o.Invalidate); err != nil {
		return nil, err
	}
	locks := map[recipeKey]*sync.Mutex{}
	for k := range p.recipes {
		locks[k] = &sync.Mutex{}
	}
	var pyMu sync.Mutex // the Python runtime is single-threaded: one task in it at a time
	runner := runqueue.TaskRunnerFunc(func(ctx context.Context, t *runqueue.Task) (runqueue.TaskResult, error) {
		k := recipeKey{t.Recipe.MC, t.Recipe.File}
		rec := p.recipes[k]
		// Stores are not safe for concurrent copies: one copy per task, under the recipe's lock.
		locks[k].Lock()
		local := rec.Data.CreateCopy()
		locks[k].Unlock()
		if local.Python != nil {
			local.Python = &pyLock{mu: &pyMu, inner: local.Python}
		}
		err := build.ExecTask(ctx, local, t.Recipe.File, t.ID.Task, build.Options{
			Privileged: o.Privileged, Python: o.Python, Env: o.Env,
		})
		var res runqueue.TaskResult
		var te *build.TaskError
		if errors.As(err, &te) {
			res.LogPath = te.Log
			res.ExitCode = 1
			var fe *build.FuncError
			if errors.As(err, &fe) && fe.ExitCode != 0 {
				res.ExitCode = fe.ExitCode
			}
		}
		return res, err
	})
	return runqueue.Run(ctx, p.Graph, runqueue.Options{
		Threads: o.Threads, KeepGoing: o.KeepGoing, Runner: runner, Store: o.Store,
		Observer: o.Observer, Command: o.Command, Targets: o.Targets,
	})
}

// CookPython runs python task functions through the cooker's Python runtime, as
// bb.build.exec_func_python does: the body is compiled as `def NAME(d):` and called with
// the task's data. Messages go wherever the runtime's logging hook sends them.
type CookPython struct {
	Py cook.Python
	// Hooks, when set, are the runtime's hooks: messages of the function go to its task log
	// and bb.build.exec_func runs with the task's options.
	Hooks *TaskHooks
	// Options are the task options bb.build.exec_func runs functions with.
	Options build.Options
	mu      sync.Mutex // the runtime's method pool is shared: one definition+call at a time
}

// RunFunc implements build.Python.
func (c *CookPython) RunFunc(ctx context.Context, d *data.Store, name string, log io.Writer) error {
	if c.Py == nil {
		return fmt.Errorf("python function %s: gobake was built without a Python runtime", name)
	}
	body, err := d.GetVar(name, false)
	if err != nil {
		return err
	}
	file := flagText(d, name, "filename")
	line := 0
	fmt.Sscan(flagText(d, name, "lineno"), &line)
	text := "def " + name + "(d):\n" + indentBody(data.Text(body))
	call := func() error {
		if c.Hooks != nil {
			opts := c.Options
			opts.Python = c
			defer c.Hooks.enter(&taskCtx{ctx: ctx, log: log, opts: opts})()
		}
		if err := c.Py.Define(name, text, file, line); err != nil {
			return err
		}
		return c.Py.RunAnon(d, []string{name})
	}
	if pl, ok := d.Python.(*pyLock); ok {
		return pl.do(call)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return call()
}

// pyLock serialises one task's use of the shared Python runtime with every other task's.
// Each task has its own pyLock (on its copy of the recipe data), used only by the goroutine
// running that task: depth lets Python re-enter itself (a python task reading a variable
// whose ${@...} runs Python) without locking twice.
type pyLock struct {
	mu    *sync.Mutex
	inner data.PythonExpander
	depth int
}

func (l *pyLock) do(f func() error) error {
	if l.depth == 0 {
		l.mu.Lock()
		defer l.mu.Unlock()
	}
	l.depth++
	defer func() { l.depth-- }()
	return f()
}

// EvalInline implements data.PythonExpander.
func (l *pyLock) EvalInline(d *data.Store, varname, code string, refs *data.Refs) (string, error) {
	var out string
	err := l.do(func() error {
		var err error
		out, err = l.inner.EvalInline(d, varname, code, refs)
		return err
	})
	return out, err
}

// indentBody makes sure a function body is indented under its def line (BitBake stores
// python function bodies with their original indentation; an empty body becomes `pass`).
func indentBody(body string) string {
	if strings.TrimSpace(body) == "" {
		return "    pass\n"
	}
	lines := strings.Split(body, "\n")
	indented := false
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			indented = l[0] == ' ' || l[0] == '\t'
			break
		}
	}
	if indented {
		return body + "\n"
	}
	for i, l := range lines {
		lines[i] = "    " + l
	}
	return strings.Join(lines, "\n") + "\n"
}
