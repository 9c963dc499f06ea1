package exec

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"syscall"
)

// Cmd is one command to run with root privileges. Set exactly one of Argv and Script.
type Cmd struct {
	// Argv is the program and its arguments. A program name without a slash is looked up in the
	// PATH of Env (inside Rootfs when Rootfs is set).
	Argv []string
	// Script is a shell body run as `/bin/sh -c Script` (with Argv, if also set, as $0 $1 ...).
	// The kernel limits one argument to 128 KiB.
	Script string
	// Dir is the working directory (inside Rootfs when Rootfs is set); empty means "/".
	Dir string
	// Env is the complete environment; nil means DefaultEnv().
	Env []string
	// Stdin, Stdout and Stderr are the standard streams; nil means /dev/null. *os.File values
	// are handed to the command directly, other readers and writers through a pipe.
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Rootfs, when set, is a directory the command runs chrooted in (for Bwrap: bound at /).
	Rootfs string
	// Binds are host paths bound into Rootfs (or into the host view when Rootfs is empty and
	// the backend isolates the command, as Bwrap does).
	Binds []Bind
	// NoSystemMounts, with Rootfs, skips the /proc, /sys and /dev mounts a chroot usually needs.
	NoSystemMounts bool
}

// Bind is a bind mount of the host path Src at Dst (a path inside the rootfs).
type Bind struct {
	Src, Dst string
	ReadOnly bool
}

// DefaultEnv returns the environment of a command whose Cmd.Env is nil: what `sudo` leaves.
func DefaultEnv() []string {
	return []string{
		"PATH=" + securePath,
		"HOME=/root", "USER=root", "LOGNAME=root", "SHELL=/bin/sh", "LC_ALL=C.UTF-8",
	}
}

// securePath is Debian sudo's secure_path.
const securePath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

// Runner runs commands with root privileges through one backend: a Namespace (unshare), a
// Schroot (sudo and schroot sessions) or Bwrap (rootfs_cmd: bubblewrap, as the caller).
type Runner interface {
	// Run runs c and waits for it. A command that ran and failed yields an *ExitError.
	// Cancelling ctx kills the command.
	Run(ctx context.Context, c Cmd) error
	// TaskEnv returns env completed so that an unprivileged task body run with it finds a
	// `sudo` that reaches this runner (Isar recipes call sudo).
	TaskEnv(env []string) []string
	// Close releases the backend: for a Namespace, every process in it dies and every mount in it
	// goes away.
	Close() error
}

// ExitError reports a command that ran and did not exit with status 0.
type ExitError struct {
	Argv   []string
	Code   int            // exit code, or -1 when killed by a signal
	Signal syscall.Signal // the signal that killed it, if any
}

func (e *ExitError) Error() string {
	if e.Code < 0 {
		return fmt.Sprintf("%s: killed by signal %v", shortArgv(e.Argv), e.Signal)
	}
	return fmt.Sprintf("%s: exit status %d", shortArgv(e.Argv), e.Code)
}

// ExitCode returns the code a shell would report for the failure (128+signal when killed).
func (e *ExitError) ExitCode() int {
	if e.Code < 0 {
		return 128 + int(e.Signal)
	}
	return e.Code
}

func exitError(argv []string, ws syscall.WaitStatus) error {
	switch {
	case ws.Exited() && ws.ExitStatus() == 0:
		return nil
	case ws.Signaled():
		return &ExitError{Argv: argv, Code: -1, Signal: ws.Signal()}
	default:
		return &ExitError{Argv: argv, Code: ws.ExitStatus()}
	}
}

func shortArgv(argv []string) string {
	if len(argv) == 0 {
		return "(no command)"
	}
	if len(argv) > 2 && argv[0] == "/bin/sh" && argv[1] == "-c" {
		script, _, more := strings.Cut(strings.TrimSpace(argv[2]), "\n")
		if len(script) > 60 {
			script, more = script[:60], true
		}
		if more {
			script += "..."
		}
		return fmt.Sprintf("sh -c %q", script)
	}
	s := fmt.Sprintf("%q", argv[0])
	if len(argv) > 1 {
		s += " ..."
	}
	return s
}

// maxArg is the kernel's limit on one argument string (MAX_ARG_STRLEN).
const maxArg = 128 * 1024

// argv returns the command line c runs.
func (c *Cmd) argv() ([]string, error) {
	switch {
	case c.Script != "":
		if len(c.Script) >= maxArg {
			return nil, fmt.Errorf("script of %d bytes exceeds the kernel's %d-byte argument limit", len(c.Script), maxArg)
		}
		args := []string{"/bin/sh", "-c", c.Script}
		if len(c.Argv) == 0 {
			return append(args, "sh"), nil
		}
		return append(args, c.Argv...), nil
	case len(c.Argv) > 0:
		return c.Argv, nil
	}
	return nil, fmt.Errorf("empty command: set Cmd.Argv or Cmd.Script")
}

func (c *Cmd) env() []string {
	if c.Env == nil {
		return DefaultEnv()
	}
	return c.Env
}

// absPaths makes the host paths of c absolute (the backend's working directory is not the
// caller's) and rejects binds without a rootfs, which only Bwrap understands.
func (c *Cmd) absPaths() error {
	if len(c.Binds) > 0 && c.Rootfs == "" {
		return errors.New("Cmd.Binds needs Cmd.Rootfs with this backend")
	}
	var err error
	if c.Rootfs != "" {
		if c.Rootfs, err = filepath.Abs(c.Rootfs); err != nil {
			return err
		}
	} else if c.Dir != "" {
		if c.Dir, err = filepath.Abs(c.Dir); err != nil {
			return err
		}
	}
	binds := make([]Bind, len(c.Binds))
	for i, b := range c.Binds {
		if b.Src, err = filepath.Abs(b.Src); err != nil {
			return err
		}
		binds[i] = b
	}
	c.Binds = binds
	return nil
}
