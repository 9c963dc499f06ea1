package exec

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	osexec "os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
)

// Schroot is the classic backend: host commands through `sudo -E` (directly when gobake runs as
// root), rootfs commands in a schroot session of a directory-type chroot whose configuration
// Schroot writes for the call and removes afterwards. The session is ended even when the command
// fails or ctx is cancelled.
type Schroot struct {
	// Sudo is the prefix of privileged host commands; nil means {"sudo", "-E", "-n"} for a
	// user and none for root.
	Sudo []string
	// ConfDir holds the chroot definitions schroot reads; empty means /etc/schroot/chroot.d.
	ConfDir string
	// DataDir holds the fstab and profile files of the definitions; empty means /etc/schroot/gobake.
	DataDir string
	// Prefix starts every chroot and session name; empty means "gobake".
	Prefix string

	seq atomic.Int64
}

func (s *Schroot) sudo() []string {
	if s.Sudo != nil || os.Geteuid() == 0 {
		return s.Sudo
	}
	return []string{"sudo", "-E", "-n"}
}

// TaskEnv returns env unchanged: tasks use the host's sudo.
func (s *Schroot) TaskEnv(env []string) []string { return env }

// Close does nothing: sessions live for one call.
func (s *Schroot) Close() error { return nil }

// Run runs c as root through sudo, or in a schroot session when c.Rootfs is set.
func (s *Schroot) Run(ctx context.Context, c Cmd) error {
	argv, err := c.argv()
	if err != nil {
		return err
	}
	if err := c.absPaths(); err != nil {
		return err
	}
	if c.Rootfs == "" {
		return runHost(ctx, append(append([]string{}, s.sudo()...), argv...), argv, c.Dir, c.env(), c.Stdin, c.Stdout, c.Stderr)
	}
	name := fmt.Sprintf("%s-%d-%d", s.prefix(), os.Getpid(), s.seq.Add(1))
	if err := s.define(ctx, name, &c); err != nil {
		return err
	}
	defer s.undefine(name)
	var out bytes.Buffer
	begin := osexec.CommandContext(ctx, "schroot", "-b", "-c", "chroot:"+name, "-n", name)
	begin.Stdout, begin.Stderr = &out, &out
	if err := begin.Run(); err != nil {
		s.end(name, false) // a session whose setup failed is still registered
		return fmt.Errorf("schroot: beginning session %s: %w: %s", name, err, bytes.TrimSpace(out.Bytes()))
	}
	defer s.end(name, true)
	dir := c.Dir
	if dir == "" {
		dir = "/"
	}
	run := []string{"schroot", "-r", "-c", "session:" + name, "-u", "root", "-d", dir, "--", "env", "-i"}
	run = append(append(run, c.env()...), argv...)
	return runHost(ctx, run, argv, "", nil, c.Stdin, c.Stdout, c.Stderr)
}

func (s *Schroot) prefix() string {
	if s.Prefix == "" {
		return "gobake"
	}
	return s.Prefix
}

func (s *Schroot) dirs() (conf, data string) {
	conf, data = s.ConfDir, s.DataDir
	if conf == "" {
		conf = "/etc/schroot/chroot.d"
	}
	if data == "" {
		data = "/etc/schroot/gobake"
	}
	return conf, data
}

// define writes the chroot definition of one call: the chroot itself, its fstab with the system
// mounts and binds, and empty copyfiles and nssdatabases so that the rootfs is not modified.
func (s *Schroot) define(ctx context.Context, name string, c *Cmd) error {
	u, err := user.Current()
	if err != nil {
		return fmt.Errorf("schroot: %w", err)
	}
	conf, data := s.dirs()
	d := filepath.Join(data, name)
	rel, err := filepath.Rel("/etc/schroot", d) // schroot takes setup files relative to /etc/schroot
	if err != nil {
		return fmt.Errorf("schroot: %w", err)
	}
	var fstab strings.Builder
	if !c.NoSystemMounts {
		fstab.WriteString("proc /proc proc rw,nosuid,nodev,noexec 0 0\n/sys /sys none rw,rbind 0 0\n/dev /dev none rw,rbind 0 0\n")
	}
	for _, b := range c.Binds {
		mode := "rw"
		if b.ReadOnly {
			mode = "ro"
		}
		fmt.Fprintf(&fstab, "%s %s none %s,bind 0 0\n", fstabEscape(b.Src), fstabEscape(b.Dst), mode)
	}
	def := fmt.Sprintf("[%s]\ntype=directory\ndirectory=%s\nusers=%s\nroot-users=%s\nroot-groups=root\n"+
		"setup.fstab=%s/fstab\nsetup.copyfiles=%s/copyfiles\nsetup.nssdatabases=%s/nssdatabases\n",
		name, c.Rootfs, u.Username, u.Username, rel, rel, rel)
	script := `set -e; mkdir -p "$1"; printf %s "$2" > "$1/fstab"; : > "$1/copyfiles"; : > "$1/nssdatabases"; printf %s "$3" > "$4"`
	argv := append(append([]string{}, s.sudo()...), "sh", "-c", script, "sh", d, fstab.String(), def, filepath.Join(conf, name))
	var out bytes.Buffer
	if err := runHost(ctx, argv, argv, "", os.Environ(), nil, &out, &out); err != nil {
		return fmt.Errorf("schroot: writing the definition of %s: %w: %s", name, err, bytes.TrimSpace(out.Bytes()))
	}
	return nil
}

func fstabEscape(p string) string {
	return strings.NewReplacer(" ", `\040`, "\t", `\011`, "\n", `\012`).Replace(p)
}

// end ends the session even when the caller's context is done; report says whether a failure
// is worth a warning.
func (s *Schroot) end(name string, report bool) {
	if out, err := osexec.Command("schroot", "-e", "-c", "session:"+name).CombinedOutput(); err != nil && report {
		fmt.Fprintf(os.Stderr, "gobake: schroot: ending session %s: %v: %s\n", name, err, bytes.TrimSpace(out))
	}
}

func (s *Schroot) undefine(name string) {
	conf, data := s.dirs()
	argv := append(append([]string{}, s.sudo()...), "rm", "-rf", "--", filepath.Join(conf, name), filepath.Join(data, name))
	if out, err := osexec.Command(argv[0], argv[1:]...).CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "gobake: schroot: removing definition %s: %v: %s\n", name, err, bytes.TrimSpace(out))
	}
}

// runHost runs argv on the host and reports a failure as an *ExitError naming shown.
func runHost(ctx context.Context, argv, shown []string, dir string, env []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(argv) == 0 {
		return errors.New("empty command")
	}
	cmd := osexec.CommandContext(ctx, argv[0], argv[1:]...)
	cmd.Dir, cmd.Env = dir, env
	cmd.Stdin, cmd.Stdout, cmd.Stderr = stdin, stdout, stderr
	err := cmd.Run()
	var ee *osexec.ExitError
	if errors.As(err, &ee) && ctx.Err() == nil {
		return exitError(shown, ee.Sys().(syscall.WaitStatus))
	}
	if err != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	if err != nil {
		return &StartError{Argv: shown, Msg: err.Error()}
	}
	return nil
}
