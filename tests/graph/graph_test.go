package graph

import (
	"bufio"
	"bytes"
	"flag"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/gobake/gobake/tests/internal/gobakebin"
)

var update = flag.Bool("update", false, "regenerate testdata/*/golden with upstream BitBake (needs GOBAKE_ISAR)")

var gobake string // the gobake binary under test

func TestMain(m *testing.M) {
	flag.Parse()
	gobakebin.Main(m, &gobake, gobakebin.Race)
}

// graphCase is one line of a cases file. A name starting with "!" is a failure: BitBake's
// ERROR lines are the golden (NAME.err), and gobake must fail naming what BitBake names
// between quotes.
type graphCase struct {
	name, args string
	fails      bool
}

func readCases(t *testing.T, file string) []graphCase {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []graphCase
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		name, args, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("%s:%d: want `name: arguments`", file, n)
		}
		name = strings.TrimSpace(name)
		fails := strings.HasPrefix(name, "!")
		out = append(out, graphCase{strings.TrimPrefix(name, "!"), strings.TrimSpace(args), fails})
	}
	return out
}

// buildDir makes a build directory whose conf/bblayers.conf names layer, readable and
// writable by owner (nil: the current user).
func buildDir(t *testing.T, layer string, owner *user.User) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "gobake-graph-build")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	files := map[string]string{
		"conf/bblayers.conf": "BBPATH = \"${TOPDIR}\"\nBBFILES ?= \"\"\nBBLAYERS = \"" + layer + "\"\n",
		"conf/local.conf":    "",
	}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if owner != nil {
		uid, _ := strconv.Atoi(owner.Uid)
		gid, _ := strconv.Atoi(owner.Gid)
		for _, p := range []string{dir, filepath.Join(dir, "conf"), filepath.Join(dir, "conf/bblayers.conf"), filepath.Join(dir, "conf/local.conf")} {
			if err := os.Chown(p, uid, gid); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

// graphOf reads what `-g` wrote in dir, normalised.
func graphOf(t *testing.T, dir, layer string) string {
	t.Helper()
	dot, err := os.ReadFile(filepath.Join(dir, "task-depends.dot"))
	if err != nil {
		t.Fatal(err)
	}
	list, err := os.ReadFile(filepath.Join(dir, "pn-buildlist"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := Normalize(dot, list, map[string]string{layer: "@LAYER@"})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// bitbakeCmd runs upstream BitBake in dir: as user builder when we are root (BitBake's
// sanity checks and Isar expect an ordinary user), with a UTF-8 locale.
func bitbakeCmd(isar, dir string, args []string) (*exec.Cmd, *user.User) {
	env := []string{"LANG=en_US.UTF-8", "LC_ALL=en_US.UTF-8",
		"PATH=" + filepath.Join(isar, "bitbake/bin") + ":/usr/bin:/bin:/usr/sbin:/sbin"}
	argv := append([]string{"bitbake", "-g"}, args...)
	var cmd *exec.Cmd
	var owner *user.User
	if u, err := user.Lookup("builder"); err == nil && os.Geteuid() == 0 {
		owner = u
		cmd = exec.Command("sudo", append(append([]string{"-u", "builder", "env"}, env...), argv...)...)
	} else {
		cmd = exec.Command("env", append(env, argv...)...)
	}
	cmd.Dir = dir
	return cmd, owner
}

func regenerate(t *testing.T, layerDir string, cases []graphCase) {
	isar := os.Getenv("GOBAKE_ISAR")
	if isar == "" {
		t.Fatal("-update needs GOBAKE_ISAR (an Isar checkout with bitbake/)")
	}
	layer, _ := filepath.Abs(filepath.Join(layerDir, "layer"))
	if err := os.MkdirAll(filepath.Join(layerDir, "golden"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		_, owner := bitbakeCmd(isar, "", nil)
		dir := buildDir(t, layer, owner)
		cmd, _ := bitbakeCmd(isar, dir, strings.Fields(c.args))
		out, err := cmd.CombinedOutput()
		if c.fails {
			if err == nil {
				t.Fatalf("%s: bitbake -g %s succeeded, the case says it fails", c.name, c.args)
			}
			if err := os.WriteFile(filepath.Join(layerDir, "golden", c.name+".err"), errorLines(out, layer), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: bitbake -g %s: %v\n%s", c.name, c.args, err, out)
		}
		g := graphOf(t, dir, layer)
		if err := os.WriteFile(filepath.Join(layerDir, "golden", c.name+".txt"), []byte(g), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestGraphs compares `gobake -g` with upstream BitBake's goldens on every fixture layer.
func TestGraphs(t *testing.T) {
	layers, err := filepath.Glob(filepath.Join("testdata", "*", "cases"))
	if err != nil || len(layers) == 0 {
		t.Fatalf("no fixture layers (%v)", err)
	}
	for _, cf := range layers {
		layerDir := filepath.Dir(cf)
		cases := readCases(t, cf)
		if *update {
			regenerate(t, layerDir, cases)
		}
		layer, _ := filepath.Abs(filepath.Join(layerDir, "layer"))
		for _, c := range cases {
			t.Run(filepath.Base(layerDir)+"/"+c.name, func(t *testing.T) {
				if c.fails {
					checkFailure(t, layerDir, layer, c)
					return
				}
				want, err := os.ReadFile(filepath.Join(layerDir, "golden", c.name+".txt"))
				if err != nil {
					t.Fatal(err)
				}
				dir := buildDir(t, layer, nil)
				cmd := exec.Command(gobake, append([]string{"-g"}, strings.Fields(c.args)...)...)
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "BUILDDIR="+dir)
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("gobake -g %s: %v\n%s", c.args, err, out)
				}
				if got := graphOf(t, dir, layer); got != string(want) {
					t.Errorf("gobake -g %s differs from BitBake (- BitBake only, + gobake only):\n%s", c.args, Diff(string(want), got))
				}
			})
		}
	}
}

// errorLines are the distinct ERROR lines of BitBake's output, layer path replaced, sorted.
func errorLines(out []byte, layer string) []byte {
	out = bytes.ReplaceAll(out, []byte(layer), []byte("@LAYER@"))
	seen := map[string]bool{}
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		isErr := strings.HasPrefix(l, "ERROR: ") && !strings.HasPrefix(l, "ERROR: Command execution failed")
		if (isErr || skippedRE.MatchString(l)) && !seen[l] {
			seen[l] = true
			lines = append(lines, l)
		}
	}
	slices.Sort(lines)
	return []byte(strings.Join(lines, "\n") + "\n")
}

// gobakeWhere are the lines gobake prints after BitBake's error to say which recipe and task
// flag need the missing name.
var gobakeWhere = map[string]string{
	"providers/missing-task-depends": "in @LAYER@/recipes/broken-t.bb:do_compile[depends]",
	"core/mc-unknown":                "in @LAYER@/recipes/badmc.bb:do_image[mcdepends]",
}

var (
	quoted    = regexp.MustCompile(`Nothing R?PROVIDES '([^']+)'`)
	skippedRE = regexp.MustCompile(`^\S+ was skipped: `)
)

// checkFailure runs a failing case: gobake must fail, name what BitBake's errors name
// ("Nothing PROVIDES 'x'") and give the same skip reasons ("x was skipped: why"); other
// errors are only required to be errors.
func checkFailure(t *testing.T, layerDir, layer string, c graphCase) {
	want, err := os.ReadFile(filepath.Join(layerDir, "golden", c.name+".err"))
	if err != nil {
		t.Fatal(err)
	}
	names := quoted.FindAllStringSubmatch(string(want), -1)
	dir := buildDir(t, layer, nil)
	cmd := exec.Command(gobake, append([]string{"-g"}, strings.Fields(c.args)...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("gobake -g %s succeeded; BitBake fails with:\n%s", c.args, want)
	}
	for _, l := range strings.Split(string(want), "\n") {
		if skippedRE.MatchString(l) && !strings.Contains(string(out), l) {
			t.Errorf("gobake -g %s: error does not say %q as BitBake does:\n%s", c.args, l, out)
		}
	}
	for _, m := range names {
		if !strings.Contains(string(out), m[1]) {
			t.Errorf("gobake -g %s: error does not name %q as BitBake does (%s):\n%s", c.args, m[1], strings.TrimSpace(string(want)), out)
		}
	}
	// gobake adds where a task flag needs what is missing, which BitBake does not say.
	if where, ok := gobakeWhere[filepath.Base(layerDir)+"/"+c.name]; ok && !strings.Contains(strings.ReplaceAll(string(out), layer, "@LAYER@"), "\n"+where) {
		t.Errorf("gobake -g %s: no line %q:\n%s", c.args, where, out)
	}
	// The "Nothing PROVIDES" and multiconfig lines are BitBake's, word for word.
	got := strings.Split(strings.ReplaceAll(string(out), layer, "@LAYER@"), "\n")
	for _, l := range strings.Split(string(want), "\n") {
		exact := strings.HasPrefix(l, "ERROR: Nothing ") || strings.HasPrefix(l, "ERROR: Multiconfig dependency ")
		if exact && !slices.Contains(got, l) {
			t.Errorf("gobake -g %s: no line\n%s\nas BitBake prints; gobake:\n%s", c.args, l, out)
		}
	}
}
