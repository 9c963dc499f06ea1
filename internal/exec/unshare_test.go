package exec

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestNamespace(t *testing.T) {
	if unprivileged(t) {
		return
	}
	ns := startNS(t)
	ubase, _, err := subidRange("/etc/subuid", currentUser(t), os.Getuid())
	if err != nil {
		t.Fatal(err)
	}
	gbase, _, err := subidRange("/etc/subgid", currentUser(t), os.Getuid())
	if err != nil {
		t.Fatal(err)
	}

	t.Run("root mapped to the caller", func(t *testing.T) {
		if got := strings.TrimSpace(output(t, ns, Cmd{Argv: []string{"id", "-u"}})); got != "0" {
			t.Fatalf("id -u = %q, want 0", got)
		}
		maps := strings.Fields(output(t, ns, Cmd{Argv: []string{"cat", "/proc/self/uid_map"}}))
		if len(maps) < 6 || maps[0] != "0" || maps[1] != strconv.Itoa(os.Getuid()) || maps[3] != "1" || maps[4] != strconv.Itoa(ubase+1) {
			t.Fatalf("uid_map = %q, want 0 -> %d and 1 -> %d", maps, os.Getuid(), ubase+1)
		}
	})

	t.Run("ownership and cleanup", func(t *testing.T) {
		dir := t.TempDir()
		output(t, ns, Cmd{Script: `set -e; cd "$1"; touch root; touch u1000; chown 1000:1000 u1000
			mkdir d; touch d/f; chown -R 1000:1000 d; chmod 700 d`, Argv: []string{"sh", dir}})
		wantOwner(t, filepath.Join(dir, "root"), os.Getuid(), os.Getgid())
		wantOwner(t, filepath.Join(dir, "u1000"), ubase+1000, gbase+1000)
		if err := os.RemoveAll(filepath.Join(dir, "d")); err == nil {
			t.Fatal("the caller removed a directory of its subordinate uid 1000; the test proves nothing")
		}
		if err := RemoveAll(context.Background(), ns, filepath.Join(dir, "d")); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Lstat(filepath.Join(dir, "d")); !os.IsNotExist(err) {
			t.Fatalf("after RemoveAll: %v", err)
		}
	})

	t.Run("mounts persist between calls and stay off the host", func(t *testing.T) {
		dir := t.TempDir()
		output(t, ns, Cmd{Argv: []string{"mount", "-t", "tmpfs", "gobake-persist", dir}})
		output(t, ns, Cmd{Script: `echo x > "$1/in-tmpfs"`, Argv: []string{"sh", dir}})
		if got := output(t, ns, Cmd{Argv: []string{"cat", filepath.Join(dir, "in-tmpfs")}}); got != "x\n" {
			t.Fatalf("second call reads %q from the tmpfs, want x", got)
		}
		if _, err := os.Stat(filepath.Join(dir, "in-tmpfs")); !os.IsNotExist(err) {
			t.Fatalf("the host sees the file in the namespace's tmpfs: %v", err)
		}
		if hostMounts(t, "gobake-persist") {
			t.Fatal("the namespace's mount is visible on the host")
		}
		output(t, ns, Cmd{Argv: []string{"umount", dir}})
	})

	t.Run("run dir missing or too deep for a socket", func(t *testing.T) {
		for _, dir := range []string{filepath.Join(t.TempDir(), "a", "b"), filepath.Join(t.TempDir(), strings.Repeat("d", 100))} {
			ns2, err := StartNamespace(context.Background(), NamespaceOptions{Self: self(t), RunDir: dir})
			if err != nil {
				t.Fatalf("RunDir %s: %v", dir, err)
			}
			if got := output(t, ns2, Cmd{Argv: []string{"id", "-u"}}); got != "0\n" {
				t.Fatalf("id -u = %q", got)
			}
			ns2.Close()
		}
	})

	t.Run("streams, dir, env and exit status", func(t *testing.T) {
		got := output(t, ns, Cmd{Script: `cat; pwd; echo "$PATH $V"`, Stdin: strings.NewReader("in\n"), Dir: "/tmp",
			Env: []string{"PATH=/usr/bin:/bin", "V=v"}})
		if got != "in\n/tmp\n/usr/bin:/bin v\n" {
			t.Fatalf("got %q", got)
		}
		err := ns.Run(context.Background(), Cmd{Script: "exit 7"})
		var ee *ExitError
		if !errors.As(err, &ee) || ee.Code != 7 || err.Error() != `sh -c "exit 7": exit status 7` {
			t.Fatalf("exit 7: got %v", err)
		}
		if got := output(t, ns, Cmd{Script: "sudo id -u"}); got != "0\n" {
			t.Fatalf("nested sudo with the default environment: %q", got)
		}
		err = ns.Run(context.Background(), Cmd{Argv: []string{"gobake-no-such-command"}})
		var se *StartError
		if !errors.As(err, &se) || !strings.Contains(err.Error(), "command not found") {
			t.Fatalf("missing command: got %v", err)
		}
	})

	t.Run("a daemon holding stdout does not block Run", func(t *testing.T) {
		start := time.Now()
		if got := output(t, ns, Cmd{Script: "sleep 60 & echo hi"}); got != "hi\n" {
			t.Fatalf("got %q", got)
		}
		if d := time.Since(start); d > copyGrace+5*time.Second {
			t.Fatalf("Run took %v", d)
		}
	})

	t.Run("cancel kills the command", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		start := time.Now()
		err := ns.Run(ctx, Cmd{Argv: []string{"sleep", "31337"}})
		if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 10*time.Second {
			t.Fatalf("got %v after %v", err, time.Since(start))
		}
		waitGone(t, func() bool { return len(pidsWithCmdline("sleep\x0031337")) == 0 }, "sleep 31337 still runs")
	})
}

