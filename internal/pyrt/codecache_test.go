package pyrt

import (
	"io"
	"sync"
	"testing"

	"github.com/go-python/gpython/py"
)

// Runtimes given one CodeCache compile each source once and run the shared code, each in
// its own namespace; syntax errors stay per runtime.
func TestCodeCacheShared(t *testing.T) {
	codes := NewCodeCache()
	newRT := func() *Runtime {
		r, err := New(Options{Stdout: io.Discard, Stderr: io.Discard, Codes: codes})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	a, b := newRT(), newRT()
	const src = "def f(n):\n    return [i * i for i in range(n)]\nx = sum(f(4))\n"
	ca, err := a.Compile(src, "lib.py", py.ExecMode)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := b.Compile(src, "lib.py", py.ExecMode)
	if err != nil {
		t.Fatal(err)
	}
	if ca != cb {
		t.Error("the second runtime compiled the source again")
	}

	// Both run the shared code concurrently.
	var wg sync.WaitGroup
	for _, r := range []*Runtime{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				g := r.NewMain("")
				if _, err := r.RunCode(ca, g, g, nil); err != nil {
					t.Error(err)
					return
				}
				if g["x"] != py.Int(14) {
					t.Errorf("x = %v, want 14", g["x"])
					return
				}
			}
		}()
	}
	wg.Wait()

	_, ea := a.Compile("def (:\n", "bad.py", py.ExecMode)
	_, eb := b.Compile("def (:\n", "bad.py", py.ExecMode)
	if ea == nil || eb == nil {
		t.Fatalf("syntax errors not reported: %v, %v", ea, eb)
	}
	if ea == eb {
		t.Error("the runtimes share one SyntaxError object")
	}
}
