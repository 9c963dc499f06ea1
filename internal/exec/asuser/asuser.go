// Package asuser lets tests that need an unprivileged user with subordinate ids run as one when
// the test binary runs as root, as CI runs it. TestMain calls Main; a test calls Reexec first:
//
//	func TestRootless(t *testing.T) {
//		if asuser.Reexec(t) {
//			return // it ran, as the user, in a child process
//		}
//		... // now unprivileged
//	}
//
// As root, Reexec re-runs the calling test (by -test.run) from a world-readable copy of the test
// binary, through setpriv, as $GOBAKE_TEST_USER, gobake-ci (made by .ci/install.sh) or builder,
// whichever exists with an /etc/subuid range; the child's log becomes the test's log and its
// failure or skip the test's. Run by any other user it returns false at once.
package asuser

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// binEnv carries the path of the shared test binary from Main to Reexec.
const binEnv = "GOBAKE_ASUSER_BINARY"

// UserEnv names the user to drop to.
const UserEnv = "GOBAKE_TEST_USER"

// Main runs the tests; as root it first copies the test binary where another user can run it.
func Main(m *testing.M) int {
	if os.Geteuid() != 0 {
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "gobake-asuser-")
	if err == nil {
		defer os.RemoveAll(dir)
		bin := filepath.Join(dir, filepath.Base(os.Args[0]))
		if err = copyFile(os.Args[0], bin); err == nil {
			err = os.Chmod(dir, 0o755)
		}
		if err == nil {
			os.Setenv(binEnv, bin)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "asuser: cannot share the test binary with an unprivileged user:", err)
	}
	return m.Run()
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Reexec re-runs the calling test as an unprivileged user when running as root and reports
// whether it did (the caller must then return). It skips, saying why, when it cannot.
func Reexec(t *testing.T, env ...string) bool {
	t.Helper()
	if os.Geteuid() != 0 {
		return false
	}
	bin := os.Getenv(binEnv)
	if bin == "" {
		t.Skip("SKIP: running as root and the test binary is not shared (TestMain must call asuser.Main)")
	}
	if _, err := exec.LookPath("setpriv"); err != nil {
		t.Skip("SKIP: running as root and setpriv (util-linux) is missing to drop to an unprivileged user")
	}
	u := pickUser(t)
	parts := strings.Split(t.Name(), "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	cmd := exec.Command("setpriv", "--reuid="+u.Uid, "--regid="+u.Gid, "--init-groups", "--",
		bin, "-test.run="+strings.Join(parts, "/"), "-test.v", "-test.count=1")
	cmd.Dir = "/"
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + u.HomeDir, "USER=" + u.Username,
		"LOGNAME=" + u.Username, "TMPDIR=" + os.TempDir(), "LANG=C.UTF-8"}, env...)
	out, err := cmd.CombinedOutput()
	t.Logf("re-ran as unprivileged user %s (uid %s):\n%s", u.Username, u.Uid, out)
	if err != nil {
		t.Fatalf("as user %s: %v", u.Username, err)
	}
	if bytes.Contains(out, []byte("--- SKIP")) && !bytes.Contains(out, []byte("--- PASS")) {
		t.Skipf("SKIP: skipped as user %s (reason in the log above)", u.Username)
	}
	if !bytes.Contains(out, []byte("--- PASS")) {
		t.Fatalf("as user %s: the test did not run", u.Username)
	}
	return true
}

func pickUser(t *testing.T) *user.User {
	names := []string{"gobake-ci", "builder"}
	if v := os.Getenv(UserEnv); v != "" {
		names = []string{v}
	}
	for _, n := range names {
		if u, err := user.Lookup(n); err == nil && hasSubuids("/etc/subuid", u) {
			return u
		}
	}
	t.Skipf("SKIP: running as root and none of the users %v exists with an /etc/subuid range (run .ci/install.sh)", names)
	return nil
}

// hasSubuids reports whether the subuid file at path has a range for u (by name or uid).
func hasSubuids(path string, u *user.User) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, _, _ := strings.Cut(sc.Text(), ":")
		if name == u.Username || name == u.Uid {
			return true
		}
	}
	return false
}