func TestNamespaceEndsWithGobake(t *testing.T) {
	if unprivileged(t) {
		return
	}
	for _, how := range []string{"kill -9", "normal end"} {
		t.Run(how, func(t *testing.T) {
			dir := t.TempDir()
			exe, _ := os.Executable()
			cmd := osexec.Command(exe, "__fakegobake", dir)
			stdin, _ := cmd.StdinPipe()
			stdout, _ := cmd.StdoutPipe()
			cmd.Stderr = os.Stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			line, _ := bufio.NewReader(stdout).ReadString('\n')
			var holder int
			if _, err := fmt.Sscanf(line, "holder %d", &holder); err != nil {
				t.Fatalf("fake gobake said %q", line)
			}
			mntNS, _ := os.Readlink(fmt.Sprintf("/proc/%d/ns/mnt", holder))
			pidNS, _ := os.Readlink(fmt.Sprintf("/proc/%d/ns/pid", holder))
			if len(pidsIn("pid", pidNS)) < 2 {
				t.Fatalf("expected the holder and a daemon in the namespace %s, got %v", pidNS, pidsIn("pid", pidNS))
			}
			if how == "kill -9" {
				cmd.Process.Signal(syscall.SIGKILL)
			} else {
				stdin.Close()
			}
			if err := cmd.Wait(); how != "kill -9" && err != nil {
				t.Fatalf("fake gobake: %v", err)
			}
			waitGone(t, func() bool { return len(pidsIn("pid", pidNS)) == 0 }, "processes of the build namespace survive")
			if how == "kill -9" { // the next namespace started there removes the stale run dir
				stale, _ := filepath.Glob(filepath.Join(dir, "gobake-ns-*"))
				if len(stale) != 1 {
					t.Fatalf("run dirs after kill -9: %v", stale)
				}
				old := time.Now().Add(-2 * time.Minute)
				os.Chtimes(stale[0], old, old)
				ns, err := StartNamespace(context.Background(), NamespaceOptions{Self: self(t), RunDir: dir})
				if err != nil {
					t.Fatal(err)
				}
				ns.Close()
				if _, err := os.Stat(stale[0]); !os.IsNotExist(err) {
					t.Fatalf("stale run dir %s survives: %v", stale[0], err)
				}
			}
			waitGone(t, func() bool { return len(pidsIn("mnt", mntNS)) == 0 }, "the build mount namespace survives")
			if hostMounts(t, "gobake-kill-test") {
				t.Fatal("the namespace's tmpfs is mounted on the host")
			}
		})
	}
}

