package stdlib

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/go-python/gpython/py"
	_ "github.com/go-python/gpython/stdlib" // NewContext for tests
)

// TestMain doubles as a script runner while developing modules:
// GOBAKE_STDLIB_RUN=file.py ./stdlib.test runs file.py on stock gpython
// plus this package and exits with its status.
func TestMain(m *testing.M) {
	if f := os.Getenv("GOBAKE_STDLIB_RUN"); f != "" {
		src, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		os.Exit(runMain(string(src), f))
	}
	os.Exit(m.Run())
}

func runMain(src, file string) int {
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	code, err := py.Compile(src, file, py.ExecMode, 0, true)
	if err == nil {
		_, err = py.RunCode(ctx, code, file, nil)
	}
	if err != nil {
		if py.IsException(py.SystemExit, err) {
			return 0
		}
		py.TracebackDump(err)
		return 1
	}
	return 0
}

// runPy runs src in a fresh context and returns what it printed.
func runPy(t *testing.T, src string) (string, error) {
	t.Helper()
	ctx := py.NewContext(py.DefaultContextOpts())
	defer ctx.Close()
	var out strings.Builder
	sys := ctx.Store().MustGetModule("sys")
	sys.Globals["stdout"] = &writer{&out}
	code, err := py.Compile(src, "<test>", py.ExecMode, 0, true)
	if err != nil {
		return "", err
	}
	_, err = py.RunCode(ctx, code, "<test>", nil)
	return out.String(), err
}

// writer is a minimal Python file object collecting print output.
type writer struct{ b *strings.Builder }

var writerType = py.NewType("_testwriter", "")

func (w *writer) Type() *py.Type { return writerType }

func init() {
	writerType.Dict["write"] = py.MustNewMethod("write", func(self py.Object, arg py.Object) (py.Object, error) {
		s, err := py.StrAsString(arg)
		if err != nil {
			return nil, err
		}
		self.(*writer).b.WriteString(s)
		return py.Int(len(s)), nil
	}, 0, "")
	writerType.Dict["flush"] = py.MustNewMethod("flush", func(self py.Object) (py.Object, error) { return py.None, nil }, 0, "")
}
