package pyrt

import (
	"fmt"
	"sort"
	"strings"

	"github.com/go-python/gpython/ast"
	"github.com/go-python/gpython/parser"
	"github.com/go-python/gpython/py"
)

// CodeRefs is what metadata Python code refers to, as bb.codeparser.PythonParser finds it:
// variables read through d.getVar/appendVar/prependVar and oe.utils.conditional, flags read
// through d.getVarFlag (as "VAR[flag]"), bb.utils.contains/contains_any/filter items,
// functions called by name, and functions run by bb.build.exec_func/exec_task.
type CodeRefs struct {
	References []string
	Execs      []string
	Contains   map[string][]string
	// Expands holds the literal arguments of d.expand(...) calls; the caller expands them with
	// reference tracking (BitBake does the same with a fresh datastore).
	Expands []string
}

var (
	getVarSuffixes     = []string{".getVar", ".appendVar", ".prependVar", "oe.utils.conditional"}
	getVarFlagSuffixes = []string{".getVarFlag", ".appendVarFlag", ".prependVarFlag"}
)

// ParseCodeRefs parses code (a python function body or module code, possibly indented) and
// returns what it refers to. name is used in error messages.
func ParseCodeRefs(name, code string) (*CodeRefs, error) {
	if strings.TrimSpace(code) == "" {
		return &CodeRefs{}, nil
	}
	src := code
	if trimmed := strings.TrimLeft(code, "\n"); trimmed != "" && (trimmed[0] == ' ' || trimmed[0] == '\t') {
		src = "if 1:\n" + code
	}
	lowered, err := Lower(src, name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	mod, err := parser.ParseString(lowered, py.ExecMode)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	refs := map[string]bool{}
	execs := map[string]bool{}
	contains := map[string]map[string]bool{}
	out := &CodeRefs{}
	addContains := func(v string, items ...string) {
		if contains[v] == nil {
			contains[v] = map[string]bool{}
		}
		for _, it := range items {
			contains[v][it] = true
		}
	}
	ast.Walk(mod, func(n ast.Ast) bool {
		call, ok := n.(*ast.Call)
		if !ok {
			return true
		}
		fn := calledName(call.Func)
		if fn == "" {
			return true
		}
		arg := func(i int) (string, bool) {
			if i >= len(call.Args) {
				return "", false
			}
			s, ok := call.Args[i].(*ast.Str)
			if !ok {
				return "", false
			}
			return string(s.S), true
		}
		switch {
		case hasSuffix(fn, getVarSuffixes) || hasSuffix(fn, getVarFlagSuffixes) ||
			fn == "bb.utils.contains" || fn == "base_contains" ||
			fn == "bb.utils.contains_any" || fn == "bb.utils.filter":
			v, ok := arg(0)
			if !ok {
				return true
			}
			switch {
			case fn == "bb.utils.contains" || fn == "base_contains":
				if item, ok := arg(1); ok {
					addContains(v, item)
				}
			case fn == "bb.utils.contains_any" || fn == "bb.utils.filter":
				if item, ok := arg(1); ok {
					addContains(v, strings.Fields(item)...)
				}
			case hasSuffix(fn, getVarFlagSuffixes):
				if f, ok := arg(1); ok {
					refs[v+"["+f+"]"] = true
				}
			default:
				refs[v] = true
			}
		case strings.HasSuffix(fn, ".expand"):
			if s, ok := arg(0); ok {
				out.Expands = append(out.Expands, s)
			}
		case fn == "bb.build.exec_func" || fn == "bb.build.exec_task":
			if s, ok := arg(0); ok {
				execs[s] = true
			}
		case strings.HasPrefix(fn, "__pyrt_"):
			// helpers introduced by lowering (f-strings, ...), not in the metadata's code
		default:
			execs[fn] = true
		}
		return true
	})
	out.References = sortedNames(refs)
	out.Execs = sortedNames(execs)
	if len(contains) > 0 {
		out.Contains = map[string][]string{}
		for v, items := range contains {
			out.Contains[v] = sortedNames(items)
		}
	}
	return out, nil
}

// calledName returns the dotted name of a called expression (a.b.c), or "" when the callee
// is not a chain of attributes on a name.
func calledName(e ast.Expr) string {
	var parts []string
	for {
		switch n := e.(type) {
		case *ast.Attribute:
			parts = append(parts, string(n.Attr))
			e = n.Value
		case *ast.Name:
			parts = append(parts, string(n.Id))
			for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
				parts[i], parts[j] = parts[j], parts[i]
			}
			return strings.Join(parts, ".")
		default:
			return ""
		}
	}
}

func hasSuffix(s string, suffixes []string) bool {
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

func sortedNames(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
