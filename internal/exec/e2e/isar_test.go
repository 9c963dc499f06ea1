package e2e

import (
	"context"
	"errors"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/gobake/gobake/internal/build"
	"github.com/gobake/gobake/internal/data"
	"github.com/gobake/gobake/internal/exec"
	"github.com/gobake/gobake/internal/exec/asuser"
)

func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == "__ns" {
		os.Exit(exec.Main(os.Args[2:]))
	}
	os.Exit(asuser.Main(m))
}

// TestIsarStyleTasks runs two recipe tasks as an unprivileged user under the unshare backend:
// the first mounts a tmpfs in a rootfs and chroots into it with sudo, the second finds the mount
// still there (one build namespace) and unmounts it.
func TestIsarStyleTasks(t *testing.T) {
	if asuser.Reexec(t) {
		return
	}
	if os.Geteuid() == 0 {
		t.Skip("SKIP: covers an unprivileged user (run as root it re-runs as one when available)")
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ns, err := exec.StartNamespace(ctx, exec.NamespaceOptions{Self: []string{self, "__ns"}})
	var se *exec.SetupError
	if errors.As(err, &se) {
		t.Skipf("SKIP: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer ns.Close()

	work := t.TempDir()
	rootfs := filepath.Join(work, "rootfs")
	tinyRootfs(t, rootfs)
	d := data.New()
	set := func(name, value string) {
		if err := d.SetVar(name, value, data.Info{File: "isar-style.bb", Line: 1}); err != nil {
			t.Fatal(err)
		}
	}
	task := func(name, body string) {
		set(name, body)
		for _, fl := range []string{"func", "task"} {
			if err := d.SetVarFlag(name, fl, "1", data.Info{File: "isar-style.bb", Line: 1}); err != nil {
				t.Fatal(err)
			}
		}
	}
	set("WORKDIR", work)
	set("T", "${WORKDIR}/temp")
	set("ROOTFSDIR", rootfs)
	task("do_rootfs", `
    sudo mount -t tmpfs isar-style ${ROOTFSDIR}/mnt
    sudo chroot ${ROOTFSDIR} /bin/sh -c 'echo $((6 * 7)) > /mnt/answer'
    sudo -E -s <<'EOSUDO'
        set -e
        test "$(cat ${ROOTFSDIR}/mnt/answer)" = 42
        cp ${ROOTFSDIR}/mnt/answer ${WORKDIR}/answer
EOSUDO
`)
	task("do_check", `
    sudo cat ${ROOTFSDIR}/mnt/answer > ${WORKDIR}/again
    sudo umount ${ROOTFSDIR}/mnt
`)
	opts := build.Options{Privileged: ns, Env: []string{"PATH=" + os.Getenv("PATH")}}
	for _, name := range []string{"do_rootfs", "do_check"} {
		if err := build.ExecTask(ctx, d, "isar-style.bb", name, opts); err != nil {
			logs, _ := filepath.Glob(filepath.Join(work, "temp", "log.*"))
			for _, l := range logs {
				b, _ := os.ReadFile(l)
				t.Logf("%s:\n%s", l, b)
			}
			t.Fatalf("%s: %v", name, err)
		}
	}
	for _, f := range []string{"answer", "again"} {
		b, err := os.ReadFile(filepath.Join(work, f))
		if err != nil || strings.TrimSpace(string(b)) != "42" {
			t.Fatalf("%s: %q, %v", f, b, err)
		}
	}
	fi, _ := os.Stat(filepath.Join(work, "answer"))
	if uid := fi.Sys().(*syscall.Stat_t).Uid; int(uid) != os.Getuid() {
		t.Fatalf("a file namespace root wrote belongs to %d on the host, want the caller %d", uid, os.Getuid())
	}
	if _, err := os.Stat(filepath.Join(rootfs, "mnt", "answer")); !os.IsNotExist(err) {
		t.Fatalf("the tmpfs content leaked to the host: %v", err)
	}
}

// tinyRootfs makes a chroot with just /bin/sh (the host's dash and its libraries).
func tinyRootfs(t *testing.T, dir string) {
	sh, err := filepath.EvalSymlinks("/bin/dash")
	if err != nil {
		t.Skipf("SKIP: no /bin/dash to build a tiny rootfs: %v", err)
	}
	out, err := osexec.Command("ldd", sh).Output()
	if err != nil {
		t.Skipf("SKIP: ldd %s: %v", sh, err)
	}
	files := map[string]string{"/bin/sh": sh}
	for _, f := range strings.Fields(string(out)) {
		if strings.HasPrefix(f, "/") {
			files[f] = f
		}
	}
	for dst, src := range files {
		b, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, dst)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "mnt"), 0o755); err != nil {
		t.Fatal(err)
	}
}