func TestSudoShim(t *testing.T) {
	if unprivileged(t) {
		return
	}
	ns := startNS(t)
	dir := t.TempDir()
	script := `set -e
test "$(id -u)" != 0
test "$(sudo id -u)" = 0
sudo mount -t tmpfs gobake-sudo "$D"
sudo sh -c 'echo from-root > "$1/f"' sh "$D"
test "$(sudo cat "$D/f")" = from-root
sudo -s <<'EOSUDO'
set -e
test "$(id -u)" = 0
test -z "$V"
EOSUDO
V=1 sudo -E sh -c 'test "$V" = 1'
sudo V=2 sh -c 'test "$V" = 2'
sudo -Es test -n "$D"
rc=0; sudo sh -c 'exit 3' || rc=$?
test $rc = 3
sudo umount "$D"
test ! -e "$D/f"
echo done`
	for _, isolated := range []bool{false, true} {
		cmd := osexec.Command("/bin/sh", "-c", script)
		cmd.Env = append(ns.TaskEnv(os.Environ()), "D="+dir)
		if isolated { // as internal/build runs tasks without [network]: own user and network namespaces
			uid, gid := os.Getuid(), os.Getgid()
			cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: syscall.CLONE_NEWUSER | syscall.CLONE_NEWNET,
				UidMappings: []syscall.SysProcIDMap{{ContainerID: uid, HostID: uid, Size: 1}},
				GidMappings: []syscall.SysProcIDMap{{ContainerID: gid, HostID: gid, Size: 1}}}
		}
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.HasSuffix(string(out), "done\n") {
			t.Fatalf("task body (network-isolated: %v): %v\n%s", isolated, err, out)
		}
	}
}

func TestSetupErrors(t *testing.T) {
	fixture := func(t *testing.T, files map[string]string) string {
		dir := t.TempDir()
		for name, content := range files {
			p := filepath.Join(dir, name)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}
	good := func(t *testing.T) Host {
		d := fixture(t, map[string]string{"subuid": "other:5:10\nalice:100000:65536\n", "subgid": "alice:200000:65536\n"})
		return Host{ProcSys: t.TempDir(), Subuid: filepath.Join(d, "subuid"), Subgid: filepath.Join(d, "subgid"),
			Newuidmap: "/bin/true", Newgidmap: "/bin/true", User: "alice", UID: 1000, GID: 1000}
	}
	cases := []struct {
		name    string
		edit    func(t *testing.T, h *Host)
		problem Problem
		fix     string
	}{
		{"userns clone disabled", func(t *testing.T, h *Host) {
			h.ProcSys = fixture(t, map[string]string{"kernel/unprivileged_userns_clone": "0\n"})
		}, UserNSDisabled, "sysctl -w kernel.unprivileged_userns_clone=1"},
		{"no user namespaces", func(t *testing.T, h *Host) {
			h.ProcSys = fixture(t, map[string]string{"user/max_user_namespaces": "0\n"})
		}, UserNSDisabled, "sysctl -w user.max_user_namespaces="},
		{"apparmor", func(t *testing.T, h *Host) {
			h.ProcSys = fixture(t, map[string]string{"kernel/apparmor_restrict_unprivileged_userns": "1\n"})
		}, UserNSDisabled, "apparmor_restrict_unprivileged_userns=0"},
		{"newuidmap missing", func(t *testing.T, h *Host) { h.Newuidmap = "/nonexistent/newuidmap" }, NoNewuidmap, "apt-get install uidmap"},
		{"newgidmap missing", func(t *testing.T, h *Host) { h.Newgidmap = "/nonexistent/newgidmap" }, NoNewuidmap, "apt-get install uidmap"},
		{"no subuid range", func(t *testing.T, h *Host) { h.User, h.UID = "bob", 1001 }, NoSubids, "usermod --add-subuids"},
		{"no subgid file", func(t *testing.T, h *Host) { h.Subgid = "/nonexistent/subgid" }, NoSubids, "usermod --add-subuids"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := good(t)
			if _, err := checkHost(h); err != nil {
				t.Fatalf("good fixture: %v", err)
			}
			c.edit(t, &h)
			_, err := checkHost(h)
			var se *SetupError
			if !errors.As(err, &se) || se.Problem != c.problem || !strings.Contains(err.Error(), c.fix) {
				t.Fatalf("got %v, want problem %d naming %q", err, c.problem, c.fix)
			}
		})
	}
	t.Run("numeric subuid entry", func(t *testing.T) {
		h := good(t)
		d := fixture(t, map[string]string{"subuid": "1000:300000:1000\n"})
		h.Subuid = filepath.Join(d, "subuid")
		p, err := checkHost(h)
		if err != nil || p.uidMaps[1] != (IDMap{Inner: 1, Outer: 300001, Count: 998}) {
			t.Fatalf("got %v, %v", p.uidMaps, err)
		}
	})
}

