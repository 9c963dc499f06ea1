package exec

import (
	"context"
	"os"
	"path/filepath"
)

// Bwrap is the rootfs_cmd backend: it runs a command as the caller (not root) in bubblewrap,
// with the semantics of Isar's rootfs_cmd. With Cmd.Rootfs set, the rootfs is bound at / and its
// bin, etc, lib, lib64, sys, usr and var are read-only; without it, those directories come from
// the host, read-only, so that host tools run against directories bound in with Cmd.Binds.
// /dev is the host's, /proc is fresh, /tmp is an empty tmpfs.
type Bwrap struct {
	// Path is the bwrap program; empty means "bwrap" from PATH.
	Path string
}

// Run runs c in a bubblewrap sandbox as the caller.
func (b Bwrap) Run(ctx context.Context, c Cmd) error {
	argv, err := c.argv()
	if err != nil {
		return err
	}
	prog := b.Path
	if prog == "" {
		prog = "bwrap"
	}
	args := []string{prog, "--unshare-user", "--unshare-pid", "--die-with-parent"}
	base := "/"
	if c.Rootfs != "" {
		base = c.Rootfs
		args = append(args, "--bind", c.Rootfs, "/")
	}
	for _, d := range []string{"bin", "etc", "lib", "lib64", "sys", "usr", "var"} {
		src := filepath.Join(base, d)
		if fi, err := os.Stat(src); err == nil && fi.IsDir() {
			args = append(args, "--ro-bind", src, "/"+d)
		}
	}
	args = append(args, "--dev-bind", "/dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp")
	for _, bd := range c.Binds {
		opt := "--bind"
		if bd.ReadOnly {
			opt = "--ro-bind"
		}
		args = append(args, opt, bd.Src, bd.Dst)
	}
	if c.Dir != "" {
		args = append(args, "--chdir", c.Dir)
	}
	args = append(append(args, "--"), argv...)
	return runHost(ctx, args, argv, "", c.env(), c.Stdin, c.Stdout, c.Stderr)
}

// TaskEnv returns env unchanged.
func (Bwrap) TaskEnv(env []string) []string { return env }

// Close does nothing.
func (Bwrap) Close() error { return nil }
