package stdlib

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"

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
}

func init() {
	for _, mk := range goModules {
		py.RegisterModule(mk())
	}
	for _, impl := range mustSourceModules() {
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

// mustSourceModules compiles the embedded Python modules. They are part of
// the binary, so a compile error is a programming error.
func mustSourceModules() []*py.ModuleImpl {
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
		code, err := py.Compile(string(src), file, py.ExecMode, 0, true)
		if err != nil {
			panic(fmt.Sprintf("stdlib: compile %s: %v", file, err))
		}
		for _, n := range append([]string{name}, aliases[name]...) {
			out = append(out, &py.ModuleImpl{
				Info: py.ModuleInfo{Name: n, FileDesc: file},
				Code: code,
			})
		}
	}
	return out
}
