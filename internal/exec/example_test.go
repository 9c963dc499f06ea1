package exec_test

import (
	"context"
	"fmt"
	"os"
	osexec "os/exec"

	"github.com/gobake/gobake/internal/exec"
)

// A build opens the backend once, runs privileged commands through it, lets task bodies reach
// it through `sudo`, and closes it at the end (which unmounts everything mounted in it).
func Example() {
	ctx := context.Background()
	mode, err := exec.ModeFrom(os.Getenv) // GOBAKE_CHROOT_MODE, ISAR_CHROOT_MODE, or unshare
	if err != nil {
		fmt.Println(err)
		return
	}
	self, _ := os.Executable() // a program whose `__ns` argument calls exec.Main
	r, err := exec.Open(ctx, exec.Options{Mode: mode, Namespace: exec.NamespaceOptions{Self: []string{self, "__ns"}}})
	if err != nil {
		fmt.Println(err) // a *exec.SetupError names the fix
		return
	}
	defer r.Close()

	// Root on the host view of the build namespace; the mount stays for later calls.
	r.Run(ctx, exec.Cmd{Argv: []string{"mount", "-t", "tmpfs", "none", "/tmp/work"}})
	// Root in a rootfs with a host directory bound in.
	r.Run(ctx, exec.Cmd{Rootfs: "/tmp/rootfs", Script: "dpkg -l > /out/packages",
		Binds: []exec.Bind{{Src: "/tmp/out", Dst: "/out"}}, Stdout: os.Stdout})
	// An Isar-style task body: its sudo runs as root of the same namespace.
	task := osexec.Command("/bin/sh", "-c", "sudo umount /tmp/work")
	task.Env = r.TaskEnv(os.Environ())
	task.Run()
}
