package parser

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Position is a place in a metadata file. Line and Column are 1-based; Column counts bytes.
// Offset is the 0-based byte offset.
type Position struct {
	Filename string
	Line     int
	Column   int
	Offset   int
}

// String formats the position as file:line:col (line:col without a file name).
func (p Position) String() string {
	if p.Filename == "" {
		return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
	}
	return p.Filename + ":" + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

// MarshalJSON encodes the position compactly as "line:col" (the file is known from the File).
func (p Position) MarshalJSON() ([]byte, error) {
	return []byte(`"` + strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column) + `"`), nil
}

// Mode selects which of BitBake's two line handlers applies to a file.
type Mode int

const (
	// ModeAuto picks the mode from the file name, like bb.parse.handle.
	ModeAuto Mode = iota
	// ModeConf is ConfHandler: .conf files.
	ModeConf
	// ModeRecipe is BBHandler: .bb, .bbappend, .bbclass and .inc files.
	ModeRecipe
)

func (m Mode) String() string {
	switch m {
	case ModeConf:
		return "conf"
	case ModeRecipe:
		return "recipe"
	}
	return "auto"
}

// MarshalJSON encodes the mode as its name.
func (m Mode) MarshalJSON() ([]byte, error) { return []byte(`"` + m.String() + `"`), nil }

// File is one parsed metadata file: its statements in source order.
type File struct {
	Name  string
	Mode  Mode
	Stmts []Stmt
	// Warnings are what BitBake's parser warns about but accepts: tabs indenting python
	// function bodies, ignored addtask words, repeated before/after keywords.
	Warnings ErrorList
}

// Kind names a statement kind; the values are stable and used in JSON output.
type Kind string

// Statement kinds, one per bb.parse.ast node class (plus comments).
const (
	KindAssign       Kind = "assign"       // DataNode
	KindExportVar    Kind = "export"       // ExportNode
	KindUnset        Kind = "unset"        // UnsetNode
	KindUnsetFlag    Kind = "unsetflag"    // UnsetFlagNode
	KindInclude      Kind = "include"      // IncludeNode (include, require), IncludeAllNode
	KindInherit      Kind = "inherit"      // InheritNode, InheritDeferredNode
	KindAddTask      Kind = "addtask"      // AddTaskNode
	KindDelTask      Kind = "deltask"      // DelTaskNode
	KindAddHandler   Kind = "addhandler"   // BBHandlerNode
	KindAddPylib     Kind = "addpylib"     // PyLibNode
	KindAddFragments Kind = "addfragments" // AddFragmentsNode (BitBake >= 2.12)
	KindExportFuncs  Kind = "exportfuncs"  // ExportFuncsNode
	KindFunc         Kind = "func"         // MethodNode
	KindPyDef        Kind = "pydef"        // PythonMethodNode
	KindComment      Kind = "comment"      // (BitBake drops comments)
)

// Stmt is one statement. The concrete types are the pointer types below.
type Stmt interface {
	// Kind tells the statement kind.
	Kind() Kind
	// Span returns the statement's first position and the position just past its last byte.
	Span() (start, end Position)
	setSpan(start, end Position)
}

// Op is an assignment operator.
type Op string

// Assignment operators, as BitBake's __config_regexp__ knows them.
const (
	OpSet     Op = "="   // set
	OpDefault Op = "?="  // set if unset
	OpWeak    Op = "??=" // weak default (the _defaultval flag)
	OpImmed   Op = ":="  // immediate expansion
	OpAppend  Op = "+="  // append with a space
	OpPrepend Op = "=+"  // prepend with a space
	OpPostdot Op = ".="  // append without a space
	OpPredot  Op = "=."  // prepend without a space
	opInvalid Op = ""
)

// Assign is `[export ]NAME[[flag]] OP "value"` (BitBake's DataNode).
//
// Name is the variable name exactly as written, with any override or operation suffixes
// (`VAR:append:foo`, old-style `VAR_append` stays a plain name). Value is the raw text
// between the quotes after continuation joining: nothing is unescaped or expanded, `${@...}`
// stays verbatim, and with BitBake's greedy quote matching it may itself contain quotes.
type Assign struct {
	Pos    Position
	EndPos Position
	Export bool   `parser:"@KwExport?" json:",omitempty"`
	Name   string `parser:"@Name"`
	Flag   string `parser:"@Flag?" json:",omitempty"` // "" when no [flag]
	Op     Op     `parser:"@Op"`
	Quote  string `parser:"@Quote"` // `"` or `'`
	Value  string `parser:"@Value"`
}

