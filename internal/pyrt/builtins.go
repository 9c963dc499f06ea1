package pyrt

import (
	"github.com/go-python/gpython/py"
)

// installBuiltins replaces and adds builtins in r's builtins module.
func installBuiltins(r *Runtime) {
	g := r.store.Builtins.Globals
	_ = g
}

// Str is str(o) as CPython computes it.
func Str(o py.Object) string {
	s, err := py.Str(o)
	if err != nil {
		return "<unprintable>"
	}
	return string(s.(py.String))
}
