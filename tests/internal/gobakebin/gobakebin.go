// Package gobakebin builds the gobake command for end-to-end tests, once per test binary.
package gobakebin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// Main is a TestMain body: it builds gobake (with the race detector when race is true) into a
// fresh directory readable by every user (some tests run it as another one), stores its path
// in *path, runs the tests and removes the directory.
func Main(m *testing.M, path *string, race bool) {
	dir, err := os.MkdirTemp("", "gobake-bin")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Chmod(dir, 0o755)
	*path = filepath.Join(dir, "gobake")
	args := []string{"build", "-o", *path}
	if race {
		args = append(args, "-race")
	}
	build := exec.Command("go", append(args, "github.com/gobake/gobake/cmd/gobake")...)
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building gobake:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
