package stdlib

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"

	// py.Compile is set by gpython's compile package.
	_ "github.com/go-python/gpython/compile"
	"github.com/go-python/gpython/py"
	// gpython modules kept as they are; its sys, os, time, glob, tempfile
	// and string are not imported (pyrt sets up sys; the rest are ours).
	_ "github.com/go-python/gpython/stdlib/binascii"
	_ "github.com/go-python/gpython/stdlib/math"
)

//go:embed py/*.py
var pySources embed.FS

// aliases lists extra names a Python-source module is importable under.
var aliases = map[string][]string{
	"posixpath": {"os.path"},
}

// goModules are the Go-backed modules.
var goModules = []func() *py.ModuleImpl{
	posixModule,
	reModule,
	subprocessModule,
	hashlibModule,
	timeModule,
	jsonModule,
	resourceModule,
}

func init() {
	for _, mk := range goModules {
		py.RegisterModule(mk())
	}
	for _, impl := range sourceModules() {
		py.RegisterModule(impl)
	}
}

// Modules returns the names of all modules this package registers.
func Modules() []string {
	var names []string
	for _, mk := range goModules {
		names = append(names, mk().Info.Name)
	}
	ents, _ := fs.ReadDir(pySources, "py")
	for _, e := range ents {
		n := strings.TrimSuffix(e.Name(), ".py")
		names = append(names, n)
		names = append(names, aliases[n]...)
	}
	return names
}

// lazySource is a module body compiled on first import and shared by all
// contexts afterwards (a compiled py.Code is immutable). Compiling every
// embedded module at init would cost each gobake run ~50ms.
type lazySource struct {
	file, src string
	once      sync.Once
	code      *py.Code
	err       error
	// the same, compiled by the first runtime with its own pipeline; the
	// result is plain data (pyrt's lowering and code fixes are pure), so
	// later runtimes reuse it instead of paying ~20ms per module again
	rtOnce sync.Once
	rtCode *py.Code
	rtErr  error
}

func (l *lazySource) compiledBy(c compiler) (*py.Code, error) {
	l.rtOnce.Do(func() {
		l.rtCode, l.rtErr = c.Compile(l.src, l.file, py.ExecMode)
	})
	return l.rtCode, l.rtErr
}

func (l *lazySource) compiled() (*py.Code, error) {
	l.once.Do(func() {
		l.code, l.err = py.Compile(l.src, l.file, py.ExecMode, 0, true)
		if l.err != nil {
			l.err = fmt.Errorf("stdlib: compile %s: %w", l.file, l.err)
		}
	})
	return l.code, l.err
}

// compiler is implemented by runtimes with their own compile pipeline
// (pyrt.Runtime: lowering plus gpython plus code fixes, cached per runtime).
type compiler interface {
	Compile(src, filename string, mode py.CompileMode) (*py.Code, error)
}

// loaderName is the module global through which the stub body runs the
// real one; it is removed before the real body starts.
const loaderName = "__gobake_load__"

// loaderStub is the body every source-backed module starts with.
var loaderStub = mustCompile(loaderName+"()\n", "<gobake-stdlib>")

func mustCompile(src, file string) *py.Code {
	c, err := py.Compile(src, file, py.ExecMode, 0, true)
	if err != nil {
		panic(err)
	}
	return c
}

// withSource makes impl's body the Python source src, compiled lazily.
func withSource(impl *py.ModuleImpl, file, src string) *py.ModuleImpl {
	return withLazy(impl, file, &lazySource{file: file, src: src})
}

// withLazy makes impl's body the lazily compiled l; aliases share l.
func withLazy(impl *py.ModuleImpl, file string, l *lazySource) *py.ModuleImpl {
	impl.Info.FileDesc = file
	impl.Code = loaderStub
	impl.Methods = append(impl.Methods, py.MustNewMethod(loaderName, func(self py.Object, args py.Tuple) (py.Object, error) {
		m, ok := self.(*py.Module)
		if !ok {
			return nil, py.ExceptionNewf(py.SystemError, "%s called outside its module", loaderName)
		}
		delete(m.Globals, loaderName)
		var code *py.Code
		var err error
		if c, ok := m.Context.(compiler); ok {
			// the runtime's own pipeline (pyrt lowers dict displays, ...)
			code, err = l.compiledBy(c)
		} else {
			code, err = l.compiled()
		}
		if err != nil {
			return nil, err
		}
		_, err = m.Context.RunCode(code, m.Globals, m.Globals, nil)
		return py.None, err
	}, 0, ""))
	return impl
}

// sourceModules registers the embedded Python modules.
func sourceModules() []*py.ModuleImpl {
	ents, err := fs.ReadDir(pySources, "py")
	if err != nil {
		panic(err)
	}
	var out []*py.ModuleImpl
	for _, e := range ents {
		name := strings.TrimSuffix(e.Name(), ".py")
		src, err := pySources.ReadFile("py/" + e.Name())
		if err != nil {
			panic(err)
		}
		file := "<gobake-stdlib>/" + e.Name()
		l := &lazySource{file: file, src: string(src)}
		for _, n := range append([]string{name}, aliases[name]...) {
			out = append(out, withLazy(&py.ModuleImpl{Info: py.ModuleInfo{Name: n}}, file, l))
		}
	}
	return out
}
