package runqueue

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// Signer computes task signatures. deps are t's dependencies, already signed (their Hash is
// set); taint is "" or the content of the task's taint file (-f) or, for [nostamp] tasks, a
// random value per build so that their dependents rerun, as BitBake's siggen does.
// internal/siggen implements it for real; BaseHashSigner adapts a base hash function.
type Signer interface {
	TaskHash(t *Task, deps []*Task, taint string) (string, error)
}

// BaseHashSigner is a Signer from a per-task base hash: the signature is the SHA-256 of the
// base hash, the dependencies' signatures in order and the taint, like siggen's
// get_taskhash.
type BaseHashSigner func(t *Task) (string, error)

// TaskHash implements Signer.
func (f BaseHashSigner) TaskHash(t *Task, deps []*Task, taint string) (string, error) {
	base, err := f(t)
	if err != nil {
		return "", err
	}
	h := sha256.New()
	io.WriteString(h, base)
	for _, d := range deps {
		io.WriteString(h, d.Hash)
	}
	io.WriteString(h, taint)
	return hex.EncodeToString(h.Sum(nil)), nil
}

// Invalidation is what -f and -C ask for.
type Invalidation struct {
	// Force (-f) taints every target task so that it and everything after it reruns; the
	// taint stays until the task's signature changes for another reason.
	Force bool
	// ClearStamp (-C TASK, comma-separated in bitbake) taints TASK of each target's recipe;
	// it is an error for a [nostamp] TASK.
	ClearStamp []string
}

// StampFile is the stamp of t at signature hash: STAMP.TASK.HASH; "" without STAMP.
func StampFile(t *Task, hash string) string {
	if t.Recipe.Stamp == "" {
		return ""
	}
	return t.Recipe.Stamp + "." + t.ID.Task + "." + hash
}

func taintFile(t *Task) string { return t.Recipe.Stamp + "." + t.ID.Task + ".taint" }

func randomID() string {
	var b [16]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// Invalidate writes the taint files -f and -C ask for (siggen.invalidate_task), before Sign.
func (g *Graph) Invalidate(inv Invalidation) error {
	taint := func(t *Task) error {
		if t.Recipe.Stamp == "" || t.NoStamp {
			return nil
		}
		return writeFileAtomic(taintFile(t), func(w io.Writer) error {
			_, err := io.WriteString(w, randomID())
			return err
		})
	}
	if inv.Force {
		for _, t := range g.Targets {
			if err := os.MkdirAll(filepath.Dir(taintFile(t)), 0o755); err != nil {
				return err
			}
			if err := taint(t); err != nil {
				return err
			}
		}
	}
	for _, name := range withDo(inv.ClearStamp) {
		for _, tg := range g.Targets {
			t := g.all[TaskID{MC: tg.ID.MC, File: tg.ID.File, Task: name}]
			if t == nil {
				return fmt.Errorf("-C %s: task %s does not exist in %s", name, name, tg.ID.File)
			}
			if t.NoStamp {
				return fmt.Errorf("-C %s: task %s of %s is marked nostamp, cannot invalidate it", name, name, t.Recipe.File)
			}
			if err := os.MkdirAll(filepath.Dir(taintFile(t)), 0o755); err != nil {
				return err
			}
			if err := taint(t); err != nil {
				return err
			}
		}
	}
	return nil
}

// Sign computes every task's Hash in dependency order with s, reading taint files.
func (g *Graph) Sign(s Signer) error {
	nostamp := randomID()
	done := make([]bool, len(g.Tasks))
	var stack []*Task
	for _, root := range g.Tasks {
		stack = append(stack[:0], root)
		for len(stack) > 0 {
			t := stack[len(stack)-1]
			if done[t.index] {
				stack = stack[:len(stack)-1]
				continue
			}
			ready := true
			for _, d := range t.Deps {
				if !done[d.index] {
					ready = false
					stack = append(stack, d)
				}
			}
			if !ready {
				continue
			}
			stack = stack[:len(stack)-1]
			taint := ""
			if t.NoStamp {
				taint = nostamp + t.ID.String()
			} else if t.Recipe.Stamp != "" {
				b, err := os.ReadFile(taintFile(t))
				if err != nil && !errors.Is(err, fs.ErrNotExist) {
					return fmt.Errorf("reading taint of %s: %w", t.ID, err)
				}
				taint = string(b)
			}
			h, err := s.TaskHash(t, t.Deps, taint)
			if err != nil {
				return fmt.Errorf("signing %s: %w", t.ID, err)
			}
			t.Hash = h
			done[t.index] = true
		}
	}
	return nil
}

// stampCurrent is runqueue.py's check_stamp_task: t is up to date when it has a stamp for
// its current signature, is not [nostamp], and no dependency in the same recipe lacks a
// stamp or has a newer one.
func stampCurrent(t *Task) bool {
	if t.NoStamp || t.Recipe.Stamp == "" {
		return false
	}
	fi, err := os.Stat(StampFile(t, t.Hash))
	if err != nil {
		return false
	}
	for _, d := range t.Deps {
		if d.Recipe != t.Recipe {
			continue
		}
		if d.NoStamp {
			return false
		}
		di, err := os.Stat(StampFile(d, d.Hash))
		if err != nil || fi.ModTime().Before(di.ModTime()) {
			return false
		}
	}
	return true
}

// stampState is one build's view of the stamp directories: each directory is listed once,
// the first time a stamp is written there, to find stamps of older signatures to remove
// (BitBake's stamp clean mask) without listing it again for every task.
type stampState struct {
	mu    sync.Mutex
	lists map[string][]string // directory -> names found when first written to
}

// write records that t completed at its signature. A stamp is an empty file, so creating
// it is atomic: it exists completely or not at all. O_TRUNC refreshes the mtime when the
// same stamp is written again. Then older STAMP.TASK.* stamps go.
func (st *stampState) write(t *Task) error {
	if t.NoStamp || t.Recipe.Stamp == "" {
		return nil
	}
	path := StampFile(t, t.Hash)
	dir := filepath.Dir(path)
	create := func() error {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o644)
		if err != nil {
			return err
		}
		return f.Close()
	}
	names, err := st.list(dir)
	if err == nil {
		err = create()
	}
	if errors.Is(err, fs.ErrNotExist) {
		if err = os.MkdirAll(dir, 0o755); err == nil {
			err = create()
		}
	}
	if err != nil {
		return fmt.Errorf("stamp of %s: %w", t.ID, err)
	}
	prefix := filepath.Base(t.Recipe.Stamp) + "." + t.ID.Task + "."
	for _, n := range names {
		rest, ok := strings.CutPrefix(n, prefix)
		if !ok || rest == t.Hash || rest == "taint" || strings.Contains(rest, ".") {
			continue
		}
		if err := os.Remove(filepath.Join(dir, n)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("removing old stamp of %s: %w", t.ID, err)
		}
	}
	return nil
}

// list returns the names in dir when this build first looked (nil if it did not exist).
func (st *stampState) list(dir string) ([]string, error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if names, ok := st.lists[dir]; ok {
		return names, nil
	}
	ents, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	names := make([]string, len(ents))
	for i, e := range ents {
		names[i] = e.Name()
	}
	if st.lists == nil {
		st.lists = map[string][]string{}
	}
	st.lists[dir] = names
	return names, nil
}
