package exec

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	osexec "os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// NamespaceOptions configures StartNamespace.
type NamespaceOptions struct {
	// Self is the command line that reaches Main in this program, e.g. {"/usr/bin/gobake", "__ns"}.
	// The holder and the sudo shim are started with Self followed by their own arguments.
	Self []string
	// RunDir is where the namespace's socket and sudo shim live (in a fresh subdirectory, made
	// with its parents); empty, or too deep for a socket path, means os.TempDir().
	RunDir string
	// Host locates the host facilities; the zero value means the real ones.
	Host Host
	// Stderr receives the holder's own diagnostics; nil means os.Stderr.
	Stderr io.Writer
}

// Namespace is a build namespace: user (when not root), mount, pid, uts and ipc namespaces held
// by one holder process that runs commands as namespace root. Mounts made by one command are
// seen by the next. It ends with Close, or with the death of the process that started it.
type Namespace struct {
	sock     string
	runDir   string
	shimDir  string
	lifeline *os.File // write end; closing it ends the holder
	pid      int
	done     chan struct{} // closed when the holder has been reaped
	waitErr  error
	close    sync.Once
}

// maxSockPath is the size of sockaddr_un.sun_path.
const maxSockPath = 108

// namespaceFlags are the namespaces of a build namespace, without the user namespace.
const namespaceFlags = syscall.CLONE_NEWNS | syscall.CLONE_NEWPID | syscall.CLONE_NEWUTS | syscall.CLONE_NEWIPC

// StartNamespace creates a build namespace. As an unprivileged user it maps the caller to root
// and the caller's /etc/subuid and /etc/subgid range above it (see the package doc); as root it
// creates no user namespace. Host problems are *SetupError values naming their fix.
func StartNamespace(ctx context.Context, o NamespaceOptions) (_ *Namespace, err error) {
	if len(o.Self) == 0 {
		return nil, errors.New("NamespaceOptions.Self is empty")
	}
	flags := uintptr(namespaceFlags)
	var plan userPlan
	if os.Geteuid() != 0 {
		h, err := o.Host.withDefaults()
		if err != nil {
			return nil, err
		}
		if plan, err = checkHost(h); err != nil {
			return nil, err
		}
		flags |= syscall.CLONE_NEWUSER
	}
	parent := o.RunDir
	// A unix socket path has at most 107 bytes: a deep build directory falls back to TMPDIR.
	if len(filepath.Join(parent, "gobake-ns-1234567890", "holder.sock")) >= maxSockPath {
		parent = os.TempDir()
	}
	if parent != "" {
		if err := os.MkdirAll(parent, 0o755); err != nil {
			return nil, fmt.Errorf("build namespace: %w", err)
		}
	}
	removeStale(parent)
	runDir, err := os.MkdirTemp(parent, "gobake-ns-")
	if err != nil {
		return nil, fmt.Errorf("build namespace: %w", err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(runDir)
		}
	}()
	if sock := filepath.Join(runDir, "holder.sock"); len(sock) >= maxSockPath {
		return nil, fmt.Errorf("build namespace: socket path %s is longer than the kernel's %d bytes: set a shorter TMPDIR", sock, maxSockPath)
	}
	ns := &Namespace{
		sock:    filepath.Join(runDir, "holder.sock"),
		runDir:  runDir,
		shimDir: filepath.Join(runDir, "bin"),
		done:    make(chan struct{}),
	}
	if err := writeShim(ns.shimDir, o.Self); err != nil {
		return nil, err
	}
	lifeR, lifeW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	syncR, syncW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	readyR, readyW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	defer readyR.Close()
	defer syncW.Close()
	stderr := o.Stderr
	if stderr == nil {
		stderr = os.Stderr
	}
	cmd := osexec.Command(o.Self[0], append(append([]string{}, o.Self[1:]...), "holder", ns.sock)...)
	cmd.Stderr = stderr
	cmd.ExtraFiles = []*os.File{lifeR, syncR, readyW} // fds 3, 4, 5
	// Setsid: commands of the namespace have no controlling terminal, so that one reading a
	// terminal passed as its stdin is not stopped as a background job.
	cmd.SysProcAttr = &syscall.SysProcAttr{Cloneflags: flags, Pdeathsig: syscall.SIGKILL, Setsid: true}
	started := make(chan error, 1)
	// The parent-death signal follows the thread that forked, so that thread stays locked
	// until the holder is reaped.
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		ns.waitErr = cmd.Wait()
		close(ns.done)
	}()
	err = <-started
	lifeR.Close()
	syncR.Close()
	readyW.Close()
	if err != nil {
		lifeW.Close()
		if errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EINVAL) {
			return nil, &SetupError{Problem: UserNSDisabled, Detail: fmt.Sprintf("creating namespaces: %v", err),
				Fix: "enable unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, user.max_user_namespaces > 0)"}
		}
		return nil, fmt.Errorf("starting the namespace holder: %w", err)
	}
	ns.lifeline, ns.pid = lifeW, cmd.Process.Pid
	fail := func(err error) (*Namespace, error) {
		syncW.Close() // EOF instead of the sync byte: the holder gives up at once
		ns.Close()
		return nil, err
	}
	if flags&syscall.CLONE_NEWUSER != 0 {
		for _, m := range []struct {
			prog string
			maps []IDMap
		}{{plan.newuidmap, plan.uidMaps}, {plan.newgidmap, plan.gidMaps}} {
			out, err := osexec.CommandContext(ctx, m.prog, newidmapArgs(ns.pid, m.maps)...).CombinedOutput()
			if err != nil {
				return fail(fmt.Errorf("%s %v: %w: %s", m.prog, m.maps, err, bytes.TrimSpace(out)))
			}
		}
	}
	stop := context.AfterFunc(ctx, func() { syscall.Kill(ns.pid, syscall.SIGKILL) }) // readyR sees EOF
	defer stop()
	if _, err := syncW.Write([]byte{1}); err != nil {
		return fail(fmt.Errorf("namespace holder: %w", err))
	}
	msg, err := io.ReadAll(readyR)
	if ctx.Err() != nil {
		return fail(fmt.Errorf("build namespace: %w", ctx.Err()))
	}
	if err != nil || string(msg) != "ok" {
		return fail(fmt.Errorf("namespace holder failed to start: %s%v", msg, err))
	}
	return ns, nil
}

