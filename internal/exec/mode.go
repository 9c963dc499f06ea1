package exec

import (
	"context"
	"fmt"
)

// Mode names a privileged backend.
type Mode string

const (
	// Unshare runs privileged commands in a build namespace (see Namespace).
	Unshare Mode = "unshare"
	// Sudo runs them through sudo and schroot sessions (see Schroot).
	Sudo Mode = "schroot"
)

// ModeVar is gobake's own variable selecting the backend; it wins over Isar's ISAR_CHROOT_MODE.
// Both take "unshare" or "schroot"; the default is unshare, so that builds need no root.
const ModeVar = "GOBAKE_CHROOT_MODE"

// ModeFrom picks the backend from the variables get returns (the environment or the datastore):
// GOBAKE_CHROOT_MODE, then ISAR_CHROOT_MODE, then unshare.
func ModeFrom(get func(name string) string) (Mode, error) {
	for _, name := range []string{ModeVar, "ISAR_CHROOT_MODE"} {
		switch v := get(name); v {
		case "":
			continue
		case string(Unshare), string(Sudo):
			return Mode(v), nil
		default:
			return "", fmt.Errorf("%s=%q: want %q or %q", name, v, Unshare, Sudo)
		}
	}
	return Unshare, nil
}

// Options configures Open.
type Options struct {
	Mode      Mode
	Namespace NamespaceOptions // for Unshare
}

// Open starts the backend of o.Mode. The caller must Close it when the build ends.
func Open(ctx context.Context, o Options) (Runner, error) {
	switch o.Mode {
	case Unshare, "":
		return StartNamespace(ctx, o.Namespace)
	case Sudo:
		return &Schroot{}, nil
	}
	return nil, fmt.Errorf("unknown privileged mode %q", o.Mode)
}
