package exec

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	osexec "os/exec"
	"os/user"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// sharedTestBinary is a world-readable copy of the test binary, made by TestMain when the tests
// run as root, so that tests needing an unprivileged user can re-run themselves as one.
var sharedTestBinary string

func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "__ns" {
		os.Exit(Main(os.Args[2:]))
	}
	if len(os.Args) > 1 && os.Args[1] == "__fakegobake" {
		os.Exit(fakeGobake())
	}
	if os.Geteuid() == 0 {
		dir, err := os.MkdirTemp("", "gobake-exec-test-")
		if err == nil {
			sharedTestBinary = filepath.Join(dir, "exec.test")
			err = copyExecutable(os.Args[0], sharedTestBinary)
			if err == nil {
				err = os.Chmod(dir, 0o755)
			}
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "preparing the test binary for an unprivileged user:", err)
			sharedTestBinary = ""
		}
		code := m.Run()
		os.RemoveAll(dir)
		os.Exit(code)
	}
	os.Exit(m.Run())
}

func copyExecutable(src, dst string) error {
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

// self is how the tests reach Main.
func self(t testing.TB) []string {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	return []string{exe, "__ns"}
}

// cacheEnv overrides the directory where the mmdebstrap rootfs is cached.
const cacheEnv = "GOBAKE_TEST_CACHE"

// testUserEnv names the user tests drop to when run as root.
const testUserEnv = "GOBAKE_TEST_USER"

// unprivileged makes the calling test run as an unprivileged user with a subordinate id range.
// Run as such a user, it returns false and the test goes on. Run as root, it re-runs the test as
// $GOBAKE_TEST_USER, gobake-ci or builder (whichever exists with a subuid range) and returns true:
// the caller must return. It skips, with the reason, when no such user or facility exists.
func unprivileged(t *testing.T) bool {
	t.Helper()
	if os.Geteuid() != 0 {
		h, err := Host{}.withDefaults()
		if err == nil {
			_, err = checkHost(h)
		}
		if err != nil {
			t.Skipf("SKIP: needs unprivileged user namespaces with subordinate ids: %v", err)
		}
		return false
	}
	if sharedTestBinary == "" {
		t.Skip("SKIP: running as root and the test binary could not be shared with an unprivileged user")
	}
	u := testUser(t)
	if _, err := osexec.LookPath("setpriv"); err != nil {
		t.Skip("SKIP: running as root and setpriv (util-linux) is missing to drop to an unprivileged user")
	}
	parts := strings.Split(t.Name(), "/")
	for i, p := range parts {
		parts[i] = "^" + regexp.QuoteMeta(p) + "$"
	}
	cmd := osexec.Command("setpriv", "--reuid="+u.Uid, "--regid="+u.Gid, "--init-groups", "--",
		sharedTestBinary, "-test.run="+strings.Join(parts, "/"), "-test.v", "-test.count=1")
	cmd.Dir = "/"
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + u.HomeDir, "USER=" + u.Username,
		"LOGNAME=" + u.Username, "TMPDIR=" + os.TempDir(), "LANG=C.UTF-8"}
	if v := os.Getenv(cacheEnv); v != "" {
		cmd.Env = append(cmd.Env, cacheEnv+"="+v)
	}
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

func testUser(t *testing.T) *user.User {
	names := []string{"gobake-ci", "builder"}
	if v := os.Getenv(testUserEnv); v != "" {
		names = []string{v}
	}
	for _, n := range names {
		u, err := user.Lookup(n)
		if err != nil {
			continue
		}
		uid, _ := strconv.Atoi(u.Uid)
		if _, _, err := subidRange("/etc/subuid", u.Username, uid); err != nil {
			continue
		}
		return u
	}
	t.Skipf("SKIP: running as root and none of the users %v exists with a /etc/subuid range (run .ci/install.sh)", names)
	return nil
}

// startNS starts a build namespace closed at the end of the test.
func startNS(t testing.TB) *Namespace {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	ns, err := StartNamespace(ctx, NamespaceOptions{Self: self(t)})
	var se *SetupError
	if errors.As(err, &se) {
		t.Skipf("SKIP: this host cannot create the build namespace: %v", err)
	}
	if err != nil {
		t.Fatalf("StartNamespace: %v", err)
	}
	t.Cleanup(func() {
		if err := ns.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return ns
}

// output runs c in r and returns its stdout, failing the test on error.
func output(t testing.TB, r Runner, c Cmd) string {
	t.Helper()
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	if err := r.Run(context.Background(), c); err != nil {
		t.Fatalf("%q: %v\nstderr: %s", append([]string{c.Script}, c.Argv...), err, errb.String())
	}
	return out.String()
}

// fakeGobake plays a gobake process that is killed with -9 in the middle of a build: it starts a
// namespace, mounts a tmpfs in it, leaves a daemon running there, prints the holder's pid and
// the daemon's host pid, and waits to be killed.
func fakeGobake() int {
	ns, err := StartNamespace(context.Background(), NamespaceOptions{Self: []string{os.Args[0], "__ns"}})
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	dir := os.Args[2]
	var out bytes.Buffer
	err = ns.Run(context.Background(), Cmd{Script: `mount -t tmpfs gobake-kill-test "$1" && setsid sleep 300 </dev/null >/dev/null 2>&1 & echo started`,
		Argv: []string{"sh", dir}, Stdout: &out})
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	fmt.Printf("holder %d\n", ns.Pid())
	bufio.NewReader(os.Stdin).ReadString('\n')
	return 0
}

func currentUser(t testing.TB) string {
	h, err := Host{}.withDefaults()
	if err != nil {
		t.Fatal(err)
	}
	return h.User
}

func wantOwner(t testing.TB, path string, uid, gid int) {
	t.Helper()
	fi, err := os.Lstat(path)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	if int(st.Uid) != uid || int(st.Gid) != gid {
		t.Fatalf("%s belongs to %d:%d on the host, want %d:%d", path, st.Uid, st.Gid, uid, gid)
	}
}

// hostMounts reports whether the test process's mount table mentions s.
func hostMounts(t testing.TB, s string) bool {
	b, err := os.ReadFile("/proc/self/mountinfo")
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Contains(b, []byte(s))
}

// pidsIn lists the processes whose namespace of the given kind is ns (a readlink of /proc/PID/ns/KIND).
func pidsIn(kind, ns string) []int {
	var pids []int
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if l, err := os.Readlink(filepath.Join("/proc", e.Name(), "ns", kind)); err == nil && l == ns {
			pids = append(pids, pid)
		}
	}
	return pids
}

// pidsWithCmdline lists the processes whose NUL-separated command line starts with prefix.
func pidsWithCmdline(prefix string) []int {
	var pids []int
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if b, err := os.ReadFile(filepath.Join("/proc", e.Name(), "cmdline")); err == nil && strings.HasPrefix(string(b), prefix) {
			pids = append(pids, pid)
		}
	}
	return pids
}

// waitGone polls cond for up to 10 seconds.
func waitGone(t testing.TB, cond func() bool, msg string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatal(msg)
}
