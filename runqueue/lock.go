package runqueue

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
)

// flockFile opens (creating) path and takes an exclusive flock on it; wait says whether to
// block. Closing the file releases the lock; so does the process dying.
func flockFile(path string, wait bool) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	how := syscall.LOCK_EX
	if !wait {
		how |= syscall.LOCK_NB
	}
	for {
		err = syscall.Flock(int(f.Fd()), how)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// BuildLock is the lock that makes one gobake at a time use a build directory. The lock
// file holds the holder's pid and command line; the lock itself is an flock, so the
// kernel drops it when the holder dies, however it dies.
type BuildLock struct {
	f    *os.File
	path string
	// Stale is the pid of a previous holder that died without releasing the lock (kill -9,
	// crash, power loss), 0 if there was none. Its build was interrupted.
	Stale int
}

// LockedError is returned by LockBuildDir when another process holds the lock.
type LockedError struct {
	Path    string
	PID     int    // 0 if the holder has not written its pid yet
	Command string // the holder's command line, when known
}

func (e *LockedError) Error() string {
	who := "another process"
	if e.PID > 0 {
		who = fmt.Sprintf("process %d", e.PID)
		if e.Command != "" {
			who += fmt.Sprintf(" (%s)", e.Command)
		}
	}
	return fmt.Sprintf("build directory is in use by %s: lock %s is held", who, e.Path)
}

// LockBuildDir takes the build-directory lock at path without waiting. When the lock is
// held it returns a *LockedError naming the holder. command is recorded for others to see.
func LockBuildDir(path, command string) (*BuildLock, error) {
	f, err := flockFile(path, false)
	if errors.Is(err, syscall.EWOULDBLOCK) {
		pid, cmd := readLockFile(path)
		return nil, &LockedError{Path: path, PID: pid, Command: cmd}
	}
	if err != nil {
		return nil, fmt.Errorf("locking build directory: %s: %w", path, err)
	}
	l := &BuildLock{f: f, path: path}
	if pid, _ := readLockFile(path); pid != 0 && pid != os.Getpid() {
		l.Stale = pid
	}
	content := fmt.Sprintf("%d\n%s\n", os.Getpid(), strings.ReplaceAll(command, "\n", " "))
	if err := f.Truncate(0); err == nil {
		_, err = f.WriteAt([]byte(content), 0)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("locking build directory: writing %s: %w", path, err)
	}
	return l, nil
}

func readLockFile(path string) (int, string) {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0, ""
	}
	first, rest, _ := bytes.Cut(b, []byte("\n"))
	pid, _ := strconv.Atoi(string(bytes.TrimSpace(first)))
	return pid, strings.TrimSpace(string(rest))
}

// Unlock releases the lock, emptying the lock file so that the next holder does not take
// this clean exit for a crash.
func (l *BuildLock) Unlock() error {
	if l.f == nil {
		return nil
	}
	terr := l.f.Truncate(0)
	err := l.f.Close()
	l.f = nil
	if err == nil {
		err = terr
	}
	if err != nil {
		return fmt.Errorf("unlocking build directory %s: %w", l.path, err)
	}
	return nil
}
