package cook

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/gobake/gobake/tests/conformance/envdiff"
)

var update = flag.Bool("update", false, "rewrite the .known lists of entries that differ from BitBake")

// goldenEnv is the environment testdata/gen-golden.sh runs BitBake with.
var goldenEnv = map[string]string{
	"HOME": "/home/builder", "USER": "builder", "LOGNAME": "builder", "SHELL": "/bin/bash",
	"LANG": "en_US.UTF-8", "LC_ALL": "en_US.UTF-8", "PATH": "@ISAR@/bitbake/bin:/usr/bin:/bin",
	"BB_ENV_PASSTHROUGH_ADDITIONS": "BB_NUMBER_THREADS GOLDEN_FROM_ENV", "BB_NUMBER_THREADS": "2",
	"GOLDEN_FROM_ENV": "passed",
}

func copyTree(t testing.TB, src, dst string, subst func(string) string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		out := filepath.Join(dst, rel)
		if e.IsDir() {
			return os.MkdirAll(out, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(out, []byte(subst(string(b))), 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// fixtureRoot lays out a golden fixture under a temporary root as gen-golden.sh does and
// returns the root (the fixture's build directory is root/build).
func fixtureRoot(t testing.TB, name string) string {
	t.Helper()
	// A "-" in the root makes its re.escape form differ from it, as in gen-golden.sh.
	root := filepath.Join(t.TempDir(), "gobake-golden", name)
	if name == "demo" {
		copyTree(t, "../../meta", filepath.Join(root, "meta"), func(s string) string { return s })
		conf := filepath.Join(root, "build", "conf")
		if err := os.MkdirAll(conf, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{"bblayers.conf", "local.conf"} {
			b, err := os.ReadFile(filepath.Join(root, "meta", "conf", f+".sample"))
			if err != nil {
				t.Fatal(err)
			}
			s := strings.ReplaceAll(string(b), "##DEMOLAYER##", filepath.Join(root, "meta"))
			if err := os.WriteFile(filepath.Join(conf, f), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return root
	}
	copyTree(t, filepath.Join("testdata", "fixtures", name), root, func(s string) string {
		return strings.ReplaceAll(s, "##FIXTURE##", root)
	})
	return root
}

// placeholders masks root in a dump the way gen-golden.sh does.
func placeholders(s, root string) string {
	return strings.NewReplacer(reEscape(root), "@FIXTURE_RE@", anonTr.Replace(root), "@FIXTURE_ANON@", root, "@FIXTURE@").Replace(s)
}

func newTestCooker(t testing.TB, dir string, argv ...string) *Cooker {
	t.Helper()
	c := New(Options{Parser: MetadataParser{}, Python: testPython(t), Env: goldenEnv, Dir: dir, Argv: argv, Tracking: true, Jobs: 1})
	if err := c.ParseConfiguration(); err != nil {
		t.Fatal(err)
	}
	return c
}

// TestGoldenEnv compares gobake -e with BitBake's on every golden dump, entry by entry.
// Entries listed in the dump's .known file are known to differ (a divergence to fix); any
// other difference fails; a listed entry that no longer differs is reported in the log
// (-update rewrites the lists).
func TestGoldenEnv(t *testing.T) {
	dumps, err := filepath.Glob("testdata/golden/*/*.env")
	if err != nil || len(dumps) == 0 {
		t.Fatalf("no golden dumps: %v", err)
	}
	for _, dump := range dumps {
		fixture := filepath.Base(filepath.Dir(dump))
		file := strings.TrimSuffix(filepath.Base(dump), ".env")
		t.Run(fixture+"/"+file, func(t *testing.T) {
			target := targetOf(t, fixture, file)
			root := fixtureRoot(t, fixture)
			args := []string{"@ISAR@/bitbake/bin/bitbake", "-e"}
			if target != "" {
				args = append(args, target)
			}
			c := newTestCooker(t, filepath.Join(root, "build"), args...)
			var out bytes.Buffer
			ref := parseDump(t, dump)
			var differ []string
			var r envdiff.Result
			cand := map[string]envdiff.Entry{}
			if err := c.ShowEnvironment(&out, target); err != nil {
				// A failure is recorded like a differing entry, so that it is explicit.
				differ = []string{"ERROR: " + placeholders(err.Error(), root)}
			} else {
				cand, err = envdiff.Parse(strings.NewReader(placeholders(out.String(), root)))
				if err != nil {
					t.Fatal(err)
				}
				r = envdiff.Compare(ref, cand)
				differ = append(append(append(differ, r.Missing...), r.Extra...), r.Differ...)
				slices.Sort(differ)
			}
			knownFile := strings.TrimSuffix(dump, ".env") + ".known"
			if *update {
				writeKnown(t, knownFile, differ)
				return
			}
			known := readKnown(t, knownFile)
			var buf bytes.Buffer
			envdiff.Report(&buf, r, ref, cand, 1000)
			for _, n := range differ {
				if !slices.Contains(known, n) {
					t.Errorf("%s differs from BitBake and is not in %s", n, knownFile)
				}
			}
			for _, n := range known {
				// Good news, not a failure (a fix may land in another package first).
				if !slices.Contains(differ, n) {
					t.Logf("%s now matches BitBake: remove it from %s (go test -update)", n, knownFile)
				}
			}
			if t.Failed() {
				t.Log(buf.String())
			}
			t.Logf("%d of %d entries differ (%d known)", r.Count(), r.Total, len(known))
		})
	}
}

// targetOf maps a dump file name back to its target through the fixture's targets file.
func targetOf(t *testing.T, fixture, file string) string {
	t.Helper()
	if file == "global" {
		return ""
	}
	targets := []string{"demo-image", "greeter", "greeting-data"}
	if fixture != "demo" {
		b, err := os.ReadFile(filepath.Join("testdata", "fixtures", fixture, "targets"))
		if err != nil {
			t.Fatal(err)
		}
		targets = strings.Fields(string(b))
	}
	for _, tg := range targets {
		if strings.NewReplacer(":", "_", "/", "_").Replace(tg) == file {
			return tg
		}
	}
	t.Fatalf("no target of %s names %s.env", fixture, file)
	return ""
}

func parseDump(t *testing.T, path string) map[string]envdiff.Entry {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e, err := envdiff.Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func readKnown(t *testing.T, path string) []string {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func writeKnown(t *testing.T, path string, names []string) {
	if len(names) == 0 {
		os.Remove(path)
		return
	}
	s := "# Entries of the golden dump where gobake -e still differs from BitBake (go test -update).\n" + strings.Join(names, "\n") + "\n"
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestParseAllRules checks what gobake -p reports on the rules fixture against what
// bitbake -p reports there: 14 .bb files over 2 multiconfigs, 16 targets, 2 skipped.
func TestParseAllRules(t *testing.T) {
	root := fixtureRoot(t, "rules")
	c := newTestCooker(t, filepath.Join(root, "build"))
	files, targets, skipped := 0, 0, map[string]string{}
	for _, mc := range c.MCNames {
		idx, err := c.ParseAll(mc)
		if err != nil {
			t.Fatal(err)
		}
		files += len(c.Collections[mc].Files)
		for _, r := range idx.Recipes {
			if r.Err != nil {
				t.Errorf("%s: %v", r.VirtualFn, r.Err)
			}
			targets++
			if r.Skipped != "" {
				skipped[strings.TrimPrefix(r.VirtualFn, root)] = r.Skipped
			}
		}
	}
	if files != 14 || targets != 16 {
		t.Errorf("%d files, %d targets; want 14, 16", files, targets)
	}
	want := map[string]string{
		"/core/recipes-a/misc/skipped_1.0.bb":                     "recipe asked to be skipped",
		"mc:beta:" + root + "/core/recipes-a/misc/skipped_1.0.bb": "recipe asked to be skipped",
	}
	for k, v := range want {
		k = strings.TrimPrefix(k, root)
		if skipped[k] != v {
			t.Errorf("skipped[%s] = %q, want %q (all: %v)", k, skipped[k], v, skipped)
		}
	}
	if len(skipped) != len(want) {
		t.Errorf("skipped = %v, want %d entries", skipped, len(want))
	}
	// The same with two cookers parsing in parallel; the worker parses the configurations
	// of all multiconfigs, or (LazyMCs) of those it gets recipes of.
	for _, lazy := range []bool{false, true} {
		par := New(Options{Parser: MetadataParser{}, Python: testPython(t), Env: goldenEnv, Dir: filepath.Join(root, "build"), Jobs: 2, FilesPerWorker: 1,
			Fork: func() (*Cooker, error) {
				w := New(Options{Parser: MetadataParser{}, Python: testPython(t), Env: goldenEnv, Dir: filepath.Join(root, "build"), Jobs: 1, LazyMCs: lazy})
				if err := w.ParseConfiguration(); err != nil {
					return nil, err
				}
				if lazy && (w.HasMC("beta") || !w.HasMC("") || !slices.Contains(w.MCNames, "beta")) {
					t.Errorf("lazy worker: multiconfigs %v, beta parsed: %v", w.MCNames, w.HasMC("beta"))
				}
				return w, nil
			}})
		if err := par.ParseConfiguration(); err != nil {
			t.Fatal(err)
		}
		all, err := par.ParseEverything()
		if err != nil {
			t.Fatal(err)
		}
		for _, mc := range c.MCNames {
			seq, err := c.ParseAll(mc)
			if err != nil {
				t.Fatal(err)
			}
			if len(seq.Recipes) != len(all[mc].Recipes) {
				t.Fatalf("lazy %v, mc %q: %d recipes in parallel, %d sequentially", lazy, mc, len(all[mc].Recipes), len(seq.Recipes))
			}
			for i, r := range seq.Recipes {
				p := all[mc].Recipes[i]
				if r.VirtualFn != p.VirtualFn || r.PN != p.PN || r.Version != p.Version || r.Skipped != p.Skipped || !slices.Equal(r.Provides, p.Provides) {
					t.Errorf("lazy %v: parallel parse differs: %+v vs %+v", lazy, p, r)
				}
			}
		}
	}
	// A lazy cooker parses a multiconfig's configuration when asked, to what an eager one has.
	lz := New(Options{Parser: MetadataParser{}, Python: testPython(t), Env: goldenEnv, Dir: filepath.Join(root, "build"), Jobs: 1, LazyMCs: true})
	if err := lz.ParseConfiguration(); err != nil {
		t.Fatal(err)
	}
	if err := lz.EnsureMC("beta"); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(lz.Collections["beta"].Files, c.Collections["beta"].Files) {
		t.Errorf("lazy beta files %v, eager %v", lz.Collections["beta"].Files, c.Collections["beta"].Files)
	}
	for _, v := range []string{"MACHINE", "BB_CURRENT_MC", "OVERRIDES"} {
		if a, b := lz.getString(lz.MC["beta"], v), c.getString(c.MC["beta"], v); a != b {
			t.Errorf("lazy beta %s = %q, eager %q", v, a, b)
		}
	}
	if err := lz.EnsureMC("nosuch"); err == nil {
		t.Error("EnsureMC of an unknown multiconfig succeeded")
	}
	_, err := c.Environment("skipped")
	// As bitbake -e prints it (checked with BitBake on this fixture): one line per skipped
	// recipe, although it is skipped in both multiconfigs.
	if err == nil || err.Error() != "Nothing PROVIDES 'skipped'\nskipped was skipped: recipe asked to be skipped" {
		t.Errorf("-e skipped: error %v, want the skip reason", err)
	}
	// Typos get BitBake's close matches among the providers and the skipped recipes, as
	// bitbake -e printed them for this fixture.
	for target, want := range map[string]string{
		"helo":               "Nothing PROVIDES 'helo'. Close matches:\n  hello",
		"lib-on":             "Nothing PROVIDES 'lib-on'. Close matches:\n  lib-one\n  lib-two",
		"mc:beta:hello-extr": "Nothing PROVIDES 'hello-extr'. Close matches:\n  hello-extra",
		"skiped":             "Nothing PROVIDES 'skiped'. Close matches:\n  skipped",
		"virtual/li":         "Nothing PROVIDES 'virtual/li'. Close matches:\n  virtual/lib",
		"zzzz":               "Nothing PROVIDES 'zzzz'",
	} {
		if _, err := c.Environment(target); err == nil || err.Error() != want {
			t.Errorf("-e %s: error %v, want %q", target, err, want)
		}
	}
}

// bitbake -e mc:NAME shows that multiconfig's configuration; mc:NAME: names the empty recipe.
func TestEnvironmentOfMulticonfig(t *testing.T) {
	root := fixtureRoot(t, "rules")
	for _, lazy := range []bool{false, true} {
		c := New(Options{Parser: MetadataParser{}, Python: testPython(t), Env: goldenEnv, Dir: filepath.Join(root, "build"), Jobs: 1, LazyMCs: lazy})
		if err := c.ParseConfiguration(); err != nil {
			t.Fatal(err)
		}
		d, err := c.Environment("mc:beta")
		if err != nil {
			t.Fatalf("lazy %v: %v", lazy, err)
		}
		if got := c.getString(d, "BB_CURRENT_MC"); got != "beta" {
			t.Errorf("lazy %v: -e mc:beta has BB_CURRENT_MC %q", lazy, got)
		}
		if _, err := c.Environment("mc:beta:"); !errors.Is(err, ErrNoProvider) {
			t.Errorf("lazy %v: -e mc:beta: gave %v, want Nothing PROVIDES ''", lazy, err)
		}
		if _, err := c.Environment("mc:nosuch"); err == nil || !strings.Contains(err.Error(), `No multiconfig named "nosuch" found`) {
			t.Errorf("lazy %v: -e mc:nosuch gave %v", lazy, err)
		}
	}
}
