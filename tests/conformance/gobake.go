package conformance

import (
	"fmt"
	"strings"

	"github.com/gobake/gobake/parser"
)

// FromAST converts gobake's AST of one file into the canonical statement list. Comments are
// dropped (BitBake keeps none); every other node becomes one Stmt, in file order.
func FromAST(f *parser.File) []Stmt {
	var out []Stmt
	for _, n := range f.Stmts {
		s, ok := fromNode(n)
		if !ok {
			continue
		}
		start, _ := n.Span()
		s.Line = start.Line
		s.Last = parser.BitBakeLine(n)
		out = append(out, s)
	}
	return out
}

func fromNode(n parser.Stmt) (Stmt, bool) {
	switch n := n.(type) {
	case *parser.Comment:
		return Stmt{}, false
	case *parser.Assign:
		return Stmt{Kind: "assign", Var: n.Name, Flag: n.Flag, Op: string(n.Op), Quote: n.Quote, Value: n.Value, Export: n.Export}, true
	case *parser.ExportVar:
		return Stmt{Kind: "export", Var: n.Name}, true
	case *parser.Unset:
		return Stmt{Kind: "unset", Var: n.Name}, true
	case *parser.UnsetFlag:
		return Stmt{Kind: "unset", Var: n.Name, Flag: n.Flag}, true
	case *parser.Include:
		// "include" and "require" as in BitBake 2.8; "include_all" is newer than 2.8.
		return Stmt{Kind: n.Verb, Value: n.Target}, true
	case *parser.Inherit:
		if n.Deferred {
			return Stmt{Kind: "inherit_defer", Value: n.Classes}, true
		}
		return Stmt{Kind: "inherit", Value: n.Classes}, true
	case *parser.AddTask:
		s := Stmt{Kind: "addtask", Name: n.Task}
		if n.HasBefore {
			s.Before = nonEmpty(n.BeforeTasks())
		}
		if n.HasAfter {
			s.After = nonEmpty(n.AfterTasks())
		}
		return s, true
	case *parser.DelTask:
		return Stmt{Kind: "deltask", Value: n.Tasks}, true
	case *parser.AddHandler:
		return Stmt{Kind: "addhandler", Names: fields(n.Handlers)}, true
	case *parser.ExportFuncs:
		return Stmt{Kind: "export_functions", Names: fields(n.Funcs)}, true
	case *parser.AddPylib:
		return Stmt{Kind: "addpylib", LibDir: n.Dir, Namespace: n.Namespace}, true
	case *parser.AddFragments:
		// Newer than BitBake 2.8: files using it are rejected by the oracle, never compared.
		return Stmt{Kind: "addfragments", Names: []string{n.PathPrefix, n.Variable, n.FlaggedVars, n.BuiltinVarVar}}, true
	case *parser.Func:
		return Stmt{Kind: "func", Name: n.FuncName(), Body: n.Text(), Python: n.Python, Fakeroot: n.Fakeroot}, true
	case *parser.PyDef:
		return Stmt{Kind: "def", Name: n.Name, Body: n.Text()}, true
	}
	return Stmt{Kind: fmt.Sprintf("unknown:%T", n)}, true
}

// fields splits like Python's str.split(), nil for blank text.
func fields(s string) []string { return nonEmpty(strings.Fields(s)) }

// nonEmpty maps an empty list to nil, so that "no entries" compares equal however it was
// written.
func nonEmpty(l []string) []string {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Gobake parses one file with gobake's parser and returns its canonical statements, or the
// parser's errors (then Stmts holds what did parse).
func Gobake(path string, src []byte) *FileResult {
	f, err := parser.Parse(path, src)
	r := &FileResult{File: path, Stmts: FromAST(f)}
	if err != nil {
		r.Error = err.Error()
	}
	return r
}
