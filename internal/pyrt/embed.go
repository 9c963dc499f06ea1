package pyrt

import "embed"

// embeddedLib holds pyrt's own Python modules (the bb package), importable in every
// Runtime before anything on sys.path.
//
//go:embed all:lib
var embeddedLib embed.FS