// removeStale removes the run directories that killed gobake processes left in parent: those
// older than a minute whose holder socket refuses connections.
func removeStale(parent string) {
	if parent == "" {
		parent = os.TempDir()
	}
	dirs, _ := filepath.Glob(filepath.Join(parent, "gobake-ns-*"))
	for _, d := range dirs {
		fi, err := os.Stat(d)
		if err != nil || time.Since(fi.ModTime()) < time.Minute {
			continue
		}
		if st, ok := fi.Sys().(*syscall.Stat_t); !ok || int(st.Uid) != os.Geteuid() {
			continue
		}
		c, err := net.DialTimeout("unix", filepath.Join(d, "holder.sock"), time.Second)
		if err == nil {
			c.Close()
			continue
		}
		if errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ENOENT) {
			os.RemoveAll(d)
		}
	}
}

// writeShim writes the `sudo` that TaskEnv puts first on PATH.
func writeShim(dir string, self []string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("sudo shim: %w", err)
	}
	var b strings.Builder
	b.WriteString("#!/bin/sh\n# gobake: runs sudo's command as root of the build namespace\nexec")
	for _, a := range append(append([]string{}, self...), "sudo") {
		b.WriteString(" " + shellQuote(a))
	}
	b.WriteString(" \"$@\"\n")
	if err := os.WriteFile(filepath.Join(dir, "sudo"), []byte(b.String()), 0o755); err != nil {
		return fmt.Errorf("sudo shim: %w", err)
	}
	return nil
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// SocketEnv is the variable that tells the sudo shim where the holder listens.
const SocketEnv = "GOBAKE_NS_SOCKET"

// TaskEnv puts the sudo shim first on PATH and tells it the holder's socket.
func (ns *Namespace) TaskEnv(env []string) []string {
	out := make([]string, 0, len(env)+2)
	path := ""
	for _, kv := range env {
		if p, ok := strings.CutPrefix(kv, "PATH="); ok {
			path = p
			continue
		}
		if strings.HasPrefix(kv, SocketEnv+"=") {
			continue
		}
		out = append(out, kv)
	}
	if path == "" {
		path = ns.shimDir + ":" + securePath
	} else {
		path = ns.shimDir + ":" + path
	}
	return append(out, "PATH="+path, SocketEnv+"="+ns.sock)
}

// Pid is the host pid of the holder, pid 1 of the build namespace.
func (ns *Namespace) Pid() int { return ns.pid }