// ExportVar is `export NAME` without an assignment (ExportNode).
type ExportVar struct {
	Pos    Position
	EndPos Position
	Name   string `parser:"KwExportVar @Name"`
}

// Unset is `unset NAME` (UnsetNode).
type Unset struct {
	Pos    Position
	EndPos Position
	Name   string `parser:"KwUnset @Name"`
}

// UnsetFlag is `unset NAME[flag]` (UnsetFlagNode).
type UnsetFlag struct {
	Pos    Position
	EndPos Position
	Name   string `parser:"KwUnsetFlag @Name"`
	Flag   string `parser:"@Flag"`
}

// Include is `include`, `require` or `include_all` with its raw, unexpanded argument
// (zero or more space-separated file names after expansion).
type Include struct {
	Pos    Position
	EndPos Position
	Verb   string `parser:"@KwInclude"` // "include", "require" or "include_all"
	Target string `parser:"@Arg"`
}

// Inherit is `inherit CLASSES` or `inherit_defer CLASSES` with the raw argument.
type Inherit struct {
	Pos      Position
	EndPos   Position
	Deferred bool   `parser:"( KwInherit | @KwInheritDefer )" json:",omitempty"`
	Classes  string `parser:"@Arg"`
}

// AddTask is `addtask TASK [before ...] [after ...]` (AddTaskNode).
//
// Args is the raw text after the task name (and the blanks after it). Before and After are
// the regex groups BitBake's __addtask_regexp__ extracts from it: each keeps trailing blanks,
// the last occurrence of a keyword wins, and HasBefore/HasAfter tell whether the keyword was
// present at all (BitBake's group is None otherwise). The dependency lists are
// strings.Fields(Before) and strings.Fields(After).
type AddTask struct {
	Pos       Position
	EndPos    Position
	Task      string `parser:"KwAddTask @Task"`
	Args      string `parser:"@Args?" json:",omitempty"`
	HasBefore bool   `parser:"( @KwBefore" json:",omitempty"`
	Before    string `parser:"  @Before )?" json:",omitempty"`
	HasAfter  bool   `parser:"( @KwAfter" json:",omitempty"`
	After     string `parser:"  @After )?" json:",omitempty"`
}

// DelTask is `deltask TASKS` with the raw argument.
type DelTask struct {
	Pos    Position
	EndPos Position
	Tasks  string `parser:"KwDelTask @Arg"`
}

// AddHandler is `addhandler HANDLERS` with the raw argument.
type AddHandler struct {
	Pos      Position
	EndPos   Position
	Handlers string `parser:"KwAddHandler @Arg"`
}

// AddPylib is `addpylib DIR NAMESPACE`. BitBake honours it only in a layer's base
// configuration (.conf files parsed with baseconfig); the parser accepts it in any .conf file
// and leaves that check to the cooker. In recipe mode it is an unparsed line, as in BitBake.
type AddPylib struct {
	Pos       Position
	EndPos    Position
	Dir       string `parser:"KwAddPylib @Arg"`
	Namespace string `parser:"@Arg"`
}

// AddFragments is `addfragments PREFIX VAR FLAGGEDVARS BUILTINVAR` (BitBake >= 2.12, used
// by current OE-core's bitbake.conf): the four raw regex groups.
type AddFragments struct {
	Pos           Position
	EndPos        Position
	PathPrefix    string `parser:"KwAddFragments @Arg"`
	Variable      string `parser:"@Arg"`
	FlaggedVars   string `parser:"@Arg"`
	BuiltinVarVar string `parser:"@Arg"`
}

// ExportFuncs is `EXPORT_FUNCTIONS FUNCS` with the raw argument.
type ExportFuncs struct {
	Pos    Position
	EndPos Position
	Funcs  string `parser:"KwExportFuncs @Arg"`
}

