package exec

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"

	"golang.org/x/sys/unix"
)

// Main is the entry point of the helper processes this package starts by re-executing the
// program: the namespace holder and the sudo shim. A program that uses Namespace must route
// the arguments that follow its Self prefix here, e.g. `gobake __ns ARGS` -> Main(ARGS).
func Main(args []string) int {
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "gobake __ns: internal helper of the unshare backend; not for direct use")
		return 2
	}
	prefix := os.Args[:len(os.Args)-len(args)]
	switch args[0] {
	case "holder":
		return holderStage1(prefix, args[1:])
	case "holder2":
		return holderStage2(args[1:])
	case "sudo":
		return sudoMain(args[1:], os.Stdin, os.Stdout, os.Stderr)
	}
	fmt.Fprintf(os.Stderr, "gobake __ns: unknown helper %q\n", args[0])
	return 2
}

// File descriptors the holder inherits from StartNamespace.
const (
	fdLifeline = 3 // read end of a pipe gobake never writes: EOF means gobake is gone
	fdSync     = 4 // one byte arrives when the id maps are written
	fdReady    = 5 // the holder writes "ok" or an error, then closes it
)

// holderStage1 runs as pid 1 of the new namespaces, before its id maps exist (so without
// capabilities). Once gobake has written the maps it re-executes itself: execve as namespace
// root grants the full capability set.
func holderStage1(prefix, args []string) int {
	sync := os.NewFile(fdSync, "sync")
	var b [1]byte
	if n, _ := sync.Read(b[:]); n != 1 {
		return 1 // gobake failed to map ids and reports that itself
	}
	sync.Close()
	argv := append(append([]string{}, prefix...), append([]string{"holder2"}, args...)...)
	err := syscall.Exec("/proc/self/exe", argv, os.Environ())
	fmt.Fprintf(os.NewFile(fdReady, "ready"), "re-executing the holder: %v", err)
	return 1
}

// holderStage2 serves requests on the socket args[0] until the lifeline breaks. It is pid 1 of
// the build's pid namespace: when it exits, the kernel kills every process in the namespace,
// and the mount namespace, with every mount made in it, goes away with the last of them.
func holderStage2(args []string) int {
	ready := os.NewFile(fdReady, "ready")
	fail := func(err error) int {
		fmt.Fprint(ready, err)
		return 1
	}
	if len(args) != 1 {
		return fail(fmt.Errorf("holder: want a socket path, got %q", args))
	}
	for _, fd := range []int{fdLifeline, fdReady} {
		syscall.CloseOnExec(fd)
	}
	// Execve with new capabilities cleared the parent-death signal; the lifeline covers the
	// window until it is set again.
	if err := unix.Prctl(unix.PR_SET_PDEATHSIG, uintptr(syscall.SIGKILL), 0, 0, 0); err != nil {
		return fail(fmt.Errorf("holder: PR_SET_PDEATHSIG: %w", err))
	}
	// Mounts made in the build namespace must never propagate to the host (this matters when
	// gobake runs as real root and there is no user namespace to lock them).
	if err := unix.Mount("", "/", "", unix.MS_REC|unix.MS_SLAVE, ""); err != nil {
		return fail(fmt.Errorf("holder: making / a slave mount: %w", err))
	}
	// A /proc of the build's pid namespace, so that ps and /proc/PID agree with kill inside.
	// Best effort: where the host's /proc has masked parts (containers) the kernel refuses a new
	// proc in a user namespace, and the host's stays.
	unix.Mount("proc", "/proc", "proc", unix.MS_NOSUID|unix.MS_NODEV|unix.MS_NOEXEC, "")
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: args[0], Net: "unix"})
	if err != nil {
		return fail(fmt.Errorf("holder: %w", err))
	}
	h := &holder{waiting: map[int]chan syscall.WaitStatus{}}
	sigchld := make(chan os.Signal, 1)
	signal.Notify(sigchld, syscall.SIGCHLD)
	go h.reap(sigchld)
	go func() {
		io.Copy(io.Discard, os.NewFile(fdLifeline, "lifeline"))
		os.Exit(0)
	}()
	fmt.Fprint(ready, "ok")
	ready.Close()
	for {
		c, err := ln.AcceptUnix()
		if err != nil {
			fmt.Fprintf(os.Stderr, "gobake holder: %v\n", err)
			return 1
		}
		go h.serve(c)
	}
}

