package parser

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Format prints a file's statements back as metadata text, one statement per line (function
// bodies verbatim). Parsing the output in the same mode yields the same statements, apart
// from positions; continued lines come out joined, as BitBake sees them.
func Format(f *File) string {
	var b strings.Builder
	for _, s := range f.Stmts {
		formatStmt(&b, s)
	}
	return b.String()
}

// Fprint writes Format(f) to w.
func Fprint(w io.Writer, f *File) error {
	if _, err := io.WriteString(w, Format(f)); err != nil {
		return fmt.Errorf("printing %s: %w", f.Name, err)
	}
	return nil
}

// keywordNames are variable names that the recipe-mode keyword rules would claim if
// followed by a blank (`inherit = "x"` is an inherit statement there).
var keywordNames = map[string]bool{
	"inherit": true, "inherit_defer": true, "deltask": true, "addhandler": true,
	"EXPORT_FUNCTIONS": true,
	// `export += "x"` exports a variable named "+": a variable named export keeps its operator.
	"export": true,
}

func formatStmt(b *strings.Builder, s Stmt) {
	switch s := s.(type) {
	case *Assign:
		if s.Export {
			b.WriteString("export ")
		}
		b.WriteString(s.Name)
		if s.Flag != "" {
			b.WriteString("[" + s.Flag + "]")
		}
		// A blank keeps a name ending in an operator character apart from the operator;
		// keyword-like names are written without one.
		if s.Flag != "" || !keywordNames[s.Name] {
			b.WriteByte(' ')
		}
		b.WriteString(string(s.Op) + " " + s.Quote + s.Value + s.Quote)
	case *ExportVar:
		b.WriteString("export " + s.Name)
	case *Unset:
		b.WriteString("unset " + s.Name)
	case *UnsetFlag:
		b.WriteString("unset " + s.Name + "[" + s.Flag + "]")
	case *Include:
		b.WriteString(s.Verb + " " + s.Target)
	case *Inherit:
		if s.Deferred {
			b.WriteString("inherit_defer " + s.Classes)
		} else {
			b.WriteString("inherit " + s.Classes)
		}
	case *AddTask:
		b.WriteString("addtask " + s.Task)
		if s.Args != "" {
			b.WriteString(" " + s.Args)
		}
	case *DelTask:
		b.WriteString("deltask " + s.Tasks)
	case *AddHandler:
		b.WriteString("addhandler " + s.Handlers)
	case *AddPylib:
		b.WriteString("addpylib " + s.Dir + " " + s.Namespace)
	case *AddFragments:
		b.WriteString("addfragments " + s.PathPrefix + " " + s.Variable + " " + s.FlaggedVars + " " + s.BuiltinVarVar)
	case *ExportFuncs:
		b.WriteString("EXPORT_FUNCTIONS " + s.Funcs)
	case *Func:
		var head []string
		if s.Python {
			head = append(head, "python")
		}
		if s.Fakeroot {
			head = append(head, "fakeroot")
		}
		if s.Name != "" {
			// No blank before "()": `fakeroot()` names a function, `fakeroot ()` is a prefix.
			head = append(head, s.Name+"() {")
		} else {
			head = append(head, "() {")
		}
		b.WriteString(strings.Join(head, " "))
		for _, l := range s.Body {
			b.WriteString("\n" + l)
		}
		b.WriteString("\n}")
	case *PyDef:
		b.WriteString(s.Body[0])
		continueBlank(b, s.Body[0])
		for _, l := range s.Body[1:] {
			b.WriteString("\n" + l)
		}
	case *Comment:
		b.WriteString(s.Text)
	}
	if _, ok := s.(*PyDef); !ok {
		continueBlank(b, b.String())
	}
	b.WriteByte('\n')
}

// continueBlank keeps trailing blanks of a logical line (possible only when it was continued
// into an empty line) by doing the same: a backslash, then an empty line.
func continueBlank(b *strings.Builder, line string) {
	r, _ := utf8.DecodeLastRuneInString(line)
	if r != utf8.RuneError && r != '\n' && isPySpace(r) {
		b.WriteString("\\\n")
	}
}
