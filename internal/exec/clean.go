package exec

import (
	"context"
	"fmt"
	"path/filepath"
)

// RemoveAll removes paths as root through r, the way Isar's isar-clean-builddir does: in unshare
// mode the caller cannot delete files that belong to its subordinate ids, namespace root can.
// It does not cross into other file systems (mounts still active in a build namespace).
func RemoveAll(ctx context.Context, r Runner, paths ...string) error {
	if len(paths) == 0 {
		return nil
	}
	argv := []string{"rm", "-rf", "--one-file-system", "--"}
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		if abs == "/" {
			return fmt.Errorf("refusing to remove /")
		}
		argv = append(argv, abs)
	}
	if err := r.Run(ctx, Cmd{Argv: argv}); err != nil {
		return fmt.Errorf("removing %v: %w", paths, err)
	}
	return nil
}
