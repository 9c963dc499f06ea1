// Package python_test is the differential suite for gobake's Python runtime: every program
// under tests/python (subdirectories included) runs under Debian's /usr/bin/python3 and under
// `gobake python`, and both must print the same stdout and exit with the same status.
//
// core_*.py programs cover the language and builtins (internal/pyrt); std_*.py programs cover
// the standard modules (internal/pyrt/stdlib). Programs under bb/ compare pyrt's bb package
// with BitBake's own (they run only when GOBAKE_ISAR names an Isar checkout, whose
// bitbake/lib CPython then imports). Helper modules live in directories starting with "_".
// Run one program with
//
//	go test ./tests/python -run 'TestPrograms/core_dict_order'
package python_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	// Linked only so that go test's result cache is invalidated when the runtime the
	// programs run under (through the gobake binary built in TestMain) changes.
	_ "github.com/gobake/gobake/internal/pyrt"
	_ "github.com/gobake/gobake/internal/pyrt/stdlib"
	"github.com/gobake/gobake/tests/internal/gobakebin"
)

const cpython = "/usr/bin/python3"

// gobakeBin is the gobake binary built once for the whole suite.
var gobakeBin string

// TestMain builds gobake once; without the race detector, since the suite runs it hundreds
// of times (pyrt has its own -race tests).
func TestMain(m *testing.M) { gobakebin.Main(m, &gobakeBin, false) }

// programs lists the suite's programs relative to this directory.
func programs(t *testing.T) []string {
	var out []string
	err := filepath.WalkDir(".", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), "_")) && p != "." {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".py") && !strings.HasPrefix(d.Name(), "_") {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

type result struct {
	stdout, stderr string
	code           int
}

// runProgram runs prog (relative path) with its directory as working directory; env is
// added to the environment.
func runProgram(t *testing.T, argv []string, prog string, env ...string) result {
	t.Helper()
	abs, err := filepath.Abs(prog)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(argv[0], append(argv[1:], filepath.Base(abs))...)
	cmd.Dir = filepath.Dir(abs)
	cmd.Env = append(append(os.Environ(), "LC_ALL=C.UTF-8", "PYTHONDONTWRITEBYTECODE=1", "PYTHONHASHSEED=0", "TZ=UTC"), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running %v: %v", argv, err)
	}
	return result{stdout.String(), stderr.String(), code}
}

func TestPrograms(t *testing.T) {
	if _, err := os.Stat(cpython); err != nil {
		t.Skipf("differential suite needs CPython at %s: %v", cpython, err)
	}
	progs := programs(t)
	if len(progs) == 0 {
		t.Fatal("no programs found")
	}
	for _, p := range progs {
		name := strings.TrimSuffix(filepath.ToSlash(p), ".py")
		t.Run(name, func(t *testing.T) {
			// Programs under bb/ import BitBake's own bb package under CPython.
			var cpyEnv []string
			if strings.HasPrefix(filepath.ToSlash(p), "bb/") {
				isar := os.Getenv("GOBAKE_ISAR")
				if isar == "" {
					t.Skip("bb/ programs need upstream BitBake: set GOBAKE_ISAR to an Isar checkout")
				}
				cpyEnv = append(cpyEnv, "PYTHONPATH="+filepath.Join(isar, "bitbake", "lib"))
			}
			t.Parallel()
			want := runProgram(t, []string{cpython}, p, cpyEnv...)
			got := runProgram(t, []string{gobakeBin, "python"}, p)
			if got.stdout != want.stdout || got.code != want.code {
				t.Errorf("%s differs from CPython\n--- cpython (exit %d) stdout:\n%s--- gobake (exit %d) stdout:\n%s--- gobake stderr:\n%s--- cpython stderr:\n%s",
					p, want.code, want.stdout, got.code, got.stdout, got.stderr, want.stderr)
			}
			if want.code != 0 && want.stderr != "" {
				// Uncaught exceptions must end with the same "Type: message" line.
				if w, g := lastLine(want.stderr), lastLine(got.stderr); w != g {
					t.Errorf("%s: last stderr line differs\ncpython: %s\ngobake:  %s", p, w, g)
				}
			}
		})
	}
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}
