package main

import (
	"os"
	osexec "os/exec"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// TestPrivilegedCommands builds gobake and runs run-privileged and clean-privileged through the
// unshare backend (which re-executes gobake as `gobake __ns`): a file made by namespace root with
// another owner is removed by clean-privileged.
func TestPrivilegedCommands(t *testing.T) {
	if testing.Short() {
		t.Skip("SKIP: builds gobake (-short)")
	}
	gobin := filepath.Join(runtime.GOROOT(), "bin", "go")
	dir, err := os.MkdirTemp("", "gobake-bin-") // world-readable for the unprivileged run below
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o755)
	bin := filepath.Join(dir, "gobake")
	if out, err := osexec.Command(gobin, "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	check(t, bin, dir, nil)
	if os.Geteuid() != 0 {
		return
	}
	// As root (CI), also as an unprivileged user with subordinate ids: the rootless path.
	for _, name := range []string{"gobake-ci", "builder"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		udir, err := os.MkdirTemp("", "gobake-cli-")
		if err != nil {
			t.Fatal(err)
		}
		defer os.RemoveAll(udir)
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(udir, uid, gid); err != nil {
			t.Fatal(err)
		}
		t.Run("as "+name, func(t *testing.T) {
			check(t, bin, udir, []string{"setpriv", "--reuid=" + u.Uid, "--regid=" + u.Gid, "--init-groups", "--"})
		})
		return
	}
}

// check runs gobake's privileged commands (prefixed by as) with TMPDIR=dir.
func check(t *testing.T, bin, dir string, as []string) {
	run := func(args ...string) (string, error) {
		argv := append(append(append([]string{}, as...), bin), args...)
		cmd := osexec.Command(argv[0], argv[1:]...)
		cmd.Env = append(os.Environ(), "GOBAKE_CHROOT_MODE=unshare", "TMPDIR="+dir)
		cmd.Dir = dir
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	out, err := run("run-privileged", "--", "sh", "-c", "id -u")
	if err != nil && strings.Contains(out, "unshare backend unavailable") {
		t.Skipf("SKIP: %s", out)
	}
	if err != nil || out != "0\n" {
		t.Fatalf("run-privileged id -u: %v: %q", err, out)
	}
	work := filepath.Join(dir, "work")
	if out, err := run("run-privileged", "--", "sh", "-c", `mkdir -p "$0/d" && touch "$0/d/f" && chown -R 1000:1000 "$0/d" && chmod 700 "$0/d"`, work); err != nil {
		t.Fatalf("run-privileged: %v: %s", err, out)
	}
	if out, err := run("run-privileged", "--", "sh", "-c", "exit 3"); err == nil || !strings.Contains(err.Error(), "exit status 3") {
		t.Fatalf("exit status: %v: %s", err, out)
	}
	if out, err := run("clean-privileged", work); err != nil {
		t.Fatalf("clean-privileged: %v: %s", err, out)
	}
	if _, err := os.Lstat(work); !os.IsNotExist(err) {
		t.Fatalf("%s survived clean-privileged: %v", work, err)
	}
}
