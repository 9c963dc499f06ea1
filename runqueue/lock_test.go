package runqueue

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestBuildLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "build", "gobake.lock")
	l, err := LockBuildDir(path, "gobake build demo")
	if err != nil {
		t.Fatal(err)
	}
	if l.Stale != 0 {
		t.Errorf("fresh lock reports stale holder %d", l.Stale)
	}
	// flock locks belong to open files, so a second attempt in this process conflicts too.
	_, err = LockBuildDir(path, "gobake build other")
	var le *LockedError
	if !errors.As(err, &le) || le.PID != os.Getpid() || le.Command != "gobake build demo" {
		t.Fatalf("second lock: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, strconv.Itoa(os.Getpid())) || !strings.Contains(msg, "gobake build demo") {
		t.Errorf("message %q does not name the holder", msg)
	}
	if err := l.Unlock(); err != nil {
		t.Fatal(err)
	}
	l, err = LockBuildDir(path, "again")
	if err != nil || l.Stale != 0 {
		t.Fatalf("after unlock: %+v %v", l, err)
	}
	l.Unlock()
	// A lock file naming a process that is gone, with no flock held: taken over, reported.
	if err := os.WriteFile(path, []byte("4194000\ngobake build crashed\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	l, err = LockBuildDir(path, "resume")
	if err != nil || l.Stale != 4194000 {
		t.Fatalf("stale lock: %+v %v", l, err)
	}
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), strconv.Itoa(os.Getpid())+"\nresume") {
		t.Errorf("lock file content %q", b)
	}
	l.Unlock()
}
