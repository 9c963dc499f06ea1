package exec

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rootfsTarball returns a bookworm minbase rootfs tarball made by `mmdebstrap --mode=unshare`,
// built once a day into $GOBAKE_TEST_CACHE or $TMPDIR/gobake-exec-cache (shared by root and the
// unprivileged test user). Its entries carry namespace ids: root files are owned by 0.
func rootfsTarball(t *testing.T) string {
	t.Helper()
	if _, err := osexec.LookPath("mmdebstrap"); err != nil {
		t.Skip("SKIP: mmdebstrap is not installed (run .ci/install.sh)")
	}
	dir := os.Getenv(cacheEnv)
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "gobake-exec-cache")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o1777) // fails harmlessly when another user made it
	day := time.Now().UTC().Format("20060102")
	path := filepath.Join(dir, "bookworm-minbase-"+day+".tar")
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := fmt.Sprintf("%s.%d.tmp", path, os.Getpid())
	mirror := os.Getenv("GOBAKE_TEST_MIRROR")
	if mirror == "" {
		mirror = "http://deb.debian.org/debian"
	}
	start := time.Now()
	out, err := osexec.Command("mmdebstrap", "--mode=unshare", "--variant=minbase", "--format=tar",
		"--skip=output/dev", "bookworm", tmp, mirror).CombinedOutput()
	if err != nil {
		os.Remove(tmp)
		t.Fatalf("mmdebstrap: %v\n%s", err, out)
	}
	os.Chmod(tmp, 0o644)
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	t.Logf("built %s in %v", path, time.Since(start).Round(time.Second))
	old, _ := filepath.Glob(filepath.Join(dir, "bookworm-minbase-*.tar"))
	for _, o := range old {
		if o != path {
			os.Remove(o)
		}
	}
	return path
}

// TestRootless is the rootless acceptance: an mmdebstrap rootfs used through the unshare
// backend by an unprivileged user, Isar-style sudo in a task body, and rootfs_cmd.
func TestRootless(t *testing.T) {
	if unprivileged(t) {
		return
	}
	tarball := rootfsTarball(t)
	ns := startNS(t)
	ctx := context.Background()
	rootfs, err := os.MkdirTemp("", "gobake-rootfs-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { // runs before the namespace closes
		if err := RemoveAll(ctx, ns, rootfs); err != nil {
			t.Error(err)
		}
	})
	output(t, ns, Cmd{Argv: []string{"tar", "-xf", tarball, "-C", rootfs}})
	ubase, _, _ := subidRange("/etc/subuid", currentUser(t), os.Getuid())
	gbase, _, _ := subidRange("/etc/subgid", currentUser(t), os.Getuid())

	t.Run("chroot", func(t *testing.T) {
		if got := output(t, ns, Cmd{Rootfs: rootfs, Argv: []string{"apt-get", "--version"}}); !strings.HasPrefix(got, "apt ") {
			t.Fatalf("apt-get --version: %q", got)
		}
		if got := output(t, ns, Cmd{Rootfs: rootfs, Argv: []string{"dpkg", "-l"}}); !strings.Contains(got, "ii  base-files") {
			t.Fatalf("dpkg -l lists no base-files:\n%s", got)
		}
		output(t, ns, Cmd{Rootfs: rootfs, Script: `set -e
			test "$(id -u)" = 0
			grep -q " / " /proc/self/mountinfo   # proc
			test -d /sys/kernel                 # sysfs
			test -c /dev/null && echo ok > /dev/null
			touch /owned-by-root /owned-by-1000
			chown 1000:1000 /owned-by-1000`})
		wantOwner(t, filepath.Join(rootfs, "owned-by-root"), os.Getuid(), os.Getgid())
		wantOwner(t, filepath.Join(rootfs, "owned-by-1000"), ubase+1000, gbase+1000)
		if hostMounts(t, rootfs) {
			t.Fatal("the chroot's mounts are visible on the host")
		}
		if got := output(t, ns, Cmd{Argv: []string{"cat", "/proc/self/mountinfo"}}); strings.Contains(got, rootfs) {
			t.Fatalf("the chroot's mounts outlived the call:\n%s", got)
		}
	})

	t.Run("binds", func(t *testing.T) {
		host := t.TempDir()
		os.WriteFile(filepath.Join(host, "in"), []byte("from host\n"), 0o644)
		got := output(t, ns, Cmd{Rootfs: rootfs, NoSystemMounts: true,
			Binds:  []Bind{{Src: host, Dst: "/mnt/host"}, {Src: host, Dst: "/mnt/ro", ReadOnly: true}},
			Script: `cat /mnt/host/in; echo out > /mnt/host/out; touch /mnt/ro/x 2>/dev/null || echo read-only`})
		if got != "from host\nread-only\n" {
			t.Fatalf("got %q", got)
		}
		if b, _ := os.ReadFile(filepath.Join(host, "out")); string(b) != "out\n" {
			t.Fatalf("host sees %q", b)
		}
	})

	t.Run("isar-style sudo task", func(t *testing.T) {
		script := `set -e
sudo mount -t proc none "$R/proc"
sudo mount --rbind /dev "$R/dev"
sudo chroot "$R" dpkg-query -W -f '${Package}\n' base-files
sudo -s <<'EOSUDO'
set -e
chroot "$R" sh -c 'test "$(id -u)" = 0 && test -c /dev/null'
EOSUDO
sudo umount "$R/proc"
sudo umount -l "$R/dev"   # -R trips over stacked host mounts in /dev`
		cmd := osexec.Command("/bin/sh", "-c", strings.ReplaceAll(script, `"$R`, `"`+rootfs))
		cmd.Env = ns.TaskEnv(os.Environ())
		out, err := cmd.CombinedOutput()
		if err != nil || string(out) != "base-files\n" {
			t.Fatalf("task: %v\n%s", err, out)
		}
	})

	t.Run("rootfs_cmd", func(t *testing.T) {
		if _, err := osexec.LookPath("bwrap"); err != nil {
			t.Skip("SKIP: bwrap (bubblewrap) is not installed")
		}
		if out, err := osexec.Command("bwrap", "--unshare-user", "--ro-bind", "/", "/", "true").CombinedOutput(); err != nil {
			t.Skipf("SKIP: bwrap cannot create a sandbox on this host: %v: %s", err, out)
		}
		host := t.TempDir()
		var b Bwrap
		got := output(t, b, Cmd{Rootfs: rootfs, Binds: []Bind{{Src: host, Dst: "/mnt/host"}},
			Script: `cat /etc/debian_version > /mnt/host/version; id -u; touch /usr/x 2>/dev/null || echo ro-usr`})
		if want := fmt.Sprintf("%d\nro-usr\n", os.Getuid()); got != want {
			t.Fatalf("got %q, want %q", got, want)
		}
		if v, _ := os.ReadFile(filepath.Join(host, "version")); !bytes.HasPrefix(v, []byte("12.")) {
			t.Fatalf("debian_version seen through the bind: %q", v)
		}
		// A host binary against the rootfs bound in.
		got = output(t, b, Cmd{Binds: []Bind{{Src: rootfs, Dst: "/rootfs", ReadOnly: true}},
			Argv: []string{"dpkg-query", "--admindir=/rootfs/var/lib/dpkg", "-W", "-f", "${Package}\n", "base-files"}})
		if got != "base-files\n" {
			t.Fatalf("host dpkg-query on the rootfs: %q", got)
		}
	})
}