// holder starts commands and, being pid 1, reaps every process of the namespace.
type holder struct {
	mu      sync.Mutex // held from fork to registration so that reap never misses a pid
	waiting map[int]chan syscall.WaitStatus
}

func (h *holder) reap(sigchld <-chan os.Signal) {
	for range sigchld {
		for {
			var ws syscall.WaitStatus
			pid, err := syscall.Wait4(-1, &ws, syscall.WNOHANG, nil)
			if pid <= 0 || err != nil {
				break
			}
			h.mu.Lock()
			if ch, ok := h.waiting[pid]; ok {
				ch <- ws
				delete(h.waiting, pid)
			}
			h.mu.Unlock()
		}
	}
}

func (h *holder) serve(c *net.UnixConn) {
	defer c.Close()
	req, files, err := recvRequest(c)
	if err != nil {
		json.NewEncoder(c).Encode(response{Err: err.Error()})
		return
	}
	pid, ch, err := h.start(req, files)
	for _, f := range files {
		f.Close()
	}
	if err != nil {
		json.NewEncoder(c).Encode(response{Err: err.Error()})
		return
	}
	done := make(chan struct{})
	go func() {
		var b [1]byte
		for { // returns when the client hangs up or when serve closes c
			if _, err := c.Read(b[:]); err != nil {
				break
			}
		}
		select {
		case <-done:
		default:
			syscall.Kill(-pid, syscall.SIGKILL)
		}
	}()
	ws := <-ch
	close(done)
	json.NewEncoder(c).Encode(response{Status: ws})
}

// start forks the command of req; a command with a rootfs is set up on a locked OS thread that
// gets its own mount namespace and root, and dies with its goroutine.
func (h *holder) start(req *request, files [3]*os.File) (int, chan syscall.WaitStatus, error) {
	if len(req.Argv) == 0 {
		return 0, nil, errors.New("empty command")
	}
	type started struct {
		pid int
		ch  chan syscall.WaitStatus
		err error
	}
	res := make(chan started, 1)
	fork := func() {
		prog, err := lookPath(req.Argv[0], envPath(req.Env))
		if err != nil {
			res <- started{err: err}
			return
		}
		dir := req.Dir
		if dir == "" {
			dir = "/"
		}
		attr := &syscall.ProcAttr{
			Dir:   dir,
			Env:   req.Env,
			Files: []uintptr{files[0].Fd(), files[1].Fd(), files[2].Fd()},
			Sys: &syscall.SysProcAttr{
				Setpgid:    true,
				Credential: &syscall.Credential{Uid: uint32(req.UID), Gid: uint32(req.GID), Groups: []uint32{}},
			},
		}
		h.mu.Lock()
		defer h.mu.Unlock()
		pid, err := syscall.ForkExec(prog, req.Argv, attr)
		if err != nil {
			res <- started{err: fmt.Errorf("starting %s: %w", prog, err)}
			return
		}
		ch := make(chan syscall.WaitStatus, 1)
		h.waiting[pid] = ch
		res <- started{pid: pid, ch: ch}
	}
	if req.Rootfs == "" {
		fork()
	} else {
		go func() {
			runtime.LockOSThread() // never unlocked: the thread ends with this goroutine
			if err := enterRootfs(req); err != nil {
				res <- started{err: err}
				return
			}
			fork()
		}()
	}
	r := <-res
	return r.pid, r.ch, r.err
}

