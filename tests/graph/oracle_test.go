package graph

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"testing"
)

// TestOracleBuild compares `gobake -g` with BitBake's graphs of Isar images in a real Isar
// build directory:
//
//	GOBAKE_ORACLE_BUILD=/work/oracle/build   the build directory (conf/bblayers.conf ...)
//	GOBAKE_ORACLE_ISAR=/work/isar-oracle     the Isar checkout it was initialised from
//	GOBAKE_ORACLE_GRAPHS=/work/oracle        holds graph-amd64/ and graph-arm64/, BitBake's
//	                                         task-depends.dot and pn-buildlist (default: the
//	                                         build directory's parent)
//
// gobake runs as user builder (when the test runs as root) in the environment
// isar-init-build-env sets up, writing its files to a scratch directory, never into the
// build directory.
func TestOracleBuild(t *testing.T) {
	build, isar := os.Getenv("GOBAKE_ORACLE_BUILD"), os.Getenv("GOBAKE_ORACLE_ISAR")
	if build == "" || isar == "" {
		t.Skip("GOBAKE_ORACLE_BUILD and GOBAKE_ORACLE_ISAR not set (an Isar build directory and its Isar checkout)")
	}
	graphs := os.Getenv("GOBAKE_ORACLE_GRAPHS")
	if graphs == "" {
		graphs = filepath.Dir(build)
	}
	for _, c := range []struct{ dir, target string }{
		{"graph-amd64", "mc:qemuamd64-bookworm:isar-image-base"},
		{"graph-arm64", "mc:qemuarm64-bookworm:isar-image-base"},
	} {
		t.Run(c.dir, func(t *testing.T) {
			ref := filepath.Join(graphs, c.dir)
			want := graphOf(t, ref, "@NONE@")
			got, msg, err := isarGraph(t, isar, build, gobake, c.target)
			if err != nil {
				t.Fatalf("gobake -g %s in %s: %v\n%s", c.target, build, err, lastLines(string(msg), 20))
			}
			if got != want {
				t.Errorf("gobake -g %s differs from BitBake's %s (%s); - BitBake only, + gobake only:\n%s",
					c.target, ref, counts(want, got), lastLines(Diff(want, got), 200))
			}
		})
	}
}

// counts summarises two normalised graphs: tasks, edges and recipes of each.
func counts(want, got string) string {
	n := func(s, kind string) int { return strings.Count("\n"+s, "\n"+kind+" ") }
	return fmt.Sprintf("BitBake %d tasks, %d edges, %d recipes; gobake %d tasks, %d edges, %d recipes",
		n(want, "node"), n(want, "edge"), n(want, "pn"), n(got, "node"), n(got, "edge"), n(got, "pn"))
}

func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(l) > n {
		l = append([]string{"..."}, l[len(l)-n:]...)
	}
	return strings.Join(l, "\n")
}

// TestOracleSweep runs `bitbake -g` and `gobake -g` on every target listed in the file
// GOBAKE_ORACLE_SWEEP (one per line) in the Isar build directory of TestOracleBuild. The
// graphs must be equal; a target bitbake rejects must be rejected by gobake with the same
// first error line. It takes a few minutes for the 244 recipes of a 2-multiconfig directory
// (envcompare.sh's "all" lists them).
func TestOracleSweep(t *testing.T) {
	build, isar, list := os.Getenv("GOBAKE_ORACLE_BUILD"), os.Getenv("GOBAKE_ORACLE_ISAR"), os.Getenv("GOBAKE_ORACLE_SWEEP")
	if build == "" || isar == "" || list == "" {
		t.Skip("GOBAKE_ORACLE_BUILD, GOBAKE_ORACLE_ISAR and GOBAKE_ORACLE_SWEEP (a file of targets) not set")
	}
	targets, err := os.ReadFile(list)
	if err != nil {
		t.Fatal(err)
	}
	// graph is bin's normalised graph of target, or the first error line when it fails.
	graph := func(bin, target string) (string, string) {
		g, msg, err := isarGraph(t, isar, build, bin, target)
		if err != nil {
			for _, l := range strings.Split(string(msg), "\n") {
				if strings.HasPrefix(l, "ERROR: ") {
					return "", l
				}
			}
			return "", lastLines(string(msg), 5)
		}
		return g, ""
	}
	for _, target := range strings.Fields(string(targets)) {
		want, wantErr := graph("bitbake", target)
		got, gotErr := graph(gobake, target)
		switch {
		case wantErr != "" || gotErr != "":
			if wantErr != gotErr {
				t.Errorf("%s: bitbake says %q, gobake %q", target, wantErr, gotErr)
			}
		case got != want:
			t.Errorf("gobake -g %s differs from BitBake's (%s):\n%s", target, counts(want, got), lastLines(Diff(want, got), 40))
		}
	}
}

// isarGraph runs `BIN -g target` in the Isar build directory build (environment from
// isar-init-build-env, as user builder when we are root) with a scratch directory as the
// working directory, so that nothing is written into the build directory. It returns the
// normalised graph, or the command's output and error.
func isarGraph(t *testing.T, isar, build, bin, target string) (string, []byte, error) {
	t.Helper()
	out, err := os.MkdirTemp("", "gobake-oracle-graph")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(out)
	if err := os.Chmod(out, 0o777); err != nil {
		t.Fatal(err)
	}
	script := `export PATH="$1/bitbake/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin" LANG=en_US.UTF-8 LC_ALL=en_US.UTF-8
cd "$1" && . ./isar-init-build-env "$2" >/dev/null && cd "$3" && exec "$4" -g "$5"`
	args := []string{"-c", script, "oracle", isar, build, out, bin, target}
	cmd := exec.Command("bash", args...)
	if _, err := user.Lookup("builder"); err == nil && os.Geteuid() == 0 {
		cmd = exec.Command("sudo", append([]string{"-u", "builder", "-H", "bash"}, args...)...)
	}
	msg, err := cmd.CombinedOutput()
	if err != nil {
		return "", msg, err
	}
	return graphOf(t, out, "@NONE@"), msg, nil
}