// TestSchroot runs a directory-type schroot session (as root, as CI does) and checks that it is
// ended and its definition removed, also when the command fails.
func TestSchroot(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("SKIP: the schroot backend test writes /etc/schroot and runs as root (CI runs tests as root)")
	}
	if _, err := osexec.LookPath("schroot"); err != nil {
		t.Skip("SKIP: schroot is not installed (run .ci/install.sh)")
	}
	if out, err := osexec.Command("unshare", "--mount", "sh", "-c", "mount -t tmpfs probe /mnt").CombinedOutput(); err != nil {
		t.Skipf("SKIP: root cannot mount here (a container without CAP_SYS_ADMIN?): %v: %s", err, out)
	}
	tarball := rootfsTarball(t)
	rootfs := t.TempDir()
	if out, err := osexec.Command("tar", "-xf", tarball, "-C", rootfs).CombinedOutput(); err != nil {
		t.Fatalf("tar: %v\n%s", err, out)
	}
	s := &Schroot{Prefix: fmt.Sprintf("gobake-test%d", os.Getpid())}
	host := t.TempDir()
	got := output(t, s, Cmd{Rootfs: rootfs, Binds: []Bind{{Src: host, Dst: "/mnt/host"}}, Env: []string{"PATH=/usr/bin:/bin", "V=v"},
		Script: `set -e; cat /etc/debian_version > /mnt/host/version; id -u; echo $V; test -c /dev/null; test -d /proc/self`})
	if got != "0\nv\n" {
		t.Fatalf("got %q", got)
	}
	if v, _ := os.ReadFile(filepath.Join(host, "version")); !bytes.HasPrefix(v, []byte("12.")) {
		t.Fatalf("debian_version through the bind: %q", v)
	}
	var errb bytes.Buffer
	err := s.Run(context.Background(), Cmd{Rootfs: rootfs, Script: "echo failing >&2; exit 5", Stderr: &errb})
	var ee *ExitError
	if !errors.As(err, &ee) || ee.Code != 5 || errb.String() != "failing\n" {
		t.Fatalf("failing command: %v, stderr %q", err, errb.String())
	}
	err = s.Run(context.Background(), Cmd{Rootfs: rootfs, Argv: []string{"true"}, Binds: []Bind{{Src: "/nonexistent/gobake", Dst: "/mnt/x"}}})
	if err == nil || !strings.Contains(err.Error(), "beginning session") {
		t.Fatalf("session with a missing bind source: got %v, want a setup failure", err)
	}
	sessions, _ := osexec.Command("schroot", "--list", "--all-sessions").CombinedOutput()
	if strings.Contains(string(sessions), s.Prefix) {
		t.Fatalf("sessions left:\n%s", sessions)
	}
	if left, _ := filepath.Glob("/etc/schroot/chroot.d/" + s.Prefix + "*"); len(left) > 0 {
		t.Fatalf("definitions left: %v", left)
	}
	if got := output(t, s, Cmd{Argv: []string{"id", "-u"}}); got != "0\n" {
		t.Fatalf("host command: id -u = %q", got)
	}
}
