package pyrt

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/go-python/gpython/py"
)

// Snippet is metadata Python compiled for one origin: an inline ${@...} expression, a
// python function body, or a block of def statements. Its line numbers are the metadata
// file's: the source is compiled after Line-1 padding lines.
type Snippet struct {
	code *py.Code
	File string // metadata file the code came from
	Line int    // line of its first source line in File
	Name string // function name for python functions, "" otherwise
}

// Error is an exception raised by metadata Python, located at the metadata statement that
// failed.
type Error struct {
	File      string
	Line      int
	Exc       string // last traceback line, "Type: message"
	Traceback string // Python-style traceback with metadata file names and lines
	Err       error  // the gpython error
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Exc) }

func (e *Error) Unwrap() error { return e.Err }

// ExceptionType returns the Python class name of the exception (e.g. "bb.parse.SkipRecipe"
// is reported as "SkipRecipe").
func (e *Error) ExceptionType() string {
	t, _, _ := strings.Cut(e.Exc, ":")
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		t = t[i+1:]
	}
	return t
}

func padLines(line int) string {
	if line <= 1 {
		return ""
	}
	return strings.Repeat("\n", line-1)
}

// CompileInline compiles the expression of an inline ${@...} reference found at file:line.
// Compiled code is cached by source and origin.
func (r *Runtime) CompileInline(expr, file string, line int) (*Snippet, error) {
	code, err := r.Compile(padLines(line)+strings.TrimSpace(expr), file, py.EvalMode)
	if err != nil {
		return nil, r.metaError(err, file, line)
	}
	return &Snippet{code: code, File: file, Line: line}, nil
}

// CompileFunc compiles the body of `python name() { body }`; line is the line of the
// first body line. The result defines name(d) when run with ExecDefs.
func (r *Runtime) CompileFunc(name, body, file string, line int) (*Snippet, error) {
	src := padLines(line-1) + "def " + name + "(d):\n" + body
	if strings.TrimSpace(body) == "" {
		src += "\n    pass"
	}
	code, err := r.Compile(src, file, py.ExecMode)
	if err != nil {
		return nil, r.metaError(err, file, line)
	}
	return &Snippet{code: code, File: file, Line: line, Name: name}, nil
}

// CompileDefs compiles top-level def blocks (or any statements) starting at file:line.
func (r *Runtime) CompileDefs(src, file string, line int) (*Snippet, error) {
	code, err := r.Compile(padLines(line)+src, file, py.ExecMode)
	if err != nil {
		return nil, r.metaError(err, file, line)
	}
	return &Snippet{code: code, File: file, Line: line}, nil
}

// Context returns the namespace metadata Python runs in (bb.utils._context): builtins,
// bb, os and every function metadata defined.
func (r *Runtime) Context() (py.StringDict, error) {
	if r.metaCtx != nil {
		return r.metaCtx, nil
	}
	g := py.StringDict{"__builtins__": r.store.Builtins, "__name__": py.String("__builtin__")}
	for _, name := range []string{"bb", "os", "re", "oe"} {
		m, err := r.Import(name)
		if err != nil {
			if name == "bb" {
				return nil, err
			}
			continue
		}
		g[name] = m
	}
	if u, err := r.Import("bb.utils"); err == nil {
		u.Globals["_context"] = g
	}
	r.metaCtx = g
	return g, nil
}

// EvalInline evaluates an inline expression with d bound and returns str() of its value.
func (r *Runtime) EvalInline(s *Snippet, d DataStore) (string, error) {
	g, err := r.Context()
	if err != nil {
		return "", err
	}
	locals := py.StringDict{"d": r.NewDataObject(d)}
	v, err := r.RunCode(s.code, g, locals, nil)
	if err != nil {
		return "", r.metaError(err, s.File, s.Line)
	}
	out, err := StrErr(v)
	if err != nil {
		return "", r.metaError(err, s.File, s.Line)
	}
	return out, nil
}

// ExecDefs runs a compiled def block or python function definition in the metadata
// context, defining its functions there.
func (r *Runtime) ExecDefs(s *Snippet) error {
	g, err := r.Context()
	if err != nil {
		return err
	}
	if _, err := r.RunCode(s.code, g, g, nil); err != nil {
		return r.metaError(err, s.File, s.Line)
	}
	return nil
}

// CallFunc calls the metadata function name(d) defined by ExecDefs.
func (r *Runtime) CallFunc(name string, d DataStore) error {
	g, err := r.Context()
	if err != nil {
		return err
	}
	fn, ok := g[name]
	if !ok {
		return fmt.Errorf("pyrt: python function %s is not defined", name)
	}
	if _, err := py.Call(fn, py.Tuple{r.NewDataObject(d)}, nil); err != nil {
		file, line := "", 0
		if f, ok := fn.(*py.Function); ok {
			file, line = f.Code.Filename, int(f.Code.Firstlineno)
		}
		return r.metaError(err, file, line)
	}
	return nil
}

// RunFunc compiles (cached), defines and calls a python function in one step: the
// cooker's path for python tasks and anonymous functions.
func (r *Runtime) RunFunc(name, body, file string, line int, d DataStore) error {
	s, err := r.CompileFunc(name, body, file, line)
	if err != nil {
		return err
	}
	if err := r.ExecDefs(s); err != nil {
		return err
	}
	return r.CallFunc(name, d)
}

// metaError converts a gpython error into an *Error located at the innermost frame in file
// (or at file:line when no frame is there, e.g. for syntax errors).
func (r *Runtime) metaError(err error, file string, line int) error {
	exc, tb := excValue(err)
	if exc == nil {
		return &Error{File: file, Line: line, Exc: err.Error(), Err: err}
	}
	e := &Error{File: file, Line: line, Exc: excLine(exc), Err: err}
	if pe, ok := exc.(*py.Exception); ok && pe.Type().IsSubtype(py.SyntaxError) {
		if l, ok := pe.Dict["lineno"].(py.Int); ok && int(l) > 0 {
			e.Line = int(l)
		}
		if msg := excArgs(pe); len(msg) > 0 {
			e.Exc = "SyntaxError: " + Str(msg[0])
		}
	}
	for t := tb; t != nil; t = t.Next {
		if t.Frame.Code.Filename == file {
			e.Line = int(t.Lineno)
		}
	}
	var b bytes.Buffer
	r.PrintTraceback(&b, err, tb)
	e.Traceback = b.String()
	return e
}

// ExpandPython evaluates the expression of a ${@...} reference for a datastore's
// expansion (MemStore.Python); errors name the "<expansion>" origin.
func (r *Runtime) ExpandPython(expr string, d DataStore) (string, error) {
	s, err := r.CompileInline(expr, "<expansion>", 1)
	if err != nil {
		return "", err
	}
	return r.EvalInline(s, d)
}
