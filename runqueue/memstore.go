package runqueue

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"
)

// MemStore is the in-memory Store, for tests and for builds that keep no state.
type MemStore struct {
	mu     sync.Mutex
	builds []*memBuild
	closed bool
}

type memBuild struct {
	rec   BuildRecord
	tasks []TaskRecord
	edges []Edge
}

// NewMemStore returns an empty MemStore.
func NewMemStore() *MemStore { return &MemStore{} }

var _ Store = (*MemStore)(nil)

func (m *MemStore) build(id int64) (*memBuild, error) {
	if m.closed {
		return nil, fmt.Errorf("runqueue store: closed")
	}
	if id < 1 || int(id) > len(m.builds) || m.builds[id-1] == nil {
		return nil, fmt.Errorf("runqueue store: no build %d", id)
	}
	return m.builds[id-1], nil
}

// BeginBuild implements Store.
func (m *MemStore) BeginBuild(_ context.Context, b BuildRecord) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return 0, fmt.Errorf("runqueue store: closed")
	}
	for _, old := range m.builds {
		if old != nil && old.rec.Status == BuildRunning {
			old.rec.Status = BuildInterrupted
		}
	}
	b.ID = int64(len(m.builds) + 1)
	if b.Status == "" {
		b.Status = BuildRunning
	}
	b.Targets = slices.Clone(b.Targets)
	m.builds = append(m.builds, &memBuild{rec: b})
	return b.ID, nil
}

// AddTasks implements Store.
func (m *MemStore) AddTasks(_ context.Context, build int64, tasks []TaskRecord, edges []Edge) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, err := m.build(build)
	if err != nil {
		return err
	}
	for _, t := range tasks {
		if t.Seq != len(b.tasks) {
			return fmt.Errorf("runqueue store: build %d: task %s has seq %d, want %d", build, t.ID, t.Seq, len(b.tasks))
		}
		if t.Status == "" {
			t.Status = StatusPending
		}
		b.tasks = append(b.tasks, t)
	}
	b.edges = append(b.edges, edges...)
	return nil
}

// UpdateTask implements Store.
func (m *MemStore) UpdateTask(_ context.Context, build int64, rec TaskRecord) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, err := m.build(build)
	if err != nil {
		return err
	}
	if rec.Seq < 0 || rec.Seq >= len(b.tasks) {
		return fmt.Errorf("runqueue store: build %d has no task %d", build, rec.Seq)
	}
	t := &b.tasks[rec.Seq]
	t.Status, t.Started, t.Ended, t.ExitCode, t.LogPath, t.Error = rec.Status, rec.Started, rec.Ended, rec.ExitCode, rec.LogPath, rec.Error
	return nil
}

// EndBuild implements Store.
func (m *MemStore) EndBuild(_ context.Context, build int64, status BuildStatus, ended time.Time) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, err := m.build(build)
	if err != nil {
		return err
	}
	b.rec.Status, b.rec.Ended = status, ended
	return nil
}

// Builds implements Store.
func (m *MemStore) Builds(_ context.Context, limit int) ([]BuildRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil, fmt.Errorf("runqueue store: closed")
	}
	var out []BuildRecord
	for i := len(m.builds) - 1; i >= 0 && (limit <= 0 || len(out) < limit); i-- {
		b := m.builds[i]
		if b == nil {
			continue
		}
		r := b.rec
		r.Targets = slices.Clone(r.Targets)
		r.Tasks = len(b.tasks)
		for _, t := range b.tasks {
			switch t.Status {
			case StatusDone, StatusFailed:
				r.Ran++
			}
			if t.Status == StatusFailed {
				r.Failed++
			}
		}
		out = append(out, r)
	}
	return out, nil
}

// Tasks implements Store.
func (m *MemStore) Tasks(_ context.Context, build int64) ([]TaskRecord, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, err := m.build(build)
	if err != nil {
		return nil, err
	}
	return slices.Clone(b.tasks), nil
}

// Edges implements Store.
func (m *MemStore) Edges(_ context.Context, build int64) ([]Edge, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, err := m.build(build)
	if err != nil {
		return nil, err
	}
	out := slices.Clone(b.edges)
	slices.SortFunc(out, func(a, b Edge) int {
		if a.Task != b.Task {
			return a.Task - b.Task
		}
		return a.Dep - b.Dep
	})
	return out, nil
}

// Prune implements Store. Build IDs are never reused: pruned builds leave holes.
func (m *MemStore) Prune(_ context.Context, keep int) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return 0, fmt.Errorf("runqueue store: closed")
	}
	n := 0
	live := 0
	for i := len(m.builds) - 1; i >= 0; i-- {
		if m.builds[i] == nil {
			continue
		}
		if live < keep {
			live++
			continue
		}
		m.builds[i] = nil
		n++
	}
	return n, nil
}

// Close implements Store.
func (m *MemStore) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closed = true
	return nil
}