// enterRootfs gives the calling thread a private mount namespace with req's mounts and chroots
// it into req.Rootfs. The mounts vanish when the command and the thread are gone.
func enterRootfs(req *request) error {
	if err := unix.Unshare(unix.CLONE_NEWNS | unix.CLONE_FS); err != nil {
		return fmt.Errorf("unshare mount namespace: %w", err)
	}
	if err := unix.Mount("", "/", "", unix.MS_REC|unix.MS_SLAVE, ""); err != nil {
		return fmt.Errorf("making / a slave mount: %w", err)
	}
	root := req.Rootfs
	if !req.NoSystemMounts {
		type m struct{ src, dst, fstype string }
		for _, s := range []m{{"proc", "proc", "proc"}, {"/sys", "sys", ""}, {"/dev", "dev", ""}} {
			dst := filepath.Join(root, s.dst)
			var err error
			if s.fstype != "" {
				err = unix.Mount(s.src, dst, s.fstype, unix.MS_NOSUID|unix.MS_NODEV|unix.MS_NOEXEC, "")
				if err == unix.EPERM { // a masked host /proc (containers): bind it instead
					err = unix.Mount("/proc", dst, "", unix.MS_BIND|unix.MS_REC, "")
				}
			} else {
				err = unix.Mount(s.src, dst, "", unix.MS_BIND|unix.MS_REC, "")
			}
			if err != nil {
				return fmt.Errorf("mounting %s on %s: %w", s.src, dst, err)
			}
		}
	}
	for _, b := range req.Binds {
		if err := bindMount(b.Src, filepath.Join(root, b.Dst), b.ReadOnly); err != nil {
			return err
		}
	}
	if err := unix.Chroot(root); err != nil {
		return fmt.Errorf("chroot %s: %w", root, err)
	}
	return unix.Chdir("/")
}

func bindMount(src, dst string, ro bool) error {
	fi, err := os.Stat(src)
	if err != nil {
		return fmt.Errorf("bind source: %w", err)
	}
	if fi.IsDir() {
		err = os.MkdirAll(dst, 0o755)
	} else if err = os.MkdirAll(filepath.Dir(dst), 0o755); err == nil {
		var f *os.File
		if f, err = os.OpenFile(dst, os.O_CREATE|os.O_RDONLY, 0o644); err == nil {
			f.Close()
		}
	}
	if err != nil {
		return fmt.Errorf("bind target: %w", err)
	}
	if err := unix.Mount(src, dst, "", unix.MS_BIND|unix.MS_REC, ""); err != nil {
		return fmt.Errorf("binding %s on %s: %w", src, dst, err)
	}
	if !ro {
		return nil
	}
	// A read-only remount must keep the flags the kernel locked on the source mount.
	var st unix.Statfs_t
	if err := unix.Statfs(dst, &st); err != nil {
		return fmt.Errorf("statfs %s: %w", dst, err)
	}
	keep := uintptr(st.Flags) & (unix.MS_NOSUID | unix.MS_NODEV | unix.MS_NOEXEC | unix.MS_NOATIME | unix.MS_NODIRATIME | unix.MS_RELATIME)
	if err := unix.Mount("", dst, "", unix.MS_BIND|unix.MS_REMOUNT|unix.MS_RDONLY|keep, ""); err != nil {
		return fmt.Errorf("making %s read-only: %w", dst, err)
	}
	return nil
}

func envPath(env []string) string {
	for i := len(env) - 1; i >= 0; i-- {
		if p, ok := strings.CutPrefix(env[i], "PATH="); ok {
			return p
		}
	}
	return securePath
}

// lookPath finds file in the directories of path, as the shell would (in the caller's root).
func lookPath(file, path string) (string, error) {
	if strings.Contains(file, "/") {
		return file, nil
	}
	for _, dir := range filepath.SplitList(path) {
		if dir == "" {
			dir = "."
		}
		p := filepath.Join(dir, file)
		if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() && fi.Mode()&0o111 != 0 {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s: command not found", file)
}
