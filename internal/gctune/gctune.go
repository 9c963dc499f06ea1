package gctune

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// MinPercent and MaxPercent bound the GOGC values Start sets.
const (
	MinPercent = 100
	MaxPercent = 400
)

// Percent is the GOGC that makes the heap goal after a collection that left live bytes
// equal to budget, clamped to [MinPercent, MaxPercent].
func Percent(live, budget uint64) int {
	if live == 0 || budget <= live {
		return MinPercent
	}
	p := (budget - live) * 100 / live
	return int(min(max(p, MinPercent), MaxPercent))
}

// Start tunes GOGC after every collection towards a heap of budget bytes, until the
// returned stop is called (which restores the default). It does nothing when the GOGC or
// GOMEMLIMIT environment variable is set.
func Start(budget uint64) (stop func()) {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	var stopped atomic.Bool
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	// A finalizer runs once after each collection that found its object unreachable; it
	// re-arms itself with a new object.
	var arm func()
	arm = func() {
		sentinel := new([16]byte)
		runtime.SetFinalizer(sentinel, func(*[16]byte) {
			if stopped.Load() {
				return
			}
			metrics.Read(sample)
			if sample[0].Value.Kind() == metrics.KindUint64 {
				debug.SetGCPercent(Percent(sample[0].Value.Uint64(), budget))
			}
			arm()
		})
	}
	debug.SetGCPercent(MaxPercent)
	arm()
	return func() {
		stopped.Store(true)
		debug.SetGCPercent(MinPercent)
	}
}
