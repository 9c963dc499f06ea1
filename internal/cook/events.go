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
}

// registry holds the event handlers of one cooker, in registration order. BitBake keeps
// them in a process global; gobake keeps them in the cooker.
type registry struct {
	mu       sync.Mutex
	handlers []*handler
	byName   map[string]*handler
}

func (r *registry) snapshot() ([]*handler, map[string]*handler) {
	r.mu.Lock()
	defer r.mu.Unlock()
	m := make(map[string]*handler, len(r.byName))
	for k, v := range r.byName {
		m[k] = v
	}
	return slices.Clone(r.handlers), m
}

// eventScope is the set of handlers visible while one datastore is parsed: the cooker's
// registry plus those registered during recipe finalisation (dropped afterwards, as
// bb.event.set_handlers(saved_handlers) does).
type eventScope struct {
	handlers []*handler
	byName   map[string]*handler
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
		if _, ok := sc.byName[name]; ok {
			if err := addHandlerMC(d, name); err != nil {
				return err
			}
			continue
		}
		body, err := d.GetVar(fn, false)
		if err != nil {
			return err
		}
		h := &handler{name: name, function: name, mask: map[string]bool{}}
		if c.opts.Python != nil {
			// Named fn, not name: the multiconfigs share one compiled body (see Define).
			text := "def " + fn + "(e, d):\n" + data.Text(body)
			if err := c.opts.Python.Define(name, text, data.Text(file), max(lineno-1, 0)); err != nil {
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

// fire runs the handlers of sc that take ev and were registered for d (fire_class_handlers).
func (c *Cooker) fire(d *data.Store, sc *eventScope, ev Event) error {
	if c.opts.Python == nil {
		return nil
	}
	v, _ := d.GetVar("__BBHANDLERS_MC", false)
	mine, _ := v.(map[string]bool)
	for _, h := range sc.handlers {
		if !h.all && !h.mask[ev.Class] {
			continue
		}
		if !mine[h.name] {
			continue
		}
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