// Func is a shell or python function `[python] [fakeroot] NAME () {` ... `}` (MethodNode).
//
// Name is "" for an unnamed function (`python () {`); FuncName gives BitBake's name.
// Body holds the lines between the braces, each right-trimmed as BitBake reads them, with
// no continuation joining and no comment processing. The closing line is exactly `}`.
type Func struct {
	Pos      Position
	EndPos   Position
	Python   bool   `parser:"( @FuncPython" json:",omitempty"`
	Fakeroot bool   `parser:"| @FuncFakeroot )*" json:",omitempty"`
	Name     string `parser:"@FuncName FuncOpen" json:",omitempty"`
	Body     Lines  `parser:"@Body FuncClose"`
}

// FuncName is the name BitBake registers: "__anonymous" for an unnamed function.
func (f *Func) FuncName() string {
	if f.Name == "" {
		return "__anonymous"
	}
	return f.Name
}

// Text is the function text as BitBake stores it in the variable: BitBake appends an empty
// line to the body at the closing brace and joins with newlines, so N >= 1 lines give
// "l1\n...lN\n" and an empty body gives "". (For anonymous functions BitBake later
// prepends a def.)
func (f *Func) Text() string {
	if len(f.Body) == 0 {
		return ""
	}
	return strings.Join(f.Body, "\n") + "\n"
}

// PyDef is a top-level python `def NAME(...):` block (PythonMethodNode). Body holds the
// def line itself (after continuation joining) and every following line that BitBake
// collects into it: indented, empty or starting with '#', including trailing blank and
// comment lines.
type PyDef struct {
	Pos    Position
	EndPos Position
	Name   string `parser:"KwDef @DefName"`
	Body   Lines  `parser:"@Body"`
}

// Text is the block's text as BitBake stores it: the body lines joined by newlines.
func (d *PyDef) Text() string { return strings.Join(d.Body, "\n") }

// Comment is one comment, possibly continued over several lines by trailing backslashes
// (then Text is the joined text, backslashes removed, as BitBake joins it).
type Comment struct {
	Pos    Position
	EndPos Position
	Text   string // not a grammar production: the grammar elides comments
}

// Lines is a list of source lines; the grammar captures it from one token holding each
// line followed by a newline.
type Lines []string

// Capture implements participle.Capture.
func (l *Lines) Capture(values []string) error {
	for _, v := range values {
		if v != "" {
			*l = append(*l, strings.Split(v[:len(v)-1], "\n")...)
		}
	}
	return nil
}

func (*Assign) Kind() Kind       { return KindAssign }
func (*ExportVar) Kind() Kind    { return KindExportVar }
func (*Unset) Kind() Kind        { return KindUnset }
func (*UnsetFlag) Kind() Kind    { return KindUnsetFlag }
func (*Include) Kind() Kind      { return KindInclude }
func (*Inherit) Kind() Kind      { return KindInherit }
func (*AddTask) Kind() Kind      { return KindAddTask }
func (*DelTask) Kind() Kind      { return KindDelTask }
func (*AddHandler) Kind() Kind   { return KindAddHandler }
func (*AddPylib) Kind() Kind     { return KindAddPylib }
func (*AddFragments) Kind() Kind { return KindAddFragments }
func (*ExportFuncs) Kind() Kind  { return KindExportFuncs }
func (*Func) Kind() Kind         { return KindFunc }
func (*PyDef) Kind() Kind        { return KindPyDef }
func (*Comment) Kind() Kind      { return KindComment }

func (s *Assign) Span() (Position, Position)       { return s.Pos, s.EndPos }
func (s *ExportVar) Span() (Position, Position)    { return s.Pos, s.EndPos }
func (s *Unset) Span() (Position, Position)        { return s.Pos, s.EndPos }
func (s *UnsetFlag) Span() (Position, Position)    { return s.Pos, s.EndPos }
func (s *Include) Span() (Position, Position)      { return s.Pos, s.EndPos }
func (s *Inherit) Span() (Position, Position)      { return s.Pos, s.EndPos }
func (s *AddTask) Span() (Position, Position)      { return s.Pos, s.EndPos }
func (s *DelTask) Span() (Position, Position)      { return s.Pos, s.EndPos }
func (s *AddHandler) Span() (Position, Position)   { return s.Pos, s.EndPos }
func (s *AddPylib) Span() (Position, Position)     { return s.Pos, s.EndPos }
func (s *AddFragments) Span() (Position, Position) { return s.Pos, s.EndPos }
func (s *ExportFuncs) Span() (Position, Position)  { return s.Pos, s.EndPos }
func (s *Func) Span() (Position, Position)         { return s.Pos, s.EndPos }
func (s *PyDef) Span() (Position, Position)        { return s.Pos, s.EndPos }
func (s *Comment) Span() (Position, Position)      { return s.Pos, s.EndPos }

