package cook

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/gobake/gobake/internal/data"
)

// handler is a registered event handler (bb.event.register).
type handler struct {
	name     string // registered name: the multiconfig prefix and the function name
	function string // name of the Python function compiled for it
	mask     map[string]bool
	all      bool
	seq      int // position in registration order within its scope chain
}

// registry holds the event handlers of one cooker, in registration order. BitBake keeps
// them in a process global; gobake keeps them in the cooker. It is set once, when the
// configuration is parsed, and only read afterwards.
type registry struct {
	mu    sync.Mutex
	scope *eventScope
}

// recipeScope returns a scope for one recipe: the configuration's handlers plus those the
// recipe registers, which go away with it (as bb.event.set_handlers(saved_handlers) does).
func (r *registry) recipeScope() *eventScope {
	r.mu.Lock()
	defer r.mu.Unlock()
	return &eventScope{base: r.scope, byName: map[string]*handler{}}
}

// eventScope is the set of handlers visible while one datastore is parsed: those of base
// (shared, not written) and its own, registered after them.
type eventScope struct {
	base     *eventScope
	handlers []*handler
	byName   map[string]*handler
}

// lookup finds the handler registered under name.
func (sc *eventScope) lookup(name string) (*handler, bool) {
	for s := sc; s != nil; s = s.base {
		if h, ok := s.byName[name]; ok {
			return h, true
		}
	}
	return nil, false
}

// count is how many handlers the scope chain holds.
func (sc *eventScope) count() int {
	n := 0
	for s := sc; s != nil; s = s.base {
		n += len(s.handlers)
	}
	return n
}

// register registers the handlers listed in __BBHANDLERS of d (bb.event.register for each).
func (c *Cooker) register(d *data.Store, sc *eventScope) error {
	v, err := d.GetVar("__BBHANDLERS", false)
	if err != nil {
		return err
	}
	names := asList(v)
	mc := ""
	if m, ok, _ := d.Get("BB_CURRENT_MC"); ok {
		mc = strings.ReplaceAll(m, "-", "_")
	}
	for _, fn := range names {
		file, _ := d.GetVarFlag(fn, "filename", false)
		if file == nil {
			return fmt.Errorf("undefined event handler function '%s'", fn)
		}
		lineno, _ := strconv.Atoi(data.Text(mustFlag(d, fn, "lineno")))
		name := mc + fn
		if _, ok := sc.lookup(name); ok {
			if err := addHandlerMC(d, name); err != nil {
				return err
			}
			continue
		}
		body, err := d.GetVar(fn, false)
		if err != nil {
			return err
		}
		h := &handler{name: name, function: name, mask: map[string]bool{}, seq: sc.count()}
		if c.opts.Python != nil {
			// Named fn, not name: the multiconfigs share one compiled body (see Define).
			text := "def " + fn + "(e, d):\n" + data.Text(body)
			if err := c.opts.Python.Define(name, text, data.Text(file), lineno); err != nil {
				return fmt.Errorf("%s:%d: registering event handler %s: %w", data.Text(file), lineno, fn, err)
			}
		}
		m, err := d.GetVarFlag(fn, "eventmask", true)
		if err != nil {
			return err
		}
		fields := strings.Fields(textOr(m))
		if len(fields) == 0 || slices.Contains(fields, "*") {
			h.all = true
		}
		for _, f := range fields {
			h.mask[f] = true
		}
		sc.handlers = append(sc.handlers, h)
		sc.byName[name] = h
		if err := addHandlerMC(d, name); err != nil {
			return err
		}
	}
	return nil
}

func addHandlerMC(d *data.Store, name string) error {
	v, _ := d.GetVar("__BBHANDLERS_MC", false)
	old, _ := v.(map[string]bool)
	if old[name] {
		return nil
	}
	set := make(map[string]bool, len(old)+1)
	for k := range old {
		set[k] = true
	}
	set[name] = true
	return d.SetVar("__BBHANDLERS_MC", set, data.Info{Ignore: true})
}

// handlersFor returns the handlers of sc that d registered (__BBHANDLERS_MC names a few
// among the handlers of every multiconfig: those are looked up, not all scanned) and that
// take events of class, in registration order.
func handlersFor(d *data.Store, sc *eventScope, class string) []*handler {
	v, _ := d.GetVar("__BBHANDLERS_MC", false)
	mine, _ := v.(map[string]bool)
	var hs []*handler
	for name := range mine {
		if h, ok := sc.lookup(name); ok && (h.all || h.mask[class]) {
			hs = append(hs, h)
		}
	}
	slices.SortFunc(hs, func(a, b *handler) int { return a.seq - b.seq })
	return hs
}

// fire runs the handlers of sc that take ev and were registered for d
// (fire_class_handlers), in registration order.
func (c *Cooker) fire(d *data.Store, sc *eventScope, ev Event) error {
	if c.opts.Python == nil {
		return nil
	}
	for _, h := range handlersFor(d, sc, ev.Class) {
		if err := c.opts.Python.Fire(d, h.function, ev); err != nil {
			return fmt.Errorf("event handler %s for %s: %w", h.name, ev.Class, err)
		}
	}
	return nil
}

func mustFlag(d *data.Store, name, flag string) any {
	v, _ := d.GetVarFlag(name, flag, false)
	return v
}

func textOr(v any) string {
	if v == nil {
		return ""
	}
	return data.Text(v)
}
