package data

import (
	"maps"
	"slices"
)

// snapMap is a map with O(1) snapshots: writes go to top, snapshots freeze top into an
// immutable chain shared by both copies. A nil-deleted marker (ok=false) hides older
// layers. It gives BitBake's copy.copy(dict) semantics for overridedata and the variable
// history without copying them on every createCopy.
type snapMap[V any] struct {
	top  map[string]slot[V]
	base *frozenLayer[V]
}

type slot[V any] struct {
	v  V
	ok bool
}

type frozenLayer[V any] struct {
	m      map[string]slot[V]
	parent *frozenLayer[V]
	depth  int
}

// maxFrozenDepth bounds lookups: deeper chains are flattened into one layer.
const maxFrozenDepth = 6

func (s *snapMap[V]) get(k string) (V, bool) {
	if e, found := s.top[k]; found {
		return e.v, e.ok
	}
	for l := s.base; l != nil; l = l.parent {
		if e, found := l.m[k]; found {
			return e.v, e.ok
		}
	}
	var zero V
	return zero, false
}

// owned reports whether k lives in the writable top layer.
func (s *snapMap[V]) owned(k string) bool {
	e, found := s.top[k]
	return found && e.ok
}

func (s *snapMap[V]) set(k string, v V) {
	if s.top == nil {
		s.top = make(map[string]slot[V])
	}
	s.top[k] = slot[V]{v: v, ok: true}
}

func (s *snapMap[V]) del(k string) {
	if s.base == nil {
		delete(s.top, k)
		return
	}
	if s.top == nil {
		s.top = make(map[string]slot[V])
	}
	s.top[k] = slot[V]{}
}

// snapshot freezes the current contents and returns an independent copy.
func (s *snapMap[V]) snapshot() snapMap[V] {
	if len(s.top) > 0 {
		depth := 1
		if s.base != nil {
			depth = s.base.depth + 1
		}
		s.base = &frozenLayer[V]{m: s.top, parent: s.base, depth: depth}
		s.top = nil
	}
	if s.base != nil && s.base.depth > maxFrozenDepth {
		s.base = &frozenLayer[V]{m: s.flatten(), depth: 1}
	}
	return snapMap[V]{base: s.base}
}

func (s *snapMap[V]) flatten() map[string]slot[V] {
	var layers []map[string]slot[V]
	for l := s.base; l != nil; l = l.parent {
		layers = append(layers, l.m)
	}
	out := make(map[string]slot[V])
	for i := len(layers) - 1; i >= 0; i-- {
		maps.Copy(out, layers[i])
	}
	maps.Copy(out, s.top)
	maps.DeleteFunc(out, func(_ string, e slot[V]) bool { return !e.ok })
	return out
}

// keys returns the live keys, sorted.
func (s *snapMap[V]) keys() []string {
	if s.base == nil {
		return slices.Sorted(maps.Keys(s.top))
	}
	return slices.Sorted(maps.Keys(s.flatten()))
}

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// each calls fn for every live key accepted by keep (all when nil) once with its newest
// value, in no particular order.
func (s *snapMap[V]) each(keep func(string) bool, fn func(k string, v V)) {
	if s.base == nil {
		for k, e := range s.top {
			if e.ok && (keep == nil || keep(k)) {
				fn(k, e.v)
			}
		}
		return
	}
	seen := make(map[string]bool)
	visit := func(m map[string]slot[V]) {
		for k, e := range m {
			if keep != nil && !keep(k) || seen[k] {
				continue
			}
			seen[k] = true
			if e.ok {
				fn(k, e.v)
			}
		}
	}
	visit(s.top)
	for l := s.base; l != nil; l = l.parent {
		visit(l.m)
	}
}

// Flatten merges the store's chain of variable layers into one, so that reading a variable
// looks in one map instead of walking the chain (recipes copied from a multiconfig's
// configuration read it through four layers otherwise). Names keep the order a single
// Python dict would have. Call it only on a store whose parents are not written any more,
// such as a parsed configuration: their later writes are not seen afterwards.
func (d *Store) Flatten() {
	if d.vars.parent == nil {
		return
	}
	var layers []*varLayer
	n := 0
	for l := d.vars; l != nil; l = l.parent {
		layers = append(layers, l)
		n += len(l.m)
	}
	top := make(map[string]*entry, n)
	for _, l := range layers {
		for name, e := range l.m {
			if _, ok := top[name]; !ok {
				top[name] = e
			}
		}
	}
	flat := &varLayer{m: make(map[string]*entry, len(top)), flat: true}
	for i := len(layers) - 1; i >= 0; i-- {
		for _, name := range layers[i].order {
			e := top[name]
			if e == nil || len(e.flags) == 0 {
				continue // deleted, or already placed
			}
			flat.put(name, &entry{flags: slices.Clone(e.flags)})
			top[name] = nil
		}
	}
	d.vars = flat
	d.touch()
}