func TestStartNamespaceSetupError(t *testing.T) {
	if unprivileged(t) {
		return
	}
	h := Host{Newuidmap: "/nonexistent/newuidmap"}
	_, err := StartNamespace(context.Background(), NamespaceOptions{Self: self(t), Host: h})
	var se *SetupError
	if !errors.As(err, &se) || se.Problem != NoNewuidmap {
		t.Fatalf("got %v, want a NoNewuidmap SetupError", err)
	}
	t.Log(err)

	// newuidmap that exists but fails: a plain error, and the holder does not linger.
	start := time.Now()
	_, err = StartNamespace(context.Background(), NamespaceOptions{Self: self(t), Host: Host{Newuidmap: "/bin/false"}})
	if err == nil || !strings.Contains(err.Error(), "/bin/false") || errors.As(err, &se) {
		t.Fatalf("got %v, want the failing newuidmap named", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("failing StartNamespace took %v", d)
	}
}

func TestIDMaps(t *testing.T) {
	cases := []struct {
		base, count int
		want        []IDMap
	}{
		{1000000, 200000, []IDMap{{0, 1001, 1}, {1, 1000001, 199998}}},
		{100000, 65536, []IDMap{{0, 1001, 1}, {1, 100001, 65534}}},
		{100000, 65535, []IDMap{{0, 1001, 1}, {1, 100001, 65533}, {65534, 165534, 1}}},
		{100000, 2000, []IDMap{{0, 1001, 1}, {1, 100001, 1998}, {65534, 101999, 1}}},
		{100000, 1, []IDMap{{0, 1001, 1}}},
	}
	for _, c := range cases {
		got := idMaps(1001, c.base, c.count)
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("idMaps(1001, %d, %d) = %v, want %v", c.base, c.count, got, c.want)
		}
	}
	if got := strings.Join(newidmapArgs(42, idMaps(1001, 100000, 2000)), " "); got != "42 0 1001 1 1 100001 1998 65534 101999 1" {
		t.Errorf("newidmapArgs = %q", got)
	}
	if got := (IDMap{Inner: 1, Outer: 100001, Count: 5}).String(); got != "100001,1,5" {
		t.Errorf("String = %q, want util-linux's outer,inner,count", got)
	}
}

func TestModeFrom(t *testing.T) {
	cases := []struct {
		env  map[string]string
		want Mode
		err  bool
	}{
		{map[string]string{}, Unshare, false},
		{map[string]string{"ISAR_CHROOT_MODE": "schroot"}, Sudo, false},
		{map[string]string{"ISAR_CHROOT_MODE": "schroot", ModeVar: "unshare"}, Unshare, false},
		{map[string]string{"ISAR_CHROOT_MODE": "chroot"}, "", true},
	}
	for _, c := range cases {
		got, err := ModeFrom(func(k string) string { return c.env[k] })
		if got != c.want || (err != nil) != c.err {
			t.Errorf("ModeFrom(%v) = %q, %v", c.env, got, err)
		}
	}
}

// TestNamespaceAsRoot checks the root path (no user namespace): mounts must stay inside too.
func TestNamespaceAsRoot(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("SKIP: covers gobake running as real root")
	}
	ns := startNS(t)
	dir := t.TempDir()
	output(t, ns, Cmd{Argv: []string{"mount", "-t", "tmpfs", "gobake-root-persist", dir}})
	if got := output(t, ns, Cmd{Script: `grep -c gobake-root-persist /proc/self/mountinfo`}); got != "1\n" {
		t.Fatalf("second call sees the mount %q times", got)
	}
	if hostMounts(t, "gobake-root-persist") {
		t.Fatal("a build namespace mount of real root propagated to the host")
	}
	mntNS, _ := os.Readlink(fmt.Sprintf("/proc/%d/ns/mnt", ns.Pid()))
	if err := ns.Close(); err != nil {
		t.Fatal(err)
	}
	waitGone(t, func() bool { return len(pidsIn("mnt", mntNS)) == 0 }, "the build mount namespace survives Close")
}
