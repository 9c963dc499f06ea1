package runqueue

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"
)

// naiveRecursive is runqueue.py's part B transcribed literally (sets of task indices, full
// rescans): the reference the optimised closure must agree with.
func naiveRecursive(x *expansion, rts []recTask) {
	n := len(x.tasks)
	cum := make([]map[int]bool, n)
	deps := make([]map[int]bool, n)
	rev := make([][]int, n)
	for t := range n {
		cum[t] = map[int]bool{}
		deps[t] = map[int]bool{}
		for d := range x.deps[t] {
			deps[t][d] = true
			rev[d] = append(rev[d], t)
		}
	}
	var endpoints []int
	for t := range n {
		if len(deps[t]) == 0 {
			endpoints = append(endpoints, t)
		}
	}
	for len(endpoints) > 0 {
		next := map[int]bool{}
		for _, t := range endpoints {
			for _, d := range rev[t] {
				cum[d][x.tasks[t].Recipe.index] = true
				maps.Copy(cum[d], cum[t])
				delete(deps[d], t)
				if len(deps[d]) == 0 {
					next[d] = true
				}
			}
		}
		endpoints = sortedKeys(next)
	}
	isRec := map[int]bool{}
	selfref := map[int]bool{}
	for _, rt := range rts {
		isRec[rt.task] = true
		if slices.Contains(rt.names, x.tasks[rt.task].ID.Task) {
			selfref[rt.task] = true
		}
	}
	for extra := true; extra; {
		extra = false
		for _, rt := range rts {
			mine := x.deps[rt.task]
			total := map[int]bool{}
			for d := range mine {
				total[d] = true
			}
			for _, it := range rt.itasks {
				total[it] = true
				for d := range x.deps[it] {
					total[d] = true
				}
			}
			recipes := map[int]bool{}
			for d := range total {
				maps.Copy(recipes, cum[d])
			}
			for r := range recipes {
				for _, name := range rt.names {
					if d, ok := x.lookup(r, name); ok && d != rt.task {
						if _, have := mine[d]; !have {
							mine[d] = struct{}{}
							extra = true
						}
					}
				}
			}
			var more []int
			for d := range mine {
				if !isRec[d] {
					continue
				}
				for dd := range x.deps[d] {
					if _, have := mine[dd]; !have && slices.Contains(rt.names, x.tasks[dd].ID.Task) {
						more = append(more, dd)
					}
				}
			}
			for _, d := range more {
				mine[d] = struct{}{}
				extra = true
			}
		}
	}
	for t := range selfref {
		for s := range selfref {
			delete(x.deps[t], s)
		}
	}
}

func randomRecipes(r *rand.Rand) []RecipeSpec {
	pool := []string{"do_a", "do_b", "do_c", "do_d", "do_e"}
	pick := func(max int) []string {
		var out []string
		for _, n := range pool {
			if r.IntN(5) < max {
				out = append(out, n)
			}
		}
		return out
	}
	nr := 3 + r.IntN(10)
	var recipes []RecipeSpec
	for i := range nr {
		spec := RecipeSpec{File: fmt.Sprint("/r", i, ".bb"), PN: fmt.Sprint("r", i)}
		for j := range i {
			if r.IntN(4) == 0 {
				spec.DependsOn = append(spec.DependsOn, fmt.Sprint("/r", j, ".bb"))
			}
			if r.IntN(6) == 0 {
				spec.RDependsOn = append(spec.RDependsOn, fmt.Sprint("/r", j, ".bb"))
			}
		}
		for ti, name := range pool {
			if r.IntN(5) == 0 {
				continue
			}
			ts := TaskSpec{Name: name}
			if ti > 0 && r.IntN(3) > 0 {
				ts.After = []string{pool[r.IntN(ti)]}
			}
			if r.IntN(3) == 0 {
				ts.DepTask = pick(1)
			}
			if r.IntN(4) == 0 {
				ts.RDepTask = pick(1)
			}
			if r.IntN(4) == 0 {
				ts.RecRDepTask = pick(2)
				if r.IntN(2) == 0 {
					ts.RecIDepTask = pick(1)
				}
			}
			if i > 0 && r.IntN(6) == 0 {
				ts.Depends = []string{fmt.Sprint("r", r.IntN(i), ":", pool[r.IntN(len(pool))])}
			}
			spec.Tasks = append(spec.Tasks, ts)
		}
		recipes = append(recipes, spec)
	}
	return recipes
}

// TestClosureMatchesBitBake compares the optimised [recrdeptask] closure with the literal
// transcription on random recipe sets.
func TestClosureMatchesBitBake(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	checked := 0
	for iter := range 3000 {
		recipes := randomRecipes(r)
		b := NewBuilder()
		for _, spec := range recipes {
			b.AddRecipe(spec)
		}
		x1, rts1, err := b.expand()
		if err != nil {
			continue // a [depends] on a task the random recipe lacks
		}
		x2, rts2, _ := b.expand()
		if len(rts1) == 0 {
			continue
		}
		checked++
		naiveRecursive(x1, rts1)
		x2.recursive(rts2)
		for ti := range x1.tasks {
			want, got := sortedSet(x1.deps[ti]), sortedSet(x2.deps[ti])
			if !slices.Equal(got, want) {
				t.Fatalf("iteration %d: %s depends on %v, want %v\nrecipes: %+v", iter, x1.tasks[ti].ID, names(x1, got), names(x1, want), recipes)
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d random graphs had recursive tasks", checked)
	}
}

func sortedSet(m map[int]struct{}) []int {
	return slices.Sorted(maps.Keys(m))
}

func names(x *expansion, ts []int) []string {
	var out []string
	for _, t := range ts {
		out = append(out, x.tasks[t].Recipe.PN+"."+x.tasks[t].ID.Task)
	}
	return out
}