// Run runs c as root of the build namespace.
func (ns *Namespace) Run(ctx context.Context, c Cmd) error {
	argv, err := c.argv()
	if err != nil {
		return err
	}
	if err := c.absPaths(); err != nil {
		return err
	}
	env := c.env()
	if c.Env == nil && c.Rootfs == "" {
		env = ns.TaskEnv(env) // a nested sudo reaches the holder again
	}
	return runVia(ctx, ns.sock, &request{
		Argv: argv, Dir: c.Dir, Env: env, Rootfs: c.Rootfs, Binds: c.Binds, NoSystemMounts: c.NoSystemMounts,
	}, c.Stdin, c.Stdout, c.Stderr)
}

// runVia sends req to the holder listening on sock and waits for the command to end.
func runVia(ctx context.Context, sock string, req *request, stdin io.Reader, stdout, stderr io.Writer) error {
	var childEnds []*os.File // pipe ends and /dev/null handed to the command; ours to close
	var outEnds []*os.File   // our read ends of the stdout and stderr pipes
	var outCopies sync.WaitGroup
	defer func() {
		for _, f := range childEnds {
			f.Close()
		}
		for _, f := range outEnds { // unblocks copies still reading (error paths, daemons)
			f.Close()
		}
		outCopies.Wait()
	}()
	var stdio [3]*os.File
	for i, s := range []any{stdin, stdout, stderr} {
		if f, ok := s.(*os.File); ok && f != nil {
			stdio[i] = f
			continue
		}
		if s == nil {
			f, err := os.OpenFile(os.DevNull, os.O_RDWR, 0)
			if err != nil {
				return err
			}
			stdio[i] = f
			childEnds = append(childEnds, f)
			continue
		}
		r, w, err := os.Pipe()
		if err != nil {
			return err
		}
		if i == 0 {
			stdio[i] = r
			childEnds = append(childEnds, r)
			go func() { // not waited for: a reader may block forever, as with os/exec
				io.Copy(w, stdin)
				w.Close()
			}()
			continue
		}
		stdio[i] = w
		childEnds = append(childEnds, w)
		outEnds = append(outEnds, r)
		outCopies.Add(1)
		go func() {
			defer outCopies.Done()
			io.Copy(s.(io.Writer), r)
		}()
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "unix", sock)
	if err != nil {
		return fmt.Errorf("build namespace: %w", err)
	}
	uc := conn.(*net.UnixConn)
	defer uc.Close()
	if err := sendRequest(uc, req, stdio); err != nil {
		return fmt.Errorf("build namespace: %w", err)
	}
	for _, f := range childEnds { // the command holds its own copies now
		f.Close()
	}
	childEnds = nil
	stop := context.AfterFunc(ctx, func() { uc.SetReadDeadline(time.Unix(1, 0)) })
	defer stop()
	var resp response
	if err := json.NewDecoder(uc).Decode(&resp); err != nil {
		if ctx.Err() != nil {
			return ctx.Err() // closing the connection makes the holder kill the command
		}
		return fmt.Errorf("build namespace: no answer from the holder: %w", err)
	}
	uc.Close()
	waitCopies(&outCopies)
	if resp.Err != "" {
		return &StartError{Argv: req.Argv, Msg: resp.Err}
	}
	return exitError(req.Argv, resp.Status)
}

// copyGrace bounds the wait for output after a command ended: a daemon it left behind may hold
// its stdout open forever (the deferred close of our pipe ends then stops the copies).
const copyGrace = 2 * time.Second

func waitCopies(copies *sync.WaitGroup) {
	done := make(chan struct{})
	go func() {
		copies.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(copyGrace):
	}
}

// StartError reports a command the backend could not start.
type StartError struct {
	Argv []string
	Msg  string
}

func (e *StartError) Error() string { return fmt.Sprintf("%s: %s", shortArgv(e.Argv), e.Msg) }

// Close ends the build namespace: the holder exits, the kernel kills every process in the pid
// namespace, and the mount namespace with all its mounts goes away with them.
func (ns *Namespace) Close() error {
	ns.close.Do(func() {
		ns.lifeline.Close()
		select {
		case <-ns.done:
		case <-time.After(10 * time.Second):
			syscall.Kill(ns.pid, syscall.SIGKILL)
			<-ns.done
		}
		os.RemoveAll(ns.runDir)
	})
	var ee *osexec.ExitError
	if ns.waitErr != nil && !errors.As(ns.waitErr, &ee) {
		return fmt.Errorf("build namespace: %w", ns.waitErr)
	}
	return nil
}
