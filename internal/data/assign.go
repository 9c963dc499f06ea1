package data

import (
	"fmt"
	"strings"
)

// AssignOp is a metadata assignment operator.
type AssignOp int

const (
	OpSet       AssignOp = iota // =
	OpDefault                   // ?=
	OpWeak                      // ??=
	OpImmediate                 // :=
	OpAppend                    // +=
	OpPrepend                   // =+
	OpPostDot                   // .=
	OpPreDot                    // =.
)

var opText = [...]string{"=", "?=", "??=", ":=", "+=", "=+", ".=", "=."}

func (o AssignOp) String() string {
	if int(o) < len(opText) {
		return opText[o]
	}
	return fmt.Sprintf("AssignOp(%d)", int(o))
}

// ParseAssignOp maps an operator's text to its AssignOp.
func ParseAssignOp(s string) (AssignOp, bool) {
	for i, t := range opText {
		if t == s {
			return AssignOp(i), true
		}
	}
	return 0, false
}

// Assignment is one metadata statement `[export ]VAR[flag] OP "value"`.
type Assignment struct {
	Var    string
	Flag   string // "" when no [flag]
	Op     AssignOp
	Value  string
	Export bool
	File   string
	Line   int
}

// Assign applies an assignment the way BitBake's parser does (ast.DataNode.eval):
// ?= sets only when no value (weak defaults ignored) exists, ??= sets the weak default
// ("_defaultval" flag), := expands now on a copy, += =+ .= =. combine with the current
// unexpanded value, and the history records the operator and the raw value.
func (d *Store) Assign(a Assignment) error {
	in := Info{File: a.File, Line: a.Line}
	if a.Export {
		ein := in
		ein.Op = "exported"
		if err := d.SetVarFlag(a.Var, "export", 1, ein); err != nil {
			return err
		}
	}
	cur := func() (any, error) {
		if a.Flag != "" {
			return d.getVarFlag(a.Var, a.Flag, getOpts{noWeakDefault: true})
		}
		return d.getVarFlag(a.Var, "_content", getOpts{noWeakDefault: true, parsing: true})
	}
	op := "set"
	var val any = a.Value
	switch a.Op {
	case OpDefault:
		op = "set?"
		v, err := cur()
		if err != nil {
			return err
		}
		if v != nil {
			val = v
		}
	case OpImmediate:
		op = "immediate"
		v, err := d.CreateCopy().Expand(a.Value, a.Var+"[:=]")
		if err != nil {
			return fmt.Errorf("%s:%d: %w", a.File, a.Line, err)
		}
		val = v
	case OpAppend, OpPrepend, OpPostDot, OpPreDot:
		v, err := cur()
		if err != nil {
			return err
		}
		old := textOrEmpty(v)
		switch a.Op {
		case OpAppend:
			op, val = "append", old+" "+a.Value
		case OpPrepend:
			op, val = "prepend", a.Value+" "+old
		case OpPostDot:
			op, val = "postdot", old+a.Value
		case OpPreDot:
			op, val = "predot", a.Value+old
		}
	}
	if (a.Op == OpAppend || a.Op == OpPrepend || a.Op == OpPostDot || a.Op == OpPreDot) &&
		(strings.Contains(a.Var, ":append") || strings.Contains(a.Var, ":remove") || strings.Contains(a.Var, ":prepend")) {
		d.warn(a.Var + " " + a.Op.String() + " is not a recommended operator combination, please replace it.")
	}
	in.Op, in.Detail = op, a.Value
	flag := a.Flag
	if flag == "" && a.Op == OpWeak {
		flag = "_defaultval"
	}
	if flag != "" {
		return d.SetVarFlag(a.Var, flag, val, in)
	}
	in.Parsing = true
	return d.SetVar(a.Var, val, in)
}

// Export is the `export VAR` statement (ast.ExportNode).
func (d *Store) Export(name string) error {
	in := internalInfo("ast.py", 52, "eval")
	in.Op = "exported"
	return d.SetVarFlag(name, "export", 1, in)
}

// Unset is the `unset VAR` statement (ast.UnsetNode).
func (d *Store) Unset(name, file string, line int) {
	d.DelVar(name, Info{File: file, Line: line})
}

// UnsetFlag is the `unset VAR[flag]` statement (ast.UnsetFlagNode).
func (d *Store) UnsetFlag(name, flag, file string, line int) {
	d.DelVarFlag(name, flag, Info{File: file, Line: line})
}
