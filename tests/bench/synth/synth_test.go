package synth

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/gobake/gobake/tests/internal/gobakebin"
)

var gobake string // the gobake binary under test

func TestMain(m *testing.M) { gobakebin.Main(m, &gobake, gobakebin.Race) }

// summary is gobake's "Summary: N tasks in D: R ran, U up to date, X noexec" line.
type summary struct{ total, ran, current, noexec int }

var summaryRE = regexp.MustCompile(`Summary: (\d+) tasks in \S+: (\d+) ran, (\d+) up to date, (\d+) noexec`)

func gobakeIn(tb testing.TB, dir string, args ...string) (summary, string) {
	tb.Helper()
	cmd := exec.Command(gobake, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		tb.Fatalf("gobake %v: %v\n%s", args, err, out)
	}
	var s summary
	if m := summaryRE.FindStringSubmatch(string(out)); m != nil {
		for i, p := range []*int{&s.total, &s.ran, &s.current, &s.noexec} {
			*p, _ = strconv.Atoi(m[i+1])
		}
	}
	return s, string(out)
}

// longestPath is the number of tasks on the longest path of task-depends.dot in dir.
func longestPath(t *testing.T, dir string) int {
	b, err := os.ReadFile(filepath.Join(dir, "task-depends.dot"))
	if err != nil {
		t.Fatal(err)
	}
	deps := map[string][]string{}
	for _, l := range strings.Split(string(b), "\n") {
		if a, c, ok := strings.Cut(l, " -> "); ok {
			deps[a] = append(deps[a], c)
		}
	}
	memo := map[string]int{}
	var depth func(string) int
	depth = func(n string) int {
		if d, ok := memo[n]; ok {
			return d
		}
		d := 1
		for _, c := range deps[n] {
			d = max(d, depth(c)+1)
		}
		memo[n] = d
		return d
	}
	return depth(`"top.do_build"`)
}

// TestSmallLayers builds small versions of the benchmark layers end to end: every task
// runs (or is noexec) once, a second build runs nothing, and the chain is one path.
func TestSmallLayers(t *testing.T) {
	for _, l := range []Layer{
		{Shape: FanIn, Recipes: 12, Tasks: 5},
		{Shape: Chain, Recipes: 8, Tasks: 6},
		{Shape: Shell, Recipes: 4, Tasks: 3},
	} {
		t.Run(string(l.Shape), func(t *testing.T) {
			dir := t.TempDir()
			if err := Write(dir, l); err != nil {
				t.Fatal(err)
			}
			build := filepath.Join(dir, "build")
			gobakeIn(t, build, "-g", Target)
			if l.Shape == Chain {
				if got := longestPath(t, build); got != l.TotalTasks() {
					t.Errorf("longest path %d tasks, want the whole chain (%d)", got, l.TotalTasks())
				}
			}
			s, out := gobakeIn(t, build, Target)
			want := summary{total: l.TotalTasks(), noexec: l.TotalTasks()}
			if l.Shape == Shell {
				want = summary{total: l.TotalTasks(), ran: l.TotalTasks()}
			}
			if s != want {
				t.Errorf("first build %+v, want %+v\n%s", s, want, out)
			}
			s, out = gobakeIn(t, build, Target)
			if s.ran != 0 || s.total != l.TotalTasks() {
				t.Errorf("second build %+v, want nothing run of %d\n%s", s, l.TotalTasks(), out)
			}
		})
	}
}

// BenchmarkEndToEnd builds the full-size layers with `gobake top`, each iteration in a fresh
// build directory, and reports the build's wall time minus `gobake -g top`'s per task.
// Run it with: go test -run '^$' -bench EndToEnd -benchtime 1x ./tests/bench/synth
func BenchmarkEndToEnd(b *testing.B) {
	for _, l := range []Layer{
		{Shape: FanIn, Recipes: 1000, Tasks: 20},
		{Shape: Chain, Recipes: 500, Tasks: 20},
		{Shape: Shell, Recipes: 100, Tasks: 10},
	} {
		b.Run(fmt.Sprintf("%s-%d", l.Shape, l.TotalTasks()), func(b *testing.B) {
			var graph, build time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				dir := b.TempDir()
				if err := Write(dir, l); err != nil {
					b.Fatal(err)
				}
				bd := filepath.Join(dir, "build")
				start := time.Now()
				gobakeIn(b, bd, "-g", Target)
				graph += time.Since(start)
				b.StartTimer()
				start = time.Now()
				s, out := gobakeIn(b, bd, Target)
				build += time.Since(start)
				if s.total != l.TotalTasks() {
					b.Fatalf("built %+v, want %d tasks\n%s", s, l.TotalTasks(), out)
				}
			}
			n := float64(b.N)
			b.ReportMetric(graph.Seconds()/n, "graph-s")
			b.ReportMetric(build.Seconds()/n, "build-s")
			b.ReportMetric((build-graph).Seconds()*1000/n/float64(l.TotalTasks()), "ms/task")
		})
	}
}
