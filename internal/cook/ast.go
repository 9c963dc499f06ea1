package cook

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/gobake/gobake/parser"
)

// lastLine is the line BitBake attributes to a statement spanning start..end: its last
// physical line (end is just past the last byte, possibly at the start of the next line).
func lastLine(start, end parser.Position) int {
	if end.Line > start.Line && end.Column == 1 {
		return end.Line - 1
	}
	return max(end.Line, start.Line)
}

// fromAST converts the parser's AST of one file into the statements the cooker evaluates.
func fromAST(path string, f *parser.File) (*File, error) {
	out := &File{Path: path, Stmts: make([]Stmt, 0, len(f.Stmts))}
	for _, st := range f.Stmts {
		start, end := st.Span()
		s := Stmt{Pos: Pos{File: path, Line: lastLine(start, end)}}
		switch x := st.(type) {
		case *parser.Comment:
			continue
		case *parser.Assign:
			s.Kind, s.Var, s.Flag, s.Op, s.Value, s.Export = Assign, x.Name, x.Flag, string(x.Op), x.Value, x.Export
		case *parser.ExportVar:
			s.Kind, s.Var = Export, x.Name
		case *parser.Unset:
			s.Kind, s.Var = Unset, x.Name
		case *parser.UnsetFlag:
			s.Kind, s.Var, s.Flag = Unset, x.Name, x.Flag
		case *parser.Include:
			switch x.Verb {
			case "include":
				s.Kind = Include
			case "require":
				s.Kind = Require
			case "include_all":
				s.Kind = IncludeAll
			default:
				return nil, &ParseError{Pos: s.Pos, Msg: "unknown include verb " + x.Verb}
			}
			s.Value = x.Target
		case *parser.Inherit:
			s.Kind, s.Value = Inherit, x.Classes
			if x.Deferred {
				s.Kind = InheritDefer
			}
		case *parser.AddTask:
			s.Kind, s.Name = AddTask, x.Task
			s.HasBef, s.Before, s.HasAfter, s.After = x.HasBefore, x.Before, x.HasAfter, x.After
		case *parser.DelTask:
			s.Kind, s.Value = DelTask, x.Tasks
		case *parser.AddHandler:
			s.Kind, s.Names = AddHandler, strings.Fields(x.Handlers)
		case *parser.AddPylib:
			s.Kind, s.LibDir, s.Namespace = AddPyLib, x.Dir, x.Namespace
		case *parser.ExportFuncs:
			s.Kind, s.Names = ExportFunctions, strings.Fields(x.Funcs)
		case *parser.Func:
			s.Kind, s.Name, s.Python, s.Fakeroot = Func, x.FuncName(), x.Python, x.Fakeroot
			s.Body, s.BodyLen = x.Text(), len(x.Body)
			// The closing brace line.
			s.Pos.Line = lastLine(start, end)
		case *parser.PyDef:
			s.Kind, s.Name, s.Body, s.BodyLen = Def, x.Name, x.Text(), len(x.Body)
			// BitBake attributes a def block to the line that ended it.
			s.Pos.Line = start.Line + len(x.Body)
		case *parser.AddFragments:
			return nil, &ParseError{Pos: s.Pos, Msg: "addfragments needs BitBake >= 2.12; gobake follows BitBake 2.8"}
		default:
			return nil, &ParseError{Pos: s.Pos, Msg: fmt.Sprintf("unsupported statement %T", st)}
		}
		out.Stmts = append(out.Stmts, s)
	}
	return out, nil
}

// MetadataParser is the Parser that reads files from disk with package parser.
type MetadataParser struct{}

// ParseFile implements Parser.
func (MetadataParser) ParseFile(path string) (*File, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := parser.Parse(path, src)
	if err != nil {
		var list parser.ErrorList
		if errors.As(err, &list) && len(list) > 0 {
			e := list[0]
			return nil, &ParseError{Pos: Pos{File: path, Line: e.Pos.Line}, Msg: e.Msg, Err: err}
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return fromAST(path, f)
}
