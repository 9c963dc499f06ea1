package cook

import "fmt"

// Kind is the kind of a metadata statement.
type Kind int

// Statement kinds, one per BitBake AST node.
const (
	Assign          Kind = iota // [export ]VAR[flag] OP "value"
	Export                      // export VAR
	Unset                       // unset VAR / unset VAR[flag]
	Include                     // include FILES
	Require                     // require FILES
	IncludeAll                  // include_all FILE (newer BitBake)
	Inherit                     // inherit CLASSES
	InheritDefer                // inherit_defer CLASSES
	AddTask                     // addtask NAME [before ...] [after ...]
	DelTask                     // deltask NAMES
	AddHandler                  // addhandler NAMES
	ExportFunctions             // EXPORT_FUNCTIONS NAMES
	AddPyLib                    // addpylib LIBDIR NAMESPACE
	Func                        // [python ][fakeroot ]NAME() { BODY } (NAME "__anonymous" for python())
	Def                         // def NAME(...): BODY
)

// Pos is a position in a metadata file. Line is the line BitBake attributes the statement to:
// the last physical line of an assignment, the closing "}" line of a function.
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Stmt is one metadata statement in the form the cooker evaluates. Which fields are set
// depends on Kind (see the parser adapter).
type Stmt struct {
	Pos    Pos
	Kind   Kind
	Var    string // Assign, Export, Unset
	Flag   string // Assign, Unset
	Op     string // Assign: = ?= ??= := += =+ .= =.
	Value  string // Assign value; raw argument of Include, Require, IncludeAll, Inherit, InheritDefer, DelTask
	Export bool   // Assign with "export"

	Name     string   // AddTask task, Func and Def name
	Names    []string // AddHandler, ExportFunctions
	Before   string   // AddTask, unsplit
	After    string   // AddTask, unsplit
	HasAfter bool     // AddTask had "after"
	HasBef   bool     // AddTask had "before"

	LibDir, Namespace string // AddPyLib

	Body     string // Func: the text BitBake stores; Def: the source from the def line
	BodyLen  int    // Func: lines between the braces; Def: lines of the def block
	Python   bool   // Func
	Fakeroot bool   // Func
}

// File is one parsed metadata file.
type File struct {
	Path  string
	Stmts []Stmt
}

// Parser turns a metadata file into statements. The cooker calls it once per file path and
// keeps the result; implementations must be safe for concurrent use.
type Parser interface {
	ParseFile(path string) (*File, error)
}

// ParseError is an error in metadata, located at file:line.
type ParseError struct {
	Pos Pos
	Msg string
	Err error
}

func (e *ParseError) Error() string {
	if e.Pos.File == "" {
		return e.Msg
	}
	if e.Pos.Line == 0 {
		return fmt.Sprintf("%s: %s", e.Pos.File, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.Pos, e.Msg)
}

func (e *ParseError) Unwrap() error { return e.Err }

// SkipRecipe is raised (bb.parse.SkipRecipe) to skip a recipe; Reason says why.
type SkipRecipe struct{ Reason string }

func (e *SkipRecipe) Error() string { return "skipped: " + e.Reason }