func (s *Assign) setSpan(a, b Position)       { s.Pos, s.EndPos = a, b }
func (s *ExportVar) setSpan(a, b Position)    { s.Pos, s.EndPos = a, b }
func (s *Unset) setSpan(a, b Position)        { s.Pos, s.EndPos = a, b }
func (s *UnsetFlag) setSpan(a, b Position)    { s.Pos, s.EndPos = a, b }
func (s *Include) setSpan(a, b Position)      { s.Pos, s.EndPos = a, b }
func (s *Inherit) setSpan(a, b Position)      { s.Pos, s.EndPos = a, b }
func (s *AddTask) setSpan(a, b Position)      { s.Pos, s.EndPos = a, b }
func (s *DelTask) setSpan(a, b Position)      { s.Pos, s.EndPos = a, b }
func (s *AddHandler) setSpan(a, b Position)   { s.Pos, s.EndPos = a, b }
func (s *AddPylib) setSpan(a, b Position)     { s.Pos, s.EndPos = a, b }
func (s *AddFragments) setSpan(a, b Position) { s.Pos, s.EndPos = a, b }
func (s *ExportFuncs) setSpan(a, b Position)  { s.Pos, s.EndPos = a, b }
func (s *Func) setSpan(a, b Position)         { s.Pos, s.EndPos = a, b }
func (s *PyDef) setSpan(a, b Position)        { s.Pos, s.EndPos = a, b }
func (s *Comment) setSpan(a, b Position)      { s.Pos, s.EndPos = a, b }

// Error is one syntax error at a position in a metadata file.
type Error struct {
	Pos Position
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// ErrorList is every error of one parse, in source order. Parse returns it as its error.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap lets errors.As find the individual *Error values.
func (l ErrorList) Unwrap() []error {
	out := make([]error, len(l))
	for i, e := range l {
		out[i] = e
	}
	return out
}

func (l *ErrorList) add(pos Position, format string, args ...any) {
	*l = append(*l, &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// MarshalJSON encodes the file with each statement as an object whose first key is "Kind".
func (f *File) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	name, _ := json.Marshal(f.Name)
	b.WriteString(`{"Name":`)
	b.Write(name)
	b.WriteString(`,"Mode":"` + f.Mode.String() + `","Stmts":[`)
	for i, s := range f.Stmts {
		if i > 0 {
			b.WriteByte(',')
		}
		obj, err := json.Marshal(s)
		if err != nil {
			return nil, fmt.Errorf("statement %d: %w", i, err)
		}
		b.WriteString(`{"Kind":"` + string(s.Kind()) + `"`)
		if len(obj) > 2 {
			b.WriteByte(',')
		}
		b.Write(obj[1:])
	}
	b.WriteString("]}")
	return b.Bytes(), nil
}

// BeforeTasks is the list BitBake's addtask gets from the before group.
func (a *AddTask) BeforeTasks() []string { return strings.Fields(a.Before) }

// AfterTasks is the list BitBake's addtask gets from the after group.
func (a *AddTask) AfterTasks() []string { return strings.Fields(a.After) }

// TaskList splits the (unexpanded) deltask argument as BitBake does after expansion.
func (d *DelTask) TaskList() []string { return strings.Fields(d.Tasks) }

// BitBakeLine is the line number BitBake records for a statement (AstNode.lineno): the
// last line of the logical line, the closing brace of a function, and for a def block the
// line after it (the line that ended it, or the line count + 1 at end of file).
func BitBakeLine(s Stmt) int {
	_, end := s.Span()
	if _, ok := s.(*PyDef); ok {
		return end.Line + 1
	}
	return end.Line
}
