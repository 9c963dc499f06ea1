package exec

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gobake/gobake/internal/exec/asuser"
)

func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "__ns" {
		os.Exit(Main(os.Args[2:]))
	}
	if len(os.Args) > 1 && os.Args[1] == "__fakegobake" {
		os.Exit(fakeGobake())
	}
	os.Exit(asuser.Main(m))
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

// unprivileged makes the calling test run as an unprivileged user with a subordinate id range
// (see package asuser) and reports whether it ran elsewhere (the caller must return). It skips,
// with the reason, when this user cannot make a build namespace.
func unprivileged(t *testing.T) bool {
	t.Helper()
	var env []string
	if v := os.Getenv(cacheEnv); v != "" {
		env = append(env, cacheEnv+"="+v)
	}
	if asuser.Reexec(t, env...) {
		return true
	}
	h, err := Host{}.withDefaults()
	if err == nil {
		_, err = checkHost(h)
	}
	if err != nil {
		t.Skipf("SKIP: needs unprivileged user namespaces with subordinate ids: %v", err)
	}
	return false
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
// namespace, mounts a tmpfs in it, leaves a daemon running there, prints the holder's pid, and
// waits to be killed or for the end of its stdin, when it closes the namespace.
func fakeGobake() int {
	dir := os.Args[2]
	// The run dir of a killed gobake stays behind: keep it in the test's directory.
	ns, err := StartNamespace(context.Background(), NamespaceOptions{Self: []string{os.Args[0], "__ns"}, RunDir: dir})
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	var out bytes.Buffer
	err = ns.Run(context.Background(), Cmd{Script: `mount -t tmpfs gobake-kill-test "$1" && setsid sleep 300 </dev/null >/dev/null 2>&1 & echo started`,
		Argv: []string{"sh", dir}, Stdout: &out})
	if err != nil {
		fmt.Println("error:", err)
		return 1
	}
	fmt.Printf("holder %d\n", ns.Pid())
	bufio.NewReader(os.Stdin).ReadString('\n') // EOF: the build ends normally
	if err := ns.Close(); err != nil {
		fmt.Println("error:", err)
		return 1
	}
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
