package gctune

import (
	"runtime"
	"runtime/debug"
	"testing"
)

func TestPercent(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live, budget uint64
		want         int
	}{
		{48 * mb, 200 * mb, 316}, // a parse: room to grow
		{10 * mb, 200 * mb, MaxPercent},
		{150 * mb, 200 * mb, MinPercent}, // a big graph: the default
		{300 * mb, 200 * mb, MinPercent},
		{0, 200 * mb, MinPercent},
	} {
		if got := Percent(c.live, c.budget); got != c.want {
			t.Errorf("Percent(%d MB, %d MB) = %d, want %d", c.live/mb, c.budget/mb, got, c.want)
		}
	}
}

// After a collection, GOGC follows the live heap: a tiny heap against a large budget gets
// MaxPercent, against a budget below it MinPercent; stop restores the default.
func TestStartRetunesAfterCollections(t *testing.T) {
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	gcPercent := func() int { p := debug.SetGCPercent(-1); debug.SetGCPercent(p); return p }
	collect := func() {
		for range 3 { // the finalizer runs after the collection that frees its object
			runtime.GC()
			runtime.Gosched()
		}
	}

	stop := Start(1 << 40)
	collect()
	if got := gcPercent(); got != MaxPercent {
		t.Errorf("with a huge budget GOGC = %d, want %d", got, MaxPercent)
	}
	stop()
	if got := gcPercent(); got != MinPercent {
		t.Errorf("after stop GOGC = %d, want %d", got, MinPercent)
	}

	stop = Start(1) // less than any live heap
	collect()
	if got := gcPercent(); got != MinPercent {
		t.Errorf("with a budget below the live heap GOGC = %d, want %d", got, MinPercent)
	}
	stop()
}

func TestStartLeavesUserSettingsAlone(t *testing.T) {
	t.Setenv("GOGC", "50")
	defer debug.SetGCPercent(debug.SetGCPercent(50))
	Start(1 << 40)()
	if got := debug.SetGCPercent(100); got != 50 {
		t.Errorf("GOGC = %d, want the user's 50", got)
	}
}
