package bake

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/gobake/gobake/internal/build"
	"github.com/gobake/gobake/internal/data"
)

// TaskHooks route what the Python runtime does on behalf of metadata to the task running it:
// bb.note/warn/error messages go to the task's log (warnings and errors also to the console,
// as BitBake shows them), and bb.build.exec_func runs the function with the task's options.
// Outside a task (while parsing) messages go to the console. Python tasks run one at a time
// (see pyLock), so one current task is enough.
type TaskHooks struct {
	Console io.Writer

	mu   sync.Mutex
	cur  *taskCtx
	keep []*taskCtx
}

type taskCtx struct {
	ctx  context.Context
	log  io.Writer
	opts build.Options
}

// Log is pyrt.Hooks.Log.
func (h *TaskHooks) Log(level, msg string) {
	h.mu.Lock()
	cur := h.cur
	h.mu.Unlock()
	line := fmt.Sprintf("%s: %s\n", level, msg)
	if level == "PLAIN" {
		line = msg + "\n"
	}
	if cur != nil {
		io.WriteString(cur.log, line)
		if level != "WARNING" && level != "ERROR" && level != "FATAL" {
			return
		}
	}
	// The console shows what BitBake's does without -D: no debug messages.
	if h.Console != nil && level != "DEBUG" {
		io.WriteString(h.Console, line)
	}
}

// ExecFunc is pyrt.Hooks.ExecFunc, given the datastore behind the Python d.
func (h *TaskHooks) ExecFunc(name string, d *data.Store) error {
	h.mu.Lock()
	cur := h.cur
	h.mu.Unlock()
	if cur == nil {
		return fmt.Errorf("bb.build.exec_func(%q) outside a task", name)
	}
	return build.ExecFunc(cur.ctx, d, name, cur.log, cur.opts)
}

// enter makes t the current task until the returned function is called.
func (h *TaskHooks) enter(t *taskCtx) func() {
	h.mu.Lock()
	prev := h.cur
	h.cur = t
	h.mu.Unlock()
	return func() {
		h.mu.Lock()
		h.cur = prev
		h.mu.Unlock()
	}
}
