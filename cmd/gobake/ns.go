package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/gobake/gobake/internal/exec"
)

// runNS is the hidden `gobake __ns` entry: the namespace holder and the sudo shim of the unshare
// backend are gobake re-executed with these arguments.
func runNS(args []string, _ io.Reader, _, _ io.Writer) int {
	return exec.Main(args)
}

// openPrivileged opens the backend chosen by GOBAKE_CHROOT_MODE / ISAR_CHROOT_MODE.
func openPrivileged(ctx context.Context) (exec.Runner, error) {
	mode, err := exec.ModeFrom(os.Getenv)
	if err != nil {
		return nil, err
	}
	self, err := os.Executable()
	if err != nil {
		return nil, err
	}
	return exec.Open(ctx, exec.Options{Mode: mode, Namespace: exec.NamespaceOptions{Self: []string{self, "__ns"}}})
}

// runCleanPrivileged removes build output that belongs to the subordinate ids of an unshare
// build (the caller cannot delete it itself), like Isar's isar-clean-builddir.
func runCleanPrivileged(args []string, _ io.Reader, _, stderr io.Writer) int {
	fs := flag.NewFlagSet("clean-privileged", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gobake clean-privileged PATH...\nRemoves PATHs as root of a build namespace (or through sudo in schroot mode).")
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	r, err := openPrivileged(ctx)
	if err != nil {
		fmt.Fprintln(stderr, "gobake:", err)
		return 1
	}
	defer r.Close()
	if err := exec.RemoveAll(ctx, r, fs.Args()...); err != nil {
		fmt.Fprintln(stderr, "gobake:", err)
		return 1
	}
	return 0
}

// bindList is a repeatable -bind SRC:DST[:ro] flag.
type bindList []exec.Bind

func (b *bindList) String() string { return fmt.Sprint(*b) }

func (b *bindList) Set(v string) error {
	parts := strings.Split(v, ":")
	switch {
	case len(parts) == 2:
		*b = append(*b, exec.Bind{Src: parts[0], Dst: parts[1]})
	case len(parts) == 3 && parts[2] == "ro":
		*b = append(*b, exec.Bind{Src: parts[0], Dst: parts[1], ReadOnly: true})
	default:
		return fmt.Errorf("want SRC:DST or SRC:DST:ro, got %q", v)
	}
	return nil
}

// runPrivileged runs one command as root through the configured backend, or as the caller in
// bubblewrap with -rootfs-cmd (Isar's rootfs_cmd).
func runPrivileged(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("run-privileged", flag.ContinueOnError)
	fs.SetOutput(stderr)
	rootfs := fs.String("rootfs", "", "run chrooted in `DIR` (with /proc, /sys and /dev)")
	dir := fs.String("C", "", "working `directory`")
	bwrap := fs.Bool("rootfs-cmd", false, "run as the caller in bubblewrap (rootfs_cmd semantics) instead of as root")
	var binds bindList
	fs.Var(&binds, "bind", "bind `SRC:DST[:ro]` into the rootfs (repeatable)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: gobake run-privileged [flags] [--] COMMAND [ARGS]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var r exec.Runner = exec.Bwrap{}
	if !*bwrap {
		var err error
		if r, err = openPrivileged(ctx); err != nil {
			fmt.Fprintln(stderr, "gobake:", err)
			return 1
		}
	}
	defer r.Close()
	err := r.Run(ctx, exec.Cmd{Argv: fs.Args(), Dir: *dir, Env: os.Environ(), Rootfs: *rootfs, Binds: binds,
		Stdin: stdin, Stdout: stdout, Stderr: stderr})
	var ee *exec.ExitError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ee):
		return ee.ExitCode()
	}
	fmt.Fprintln(stderr, "gobake:", err)
	return 1
}
