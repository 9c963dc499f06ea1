package pyrt

import (
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strings"
	"sync"

	"github.com/go-python/gpython/py"
	_ "github.com/go-python/gpython/stdlib/builtin" // registers the "builtins" module pyrt patches
	"github.com/go-python/gpython/vm"
)

// Options configure a Runtime. Zero values mean: no argv, os standard streams, empty search path.
type Options struct {
	Argv   []string  // sys.argv
	Stdin  io.Reader // sys.stdin
	Stdout io.Writer // sys.stdout, print()
	Stderr io.Writer // sys.stderr, tracebacks
	// Path lists the directories searched by import, in order (sys.path): the script's
	// directory, layer lib/ directories, ...
	Path []string
	// Hooks connect bb.build and friends to the cooker; nil members raise
	// NotImplementedError when metadata calls them.
	Hooks Hooks
	// Codes, when set, shares compiled code with the other runtimes given the same cache.
	Codes *CodeCache
}

// Runtime is one Python interpreter: its modules, builtins and compile cache. It implements
// py.Context, so Go-backed module functions reach it through their module's Context (see
// FromContext). A Runtime is not safe for concurrent use; use one per goroutine.
type Runtime struct {
	opts    Options
	store   *py.ModuleStore
	done    chan struct{}
	once    sync.Once
	sources map[string][]string // filename -> source lines, for tracebacks
	cache   map[cacheKey]*py.Code
	at      map[atKey]*py.Code // CompileAt's cache
	renamed map[renameKey]renamedDef
	// flagNames interns flag names for getVarFlags (see flagName).
	flagNames map[string]internedName
	sys       *py.Module
	metaCtx   py.StringDict // namespace of metadata Python, see Context
}

var _ py.Context = (*Runtime)(nil)

// FromContext returns the Runtime behind a gpython context, or nil if ctx is not one.
func FromContext(ctx py.Context) *Runtime {
	r, _ := ctx.(*Runtime)
	return r
}

// Stdout returns the writer sys.stdout writes to.
func (r *Runtime) Stdout() io.Writer { return r.opts.Stdout }

// Stderr returns the writer sys.stderr writes to.
func (r *Runtime) Stderr() io.Writer { return r.opts.Stderr }

// Stdin returns the reader sys.stdin reads from.
func (r *Runtime) Stdin() io.Reader { return r.opts.Stdin }

// Options returns the options the runtime was made with.
func (r *Runtime) Options() Options { return r.opts }

