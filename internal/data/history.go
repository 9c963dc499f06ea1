package data

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Event is one recorded operation on a variable (an entry of BitBake's VariableHistory).
type Event struct {
	Variable string
	Op       string
	Detail   string
	Flag     string // "" for the value itself
	File     string
	Line     int
	Func     string // set for operations made by Python code
}

// internalInfo stands for an operation the datastore makes on its own behalf; BitBake
// records these with its own source file, line and calling method, so they carry the
// place in BitBake 2.8's sources that makes the same call (as bitbake -e prints them).
func internalInfo(file string, line int, fn string) Info {
	return Info{File: file, Line: line, Func: fn}
}

func (d *Store) record(in Info, variable, op string, detail any, flag string) {
	if !d.tracking || in.Ignore || in.File == "" {
		return
	}
	ev := Event{Variable: variable, Op: op, Detail: Text(detail), Flag: flag, File: in.File, Line: in.Line, Func: in.Func}
	d.appendHistory(variable, ev)
}

func (d *Store) appendHistory(variable string, evs ...Event) {
	old, _ := d.hist.get(variable)
	if !d.hist.owned(variable) {
		old = slices.Clip(old)
	}
	d.hist.set(variable, append(old, evs...))
}

func (d *Store) renameHistory(oldvar, newvar string) {
	if !d.tracking {
		return
	}
	evs, ok := d.hist.get(oldvar)
	if !ok {
		return
	}
	d.appendHistory(newvar, evs...)
}

// History returns the recorded operations on a variable, oldest first.
func (d *Store) History(variable string) []Event {
	evs, _ := d.hist.get(variable)
	return slices.Clone(evs)
}

// RecordHistory adds an event to a variable's history (varhistory.record) when tracking.
func (d *Store) RecordHistory(ev Event) {
	if d.tracking {
		d.appendHistory(ev.Variable, ev)
	}
}

// DelHistory forgets a variable's history (del_var_history without file and line).
func (d *Store) DelHistory(variable string) {
	if _, ok := d.hist.get(variable); ok {
		d.hist.set(variable, nil)
	}
}

// HistoryFiles returns the files of a variable's operations (get_variable_files).
func (d *Store) HistoryFiles(variable string) []string {
	var out []string
	for _, ev := range d.History(variable) {
		out = append(out, ev.File)
	}
	return out
}

// emitHistory writes the "#" comment block bitbake -e prints above a variable
// (VariableHistory.emit); oval is the unexpanded value.
func (d *Store) emitHistory(w io.Writer, name string, oval any) {
	history := d.History(name)
	if refs, ok := d.ovdata.get(name); ok {
		for _, r := range refs {
			for _, ev := range d.History(r.name) {
				if ev.Flag != "" && !strings.HasPrefix(ev.Flag, "_") && !strings.HasPrefix(ev.Flag, ":") {
					continue
				}
				ev.Variable = name
				ev.Op = "override[" + r.override + "]:" + ev.Op
				history = append(history, ev)
			}
		}
	}
	comment := strings.ReplaceAll(Text(oval), "\n", "\n#")
	if len(history) == 0 {
		fmt.Fprintf(w, "#\n# $%s\n#   [no history recorded]\n#\n#   \"%s\"\n", name, comment)
		return
	}
	if len(history) == 1 {
		fmt.Fprintf(w, "#\n# $%s\n", name)
	} else {
		fmt.Fprintf(w, "#\n# $%s [%d operations]\n", name, len(history))
	}
	for _, ev := range history {
		file, fn := ev.File, ""
		if ev.Func != "" {
			if i := strings.LastIndexByte(file, '/'); i >= 0 {
				file = file[i+1:]
			}
			fn = " [" + ev.Func + "]"
		}
		flag := ""
		if ev.Flag != "" {
			flag = "[" + ev.Flag + "] "
		}
		fmt.Fprintf(w, "#   %s %s:%d%s\n#     %s\"%s\"\n", ev.Op, file, ev.Line, fn, flag, strings.ReplaceAll(ev.Detail, "\n", "\n#     "))
	}
	if len(history) > 1 {
		fmt.Fprintf(w, "# pre-expansion value:\n#   \"%s\"\n", comment)
	}
}

// IncludeHistory is the tree of included files bitbake -e prints first.
type IncludeHistory struct {
	parent   *IncludeHistory
	File     string
	Children []*IncludeHistory
	current  *IncludeHistory
}

// NewIncludeHistory returns an empty top-level include history.
func NewIncludeHistory() *IncludeHistory {
	h := &IncludeHistory{File: "[TOP LEVEL]"}
	h.current = h
	return h
}

// Copy copies the top level (children are shared, as in BitBake).
func (h *IncludeHistory) Copy() *IncludeHistory {
	if h == nil {
		return nil
	}
	n := &IncludeHistory{parent: h.parent, File: h.File, Children: slices.Clone(h.Children)}
	n.current = n
	return n
}

// Include enters file; call End when it has been parsed.
func (h *IncludeHistory) Include(file string) {
	c := &IncludeHistory{parent: h.current, File: file}
	c.current = c
	h.current.Children = append(h.current.Children, c)
	h.current = c
}

// End leaves the file entered last.
func (h *IncludeHistory) End() {
	if h.current.parent != nil {
		h.current = h.current.parent
	}
}

// Emit writes the "# INCLUDE HISTORY:" block.
func (h *IncludeHistory) Emit(w io.Writer) { h.emit(w, 0) }

func (h *IncludeHistory) emit(w io.Writer, level int) {
	if level > 0 {
		fmt.Fprintf(w, "# %s%s", strings.Repeat("  ", level-1), h.File)
		if len(h.Children) > 0 {
			io.WriteString(w, " includes:")
		}
	} else {
		io.WriteString(w, "#\n# INCLUDE HISTORY:\n#")
	}
	for _, c := range h.Children {
		io.WriteString(w, "\n")
		c.emit(w, level+1)
	}
}
