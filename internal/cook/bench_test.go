package cook

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// BenchmarkParseDemo parses the configuration and every recipe of the embedded demo layer.
func BenchmarkParseDemo(b *testing.B) {
	root := filepath.Join(b.TempDir(), "demo")
	copyTree(b, "../../meta", filepath.Join(root, "meta"), func(s string) string { return s })
	conf := filepath.Join(root, "build", "conf")
	if err := os.MkdirAll(conf, 0o755); err != nil {
		b.Fatal(err)
	}
	for _, f := range []string{"bblayers.conf", "local.conf"} {
		src, err := os.ReadFile(filepath.Join(root, "meta", "conf", f+".sample"))
		if err != nil {
			b.Fatal(err)
		}
		s := strings.ReplaceAll(string(src), "##DEMOLAYER##", filepath.Join(root, "meta"))
		if err := os.WriteFile(filepath.Join(conf, f), []byte(s), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	benchParse(b, filepath.Join(root, "build"), goldenEnv)
}

// BenchmarkParseOracle parses the configuration and every recipe of every multiconfig of an
// upstream Isar build directory ($GOBAKE_ORACLE_BUILD, e.g. the 2-multiconfig one
// ../shared/oracle/init-build.sh makes).
func BenchmarkParseOracle(b *testing.B) {
	dir := os.Getenv("GOBAKE_ORACLE_BUILD")
	if dir == "" {
		b.Skip("GOBAKE_ORACLE_BUILD is not set (an Isar build directory)")
	}
	env := map[string]string{}
	for _, kv := range os.Environ() {
		if k, v, ok := strings.Cut(kv, "="); ok {
			env[k] = v
		}
	}
	benchParse(b, dir, env)
}

func benchParse(b *testing.B, dir string, env map[string]string) {
	b.ReportAllocs()
	recipes := 0
	jobs := runtime.NumCPU()
	for b.Loop() {
		fork := func() (*Cooker, error) {
			w := New(Options{Parser: MetadataParser{}, Python: testPython(b), Env: env, Dir: dir, Jobs: 1, LazyMCs: true})
			return w, w.ParseConfiguration()
		}
		c := New(Options{Parser: MetadataParser{}, Python: testPython(b), Env: env, Dir: dir, Jobs: jobs, Fork: fork})
		if err := c.ParseConfiguration(); err != nil {
			b.Fatal(err)
		}
		all, err := c.ParseEverything()
		if err != nil {
			b.Fatal(err)
		}
		recipes = 0
		for _, idx := range all {
			for _, r := range idx.Recipes {
				if r.Err != nil {
					b.Fatal(r.Err)
				}
			}
			recipes += len(idx.Recipes)
		}
	}
	b.ReportMetric(float64(recipes), "recipes")
}

// BenchmarkShowEnvironmentDemo is gobake -e demo-image on the demo layer (configuration,
// provider resolution over every recipe, the target's finalised datastore, emission).
func BenchmarkShowEnvironmentDemo(b *testing.B) {
	dir := fixtureRoot(b, "demo")
	b.ReportAllocs()
	for b.Loop() {
		c := New(Options{Parser: MetadataParser{}, Python: testPython(b), Env: goldenEnv, Dir: filepath.Join(dir, "build"), Tracking: true, Jobs: 1})
		if err := c.ParseConfiguration(); err != nil {
			b.Fatal(err)
		}
		if err := c.ShowEnvironment(io.Discard, "demo-image"); err != nil {
			b.Fatal(err)
		}
	}
}