// New makes a Runtime: builtins patched to CPython behaviour, sys set up, bb importable.
func New(opts Options) (*Runtime, error) {
	if opts.Stdout == nil {
		opts.Stdout = os.Stdout
	}
	if opts.Stderr == nil {
		opts.Stderr = os.Stderr
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	r := &Runtime{
		opts:      opts,
		store:     py.NewModuleStore(),
		done:      make(chan struct{}),
		sources:   map[string][]string{},
		cache:     map[cacheKey]*py.Code{},
		at:        map[atKey]*py.Code{},
		renamed:   map[renameKey]renamedDef{},
		flagNames: map[string]internedName{},
	}
	patchOnce.Do(patchTypes)
	impl := py.GetModuleImpl("builtins")
	if impl == nil {
		return nil, errors.New("pyrt: gpython builtins module not registered")
	}
	if _, err := r.ModuleInit(impl); err != nil {
		return nil, fmt.Errorf("pyrt: init builtins: %w", err)
	}
	installBuiltins(r)
	if err := r.initSys(); err != nil {
		return nil, err
	}
	if err := r.hooksModule(); err != nil {
		return nil, fmt.Errorf("pyrt: %w", err)
	}
	return r, nil
}

func (r *Runtime) initSys() error {
	var err error
	if impl := py.GetModuleImpl("sys"); impl != nil {
		r.sys, err = r.ModuleInit(impl)
		if err != nil {
			return fmt.Errorf("pyrt: init sys: %w", err)
		}
	} else {
		r.sys, err = r.store.NewModule(r, &py.ModuleImpl{Info: py.ModuleInfo{Name: "sys"}})
		if err != nil {
			return fmt.Errorf("pyrt: init sys: %w", err)
		}
	}
	g := r.sys.Globals
	g["argv"] = py.NewListFromStrings(r.opts.Argv)
	g["path"] = py.NewListFromStrings(r.opts.Path)
	g["stdout"] = newStream(r, "<stdout>", r.opts.Stdout, nil)
	g["stderr"] = newStream(r, "<stderr>", r.opts.Stderr, nil)
	g["stdin"] = newStream(r, "<stdin>", nil, r.opts.Stdin)
	g["__stdout__"], g["__stderr__"], g["__stdin__"] = g["stdout"], g["stderr"], g["stdin"]
	setDefault(g, "version_info", py.Tuple{py.Int(3), py.Int(11), py.Int(2), py.String("final"), py.Int(0)})
	setDefault(g, "version", py.String("3.11.2 (gobake pyrt)"))
	setDefault(g, "platform", py.String("linux"))
	setDefault(g, "maxsize", py.Int(1<<63-1))
	setDefault(g, "byteorder", py.String("little"))
	setDefault(g, "exit", py.MustNewMethod("exit", sysExit, 0, "exit([status])"))
	return nil
}

func setDefault(g py.StringDict, k string, v py.Object) {
	if _, ok := g[k]; !ok {
		g[k] = v
	}
}

func sysExit(self py.Object, args py.Tuple) (py.Object, error) {
	exc, err := py.ExceptionNew(py.SystemExit, args, nil)
	if err != nil {
		return nil, err
	}
	return nil, exc.(*py.Exception)
}

// ModuleInit implements py.Context: it instantiates a registered module in this runtime.
func (r *Runtime) ModuleInit(impl *py.ModuleImpl) (*py.Module, error) {
	// Source is preferred to precompiled Code: only source gets lowered.
	code := impl.Code
	if impl.CodeSrc != "" {
		var err error
		code, err = r.Compile(impl.CodeSrc, impl.Info.FileDesc, py.ExecMode)
		if err != nil {
			return nil, err
		}
	}
	m, err := r.store.NewModule(r, impl)
	if err != nil {
		return nil, err
	}
	if code != nil {
		if impl.CodeSrc == "" {
			fixCode(code)
		}
		if _, err := r.RunCode(code, m.Globals, m.Globals, nil); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// ResolveAndCompile implements py.Context: it compiles the file at pathname (after lowering).
func (r *Runtime) ResolveAndCompile(pathname string, _ py.CompileOpts) (py.CompileOut, error) {
	src, err := os.ReadFile(pathname)
	if err != nil {
		return py.CompileOut{}, osError(err)
	}
	code, err := r.Compile(string(src), pathname, py.ExecMode)
	if err != nil {
		return py.CompileOut{}, err
	}
	return py.CompileOut{SrcPathname: pathname, FileDesc: pathname, Code: code}, nil
}

// RunCode implements py.Context.
func (r *Runtime) RunCode(code *py.Code, globals, locals py.StringDict, closure py.Tuple) (py.Object, error) {
	return vm.EvalCode(r, code, globals, locals, nil, nil, nil, nil, closure)
}

// GetModule implements py.Context.
func (r *Runtime) GetModule(name string) (*py.Module, error) { return r.store.GetModule(name) }

// Store implements py.Context.
func (r *Runtime) Store() *py.ModuleStore { return r.store }

// Close implements py.Context.
func (r *Runtime) Close() error {
	r.once.Do(func() {
		r.store.OnContextClosed()
		close(r.done)
	})
	return nil
}

// Done implements py.Context.
func (r *Runtime) Done() <-chan struct{} { return r.done }

// Compile lowers src (f-strings, starred displays, dict/set displays, super()) and compiles
// it with gpython. filename names the source in tracebacks.
func (r *Runtime) Compile(src, filename string, mode py.CompileMode) (*py.Code, error) {
	key := cacheKey{src: src, filename: filename, mode: mode}
	if c, ok := r.cache[key]; ok {
		return c, nil
	}
	code, err := r.compileShared(key)
	if err != nil {
		return nil, err
	}
	r.cache[key] = code
	return code, nil
}

// compileShared compiles key's source through Options.Codes (when set) and remembers the
// source for tracebacks; it does not use the runtime's own cache.
func (r *Runtime) compileShared(key cacheKey) (*py.Code, error) {
	var code *py.Code
	var err error
	if r.opts.Codes != nil {
		code, err = r.opts.Codes.get(key, func() (*py.Code, error) { return compile(key.src, key.filename, key.mode) })
	} else {
		code, err = compile(key.src, key.filename, key.mode)
	}
	if err != nil {
		return nil, err
	}
	r.rememberSource(key.filename, key.src)
	return code, nil
}

// compile is Compile without the caches.
func compile(src, filename string, mode py.CompileMode) (*py.Code, error) {
	low, err := Lower(src, filename)
	if err != nil {
		var se *SyntaxError
		if errors.As(err, &se) {
			e := py.ExceptionNewf(py.SyntaxError, "%s", se.Msg)
			e.Dict["filename"] = py.String(filename)
			e.Dict["lineno"] = py.Int(se.Line)
			e.Dict["offset"] = py.Int(se.Col)
			if lines := strings.Split(src, "\n"); se.Line >= 1 && se.Line <= len(lines) {
				e.Dict["line"] = py.String(lines[se.Line-1])
			}
			return nil, e
		}
		return nil, err
	}
	code, err := py.Compile(low, filename, mode, 0, true)
	if err != nil {
		// Show the line as written, not as lowered.
		if e, ok := err.(*py.Exception); ok {
			if l, ok := e.Dict["lineno"].(py.Int); ok {
				if lines := strings.Split(src, "\n"); int(l) >= 1 && int(l) <= len(lines) && lines[l-1] != strings.TrimRight(Str(e.Dict["line"]), "\n") {
					e.Dict["line"] = py.String(lines[l-1])
					e.Dict["offset"] = py.Int(0)
				}
			}
		}
		return nil, err
	}
	fixCode(code)
	fixFreeIndexes(code, low, filename, mode)
	return code, nil
}

// CodeCache shares compiled code between the runtimes of a process (Options.Codes): every
// parsing goroutine has its own runtime, and all of them compile the same classes, layer
// libraries and inline expressions. Compiled code is never modified afterwards, so the
// runtimes may run it concurrently. A source being compiled by one runtime is waited for
// by the others rather than compiled again. Safe for concurrent use.
type CodeCache struct {
	mu sync.Mutex
	m  map[cacheKey]*codeEntry
}

type codeEntry struct {
	done chan struct{}
	code *py.Code
	err  error
}

// NewCodeCache returns an empty cache.
func NewCodeCache() *CodeCache { return &CodeCache{m: map[cacheKey]*codeEntry{}} }

func (c *CodeCache) get(key cacheKey, compile func() (*py.Code, error)) (*py.Code, error) {
	c.mu.Lock()
	e, ok := c.m[key]
	if !ok {
		e = &codeEntry{done: make(chan struct{})}
		c.m[key] = e
	}
	c.mu.Unlock()
	if ok {
		<-e.done
		if e.err != nil {
			// A SyntaxError is an exception object that its runtime fills in when it
			// raises it: every runtime makes its own.
			return compile()
		}
		return e.code, nil
	}
	e.code, e.err = compile()
	if e.err != nil {
		c.mu.Lock()
		delete(c.m, key)
		c.mu.Unlock()
	}
	close(e.done)
	return e.code, e.err
}

// CompileAt is Compile for source whose first line is line of filename (a function body
// inside a metadata file), so that tracebacks name the file's lines. Metadata defines the
// same functions again for every recipe: the result is cached by text and position, which
// spares padding and hashing the padded source every time.
func (r *Runtime) CompileAt(src, filename string, line int, mode py.CompileMode) (*py.Code, error) {
	key := atKey{src, filename, line, mode}
	if c, ok := r.at[key]; ok {
		return c, nil
	}
	padded := src
	if line > 1 {
		padded = strings.Repeat("\n", line-1) + src
	}
	c, err := r.compileShared(cacheKey{padded, filename, mode})
	if err != nil {
		return nil, err
	}
	r.at[key] = c // not also under the padded source: CompileAt's own cache serves it
	return c, nil
}

type atKey struct {
	src, filename string
	line          int
	mode          py.CompileMode
}

// FromGo converts a Go string or []string into the Python object of that value; other
// values become None.
func FromGo(v any) py.Object {
	switch v := v.(type) {
	case string:
		return py.String(v)
	case []string:
		return py.NewListFromStrings(v)
	}
	return py.None
}

// Namespace is a module's global namespace (NewMain), for packages that hold one
// without importing gpython.
type Namespace = py.StringDict

type cacheKey struct {
	src, filename string
	mode          py.CompileMode
}

// NewMain makes a fresh __main__ module namespace.
func (r *Runtime) NewMain(filename string) py.StringDict {
	g := py.StringDict{
		"__name__":     py.String("__main__"),
		"__builtins__": r.store.Builtins,
		"__doc__":      py.None,
		"__package__":  py.None,
	}
	if filename != "" {
		g["__file__"] = py.String(filename)
	}
	return g
}

// RunMain runs src as the __main__ program the way the python3 command does: an uncaught
// exception prints a traceback on stderr and gives exit code 1; SystemExit gives its code.
func (r *Runtime) RunMain(src, filename string) int {
	code, err := r.Compile(src, filename, py.ExecMode)
	if err == nil {
		g := r.NewMain(filename)
		if filename == "<string>" {
			delete(g, "__file__")
		}
		_, err = r.RunCode(code, g, g, nil)
	}
	r.flush()
	if err == nil {
		return 0
	}
	return r.exitStatus(err)
}

func (r *Runtime) flush() {
	for _, n := range []string{"stdout", "stderr"} {
		if s, ok := r.sys.Globals[n]; ok {
			if f, err := py.GetAttrString(s, "flush"); err == nil {
				_, _ = py.Call(f, nil, nil)
			}
		}
	}
}

// exitStatus turns the error that ended a program into an exit status, printing what
// CPython prints.
func (r *Runtime) exitStatus(err error) int {
	exc, tb := excValue(err)
	if exc != nil && exc.Type().IsSubtype(py.SystemExit) {
		args := excArgs(exc)
		var code py.Object = py.None
		if len(args) == 1 {
			code = args[0]
		} else if len(args) > 1 {
			code = args
		}
		switch c := code.(type) {
		case py.NoneType:
			return 0
		case py.Int:
			return int(c) & 0xff
		case py.Bool:
			if c {
				return 1
			}
			return 0
		default:
			fmt.Fprintln(r.opts.Stderr, Str(code))
			return 1
		}
	}
	r.PrintTraceback(r.opts.Stderr, err, tb)
	return 1
}

// rememberSource records the lines of src for tracebacks; snippets of one metadata file
// are padded to their lines, so their non-blank lines are merged.
func (r *Runtime) rememberSource(filename, src string) {
	lines := strings.Split(src, "\n")
	old := r.sources[filename]
	if len(old) < len(lines) {
		old = append(old, make([]string, len(lines)-len(old))...)
	}
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			old[i] = l
		}
	}
	r.sources[filename] = old
}

// fixCode fills in Code.Cell2arg, which gpython's compiler leaves empty: without it an
// argument captured by a closure (def deco(f): def w(): return f) reads an empty cell.
func fixCode(c *py.Code) {
	if len(c.Cellvars) > 0 && c.Cell2arg == nil {
		total := int(c.Argcount + c.Kwonlyargcount)
		if c.Flags&py.CO_VARARGS != 0 {
			total++
		}
		if c.Flags&py.CO_VARKEYWORDS != 0 {
			total++
		}
		m := make([]byte, len(c.Cellvars))
		used := false
		for i, cell := range c.Cellvars {
			m[i] = py.CO_CELL_NOT_AN_ARG
			for j := 0; j < total && j < len(c.Varnames); j++ {
				if c.Varnames[j] == cell {
					m[i] = byte(j)
					used = true
					break
				}
			}
		}
		if used {
			c.Cell2arg = m
		}
	}
	for _, k := range c.Consts {
		if cc, ok := k.(*py.Code); ok {
			fixCode(cc)
		}
	}
}

// RunDef runs module code in globals like RunCode, but skips a code that is exactly one
// plain `def NAME(...)` (no defaults, annotations, decorators or closure) when NAME is
// already bound in globals to the function that same code made and nobody gave it
// attributes since. Metadata defines every class function again for each recipe
// (bb.methodpool.insert_method); rebinding an identical function changes nothing but its
// identity, and costs a frame per definition.
func (r *Runtime) RunDef(code *py.Code, globals py.StringDict) error {
	if name, body, ok := plainDef(code); ok {
		if fn, bound := globals[name].(*py.Function); bound && fn.Code == body && len(fn.Dict) == 0 &&
			fn.Defaults == nil && fn.KwDefaults == nil && fn.Closure == nil &&
			reflect.ValueOf(fn.Globals).Pointer() == reflect.ValueOf(globals).Pointer() {
			return nil
		}
	}
	_, err := r.RunCode(code, globals, globals, nil)
	return err
}

// plainDef recognises the module code of a lone `def NAME(...)` statement: LOAD_CONST code,
// LOAD_CONST qualname, MAKE_FUNCTION 0, STORE_NAME NAME, LOAD_CONST None, RETURN_VALUE.
func plainDef(code *py.Code) (string, *py.Code, bool) {
	const (
		loadConst    = 100
		makeFunction = 132
		storeName    = 90
		returnValue  = 83
	)
	c := code.Code
	if len(c) != 16 || c[0] != loadConst || c[3] != loadConst || c[6] != makeFunction ||
		c[7] != 0 || c[8] != 0 || c[9] != storeName || c[12] != loadConst || c[15] != returnValue {
		return "", nil, false
	}
	arg := func(i int) int { return int(c[i+1]) | int(c[i+2])<<8 }
	if arg(0) >= len(code.Consts) || arg(12) >= len(code.Consts) || arg(9) >= len(code.Names) {
		return "", nil, false
	}
	body, ok := code.Consts[arg(0)].(*py.Code)
	if !ok || code.Consts[arg(12)] != py.None || len(body.Freevars) > 0 {
		return "", nil, false
	}
	return code.Names[arg(9)], body, true
}

// DefineAs runs code, the module code of one plain def (see RunDef), with globals and binds
// the function it makes as name rather than under its own name, renamed as if the def had
// said name (__name__, __qualname__ and the code's name, which tracebacks show). One
// compiled handler body then serves every multiconfig, whose copies BitBake names with the
// multiconfig's prefix.
func (r *Runtime) DefineAs(code *py.Code, globals py.StringDict, name string) error {
	own, _, ok := plainDef(code)
	if !ok {
		return fmt.Errorf("pyrt: DefineAs %s: the code is not a single plain def", name)
	}
	key := renameKey{name, reflect.ValueOf(globals).Pointer()}
	if prev, done := r.renamed[key]; done && prev.code == code && globals[name] == prev.fn && len(prev.fn.Dict) == 0 {
		return nil
	}
	scratch := py.StringDict{}
	if _, err := r.RunCode(code, globals, scratch, nil); err != nil {
		return err
	}
	fn, ok := scratch[own].(*py.Function)
	if !ok {
		return fmt.Errorf("pyrt: DefineAs %s: the def made no function", name)
	}
	c := *fn.Code
	c.Name = name
	renamed := *fn
	renamed.Code, renamed.Name, renamed.Qualname = &c, name, name
	globals[name] = &renamed
	r.renamed[key] = renamedDef{code, &renamed}
	return nil
}

type renameKey struct {
	name    string
	globals uintptr
}

type renamedDef struct {
	code *py.Code
	fn   *py.Function
}
